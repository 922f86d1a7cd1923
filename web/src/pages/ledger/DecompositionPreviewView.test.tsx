import type { DecompositionPreview } from '@shared/ledgers.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DecompositionPreviewView } from './DecompositionPreviewView.tsx';

const hostile = '<img src=x onerror=alert(1)>';

const preview: DecompositionPreview = {
  planId: 1,
  sheet: '任务分解表',
  digest: 'a'.repeat(64),
  counts: { rows: 5, new: 1, changed: 1, unchanged: 1, unreadable: 2, absent: 1 },
  newTasks: [
    {
      row: 3,
      itemNo: 1,
      itemTitle: '深入学习贯彻党的二十大精神',
      after: { title: hostile, lead: '办公室', coOwners: ['人事股', '纪检监察室'], dueOn: '2024-06-30' },
    },
  ],
  changedTasks: [
    {
      row: 4,
      taskId: 7,
      itemNo: 1,
      changed: ['lead', 'coOwners'],
      before: {
        title: '坚持每月开展党委理论中心组学习',
        lead: '办公室',
        coOwners: ['行政审批股'],
        dueOn: '2024-12-31',
      },
      after: { title: '坚持每月开展党委理论中心组学习', lead: '人事股', coOwners: [], dueOn: '2024-12-31' },
    },
  ],
  unreadable: [
    { row: 5, column: '牵头股室', message: '单位“组织人事科”不在单位名录中，是否指“人事股”？' },
    {
      row: 7,
      column: '完成时间',
      message: '完成时限“2024-13-40”不是有效日期，请写成 2024-06-30 或 2024年6月30日。',
    },
  ],
  absent: [{ taskId: 9, itemNo: 2, title: '建立党组织领导的校长负责制' }],
};

describe('DecompositionPreviewView', () => {
  it('shows the counts, new and changed rows (before → after), unreadable rows with reasons and absent tasks', async () => {
    const user = userEvent.setup();
    const { container } = render(<DecompositionPreviewView preview={preview} />);
    expect(screen.getByText('新增', { selector: '.ant-statistic-title' })).toBeTruthy();
    expect(screen.getByText('无法读取', { selector: '.ant-statistic-title' })).toBeTruthy();
    const tables = container.querySelectorAll('table');
    const changes = within(tables[0] as HTMLElement)
      .getAllByRole('row')
      .slice(1);
    expect(changes).toHaveLength(2);
    // Row 3 is new: its text is shown as text, never as markup.
    expect(within(changes[0]!).getByText('新增')).toBeTruthy();
    expect(within(changes[0]!).getByText(hostile)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(within(changes[0]!).getByText('人事股、纪检监察室')).toBeTruthy();
    // Row 4 changed its lead and co-owners: old struck through, new marked; the due date did not change.
    expect(within(changes[1]!).getByText('变更')).toBeTruthy();
    const lead = within(changes[1]!).getByTestId('changed-lead');
    expect(lead.textContent).toBe('办公室 → 人事股');
    expect(lead.querySelector('del')?.textContent).toBe('办公室');
    expect(within(changes[1]!).getByTestId('changed-coOwners').textContent).toBe('行政审批股 → 无');
    expect(within(changes[1]!).queryByTestId('changed-dueOn')).toBeNull();
    // The unreadable rows name their row, column and reason.
    const unreadable = within(tables[1] as HTMLElement)
      .getAllByRole('row')
      .slice(1);
    expect(unreadable.map((r) => r.textContent)).toEqual([
      '5牵头股室单位“组织人事科”不在单位名录中，是否指“人事股”？',
      '7完成时间完成时限“2024-13-40”不是有效日期，请写成 2024-06-30 或 2024年6月30日。',
    ]);
    // Tasks not in the file are listed on demand, as left unchanged.
    await user.click(screen.getByText(/文件中没有的任务/));
    expect(await screen.findByText('建立党组织领导的校长负责制')).toBeTruthy();
  });

  it('says there is nothing to import when the file matches the plan', () => {
    render(
      <DecompositionPreviewView
        preview={{
          ...preview,
          counts: { rows: 2, new: 0, changed: 0, unchanged: 2, unreadable: 0, absent: 0 },
          newTasks: [],
          changedTasks: [],
          unreadable: [],
          absent: [],
        }}
      />,
    );
    expect(screen.getByText('文件与工作要点一致，没有需要导入的变更。')).toBeTruthy();
    expect(screen.queryByText('无法读取的行')).toBeNull();
  });
});
