import { ScheduleOutlined } from '@ant-design/icons';
import {
  type ReportingOverrideInput,
  type ReportingOverrideView,
  reportingOverrideSchema,
} from '@shared/calendar.ts';
import { REPORTING_CYCLES, type ReportingSettings, type SettingsView } from '@shared/settings.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Descriptions,
  Flex,
  Form,
  Modal,
  Radio,
  Select,
  Spin,
  Typography,
} from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { api, apiGet } from '../../api/client.ts';
import { reporting as t } from '../../i18n/reporting.ts';
import { ApiErrorAlert, showErrorOnField } from '../ApiErrorAlert.tsx';
import { zodFieldErrors, zodRule } from '../zod-rule.ts';

/** Whose reporting rule: a plan's, or one task's of a plan. */
export type ReportingTarget =
  | { kind: 'plan'; planId: number }
  | { kind: 'task'; planId: number; taskId: number; title: string };

/** The form's choice for a field that inherits (the API's null). */
export const INHERIT = 'inherit';

/** The form's values: a cycle or a due day, or INHERIT. */
export interface ReportingRuleForm {
  cycle: string;
  dueDay: string | number;
}

const fields = ['cycle', 'dueDay'] as const;
const days = Array.from({ length: 28 }, (_, index) => index + 1);

/** The body of PUT …/reporting from the form (INHERIT → null). */
export function toReportingOverride(values: Partial<ReportingRuleForm>): Record<string, unknown> {
  const orNull = (value: unknown) => (value === INHERIT || value === undefined ? null : value);
  return { cycle: orNull(values.cycle), dueDay: orNull(values.dueDay) };
}

const fieldRule = (schema: z.ZodType) => zodRule(z.preprocess((v) => (v === INHERIT ? null : v), schema));

/** A rule in words, e.g. 每月，25日前；遇节假日顺延. */
export function ruleText(rule: ReportingSettings): string {
  return t.rule(rule.cycle, rule.dueDay);
}

const ownKey = (target: ReportingTarget) =>
  target.kind === 'plan' ? ['reporting', 'plan', target.planId] : ['reporting', 'task', target.taskId];
const ownPath = (target: ReportingTarget) =>
  target.kind === 'plan' ? `/api/plans/${target.planId}/reporting` : `/api/tasks/${target.taskId}/reporting`;

/** What the target inherits: the organization's rule for a plan, the plan's rule for a task. */
function useInherited(target: ReportingTarget, enabled: boolean) {
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: () => apiGet<SettingsView>('/api/settings'),
    enabled: enabled && target.kind === 'plan',
  });
  const plan = useQuery({
    queryKey: ['reporting', 'plan', target.planId],
    queryFn: () => apiGet<ReportingOverrideView>(`/api/plans/${target.planId}/reporting`),
    enabled: enabled && target.kind === 'task',
  });
  return target.kind === 'plan'
    ? { rule: settings.data?.reporting, error: settings.error }
    : { rule: plan.data?.effective, error: plan.error };
}

/**
 * A plan's or task's own reporting rule (填报规则) for supervisors: shows the rule that applies and
 * what it inherits, and sets the cycle and due day (沿用 = null), saved with PUT …/reporting.
 */
export function ReportingRuleModal(props: { target: ReportingTarget; open: boolean; onClose: () => void }) {
  const { target, open, onClose } = props;
  const own = useQuery({
    queryKey: ownKey(target),
    queryFn: () => apiGet<ReportingOverrideView>(ownPath(target)),
    enabled: open,
  });
  const inherited = useInherited(target, open);
  const title = target.kind === 'plan' ? t.titlePlan : t.titleTask(target.title);
  const loadError = own.error ?? inherited.error;
  return (
    <Modal open={open} title={title} footer={null} onCancel={onClose} destroyOnHidden width={560}>
      {loadError ? (
        <ApiErrorAlert error={loadError} />
      ) : own.data && inherited.rule ? (
        <RuleForm target={target} view={own.data} inherited={inherited.rule} onClose={onClose} />
      ) : (
        <Spin style={{ display: 'block', margin: 24 }} />
      )}
    </Modal>
  );
}

function RuleForm(props: {
  target: ReportingTarget;
  view: ReportingOverrideView;
  inherited: ReportingSettings;
  onClose: () => void;
}) {
  const { target, view, inherited } = props;
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ReportingRuleForm>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const cycle = Form.useWatch('cycle', form);
  const dueDay = Form.useWatch('dueDay', form);
  const parent = target.kind === 'plan' ? t.parentPlan : t.parentTask;
  const after = reportingOverrideSchema.safeParse(toReportingOverride({ cycle, dueDay }));
  const afterRule =
    after.success && cycle !== undefined
      ? { cycle: after.data.cycle ?? inherited.cycle, dueDay: after.data.dueDay ?? inherited.dueDay }
      : undefined;

  const submit = async (values: ReportingRuleForm) => {
    const parsed = reportingOverrideSchema.safeParse(toReportingOverride(values));
    if (!parsed.success) {
      form.setFields(zodFieldErrors(parsed.error) as Parameters<typeof form.setFields>[0]);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const body: ReportingOverrideInput = parsed.data;
      const saved = await api<ReportingOverrideView>('PUT', ownPath(target), body);
      client.setQueryData(ownKey(target), saved);
      message.success(t.saved);
      void client.invalidateQueries({ queryKey: ['reporting'] });
      void client.invalidateQueries({ queryKey: ['plan', target.planId] });
      if (target.kind === 'task') void client.invalidateQueries({ queryKey: ['item'] });
      props.onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, fields)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'effective',
            label: t.effective,
            children: <strong data-testid="reporting-effective">{ruleText(view.effective)}</strong>,
          },
          { key: 'inherits', label: t.inherits, children: t.inheritedFrom(parent, ruleText(inherited)) },
        ]}
      />
      <Form<ReportingRuleForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={busy}
        onFinish={submit}
        initialValues={{ cycle: view.cycle ?? INHERIT, dueDay: view.dueDay ?? INHERIT }}
      >
        <Form.Item label={t.cycle} name="cycle" rules={[fieldRule(reportingOverrideSchema.shape.cycle)]}>
          <Radio.Group
            options={[
              { value: INHERIT, label: t.inheritWith(parent, t.cycles[inherited.cycle] ?? inherited.cycle) },
              ...REPORTING_CYCLES.map((value) => ({ value, label: t.cycles[value] ?? value })),
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t.dueDay}
          name="dueDay"
          extra={t.dueDayHelp}
          rules={[fieldRule(reportingOverrideSchema.shape.dueDay)]}
        >
          <Select<string | number>
            aria-label={t.dueDay}
            style={{ width: 240 }}
            virtual={false}
            options={[
              { value: INHERIT, label: t.inheritWith(parent, t.day(inherited.dueDay)) },
              ...days.map((day) => ({ value: day, label: t.day(day) })),
            ]}
          />
        </Form.Item>
        {afterRule ? (
          <Typography.Paragraph type="secondary" data-testid="reporting-after">
            {t.after}：{ruleText(afterRule)}
          </Typography.Paragraph>
        ) : null}
        <Flex justify="end" gap={8}>
          <Button onClick={props.onClose} disabled={false}>
            {t.cancel}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.save}
          </Button>
        </Flex>
      </Form>
    </>
  );
}

/** The 填报规则 button that opens the modal (the page shows it to supervisors only). */
export function ReportingRuleButton(props: { target: ReportingTarget; size?: 'small' | 'middle' }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size={props.size}
        icon={<ScheduleOutlined />}
        title={t.buttonTitle}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {t.button}
      </Button>
      <ReportingRuleModal target={props.target} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
