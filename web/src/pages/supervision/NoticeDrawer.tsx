import { DownloadOutlined } from '@ant-design/icons';
import {
  MAX_NOTICE_TEXT,
  type NoticeDetail,
  noticeReplySchema,
  noticeReturnSchema,
} from '@shared/supervision.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Skeleton,
  Space,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, apiGet } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { zodRule } from '../../components/zod-rule.ts';
import { supervision as t } from '../../i18n/supervision.ts';
import { NoticeStatusTag } from './NoticeStatusTag.tsx';

const paragraph = { whiteSpace: 'pre-wrap' as const, marginBottom: 0 };

/** One notice in full: its text, its history, the reply box (addressed unit) and accept/return (supervisors). */
export function NoticeDrawer({ noticeId, onClose }: { noticeId?: number; onClose: () => void }) {
  const client = useQueryClient();
  const notice = useQuery({
    queryKey: ['supervision', 'notice', noticeId],
    queryFn: () => apiGet<NoticeDetail>(`/api/supervision-notices/${noticeId}`),
    enabled: noticeId !== undefined,
  });
  const changed = () => client.invalidateQueries({ queryKey: ['supervision'] });
  const data = notice.data;
  return (
    <Drawer
      open={noticeId !== undefined}
      onClose={onClose}
      width={640}
      title={data ? t.drawer.title(data.number) : t.notices.title}
      extra={
        data ? (
          <Button icon={<DownloadOutlined />} href={`/api/supervision-notices/${data.id}/docx`}>
            {t.drawer.download}
          </Button>
        ) : null
      }
    >
      <ApiErrorAlert error={notice.error} />
      {notice.isPending && noticeId !== undefined ? <Skeleton active /> : null}
      {data ? <NoticeBody notice={data} onChanged={changed} /> : null}
    </Drawer>
  );
}

function NoticeBody({ notice, onChanged }: { notice: NoticeDetail; onChanged: () => void }) {
  return (
    <>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t.notices.status}>
          <NoticeStatusTag notice={notice} />
        </Descriptions.Item>
        <Descriptions.Item label={t.drawer.plan}>{notice.planTitle}</Descriptions.Item>
        {notice.itemTitle ? (
          <Descriptions.Item label={t.drawer.item}>
            {notice.itemNo}. {notice.itemTitle}
          </Descriptions.Item>
        ) : null}
        {notice.taskTitle ? (
          <Descriptions.Item label={t.drawer.task}>{notice.taskTitle}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t.drawer.unit}>{notice.unitName}</Descriptions.Item>
        <Descriptions.Item label={t.drawer.issuedBy}>
          {notice.issuedBy ?? ''} {shanghaiTime(notice.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t.drawer.replyDueOn}>{notice.replyDueOn}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t.drawer.problem}
      </Typography.Title>
      <Typography.Paragraph style={paragraph}>{notice.problem}</Typography.Paragraph>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t.drawer.requirement}
      </Typography.Title>
      <Typography.Paragraph style={paragraph}>{notice.requirement}</Typography.Paragraph>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t.drawer.reply}
      </Typography.Title>
      {notice.reply ? (
        <Typography.Paragraph style={paragraph}>{notice.reply}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t.drawer.noReply}</Typography.Text>
      )}
      {notice.canReply ? <ReplyForm notice={notice} onChanged={onChanged} /> : null}
      {notice.canDecide ? <DecisionForm notice={notice} onChanged={onChanged} /> : null}
      <Divider orientation="left" plain>
        {t.drawer.history}
      </Divider>
      <Timeline
        items={notice.events.map((event) => ({
          color: event.kind === 'return' ? 'red' : event.kind === 'accept' ? 'green' : 'blue',
          children: (
            <>
              <Typography.Text strong>{t.drawer.event[event.kind]}</Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                {event.actor} · {shanghaiTime(event.at)}
              </Typography.Text>
              {event.text && event.kind !== 'issue' ? (
                <Typography.Paragraph style={{ ...paragraph, marginTop: 4 }}>
                  {event.text}
                </Typography.Paragraph>
              ) : null}
            </>
          ),
        }))}
      />
    </>
  );
}

function ReplyForm({ notice, onChanged }: { notice: NoticeDetail; onChanged: () => void }) {
  const [form] = Form.useForm<{ reply: string }>();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (values: { reply: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/api/supervision-notices/${notice.id}/reply`, {
        reply: values.reply,
        version: notice.version,
      });
      message.success(t.drawer.replied);
      form.resetFields();
      onChanged();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['reply'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 16 }}>
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form.Item
        name="reply"
        label={t.drawer.replyLabel}
        required
        rules={[zodRule(noticeReplySchema.shape.reply)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 10 }}
          showCount
          maxLength={MAX_NOTICE_TEXT}
          placeholder={t.drawer.replyPlaceholder}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t.drawer.sendReply}
      </Button>
    </Form>
  );
}

function DecisionForm({ notice, onChanged }: { notice: NoticeDetail; onChanged: () => void }) {
  const [form] = Form.useForm<{ comment: string }>();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<'accept' | 'return'>();
  const [error, setError] = useState<unknown>();
  const decide = async (decision: 'accept' | 'return', comment?: string) => {
    setBusy(decision);
    setError(undefined);
    try {
      await api('POST', `/api/supervision-notices/${notice.id}/${decision}`, {
        version: notice.version,
        ...(decision === 'return' ? { comment } : {}),
      });
      message.success(decision === 'accept' ? t.drawer.accepted : t.drawer.returned);
      form.resetFields();
      onChanged();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['comment'])) setError(caught);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => decide('return', values.comment)}
      style={{ marginTop: 16 }}
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form.Item
        name="comment"
        label={t.drawer.returnLabel}
        rules={[zodRule(noticeReturnSchema.shape.comment)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={MAX_NOTICE_TEXT}
          placeholder={t.drawer.returnPlaceholder}
        />
      </Form.Item>
      <Space>
        <Popconfirm title={t.drawer.acceptConfirm} onConfirm={() => decide('accept')}>
          <Button type="primary" loading={busy === 'accept'}>
            {t.drawer.accept}
          </Button>
        </Popconfirm>
        <Button danger htmlType="submit" loading={busy === 'return'}>
          {t.drawer.sendReturn}
        </Button>
      </Space>
    </Form>
  );
}
