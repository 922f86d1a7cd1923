import type { IndicatorView } from '@shared/items.ts';
import { board } from '../../i18n/board.ts';

const u = board.item.units;

/** Where an indicator stands in words, e.g. "2/10 个月", "1/2 次", "60% / 95%"; null before publishing. */
export function progressText(
  indicator: Pick<IndicatorView, 'kind' | 'per' | 'targetMin' | 'progress'>,
): string | null {
  const p = indicator.progress;
  if (!p) return null;
  if (indicator.kind === 'percent') return `${p.actual}% / ${p.target}%`;
  return `${p.actual}/${p.target} ${unitOf(indicator)}`;
}

/** What an indicator counts in: periods for a once-per-period promise, else times or pieces of work. */
export function unitOf(indicator: Pick<IndicatorView, 'kind' | 'per' | 'targetMin'>): string {
  if (indicator.kind === 'recurring' && (indicator.targetMin ?? 1) <= 1) return u[indicator.per ?? 'month'];
  if (indicator.kind === 'recurring' || indicator.kind === 'count' || indicator.kind === 'event')
    return u.times;
  return u.one;
}

/** A report period key '2024-04' as '2024年4月'. */
export function periodLabel(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  return match ? `${match[1]}年${Number(match[2])}月` : period;
}

/** A file size in words (KB/MB). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
