import type { WorkbenchTask } from '@shared/work.ts';
import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LightTag } from '../../components/LightTag.tsx';
import { work as t } from '../../i18n/work.ts';

/** A task as a workbench row shows it: its item (linked to the item page), title, owners and due date. */
export function TaskLine({ task, extra }: { task: WorkbenchTask; extra?: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Link to={`/plans/${task.planId}/items/${task.itemId}`}>{t.item(task.itemNo, task.itemTitle)}</Link>
      {/* Tasks made from a whole item repeat its title; say it once. */}
      {task.title === task.itemTitle ? null : (
        <Typography.Paragraph style={{ margin: '2px 0' }} ellipsis={{ rows: 2, tooltip: task.title }}>
          {task.title}
        </Typography.Paragraph>
      )}
      <Space size={[12, 4]} wrap style={{ marginTop: 4 }}>
        {task.light ? <LightTag light={task.light} reason={task.reason} /> : null}
        <Typography.Text type="secondary">
          {t.columns.owners}：{task.owners.join('、') || '—'}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t.columns.dueOn}：{task.dueOn}
        </Typography.Text>
        {extra}
      </Space>
      {/* Why a task is lagging is what a clerk must act on: say it on the row, not only on hover. */}
      {task.reason && (task.light === 'red' || task.light === 'yellow') ? (
        <Typography.Paragraph
          type={task.light === 'red' ? 'danger' : 'warning'}
          style={{ margin: '4px 0 0', fontSize: 13 }}
          ellipsis={{ rows: 2, tooltip: task.reason }}
        >
          {task.reason}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
