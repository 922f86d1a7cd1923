import type { LightView } from '@shared/plan-tree.ts';
import { Progress, Tooltip, Typography } from 'antd';
import { progress as t } from '../i18n/progress.ts';

/** A share 0..1 as a whole percent. */
export function percentOf(share: number): number {
  return Math.round(share * 100);
}

/**
 * Progress as the accepted share of what is owed so far, with its formula on hover: credited ÷
 * owed for a task or an item, the item-weighted mean for a section or the plan. '暂无到期' while
 * nothing is owed — never 0 % for work not yet due.
 */
export function ShareProgress({
  view,
  weighted = false,
  width = 140,
  type = 'line',
}: {
  view: Pick<LightView, 'light' | 'progress' | 'credited' | 'owed'>;
  /** A section or the plan: a weighted mean of items rather than credited ÷ owed. */
  weighted?: boolean;
  width?: number;
  type?: 'line' | 'circle';
}) {
  if (view.progress === null) {
    return (
      <Tooltip title={t.nothingOwedHint}>
        <Typography.Text type="secondary" data-progress="none">
          {t.nothingOwed}
        </Typography.Text>
      </Tooltip>
    );
  }
  const percent = percentOf(view.progress);
  const formula =
    weighted || view.credited === undefined || view.owed === undefined
      ? t.weightedFormula(percent)
      : t.formula(view.credited, view.owed, percent);
  if (type === 'circle') {
    return (
      <Tooltip title={formula}>
        <span data-progress={percent}>
          <Progress type="circle" size={64} percent={percent} aria-label={t.label} />
        </span>
      </Tooltip>
    );
  }
  // The bar and its number side by side, so the number never spills out of a narrow column.
  return (
    <Tooltip title={formula}>
      <span
        data-progress={percent}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 6, width: '100%', maxWidth: width }}
      >
        <Progress
          percent={percent}
          size="small"
          showInfo={false}
          status={view.light === 'red' ? 'exception' : 'normal'}
          aria-label={t.label}
          style={{ margin: 0, flex: 1, minWidth: 40 }}
        />
        <span style={{ whiteSpace: 'nowrap', fontSize: 12 }}>{percent}%</span>
      </span>
    </Tooltip>
  );
}

/** The owners' own latest estimate (自报进度), shown apart from the computed progress. */
export function SelfPercent({
  value,
  withLabel = true,
}: {
  value: number | null | undefined;
  /** Off where a label already names it (a description list). */
  withLabel?: boolean;
}) {
  return (
    <Tooltip title={t.selfHint}>
      <span className="self-percent">
        {withLabel ? <Typography.Text type="secondary">{t.selfLabel}：</Typography.Text> : null}
        {value === null || value === undefined ? t.selfNone : `${Math.round(value)}%`}
      </span>
    </Tooltip>
  );
}
