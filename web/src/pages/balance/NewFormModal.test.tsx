import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { balanceForm, fakeApi, json, type Sent } from './balance-fixtures.ts';
import { FormsTab } from './FormsTab.tsx';

const posts = (sent: Sent[]) => sent.filter((s) => s.method === 'POST');

function renderForms() {
  const sent = fakeApi({
    'GET /api/balance/forms': () => json({ forms: [balanceForm] }),
    'POST /api/balance/forms': () => json({ ...balanceForm, id: 2, code: null, builtin: false }, 201),
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AntApp>
        <FormsTab manage />
      </AntApp>
    </QueryClientProvider>,
  );
  return sent;
}

describe('新建表单', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the built-in form’s fields with their units', async () => {
    renderForms();
    expect(await screen.findByText('体育运动场馆面积（㎡）')).toBeTruthy();
    expect(screen.getByText('内置')).toBeTruthy();
  });

  it('refuses a repeated field code, then sends the fields with unit, range and flags', async () => {
    const user = userEvent.setup();
    const sent = renderForms();
    await user.click(await screen.findByRole('button', { name: /新建表单/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('表单名称'), '学校基本情况统计表');
    await user.type(within(dialog).getByLabelText('字段代码'), 'classrooms');
    await user.type(within(dialog).getByLabelText('字段名称'), '普通教室数');
    await user.type(within(dialog).getByLabelText('单位'), '间');
    await user.click(within(dialog).getByLabelText('只能填整数'));
    await user.click(within(dialog).getByRole('button', { name: /添加字段/ }));
    const keys = within(dialog).getAllByLabelText('字段代码');
    await user.type(keys[1] as HTMLElement, 'classrooms');
    await user.type(within(dialog).getAllByLabelText('字段名称')[1] as HTMLElement, '功能教室数');
    await user.click(within(dialog).getByRole('button', { name: /保存表单/ }));
    expect(await within(dialog).findByText('字段代码不能重复')).toBeTruthy();
    expect(posts(sent)).toEqual([]);

    await user.clear(keys[1] as HTMLElement);
    await user.type(keys[1] as HTMLElement, 'labs');
    await user.type(within(dialog).getAllByLabelText('最大值')[1] as HTMLElement, '50');
    await user.click(within(dialog).getByRole('button', { name: /保存表单/ }));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(JSON.parse(String(posts(sent)[0]?.body))).toEqual({
      name: '学校基本情况统计表',
      staged: false,
      fields: [
        {
          key: 'classrooms',
          label: '普通教室数',
          unit: '间',
          integer: true,
          min: 0,
          max: null,
          required: true,
        },
        { key: 'labs', label: '功能教室数', unit: '', integer: false, min: 0, max: 50, required: true },
      ],
    });
  });
});
