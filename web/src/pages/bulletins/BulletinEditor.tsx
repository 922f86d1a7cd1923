import { DownloadOutlined, EyeOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import {
  type BulletinContent,
  type BulletinDetail,
  editBulletinSchema,
  MAX_BULLETIN_TEXT,
} from '@shared/bulletins.ts';
import { Alert, App as AntApp, Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { bulletins as t } from '../../i18n/bulletins.ts';
import { BulletinPreview, BulletinTablePreview } from './BulletinPreview.tsx';

interface Values {
  title: string;
  subtitle: string;
  intro: string;
  sections: Array<{ text: string; parts: string[]; after: string }>;
  closing: string;
  issuer: string;
}

const shape = editBulletinSchema.shape;
const rows = { minRows: 2, maxRows: 14 };

function initialValues(bulletin: BulletinDetail): Values {
  const c = bulletin.content;
  return {
    title: c.title,
    subtitle: c.subtitle,
    intro: c.intro,
    sections: c.sections.map((s) => ({ text: s.text, parts: s.parts.map((p) => p.text), after: s.after })),
    closing: c.closing,
    issuer: c.issuer,
  };
}

/** The content as it will read with the form's values (for the preview). */
function edited(content: BulletinContent, values: Values): BulletinContent {
  return {
    ...content,
    title: values.title,
    subtitle: values.subtitle,
    intro: values.intro,
    closing: values.closing,
    issuer: values.issuer,
    sections: content.sections.map((section, index) => ({
      ...section,
      text: values.sections[index]?.text ?? section.text,
      after: values.sections[index]?.after ?? section.after,
      parts: section.parts.map((part, p) => ({
        ...part,
        text: values.sections[index]?.parts[p] ?? part.text,
      })),
    })),
  };
}

/** The draft editor: every text block editable, tables previewed, save / regenerate / preview / export / issue. */
export function BulletinEditor({ bulletin, onChanged }: { bulletin: BulletinDetail; onChanged: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<'save' | 'regenerate' | 'issue' | null>(null);
  const [error, setError] = useState<unknown>();
  const [previewing, setPreviewing] = useState(false);
  const [dirty, setDirty] = useState(false);
  const content = bulletin.content;

  const payload = (values: Values, version: number) => ({
    version,
    ...values,
    sections: content.sections.map((section, index) => ({
      key: section.key,
      text: values.sections[index]?.text ?? section.text,
      parts: section.parts.map((part, p) => values.sections[index]?.parts[p] ?? part.text),
      after: values.sections[index]?.after ?? section.after,
    })),
  });
  const run = async (kind: 'save' | 'regenerate' | 'issue', action: () => Promise<void>) => {
    setBusy(kind);
    setError(undefined);
    try {
      await action();
      setDirty(false);
      onChanged();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['title', 'subtitle', 'intro', 'closing', 'issuer']))
        setError(caught);
    } finally {
      setBusy(null);
    }
  };
  const save = () =>
    run('save', async () => {
      const values = await form.validateFields();
      await api('PUT', `/api/bulletins/${bulletin.id}`, payload(values, bulletin.version));
      message.success(t.editor.saved);
    });
  const regenerate = () =>
    run('regenerate', async () => {
      await api('POST', `/api/bulletins/${bulletin.id}/regenerate`, { version: bulletin.version });
      message.success(t.editor.regenerated);
    });
  const issue = () =>
    run('issue', async () => {
      let version = bulletin.version;
      if (dirty) {
        const values = await form.validateFields();
        version = (
          await api<{ version: number }>('PUT', `/api/bulletins/${bulletin.id}`, payload(values, version))
        ).version;
      }
      await api('POST', `/api/bulletins/${bulletin.id}/issue`, { version });
      message.success(t.editor.issuedOk);
    });

  const actions = (
    <Space wrap>
      <Button type="primary" onClick={save} loading={busy === 'save'} disabled={previewing}>
        {t.editor.save}
      </Button>
      <Popconfirm title={t.editor.regenerateConfirm} onConfirm={regenerate}>
        <Button icon={<ReloadOutlined />} loading={busy === 'regenerate'}>
          {t.editor.regenerate}
        </Button>
      </Popconfirm>
      <Button icon={<EyeOutlined />} onClick={() => setPreviewing(!previewing)}>
        {previewing ? t.editor.edit : t.editor.preview}
      </Button>
      <Button icon={<DownloadOutlined />} href={`/api/bulletins/${bulletin.id}/docx`} download>
        {t.editor.exportWord}
      </Button>
      <Popconfirm title={t.editor.issueConfirm} onConfirm={issue} okText={t.editor.issue}>
        <Button type="primary" danger icon={<SendOutlined />} loading={busy === 'issue'}>
          {t.editor.issue}
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        {actions}
        {dirty ? (
          <Typography.Text type="warning" style={{ marginLeft: 12 }}>
            {t.editor.unsaved}
          </Typography.Text>
        ) : null}
      </Card>
      <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      {previewing ? <BulletinPreview content={edited(content, form.getFieldsValue(true) as Values)} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(bulletin)}
        onValuesChange={() => setDirty(true)}
        style={previewing ? { display: 'none' } : undefined}
      >
        <Card title={t.editor.title} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="title" label={t.editor.title} rules={[zodRule(shape.title)]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="subtitle" label={t.editor.subtitle} rules={[zodRule(shape.subtitle)]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="intro" label={t.editor.intro}>
            <Input.TextArea autoSize={rows} maxLength={MAX_BULLETIN_TEXT} />
          </Form.Item>
        </Card>
        {content.sections.map((section, index) => (
          <Card key={section.key} title={section.heading} size="small" style={{ marginBottom: 16 }}>
            {section.parts.length === 0 || section.text ? (
              <Form.Item name={['sections', index, 'text']} aria-label={section.heading}>
                <Input.TextArea autoSize={rows} maxLength={MAX_BULLETIN_TEXT} />
              </Form.Item>
            ) : null}
            {section.parts.map((part, p) => (
              <Form.Item key={part.heading} name={['sections', index, 'parts', p]} label={part.heading}>
                <Input.TextArea autoSize={rows} maxLength={MAX_BULLETIN_TEXT} />
              </Form.Item>
            ))}
            {section.table ? (
              <>
                <Typography.Text type="secondary">{t.editor.table}</Typography.Text>
                <BulletinTablePreview table={section.table} />
                <Form.Item name={['sections', index, 'after']} label={t.editor.after}>
                  <Input.TextArea autoSize={rows} maxLength={MAX_BULLETIN_TEXT} />
                </Form.Item>
              </>
            ) : null}
          </Card>
        ))}
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="closing" label={t.editor.closing}>
            <Input.TextArea autoSize={rows} maxLength={MAX_BULLETIN_TEXT} />
          </Form.Item>
          <Form.Item name="issuer" label={t.editor.issuer} rules={[zodRule(shape.issuer)]}>
            <Input maxLength={100} />
          </Form.Item>
          <Alert
            type="info"
            showIcon
            message={`${t.editor.signedOn}：${content.signedOn}。${t.editor.signedOnHint}`}
          />
        </Card>
      </Form>
    </>
  );
}
