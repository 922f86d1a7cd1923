import type { RankingRow } from '@shared/dashboard.ts';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RankingTable } from './RankingTable.tsx';

const row = (over: Partial<RankingRow>): RankingRow => ({
  rank: 1,
  unitId: 1,
  name: '办公室',
  kind: 'department',
  tasks: 2,
  reportsDue: 4,
  reportsOnTime: 0,
  reportsLate: 0,
  reportsMissing: 4,
  onTimeRate: 0,
  progress: 0,
  red: 1,
  yellow: 0,
  ...over,
});

const ranks = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [
      tr.querySelector('[data-rank]')?.getAttribute('data-rank'),
      within(tr).getByRole('link', { name: /股|室|学/ }).textContent,
    ]);

describe('dashboard ranking table', () => {
  it("shows the server's shared ranks, marks ties, and switches between departments and schools", () => {
    render(
      <MemoryRouter>
        <RankingTable
          planId={7}
          rows={[
            row({ rank: 1, unitId: 1, name: '办公室', onTimeRate: 1, reportsOnTime: 4, reportsMissing: 0 }),
            row({ rank: 2, unitId: 2, name: '人事股' }),
            row({ rank: 2, unitId: 3, name: '行政审批股' }),
            row({ rank: 1, unitId: 4, name: '城关小学', kind: 'school' }),
          ]}
        />
      </MemoryRouter>,
    );
    expect(ranks()).toEqual([
      ['1', '办公室'],
      ['2', '人事股'],
      ['2', '行政审批股'],
    ]);
    expect(screen.getAllByText('并列')).toHaveLength(2);
    expect(
      screen.getByText(/按时填报率相同者按平均进度排列；两项均相同者名次并列，按单位名称排列/),
    ).toBeTruthy();
    fireEvent.click(screen.getByText('学校（1）'));
    expect(ranks()).toEqual([['1', '城关小学']]);
    expect(screen.queryByText('并列')).toBeNull();
  });

  it('shows no switch when only one kind is there, and 暂无到期 for a unit owing nothing yet', () => {
    render(
      <MemoryRouter>
        <RankingTable planId={7} rows={[row({ progress: null, onTimeRate: null, reportsDue: 0 })]} />
      </MemoryRouter>,
    );
    expect(screen.queryByText('股室（1）')).toBeNull();
    expect(screen.getByText('暂无到期')).toBeTruthy();
  });
});
