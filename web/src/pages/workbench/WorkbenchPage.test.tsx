import type { Workbench, WorkbenchCollection } from '@shared/work.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meKey } from '../../api/session.ts';
import { type TestRole, userOf } from '../../test-support/users.ts';
import WorkbenchPage from './WorkbenchPage.tsx';

// 我的待办 with open collection rounds (数据填报): the server is faked (fetch); what the page shows of
// each round and where its button leads is the page's own behaviour.

const empty: Workbench = {
  period: { period: '2024-11', dueOn: '2024-11-25' },
  toAcknowledge: [],
  reportsDue: [],
  returned: [],
  extensionDecisions: [],
  extensionOutcomes: [],
  completionDecisions: [],
  collections: [],
};

const round = {
  roundId: 5,
  name: '2024年秋季学期',
  formName: '义务教育优质均衡资源配置七项指标',
  dueOn: '2024-11-15',
  link: '/balance/rounds/5',
};

function showWorkbench(role: TestRole, collections: WorkbenchCollection[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) =>
      String(input) === '/api/workbench'
        ? new Response(JSON.stringify({ ...empty, collections }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          })
        : new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: '未找到' } }), { status: 404 }),
    ),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(meKey, userOf(role));
  const router = createMemoryRouter(
    [
      { path: '/workbench', element: <WorkbenchPage /> },
      { path: '/balance/rounds/:id', element: <p>填报轮次页面</p> },
    ],
    { initialEntries: ['/workbench'] },
  );
  render(
    <QueryClientProvider client={client}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </QueryClientProvider>,
  );
  return router;
}

describe('the workbench with open collection rounds', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a school its returned round with the reason and the days overdue, and 去填报 opens the round', async () => {
    const user = userEvent.setup();
    const router = showWorkbench('school', [
      { ...round, daysLeft: -1, action: 'fill', state: 'returned', returnReason: '学生数与学籍系统不一致' },
    ]);
    const card = within(await screen.findByTestId('workbench-collections'));
    expect(card.getByText('数据填报')).toBeTruthy();
    expect(card.getByText('2024年秋季学期')).toBeTruthy();
    expect(card.getByText('已退回')).toBeTruthy();
    expect(card.getByText('退回原因：学生数与学籍系统不一致')).toBeTruthy();
    expect(card.getByText('截止 2024-11-15')).toBeTruthy();
    expect(card.getByText('已逾期 1 天')).toBeTruthy();
    // The round is what waits: no "all done" beside it.
    expect(screen.queryByText('全部处理完毕')).toBeNull();
    await user.click(card.getByRole('button', { name: '去填报' }));
    expect(router.state.location.pathname).toBe('/balance/rounds/5');
    expect(await screen.findByText('填报轮次页面')).toBeTruthy();
  });

  it('shows a school a round not yet filed, with the days left', async () => {
    showWorkbench('school', [{ ...round, daysLeft: 3, action: 'fill', state: 'none', returnReason: null }]);
    const card = within(await screen.findByTestId('workbench-collections'));
    expect(card.getByText('尚未填报')).toBeTruthy();
    expect(card.getByText('还有 3 天')).toBeTruthy();
    expect(card.queryByText(/退回原因/)).toBeNull();
  });

  it('shows the supervisor the rows to review and who has not filed, with 去审核', async () => {
    const user = userEvent.setup();
    const router = showWorkbench('supervisor', [
      { ...round, daysLeft: 0, action: 'review', toReview: 2, schools: 3, notFiled: 1, notSubmitted: 2 },
    ]);
    const card = within(await screen.findByTestId('workbench-collections'));
    expect(card.getByText('待审核 2 行')).toBeTruthy();
    expect(card.getByText('2 所学校未提交（其中 1 所未填报）')).toBeTruthy();
    expect(card.getByText('今天截止')).toBeTruthy();
    await user.click(card.getByRole('button', { name: '去审核' }));
    expect(router.state.location.pathname).toBe('/balance/rounds/5');
  });

  it('shows no 数据填报 card when no round needs the user', async () => {
    showWorkbench('school', []);
    expect(await screen.findByText('全部处理完毕')).toBeTruthy();
    expect(screen.queryByTestId('workbench-collections')).toBeNull();
    expect(screen.queryByText('数据填报')).toBeNull();
  });
});
