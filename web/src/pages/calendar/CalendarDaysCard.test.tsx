import type { CalendarYearView } from '@shared/calendar.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CalendarDaysCard } from './CalendarDaysCard.tsx';

// The server is faked here (fetch): the page's own behaviour is what shows which days are the
// national arrangement and which the bureau's own, and that reverting sends DELETE for that day.

const view: CalendarYearView = {
  year: 2024,
  days: [
    {
      date: '2024-05-01',
      kind: 'workday',
      name: '本局值守',
      weekday: 3,
      own: true,
      national: { kind: 'holiday', name: '劳动节' },
    },
    { date: '2024-05-02', kind: 'holiday', name: '劳动节', weekday: 4, own: false, national: null },
    { date: '2024-05-20', kind: 'holiday', name: '本局放假', weekday: 1, own: true, national: null },
  ],
  school: { isDefault: true, entries: [] },
  reporting: { cycle: 'month', dueDay: 25 },
  dueDates: [],
};

function renderCard(editable: boolean) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AntApp>
        <CalendarDaysCard view={view} editable={editable} />
      </AntApp>
    </QueryClientProvider>,
  );
}

const rowOf = (date: string) => {
  const row = screen.getByText(date).closest('tr');
  if (!row) throw new Error(`no row for ${date}`);
  return within(row);
};

describe('CalendarDaysCard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("marks national days and the bureau's own, with the national arrangement an own day replaces", () => {
    renderCard(true);
    expect(screen.getByTestId('calendar-source-2024-05-01').textContent).toBe('本单位调整');
    expect(rowOf('2024-05-01').getByText('全国：放假（劳动节）')).toBeTruthy();
    expect(rowOf('2024-05-01').getByText('照常上班')).toBeTruthy();
    expect(screen.getByTestId('calendar-source-2024-05-02').textContent).toBe('全国统一');
    // A national day offers a change for this bureau, never a deletion.
    expect(rowOf('2024-05-02').getByText('本单位调整', { selector: 'button span' })).toBeTruthy();
    expect(rowOf('2024-05-02').queryByText('删除')).toBeNull();
    expect(rowOf('2024-05-02').queryByText('恢复全国安排')).toBeNull();
    expect(rowOf('2024-05-20').getByText('删除')).toBeTruthy();
  });

  it('reverts an own day to the national arrangement with DELETE of that day', async () => {
    const calls: Array<{ method: string; path: string }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init: RequestInit) => {
        calls.push({ method: init.method ?? 'GET', path });
        return new Response(null, { status: 204 });
      }),
    );
    renderCard(true);
    await userEvent.click(rowOf('2024-05-01').getByText('恢复全国安排'));
    await userEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'DELETE', path: '/api/calendar/days/2024-05-01' }),
    );
  });

  it('offers no changes to those who may not edit', () => {
    renderCard(false);
    expect(screen.queryByText('恢复全国安排')).toBeNull();
    expect(screen.getByText(/本单位的调整由系统管理员维护/)).toBeTruthy();
  });
});
