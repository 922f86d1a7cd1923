import type { ItemBalanceView } from '@shared/items.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { meKey } from '../../api/session.ts';
import { type TestRole, userOf } from '../../test-support/users.ts';
import { BalanceCard } from './BalanceCard.tsx';

function renderCard(role: TestRole, balance: ItemBalanceView) {
  const client = new QueryClient();
  client.setQueryData(meKey, userOf(role));
  const router = createMemoryRouter([{ path: '/', element: <BalanceCard balance={balance} /> }]);
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const sports = (cv: number, pass: boolean) => ({
  key: 'sportsArea' as const,
  name: '生均体育运动场馆面积',
  cv,
  pass,
});
const locked: ItemBalanceView = {
  round: {
    id: 5,
    name: '2024年秋季学期',
    status: 'locked',
    dueOn: '2024-11-15',
    openedAt: '2024-10-01T02:00:00Z',
    // 01:30 on 20 October in Beijing.
    lockedAt: '2024-10-19T17:30:00Z',
    taskId: 13,
  },
  counts: { schools: 7, draft: 0, submitted: 0, returned: 0, accepted: 7 },
  basis: 'accepted',
  result: {
    pass: false,
    summary: '',
    stages: [
      {
        stage: '小学',
        schools: 4,
        pupils: 1600,
        pass: true,
        within: 7,
        threshold: 0.5,
        indicators: [sports(0.068, true)],
      },
      {
        stage: '初中',
        schools: 3,
        pupils: 1200,
        pass: false,
        within: 6,
        threshold: 0.45,
        indicators: [sports(0.577, false)],
      },
    ],
    blockers: [
      {
        stage: '初中',
        key: 'sportsArea',
        cv: 0.5774,
        threshold: 0.45,
        over: 0.1274,
        text: '初中体育运动场馆面积差异系数0.58，超出0.13',
      },
    ],
    schools: 7,
    failingSchools: 1,
  },
  newer: {
    id: 6,
    name: '2025年春季学期',
    dueOn: '2025-04-30',
    counts: { schools: 7, draft: 1, submitted: 2, returned: 0, accepted: 3 },
  },
};

describe('BalanceCard (均衡监测 on the item page)', () => {
  afterEach(cleanup);

  it('shows a locked round: its day in Beijing, each stage, the blockers, the schools, the newer round', () => {
    renderCard('supervisor', locked);
    expect(screen.getByText('2024年秋季学期')).toBeTruthy();
    expect(screen.getByText('已锁定')).toBeTruthy();
    expect(screen.getByText('2024-10-20 锁定')).toBeTruthy();
    expect(
      screen.getByText('小学 4 所学校：七项指标差异系数 7/7 项不高于 0.50', { exact: false }),
    ).toBeTruthy();
    expect(
      screen.getByText('初中 3 所学校：七项指标差异系数 6/7 项不高于 0.45', { exact: false }),
    ).toBeTruthy();
    expect(screen.getByText('主要差距：初中体育运动场馆面积差异系数0.58，超出0.13')).toBeTruthy();
    expect(
      screen.getByText('1 个学校（学段）未达到“至少 6 项达标、其余不低于 85%”的要求（共 7 个）'),
    ).toBeTruthy();
    expect(screen.getByText('新一轮“2025年春季学期”正在填报：应填学校 7 所，已审核通过 3 所。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '查看监测详情' }).getAttribute('href')).toBe('/balance/rounds/5');
  });

  it('shows an open round with its progress, and no link to those who cannot open the monitor', () => {
    renderCard('department', {
      ...locked,
      round: { ...locked.round, status: 'open', lockedAt: null },
      counts: { schools: 7, draft: 1, submitted: 2, returned: 1, accepted: 0 },
      basis: 'filed',
      result: null,
      newer: null,
    });
    expect(screen.getByText('填报中')).toBeTruthy();
    expect(screen.getByText('填报截止 2024-11-15')).toBeTruthy();
    expect(screen.getByText('应填学校 7 所，已审核通过 0 所，待审核 2 所，已退回 1 所')).toBeTruthy();
    expect(screen.getByText('尚无学校提交数据。')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
