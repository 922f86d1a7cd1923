import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import BalancePage from './BalancePage.tsx';
import { balanceForm, fakeApi, json, openRound, type Sent } from './balance-fixtures.ts';
import { renderPage } from './render-page.tsx';

const posts = (sent: Sent[]) => sent.filter((s) => s.method === 'POST');

const lockedRound = {
  ...openRound,
  id: 4,
  name: '2024年春季学期',
  status: 'locked' as const,
  lockedAt: '2024-06-30T02:00:00.000Z',
  counts: { schools: 3, draft: 0, submitted: 0, returned: 0, accepted: 3 },
  summary: { pass: false, blockers: ['初中体育运动场馆面积差异系数0.52，超出0.07'] },
};

const api = {
  'GET /api/balance/rounds': () => json({ rounds: [openRound, lockedRound] }),
  'GET /api/balance/trend': () => json({ rounds: [], series: [] }),
  'GET /api/balance/forms': () => json({ forms: [balanceForm] }),
};

describe('the rounds page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the bureau each round’s progress and a locked round’s first blocker', async () => {
    fakeApi(api);
    renderPage('supervisor', '/balance', '/balance', <BalancePage />);
    const open = (await screen.findByRole('link', { name: '2024年秋季学期' })).closest('tr') as HTMLElement;
    expect(open.textContent).toContain('填报中');
    expect(open.textContent).toContain('已通过 1/3');
    expect(open.textContent).toContain('待审核 1');
    expect(open.textContent).toContain('未填报 1');
    expect(open.textContent).toContain('锁定后显示');
    const locked = screen.getByRole('link', { name: '2024年春季学期' }).closest('tr') as HTMLElement;
    expect(locked.textContent).toContain('初中体育运动场馆面积差异系数0.52，超出0.07');
    expect(screen.getByRole('link', { name: '2024年秋季学期' }).getAttribute('href')).toBe(
      '/balance/rounds/5',
    );
  });

  it('opens a round on a form with a name and due date', async () => {
    const user = userEvent.setup();
    const sent = fakeApi({ ...api, 'POST /api/balance/rounds': () => json(openRound, 201) });
    renderPage('supervisor', '/balance', '/balance', <BalancePage />);
    await user.click(await screen.findByRole('button', { name: /发起填报/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: '填报表单' }));
    fireEvent.click(await screen.findByTitle(balanceForm.name));
    await user.type(within(dialog).getByLabelText('轮次名称'), '2024年秋季学期');
    const due = within(dialog).getByLabelText('填报截止日期');
    await user.click(due);
    await user.type(due, '2024-10-31{enter}');
    await user.click(within(dialog).getByRole('button', { name: /发\s*起/ }));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(JSON.parse(String(posts(sent)[0]?.body))).toEqual({
      formId: 1,
      name: '2024年秋季学期',
      dueOn: '2024-10-31',
      taskId: null,
    });
  });

  it('shows a school its rounds under 数据填报, without the bureau’s trend or forms', async () => {
    const sent = fakeApi(api);
    renderPage('school', '/balance/fill', '/balance/fill', <BalancePage />);
    expect(await screen.findByRole('link', { name: '2024年秋季学期' })).toBeTruthy();
    expect(screen.getByText('数据填报')).toBeTruthy();
    expect(screen.queryByText('填报表单')).toBeNull();
    expect(screen.queryByRole('button', { name: /发起填报/ })).toBeNull();
    expect(sent.map((s) => s.url)).toEqual(['/api/balance/rounds']);
  });
});
