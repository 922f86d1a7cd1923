import type { ReviewQueueEntry } from '@shared/work.ts';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ReviewTable } from './ReviewTable.tsx';

const hostile = '<img src=x onerror=alert(1)>';

const entry: ReviewQueueEntry = {
  kind: 'report',
  id: 3,
  version: 1,
  taskId: 9,
  taskTitle: '坚持每月开展党委理论中心组学习',
  planId: 1,
  itemId: 2,
  itemNo: 1,
  itemTitle: '深入学习贯彻党的二十大精神',
  unit: '办公室',
  submittedBy: '办公室 王晓',
  submittedAt: '2024-05-20T03:00:00.000Z',
  period: '2024-05',
  percent: 40,
  selfStatus: 'at_risk',
  narrative: hostile,
  revision: 1,
  evidence: [{ id: 11, fileName: '会议纪要.docx', mediaType: 'application/octet-stream', size: 2048 }],
  completions: [
    {
      id: 21,
      indicator: '每月开展党委理论中心组学习',
      occurredOn: '2024-05-14',
      note: '5月理论中心组学习',
      value: null,
      milestone: null,
      evidence: [{ id: 12, fileName: '5月纪要.docx', mediaType: 'application/octet-stream', size: 100 }],
    },
  ],
};

describe('ReviewTable', () => {
  it('shows a narrative as the characters typed, never as markup, with evidence links', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <MemoryRouter>
        <ReviewTable
          entries={[entry]}
          selected={[]}
          onSelect={() => {}}
          onAccept={() => {}}
          onReturn={() => {}}
        />
      </MemoryRouter>,
    );
    expect(screen.getByText('存在风险')).toBeTruthy();
    expect(screen.getByText('2024-05-20 11:00')).toBeTruthy();
    await user.click(container.querySelector('.ant-table-row-expand-icon') as HTMLElement);
    expect((await screen.findByTestId('review-text')).textContent).toBe(hostile);
    expect(container.querySelector('img')).toBeNull();
    const link = screen.getByRole('link', { name: /^.*会议纪要\.docx/ });
    expect(link.getAttribute('href')).toBe('/api/files/11');
  });

  it('lists the completions filed with a report under it, with their files', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <MemoryRouter>
        <ReviewTable
          entries={[entry]}
          selected={[]}
          onSelect={() => {}}
          onAccept={() => {}}
          onReturn={() => {}}
        />
      </MemoryRouter>,
    );
    expect(screen.getByText('含 1 条完成记录')).toBeTruthy();
    await user.click(container.querySelector('.ant-table-row-expand-icon') as HTMLElement);
    const list = await screen.findByTestId('review-completions');
    expect(list.textContent).toContain('2024-05-14每月开展党委理论中心组学习：5月理论中心组学习');
    expect(screen.getByRole('link', { name: /5月纪要\.docx/ }).getAttribute('href')).toBe('/api/files/12');
  });
});
