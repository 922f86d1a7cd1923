import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { type BulletinDetail, monthLabel } from '@shared/bulletins.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { apiGet } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { bulletins as t } from '../../i18n/bulletins.ts';
import { BulletinEditor } from './BulletinEditor.tsx';
import { BulletinPreview } from './BulletinPreview.tsx';
import { BulletinStateTag } from './BulletinStateTag.tsx';

/** /bulletins/:id: a draft in the editor (supervisors), or an issued bulletin read-only with its file. */
export default function BulletinPage() {
  const id = Number(useParams().id);
  const client = useQueryClient();
  const bulletin = useQuery({
    queryKey: ['bulletins', 'detail', id],
    queryFn: () => apiGet<BulletinDetail>(`/api/bulletins/${id}`),
  });
  const changed = () => client.invalidateQueries({ queryKey: ['bulletins'] });
  const data = bulletin.data;
  const back = (
    <Link to={data ? `/bulletins?plan=${data.planId}` : '/bulletins'}>
      <Button icon={<ArrowLeftOutlined />}>{t.editor.back}</Button>
    </Link>
  );
  return (
    <PageContainer
      title={
        data ? (
          <Space>
            {data.title}
            <BulletinStateTag state={data.state} />
          </Space>
        ) : (
          t.list.title
        )
      }
      subtitle={
        data
          ? `${data.planTitle} · ${monthLabel(data.month)} · ${t.list.revisionOf(data.revision)} · ${t.editor.asOf(data.asOf)}`
          : undefined
      }
      extra={back}
    >
      <ApiErrorAlert error={bulletin.error} />
      {bulletin.isPending ? <Skeleton active /> : null}
      {data?.canEdit ? <BulletinEditor key={data.version} bulletin={data} onChanged={changed} /> : null}
      {data && !data.canEdit ? <ReadOnly bulletin={data} /> : null}
    </PageContainer>
  );
}

function ReadOnly({ bulletin }: { bulletin: BulletinDetail }) {
  return (
    <>
      {bulletin.state === 'issued' ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Alert type="success" showIcon message={t.issued.readOnly} style={{ marginBottom: 12 }} />
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t.issued.by}>{bulletin.issuedBy}</Descriptions.Item>
            <Descriptions.Item label={t.issued.at}>
              {bulletin.issuedAt ? shanghaiTime(bulletin.issuedAt) : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t.issued.file}>
              <Space wrap>
                {bulletin.fileName}
                {bulletin.fileSize !== null ? (
                  <Typography.Text type="secondary">{t.issued.size(bulletin.fileSize)}</Typography.Text>
                ) : null}
                <Button
                  type="primary"
                  size="small"
                  icon={<DownloadOutlined />}
                  href={`/api/bulletins/${bulletin.id}/docx`}
                  download
                >
                  {t.issued.download}
                </Button>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t.issued.sha256}>
              <Typography.Text code copyable style={{ fontSize: 12 }}>
                {bulletin.fileSha256}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      <BulletinPreview content={bulletin.content} />
    </>
  );
}
