import type { FindingSeverity, FindingStatus } from '@shared/findings.ts';
import { Tag } from 'antd';
import { findings as t } from '../../i18n/findings.ts';

const severityColors: Record<FindingSeverity, string> = { high: 'red', medium: 'orange', low: 'default' };
const statusColors: Record<FindingStatus, string> = {
  open: 'processing',
  rectified: 'gold',
  closed: 'success',
  escalated: 'purple',
};

/** A finding's severity as a coloured tag. */
export function SeverityTag({ severity }: { severity: FindingSeverity }) {
  return (
    <Tag color={severityColors[severity]} style={{ marginInlineEnd: 0 }}>
      {t.severity[severity]}
    </Tag>
  );
}

/** A finding's status as a coloured tag. */
export function StatusTag({ status }: { status: FindingStatus }) {
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
      {t.status[status]}
    </Tag>
  );
}
