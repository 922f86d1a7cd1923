import type { ReportView, ReviewState, ReviewView } from '@shared/items.ts';
import { Tag, Timeline, Typography } from 'antd';
import { shanghaiTime } from '../../components/format.ts';
import { board } from '../../i18n/board.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { periodLabel } from './format.ts';

const t = board.item;
const stateColor: Record<ReviewState, string> = { submitted: 'blue', accepted: 'green', returned: 'red' };

/** A review state as a coloured tag (待审核 / 已通过 / 已退回). */
export function StateTag({ state }: { state: ReviewState }) {
  return <Tag color={stateColor[state]}>{t.state[state]}</Tag>;
}

/** Reviews of a report, occurrence or completion request, oldest first. */
export function ReviewLines({ reviews }: { reviews: ReviewView[] }) {
  if (reviews.length === 0) return null;
  return (
    <div style={{ marginTop: 6 }}>
      {reviews.map((r) => (
        <div key={r.id} className="item-review" data-decision={r.decision}>
          <Typography.Text type={r.decision === 'return' ? 'danger' : 'success'}>
            {t.review(r.reviewer ?? t.someone, t.decision[r.decision] ?? r.decision, shanghaiTime(r.at))}
          </Typography.Text>
          {r.comment ? <div className="item-review-comment">{r.comment}</div> : null}
        </div>
      ))}
    </div>
  );
}

/** Every report of a task as a timeline, newest period first. */
export function ReportTimeline({ reports }: { reports: ReportView[] }) {
  if (reports.length === 0) return <Typography.Text type="secondary">{t.noReports}</Typography.Text>;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={reports.map((r) => ({
        key: r.id,
        color: r.state === 'accepted' ? 'green' : r.state === 'returned' ? 'red' : 'blue',
        children: (
          <div data-testid={`report-${r.id}`}>
            <div className="item-report-head">
              <strong>{t.reportTitle(periodLabel(r.period), r.unit.name)}</strong>
              <StateTag state={r.state} />
              <Tag>{t.selfStatus[r.selfStatus] ?? r.selfStatus}</Tag>
              <span className="item-muted">{t.percent(r.percent)}</span>
              {r.revision > 1 ? <span className="item-muted">{t.revision(r.revision)}</span> : null}
            </div>
            {/* Revision n follows n − 1 returns: those come before the text now on file, later decisions after it. */}
            <ReviewLines reviews={r.reviews.slice(0, r.revision - 1)} />
            <div className="item-narrative">{r.narrative}</div>
            <div className="item-muted">
              {t.submitted(r.submittedBy ?? t.someone, shanghaiTime(r.submittedAt))}
            </div>
            <ReviewLines reviews={r.reviews.slice(r.revision - 1)} />
            <EvidenceList files={r.evidence} />
          </div>
        ),
      }))}
    />
  );
}
