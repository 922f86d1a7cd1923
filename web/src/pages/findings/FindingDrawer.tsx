import type { FindingDetail } from '@shared/findings.ts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Popconfirm,
  Skeleton,
  Space,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, errorMessage } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { LightTag } from '../../components/LightTag.tsx';
import { findings as t } from '../../i18n/findings.ts';
import { EvidenceList } from '../item/EvidenceList.tsx';
import { type ActionDialog, AssignModal, ReasonModal, RectifyModal } from './ActionModals.tsx';
import { SeverityTag, StatusTag } from './finding-tags.tsx';
import { refreshFindings, useFinding } from './findings-api.ts';

const d = t.drawer;
const eventColors: Record<string, string> = {
  record: 'blue',
  rectify: 'green',
  verify_close: 'green',
  return: 'red',
  escalate: 'purple',
  assign: 'blue',
};

/** The buttons of the actions the API allows the viewer now. */
function ActionBar({ finding, onOpen }: { finding: FindingDetail; onOpen: (dialog: ActionDialog) => void }) {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [closing, setClosing] = useState(false);
  const a = finding.actions;
  if (!a.rectify && !a.verify && !a.escalate && !a.assign) {
    return <Typography.Text type="secondary">{t.actions.readOnly}</Typography.Text>;
  }
  const close = async () => {
    setClosing(true);
    try {
      await api('POST', `/api/findings/${finding.id}/verify`, {
        decision: 'close',
        version: finding.version,
      });
      message.success(t.actions.closed);
    } catch (error) {
      message.error(errorMessage(error), 6);
    } finally {
      setClosing(false);
      await refreshFindings(client);
    }
  };
  return (
    <Space wrap>
      {a.rectify ? (
        <Button type="primary" onClick={() => onOpen('rectify')}>
          {t.actions.rectify}
        </Button>
      ) : null}
      {a.escalate ? <Button onClick={() => onOpen('escalate')}>{t.actions.escalate}</Button> : null}
      {a.verify ? (
        <Popconfirm title={t.actions.closeConfirm} onConfirm={close} okButtonProps={{ loading: closing }}>
          <Button type="primary" loading={closing}>
            {t.actions.close}
          </Button>
        </Popconfirm>
      ) : null}
      {a.verify ? (
        <Button danger onClick={() => onOpen('return')}>
          {t.actions.return}
        </Button>
      ) : null}
      {a.assign ? (
        <Button type="primary" onClick={() => onOpen('assign')}>
          {t.actions.assign}
        </Button>
      ) : null}
    </Space>
  );
}

/** The history (整改经过) as a timeline: who did what when, with notes, new deadlines and files. */
function History({ finding }: { finding: FindingDetail }) {
  return (
    <Timeline
      items={finding.history.map((e) => ({
        key: e.id,
        color: eventColors[e.kind] ?? 'gray',
        children: (
          <div>
            <Space size={8} wrap>
              <Typography.Text strong>{t.event[e.kind]}</Typography.Text>
              {e.kind === 'assign' && e.unit ? <Typography.Text>→ {e.unit.name}</Typography.Text> : null}
              <Typography.Text type="secondary">{d.by(e.by, shanghaiTime(e.at))}</Typography.Text>
            </Space>
            {e.note ? (
              <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Typography.Paragraph>
            ) : null}
            {e.kind === 'assign' && e.dueOn ? (
              <Typography.Text type="secondary">{d.newDue(e.dueOn)}</Typography.Text>
            ) : null}
            <EvidenceList files={e.evidence} />
          </div>
        ),
      }))}
    />
  );
}

/** The detail drawer of one finding: facts, allowed actions, history and evidence. */
export function FindingDrawer({ findingId, onClose }: { findingId: number | null; onClose: () => void }) {
  const client = useQueryClient();
  const query = useFinding(findingId);
  const [dialog, setDialog] = useState<ActionDialog>(null);
  const finding = query.data;
  const done = async () => {
    setDialog(null);
    await refreshFindings(client);
  };
  return (
    <Drawer
      open={findingId !== null}
      onClose={onClose}
      width={640}
      title={finding ? finding.title : d.title}
      destroyOnHidden
    >
      {query.isLoading ? <Skeleton active /> : null}
      {query.error ? <ApiErrorAlert error={query.error} /> : null}
      {finding ? (
        <div>
          <Space size={8} wrap style={{ marginBottom: 12 }}>
            <LightTag light={finding.light} />
            <Typography.Text type={finding.light === 'red' ? 'danger' : 'secondary'}>
              {finding.reason}
            </Typography.Text>
          </Space>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={d.source}>{finding.source}</Descriptions.Item>
            <Descriptions.Item label={d.status}>
              <StatusTag status={finding.status} />
            </Descriptions.Item>
            <Descriptions.Item label={d.unit}>{finding.unit.name}</Descriptions.Item>
            <Descriptions.Item label={d.severity}>
              <SeverityTag severity={finding.severity} />
            </Descriptions.Item>
            <Descriptions.Item label={d.dueOn}>{finding.dueOn}</Descriptions.Item>
            <Descriptions.Item label={d.escalatedFrom}>
              {finding.escalatedFrom?.name ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={d.createdBy}>{finding.createdBy ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={d.createdAt}>{shanghaiTime(finding.createdAt)}</Descriptions.Item>
            {finding.item ? (
              <Descriptions.Item label={d.item} span={2}>
                <Link to={`/plans/${finding.item.planId}/items/${finding.item.id}`}>
                  {d.itemLabel(finding.item.no, finding.item.title)}
                </Link>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={d.detail} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{finding.detail || d.noDetail}</span>
            </Descriptions.Item>
          </Descriptions>
          <div style={{ marginBottom: 20 }}>
            <ActionBar finding={finding} onOpen={setDialog} />
          </div>
          <Typography.Title level={5}>{d.history}</Typography.Title>
          <History finding={finding} />
          {finding.status === 'escalated' && finding.actions.assign ? (
            <Alert type="info" showIcon message={t.escalateForm.intro} style={{ marginTop: 12 }} />
          ) : null}
          {dialog === 'rectify' ? (
            <RectifyModal finding={finding} onClose={() => setDialog(null)} onDone={done} />
          ) : null}
          {dialog === 'return' || dialog === 'escalate' ? (
            <ReasonModal finding={finding} kind={dialog} onClose={() => setDialog(null)} onDone={done} />
          ) : null}
          {dialog === 'assign' ? (
            <AssignModal finding={finding} onClose={() => setDialog(null)} onDone={done} />
          ) : null}
        </div>
      ) : null}
    </Drawer>
  );
}
