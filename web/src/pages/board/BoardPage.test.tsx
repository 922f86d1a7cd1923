import type { ItemNode, PlanTree, TaskNode } from '@shared/plan-tree.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { queryDefaults } from '../../api/query-client.ts';
import { meKey } from '../../api/session.ts';
import { type TestRole, userOf } from '../../test-support/users.ts';
import BoardPage from './BoardPage.tsx';

function task(id: number, lead: [number, string], schools: TaskNode[] = []): TaskNode {
  return {
    id,
    title: `任务${id}`,
    lead: { id: lead[0], name: lead[1] },
    coOwners: [],
    startOn: '2024-03-01',
    dueOn: '2024-12-31',
    status: 'acknowledged',
    version: 1,
    indicators: [],
    schools,
  };
}

function item(id: number, title: string, leader: string, tasks: TaskNode[]): ItemNode {
  return {
    id,
    no: id,
    title,
    body: '',
    weight: 1,
    leaders: [leader],
    departments: [],
    draftIndicators: [],
    tasks,
  };
}

// As the API gives it to a department user, the tree still lists every item; only their tasks are in it.
const tree: PlanTree = {
  plan: {
    id: 1,
    title: '云溪区2024年教育体育工作要点',
    year: 2024,
    status: 'published',
    issuer: null,
    docNumber: null,
    noticeTitle: null,
    issuedOn: null,
    publishedOn: '2024-03-01',
    noticeId: null,
    version: 1,
    warnings: [],
  },
  sections: [
    {
      id: 10,
      no: 1,
      title: '聚焦党建引领',
      items: [
        item(1, '深入学习贯彻党的二十大精神', '陈玲玲', [task(1, [1, '办公室'])]),
        item(2, '不断加强基层党建工作', '林海', [task(2, [3, '人事股'], [task(3, [9, '城关小学'])])]),
      ],
    },
    { id: 20, no: 2, title: '聚焦全面发展', items: [item(3, '切实加强体卫艺工作', '李开军', [])] },
  ],
};

function renderBoard(role: TestRole, search = '') {
  const client = new QueryClient({ defaultOptions: queryDefaults });
  client.setQueryData(meKey, userOf(role));
  client.setQueryData(['plan', 1], tree);
  const router = createMemoryRouter([{ path: '/plans/:planId', element: <BoardPage /> }], {
    initialEntries: [`/plans/1${search}`],
  });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const shownTitles = () =>
  screen.queryAllByTestId('board-item').map((row) => row.querySelector('a')?.textContent);
const selectedScope = () => document.querySelector('.ant-segmented-item-selected')?.textContent ?? null;

describe('board scope (与我有关 / 全部要点)', () => {
  it('opens a department on the items whose tasks its unit owns, and switches to all', async () => {
    const router = renderBoard('department');
    expect(await screen.findByText('显示 1 / 3 项要点')).toBeTruthy();
    expect(shownTitles()).toEqual(['深入学习贯彻党的二十大精神']);
    expect(selectedScope()).toBe('与我有关');

    fireEvent.click(screen.getByText('全部要点'));
    expect(await screen.findByText('显示 3 / 3 项要点')).toBeTruthy();
    expect(selectedScope()).toBe('全部要点');
    expect(router.state.location.search).toBe('?scope=all');
  });

  it('counts a school copy as the school’s own task', async () => {
    renderBoard('school');
    expect(await screen.findByText('显示 1 / 3 项要点')).toBeTruthy();
    expect(shownTitles()).toEqual(['不断加强基层党建工作']);
  });

  it('opens a leader on the items naming them', async () => {
    renderBoard('leader');
    expect(await screen.findByText('显示 1 / 3 项要点')).toBeTruthy();
    expect(shownTitles()).toEqual(['深入学习贯彻党的二十大精神']);
    expect(selectedScope()).toBe('与我有关');
  });

  for (const role of ['supervisor', 'viewer'] as const) {
    it(`opens a ${role} on the whole plan, with no switch`, async () => {
      renderBoard(role);
      expect(await screen.findByText('显示 3 / 3 项要点')).toBeTruthy();
      expect(screen.queryByTestId('board-scope')).toBeNull();
    });
  }

  it('keeps the choice in the address', async () => {
    renderBoard('department', '?scope=all');
    expect(await screen.findByText('显示 3 / 3 项要点')).toBeTruthy();
    expect(selectedScope()).toBe('全部要点');
  });

  it('combines with the other filters and keeps the scope when they are cleared', async () => {
    const router = renderBoard('department', '?q=%E4%BD%93%E5%8D%AB%E8%89%BA');
    expect(await screen.findByText('显示 0 / 3 项要点')).toBeTruthy();
    expect(screen.getByText(/没有符合筛选条件的要点/)).toBeTruthy();
    fireEvent.click(screen.getAllByText('清除筛选')[0] as HTMLElement);
    expect(await screen.findByText('显示 1 / 3 项要点')).toBeTruthy();
    expect(router.state.location.search).toBe('?scope=mine');
  });
});
