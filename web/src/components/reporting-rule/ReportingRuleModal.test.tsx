import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportingRuleModal, type ReportingTarget } from './ReportingRuleModal.tsx';

interface Call {
  method: string;
  path: string;
  body: unknown;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const organization = { cycle: 'month', dueDay: 25 };

/** A fake API: the organization's rule is monthly by the 25th; `own` is the target's own fields. */
function fakeApi(own: { cycle: string | null; dueDay: number | null }, putAnswer?: Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ method, path, body });
      if (path === '/api/settings') return json(200, { lights: {}, reporting: organization });
      if (path === '/api/plans/1/reporting' && method === 'GET') {
        return json(200, { cycle: null, dueDay: null, effective: organization });
      }
      if (method === 'GET') {
        return json(200, {
          ...own,
          effective: { cycle: own.cycle ?? organization.cycle, dueDay: own.dueDay ?? organization.dueDay },
        });
      }
      if (putAnswer) return putAnswer;
      const sent = body as { cycle: string | null; dueDay: number | null };
      return json(200, {
        ...sent,
        effective: { cycle: sent.cycle ?? organization.cycle, dueDay: sent.dueDay ?? organization.dueDay },
      });
    }),
  );
  return calls;
}

function renderModal(target: ReportingTarget) {
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AntApp>
        <ReportingRuleModal target={target} open onClose={onClose} />
      </AntApp>
    </QueryClientProvider>,
  );
  return onClose;
}

async function chooseDueDay(user: ReturnType<typeof userEvent.setup>, label: string) {
  await user.click(screen.getByRole('combobox', { name: '截止日' }));
  const dropdown = document.querySelector('.ant-select-dropdown') as HTMLElement;
  await user.click(within(dropdown).getByText(label));
}

const puts = (calls: Call[]) => calls.filter((c) => c.method === 'PUT');

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe('ReportingRuleModal', () => {
  it('shows the plan’s effective rule and sends 每季度, day 10 as {cycle:"quarter", dueDay:10}', async () => {
    const user = userEvent.setup();
    const calls = fakeApi({ cycle: null, dueDay: null });
    const onClose = renderModal({ kind: 'plan', planId: 1 });
    expect((await screen.findByTestId('reporting-effective')).textContent).toBe('每月，25日前；遇节假日顺延');
    expect(screen.getByText('本单位设置：每月，25日前；遇节假日顺延')).toBeTruthy();
    expect(screen.getByLabelText('沿用本单位设置（每月）')).toHaveProperty('checked', true);

    await user.click(screen.getByLabelText('每季度'));
    await chooseDueDay(user, '10日');
    expect(screen.getByTestId('reporting-after').textContent).toBe(
      '保存后适用：每季度，季度结束后次月10日前；遇节假日顺延',
    );
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));

    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0]).toEqual({
      method: 'PUT',
      path: '/api/plans/1/reporting',
      body: { cycle: 'quarter', dueDay: 10 },
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await screen.findByText('填报规则已保存，亮灯和截止日已按新规则推算')).toBeTruthy();
  });

  it('shows what a task inherits from its plan and sends 沿用 as null', async () => {
    const user = userEvent.setup();
    const calls = fakeApi({ cycle: 'quarter', dueDay: 10 });
    renderModal({ kind: 'task', planId: 1, taskId: 7, title: '每季度开展一次专题学习' });
    expect((await screen.findByTestId('reporting-effective')).textContent).toBe(
      '每季度，季度结束后次月10日前；遇节假日顺延',
    );
    expect(screen.getByText('工作要点的设置：每月，25日前；遇节假日顺延')).toBeTruthy();
    expect(screen.getByLabelText('每季度')).toHaveProperty('checked', true);

    await user.click(screen.getByLabelText('沿用工作要点的设置（每月）'));
    await chooseDueDay(user, '沿用工作要点的设置（25日）');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));

    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0]).toEqual({
      method: 'PUT',
      path: '/api/tasks/7/reporting',
      body: { cycle: null, dueDay: null },
    });
  });

  it('shows the server’s refusal next to the field it names', async () => {
    const user = userEvent.setup();
    const refusal = json(400, {
      error: {
        code: 'VALIDATION',
        message: '截止日应为 1–28 的整数',
        details: { issues: [{ field: 'dueDay', message: '截止日应为 1–28 的整数' }] },
      },
    });
    const calls = fakeApi({ cycle: null, dueDay: null }, refusal);
    const onClose = renderModal({ kind: 'plan', planId: 1 });
    await screen.findByTestId('reporting-effective');
    await chooseDueDay(user, '28日');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const message = await screen.findByText('截止日应为 1–28 的整数');
    expect(message.closest('.ant-form-item-explain-error')).toBeTruthy();
    expect(document.querySelector('.ant-alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
