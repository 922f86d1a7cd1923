import { DeleteOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, List, Typography, Upload } from 'antd';
import { work as t } from '../../i18n/work.ts';
import { formatSize } from './report-form-data.ts';

/**
 * Evidence files chosen before sending: drag and drop or click, several at once, each listed with
 * its size and a remove button. Nothing is uploaded until the form is submitted.
 */
export function EvidencePicker({
  files,
  onChange,
  disabled,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
}) {
  return (
    <div>
      <Upload.Dragger
        multiple
        disabled={disabled}
        showUploadList={false}
        // Keep the file in the form instead of uploading it on its own.
        beforeUpload={(file, batch) => {
          if (file === batch[0]) onChange([...files, ...batch]);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t.reportForm.dragHint}</p>
        <p className="ant-upload-hint">{t.reportForm.dragSubHint}</p>
      </Upload.Dragger>
      {files.length > 0 ? (
        <List
          size="small"
          dataSource={files}
          rowKey={(file) => `${file.name}-${file.size}-${file.lastModified}`}
          renderItem={(file, index) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="text"
                  size="small"
                  danger
                  disabled={disabled}
                  icon={<DeleteOutlined />}
                  aria-label={t.reportForm.removeFile(file.name)}
                  onClick={() => onChange(files.filter((_, i) => i !== index))}
                />,
              ]}
            >
              <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                <PaperClipOutlined /> {file.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', marginInlineStart: 8 }}>
                {formatSize(file.size)}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}
