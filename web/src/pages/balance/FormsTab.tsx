import { PlusOutlined } from '@ant-design/icons';
import type { CollectionFormView, FormField } from '@shared/balance.ts';
import { Button, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { balance as t } from '../../i18n/balance.ts';
import { useBalanceForms } from './balance-api.ts';
import { NewFormModal } from './NewFormModal.tsx';

const f = t.forms;

function FieldTag({ field }: { field: FormField }) {
  const text = field.unit ? `${field.label}（${field.unit}）` : field.label;
  return (
    <Tooltip title={field.key}>
      <Tag style={{ marginBottom: 4 }}>{text}</Tag>
    </Tooltip>
  );
}

/** 填报表单: the forms rounds are opened on (the seven-indicator form is built in); managers add forms. */
export function FormsTab({ manage }: { manage: boolean }) {
  const forms = useBalanceForms();
  const [creating, setCreating] = useState(false);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {manage ? (
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {f.create}
        </Button>
      ) : null}
      <ApiErrorAlert error={forms.error} />
      <Table<CollectionFormView>
        rowKey="id"
        size="middle"
        loading={forms.isLoading}
        dataSource={forms.data ?? []}
        pagination={false}
        locale={{ emptyText: f.empty }}
        columns={[
          { title: f.name, dataIndex: 'name', width: 220 },
          {
            title: f.kind,
            dataIndex: 'builtin',
            width: 90,
            render: (builtin: boolean) =>
              builtin ? <Tag color="blue">{f.builtin}</Tag> : <Tag>{f.custom}</Tag>,
          },
          {
            title: <Tooltip title={f.stagedHint}>{f.staged}</Tooltip>,
            dataIndex: 'staged',
            width: 90,
            render: (staged: boolean) => (staged ? f.yes : f.no),
          },
          {
            title: f.fields,
            dataIndex: 'fields',
            render: (fields: FormField[]) =>
              fields.map((field) => <FieldTag key={field.key} field={field} />),
          },
        ]}
      />
      {creating ? <NewFormModal onClose={() => setCreating(false)} /> : null}
    </Space>
  );
}
