import { Alert, Button, Card, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { security as t } from '../../i18n/security.ts';

interface Setup {
  secret: string;
  uri: string;
  qrSvg: string;
}

/**
 * Enrolling an authenticator: the server draws the QR code (no outside service sees the secret),
 * a first code confirms it, then the 10 recovery codes are shown once.
 */
export function TwoFactorEnrol({ onDone }: { onDone: (pending: string | null) => void }) {
  const [setup, setSetup] = useState<Setup>();
  const [codes, setCodes] = useState<{ recoveryCodes: string[]; pending: string | null }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await step();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const start = () => run(async () => setSetup(await api<Setup>('POST', '/api/me/two-factor/setup')));
  const confirm = ({ code }: { code: string }) =>
    run(async () => setCodes(await api('POST', '/api/me/two-factor', { code })));

  if (codes) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon message={t.enrol.done} />
        <Typography.Title level={5}>{t.enrol.recoveryTitle}</Typography.Title>
        <Typography.Paragraph>{t.enrol.recoveryIntro}</Typography.Paragraph>
        <List
          bordered
          size="small"
          grid={{ column: 2 }}
          dataSource={codes.recoveryCodes}
          renderItem={(code) => (
            <List.Item>
              <Typography.Text code className="recovery-code">
                {code}
              </Typography.Text>
            </List.Item>
          )}
        />
        <Button type="primary" onClick={() => onDone(codes.pending)}>
          {t.enrol.saved}
        </Button>
      </Space>
    );
  }
  if (!setup) {
    return (
      <Space direction="vertical">
        <ApiErrorAlert error={error} />
        <Button type="primary" onClick={start} loading={busy}>
          {t.enrol.start}
        </Button>
      </Space>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t.enrol.scan}</Typography.Paragraph>
      <Card size="small" style={{ width: 232 }}>
        <img
          alt={t.enrol.qrAlt}
          width={200}
          height={200}
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
        />
      </Card>
      <Typography.Paragraph>
        {t.enrol.secret}：
        <Typography.Text code copyable>
          {setup.secret}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>{t.enrol.enterCode}</Typography.Paragraph>
      <ApiErrorAlert error={error} />
      <Form<{ code: string }> layout="inline" onFinish={confirm} requiredMark={false}>
        <Form.Item name="code" rules={[{ required: true, message: t.step.codeRequired }]}>
          <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 140 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t.enrol.confirm}
        </Button>
      </Form>
    </Space>
  );
}
