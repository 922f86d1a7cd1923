import type { ExistingPlan, PublishPlanAnswer, PublishPlanInput } from '@shared/import.ts';
import { App as AntApp, Button, Typography } from 'antd';
import { ApiError, api } from '../../api/client.ts';
import { importText as t } from '../../i18n/import.ts';

/** The earlier plan a 409 answer of publishing names (the same notice already published), if any. */
export function existingPlanOf(error: unknown): ExistingPlan | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const plan = error.details.existingPlan;
  return plan && typeof plan === 'object' ? (plan as ExistingPlan) : undefined;
}

/**
 * Publishes a draft after a confirmation. When the server refuses because the same notice is
 * already published, a second, destructive-styled confirmation says which plan that is and what
 * replacing it does (and what it keeps), and re-sends the publish with `replace: true`.
 */
export function PublishButton({
  planId,
  version,
  disabled,
  onPublished,
  onError,
}: {
  planId: number;
  version: number;
  disabled?: boolean;
  onPublished: (answer: PublishPlanAnswer) => void | Promise<void>;
  onError: (error: unknown) => void;
}) {
  const { modal } = AntApp.useApp();

  const send = async (replace: boolean) => {
    const body: PublishPlanInput = replace ? { version, replace } : { version };
    try {
      await onPublished(await api<PublishPlanAnswer>('POST', `/api/plans/${planId}/publish`, body));
    } catch (caught) {
      const existing = replace ? undefined : existingPlanOf(caught);
      if (existing) askToReplace(existing);
      else onError(caught);
    }
  };

  const askToReplace = (existing: ExistingPlan) =>
    modal.confirm({
      title: t.review.duplicateTitle(existing.docNo !== null),
      content: <ExistingPlanDetails plan={existing} />,
      okText: t.review.replaceOk,
      okButtonProps: { danger: true },
      width: 520,
      onOk: () => send(true),
    });

  const confirmPublish = () =>
    modal.confirm({
      title: t.review.publishTitle,
      content: t.review.publishBody,
      okText: t.review.publishOk,
      onOk: () => send(false),
    });

  return (
    <Button type="primary" onClick={confirmPublish} disabled={disabled}>
      {t.review.publish}
    </Button>
  );
}

function ExistingPlanDetails({ plan }: { plan: ExistingPlan }) {
  const closed = plan.status === 'closed';
  return (
    <div data-testid="existing-plan">
      <Typography.Paragraph>
        {t.review.duplicatePlan(plan.title, plan.docNo, plan.publishedOn, closed)}{' '}
        <Typography.Link href={`/plans/${plan.id}`} target="_blank" rel="noreferrer">
          {t.review.duplicateOpen}
        </Typography.Link>
      </Typography.Paragraph>
      <Typography.Paragraph type={plan.reports + plan.occurrences > 0 ? 'warning' : undefined}>
        {t.review.duplicateWork(plan.reports, plan.occurrences)}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t.review.duplicateEffect(closed)}
      </Typography.Paragraph>
    </div>
  );
}
