import { FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { EvidenceView } from '@shared/items.ts';
import { Button, Image, Modal, Space } from 'antd';
import { useState } from 'react';
import { board } from '../../i18n/board.ts';
import { fileSize } from './format.ts';

const t = board.item;
const images = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Evidence files: images as previews, PDFs opened in a dialog, anything else as a download link. */
export function EvidenceList({ files }: { files: EvidenceView[] }) {
  const [pdf, setPdf] = useState<EvidenceView | null>(null);
  if (files.length === 0) return null;
  const pictures = files.filter((f) => images.has(f.mediaType));
  const others = files.filter((f) => !images.has(f.mediaType));
  return (
    <div style={{ marginTop: 6 }}>
      <span style={{ color: '#8c8c8c', marginInlineEnd: 8 }}>{t.evidence}</span>
      {pictures.length > 0 ? (
        <Image.PreviewGroup>
          <Space size={6} wrap style={{ verticalAlign: 'top' }}>
            {pictures.map((f) => (
              <Image
                key={f.id}
                width={64}
                height={64}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                src={`/api/files/${f.id}?inline=1`}
                alt={f.fileName}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      ) : null}
      <Space size={[12, 2]} wrap>
        {others.map((f) =>
          f.mediaType === 'application/pdf' ? (
            <Button
              key={f.id}
              type="link"
              size="small"
              icon={<FilePdfOutlined />}
              onClick={() => setPdf(f)}
              style={{ paddingInline: 0 }}
            >
              {f.fileName}（{fileSize(f.size)}）
            </Button>
          ) : (
            <a key={f.id} href={`/api/files/${f.id}`} download={f.fileName}>
              <PaperClipOutlined /> {f.fileName}（{fileSize(f.size)}）
            </a>
          ),
        )}
      </Space>
      <Modal
        open={pdf !== null}
        title={pdf ? t.pdfTitle(pdf.fileName) : ''}
        onCancel={() => setPdf(null)}
        footer={
          pdf ? (
            <a href={`/api/files/${pdf.id}`} download={pdf.fileName}>
              {t.download}
            </a>
          ) : null
        }
        width="80vw"
        style={{ top: 24 }}
        destroyOnHidden
      >
        {pdf ? (
          <iframe
            title={pdf.fileName}
            src={`/api/files/${pdf.id}?inline=1`}
            style={{ width: '100%', height: '75vh', border: 0 }}
          />
        ) : null}
      </Modal>
    </div>
  );
}
