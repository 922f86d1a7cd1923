import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { formFieldSchema, newFormSchema } from '@shared/balance.ts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Switch,
} from 'antd';
import { useState } from 'react';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { balance as t } from '../../i18n/balance.ts';
import { common } from '../../i18n/common.ts';
import { createForm } from './balance-api.ts';

interface FieldValues {
  key?: string;
  label?: string;
  unit?: string;
  integer?: boolean;
  min?: number | null;
  max?: number | null;
  required?: boolean;
}

interface Values {
  name?: string;
  staged?: boolean;
  fields?: FieldValues[];
}

const n = t.newForm;
const shape = formFieldSchema.shape;
const blankField: FieldValues = { unit: '', integer: false, min: 0, max: null, required: true };

/** 新建表单: a name, whether schools fill one row per stage, and the fields with unit and range. */
export function NewFormModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [formProblem, setFormProblem] = useState<string>();

  const submit = async (values: Values) => {
    const parsed = newFormSchema.safeParse({
      name: values.name,
      staged: values.staged ?? false,
      fields: (values.fields ?? []).map((field) => ({
        key: field.key ?? '',
        label: field.label,
        unit: field.unit ?? '',
        integer: field.integer ?? false,
        min: field.min ?? 0,
        max: field.max ?? null,
        required: field.required ?? true,
      })),
    });
    if (!parsed.success) {
      // Field-level rules have passed, so what is left is about the whole list (duplicates, ranges).
      setFormProblem(parsed.error.issues[0]?.message);
      return;
    }
    setFormProblem(undefined);
    setBusy(true);
    setError(undefined);
    try {
      await createForm(client, parsed.data);
      message.success(n.done);
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['name'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={n.title}
      okText={n.submit}
      cancelText={common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={busy ? undefined : onClose}
      width={760}
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      {formProblem ? (
        <Alert type="error" showIcon message={formProblem} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={{ staged: false, fields: [blankField] }}
      >
        <Form.Item name="name" label={n.name} required rules={[zodRule(newFormSchema.shape.name)]}>
          <Input placeholder={n.namePlaceholder} maxLength={60} />
        </Form.Item>
        <Form.Item name="staged" label={n.staged} valuePropName="checked" extra={t.forms.stagedHint}>
          <Switch />
        </Form.Item>
        <Form.List name="fields">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={`${n.fields} ${index + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    fields.length > 1 ? (
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                      >
                        {n.removeField}
                      </Button>
                    ) : null
                  }
                >
                  <Space wrap align="start" size={12}>
                    <Form.Item name={[field.name, 'key']} label={n.key} required rules={[zodRule(shape.key)]}>
                      <Input placeholder={n.keyPlaceholder} style={{ width: 180 }} maxLength={40} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'label']}
                      label={n.label}
                      required
                      rules={[zodRule(shape.label)]}
                    >
                      <Input placeholder={n.labelPlaceholder} style={{ width: 200 }} maxLength={40} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'unit']} label={n.unit} rules={[zodRule(shape.unit)]}>
                      <Input placeholder={n.unitPlaceholder} style={{ width: 90 }} maxLength={10} />
                    </Form.Item>
                  </Space>
                  <Space wrap align="start" size={12}>
                    <Form.Item name={[field.name, 'min']} label={n.min}>
                      <InputNumber style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'max']} label={n.max}>
                      <InputNumber style={{ width: 120 }} placeholder={n.maxPlaceholder} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'integer']} label=" " valuePropName="checked">
                      <Checkbox>{n.integer}</Checkbox>
                    </Form.Item>
                    <Form.Item name={[field.name, 'required']} label=" " valuePropName="checked">
                      <Checkbox>{n.required}</Checkbox>
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(blankField)}>
                {n.addField}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
