import type { JobView } from '@shared/jobs.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { JobsTable } from './JobsTable.tsx';

const hostile = '<img src=x onerror=alert(1)> SMTP 550 拒收';

const base: JobView = {
  id: 'reminders.daily:3:2024-06-07',
  kind: 'reminders.daily',
  organizationId: 3,
  organizationName: '郧西县教育局',
  payload: '{"date":"2024-06-07"}',
  state: 'failed',
  runAt: '2024-06-07T00:30:00.000Z',
  attempts: 5,
  maxAttempts: 5,
  lastError: hostile,
  lockedBy: null,
  leaseUntil: null,
  createdAt: '2024-06-07T00:00:00.000Z',
  updatedAt: '2024-06-07T03:00:00.000Z',
  finishedAt: '2024-06-07T03:00:00.000Z',
};

describe('JobsTable', () => {
  it('names states and known kinds in Chinese, keeps unknown kinds raw, and shows the error as text', async () => {
    const user = userEvent.setup();
    const done: JobView = {
      ...base,
      id: 'digest.weekly:0:2024-06-07',
      kind: 'digest.weekly',
      organizationId: null,
      organizationName: null,
      state: 'done',
      attempts: 1,
      lastError: null,
      finishedAt: '2024-06-07T01:00:00.000Z',
    };
    const { container } = render(<JobsTable jobs={[base, done]} emptyText="空" onRetry={() => {}} />);
    expect(screen.getByText('失败').getAttribute('data-state')).toBe('failed');
    expect(screen.getByText('已完成')).toBeTruthy();
    expect(screen.getByText('每日催办提醒')).toBeTruthy();
    expect(screen.getByText('digest.weekly')).toBeTruthy();
    expect(screen.getByText('全系统')).toBeTruthy();
    expect(screen.getAllByText('2024-06-07 08:30')).toHaveLength(2);
    expect(screen.getByText('5 / 5 次')).toBeTruthy();
    await user.click(container.querySelector('.ant-table-row-expand-icon') as HTMLElement);
    expect((await screen.findByTestId('job-error')).textContent).toBe(hostile);
    expect(container.querySelector('img')).toBeNull();
    // Only the failed job offers 重试.
    expect(screen.getAllByRole('button', { name: '重试' })).toHaveLength(1);
  });

  it('asks before retrying and retries only after 重试 is confirmed', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(<JobsTable jobs={[base]} emptyText="空" onRetry={onRetry} />);
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('重新排队并立即执行该任务？')).toBeTruthy();
    expect(onRetry).not.toHaveBeenCalled();
    const popup = document.querySelector('.ant-popconfirm') as HTMLElement;
    // Ant Design spaces out two-character Chinese button labels ("重 试").
    await user.click(within(popup).getByRole('button', { name: /重\s?试/ }));
    expect(onRetry).toHaveBeenCalledWith(base);
  });

  it('says what to expect when there is no job', () => {
    render(<JobsTable jobs={[]} emptyText="暂无后台任务。" onRetry={() => {}} />);
    expect(screen.getByText('暂无后台任务。')).toBeTruthy();
  });
});
