import type { ItemAuditEntry } from '@shared/items.ts';
import { Collapse, Table } from 'antd';
import { shanghaiTime } from '../../components/format.ts';
import { board } from '../../i18n/board.ts';

const t = board.item;

/** The item's audit trail (留痕), newest first, folded until asked for. */
export function AuditTrail({ entries }: { entries: ItemAuditEntry[] }) {
  return (
    <Collapse
      style={{ marginTop: 12, background: '#fff' }}
      items={[
        {
          key: 'audit',
          label: `${t.audit}（${t.auditCount(entries.length)}）`,
          children:
            entries.length === 0 ? (
              t.noAudit
            ) : (
              <Table<ItemAuditEntry>
                size="small"
                rowKey="id"
                dataSource={entries}
                pagination={entries.length > 20 ? { pageSize: 20, size: 'small' } : false}
                columns={[
                  {
                    title: t.auditColumns.at,
                    dataIndex: 'at',
                    width: 150,
                    render: (at: string) => shanghaiTime(at),
                  },
                  { title: t.auditColumns.actor, dataIndex: 'actor', width: 220 },
                  {
                    title: t.auditColumns.action,
                    dataIndex: 'action',
                    render: (action: string) => t.actions[action] ?? action,
                  },
                  {
                    title: t.auditColumns.entity,
                    key: 'entity',
                    width: 140,
                    render: (_, e) =>
                      `${t.entity[e.entityType] ?? e.entityType}${e.entityId === null ? '' : ` #${e.entityId}`}`,
                  },
                ]}
              />
            ),
        },
      ]}
    />
  );
}
