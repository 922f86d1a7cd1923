import {
  type DraftItemEdit,
  type DraftItemEdited,
  draftItemEditSchema,
  type EditChoices,
  type PublishPlanAnswer,
} from '@shared/import.ts';
import type { ItemNode, PlanTree, SectionNode } from '@shared/plan-tree.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Collapse,
  Form,
  Result,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, apiGet } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { importText as t } from '../../i18n/import.ts';
import { type DraftRowValues, draftColumns, dueOf, rowValues } from './draft-columns.tsx';
import { chineseNumeral } from './numerals.ts';
import { PAST_YEAR_WARNING, PastYearAlert } from './PastYearAlert.tsx';
import { PublishButton } from './PublishButton.tsx';

/** Reviewing a draft: every item grouped by section, edited inline; then publish or discard. */
export default function DraftReviewPage() {
  const planId = Number(useParams().planId);
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<DraftRowValues>();
  const [editing, setEditing] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const treeKey = ['import', 'draft', planId];
  const tree = useQuery({ queryKey: treeKey, queryFn: () => apiGet<PlanTree>(`/api/plans/${planId}`) });
  const draft = tree.data?.plan.status === 'draft';
  const choices = useQuery({
    queryKey: ['import', 'choices', planId],
    queryFn: () => apiGet<EditChoices>(`/api/plans/${planId}/edit-choices`),
    enabled: draft,
  });

  if (tree.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (tree.isError) return <ApiErrorAlert error={tree.error} style={{ margin: 24 }} />;
  const { plan, sections } = tree.data;
  if (!draft) {
    return (
      <Result
        status="info"
        title={t.review.notDraft}
        extra={
          <Button type="primary" onClick={() => navigate(`/plans/${plan.id}`)}>
            {t.review.openPlan}
          </Button>
        }
      />
    );
  }

  const startEdit = (item: ItemNode) => {
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(rowValues(item));
    setEditing(item.id);
  };

  const save = async (item: ItemNode) => {
    let values: DraftRowValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const edit: DraftItemEdit = {
      version: plan.version,
      title: values.title,
      weight: values.weight,
      leaders: values.leaders,
      departments: values.departments.map((unitId) => ({ unitId, isLead: unitId === values.lead })),
      indicatorDueDates: item.draftIndicators.map((i) => ({
        id: i.id,
        dueOn: dueOf(values.due?.[String(i.id)]),
      })),
    };
    const checked = draftItemEditSchema.safeParse(edit);
    if (!checked.success) {
      form.setFields(
        checked.error.issues
          .filter((issue) => ['title', 'weight', 'leaders', 'departments'].includes(String(issue.path[0])))
          .map((issue) => ({ name: String(issue.path[0]) as keyof DraftRowValues, errors: [issue.message] })),
      );
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const saved = await api<DraftItemEdited>(
        'PATCH',
        `/api/plans/${planId}/items/${item.id}`,
        checked.data,
      );
      message.success(
        saved.createdLeaders.length > 0
          ? t.review.newLeader(saved.createdLeaders.join('、'))
          : t.review.saved,
      );
      setEditing(null);
      await client.invalidateQueries({ queryKey: treeKey });
      if (saved.createdLeaders.length > 0)
        await client.invalidateQueries({ queryKey: ['import', 'choices', planId] });
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['title', 'weight', 'leaders', 'departments'])) setError(caught);
      if ((caught as { status?: number }).status === 409)
        void client.invalidateQueries({ queryKey: treeKey });
    } finally {
      setSaving(false);
    }
  };

  const published = async (done: PublishPlanAnswer) => {
    message.success(t.review.published(done.tasks));
    if (done.replacedPlanIds.length > 0) message.info(t.review.replaced(done.replacedPlanIds.length));
    await client.invalidateQueries({ queryKey: ['plans'] });
    navigate(`/plans/${planId}`);
  };

  const discard = () =>
    modal.confirm({
      title: t.review.discardTitle,
      content: t.review.discardBody,
      okText: t.review.discardOk,
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api('DELETE', `/api/plans/${planId}?version=${plan.version}`);
          message.success(t.review.discarded);
          await client.invalidateQueries({ queryKey: ['plans'] });
          navigate('/import');
        } catch (caught) {
          setError(caught);
        }
      },
    });

  const itemCount = sections.reduce((n, s) => n + s.items.length, 0);
  // The past-year warning has its own alert; the collapsed list is the parser's.
  const parseWarnings = plan.warnings.filter((w) => w.code !== PAST_YEAR_WARNING);
  const columns = draftColumns({
    editing,
    saving,
    choices: choices.data,
    onEdit: startEdit,
    onSave: save,
    onCancel: () => setEditing(null),
  });

  return (
    <PageContainer
      title={t.review.title(plan.title)}
      subtitle={`${t.review.subtitle}${t.review.itemCount(itemCount)}`}
      extra={
        <>
          <Button danger onClick={discard}>
            {t.review.discard}
          </Button>
          <PublishButton
            planId={planId}
            version={plan.version}
            disabled={itemCount === 0 || editing !== null}
            onPublished={published}
            onError={(caught) => {
              setError(caught);
              void client.invalidateQueries({ queryKey: treeKey });
            }}
          />
        </>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ApiErrorAlert error={error} />
        <ApiErrorAlert error={choices.error} />
        <PastYearAlert warnings={plan.warnings} />
        {parseWarnings.length > 0 ? (
          <Collapse
            size="small"
            items={[
              {
                key: 'w',
                label: (
                  <Typography.Text type="warning">{t.review.warnings(parseWarnings.length)}</Typography.Text>
                ),
                children: (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {parseWarnings.map((w) => (
                      <li key={`${w.code}-${w.at ?? ''}-${w.message}`}>{w.message}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        ) : null}
        {itemCount === 0 ? (
          <Alert
            type="warning"
            showIcon
            message={t.review.empty}
            action={<Link to="/import">{t.title}</Link>}
          />
        ) : null}
        <Form form={form} component={false}>
          {sections.map((section: SectionNode) => (
            <Card key={section.id} size="small" title={`${chineseNumeral(section.no)}、${section.title}`}>
              <Table<ItemNode>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={section.items}
                columns={columns}
                scroll={{ x: 1100 }}
              />
            </Card>
          ))}
        </Form>
      </Space>
    </PageContainer>
  );
}
