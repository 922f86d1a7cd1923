import {
  newUnitSchema,
  SCHOOL_KINDS,
  type UnitKind,
  type UnitView,
  unitPatchSchema,
} from '@shared/directory.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { admin as t } from '../../i18n/admin.ts';
import { directoryKeys } from './directory-api.ts';

interface UnitForm {
  name: string;
  schoolKind?: string;
}

/** Adds a unit of a kind, or (given a unit) renames it and sets its school kind. */
export function UnitFormModal({
  kind,
  unit,
  open,
  onClose,
}: {
  kind: UnitKind;
  unit?: UnitView;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<UnitForm>();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const kindLabel = t.directory.tabs[kind];

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue({ name: unit?.name ?? '', schoolKind: unit?.schoolKind ?? undefined });
  }, [open, unit, form]);

  const submit = async (values: UnitForm) => {
    setBusy(true);
    setError(undefined);
    try {
      if (unit) {
        const patch = unitPatchSchema.parse({
          name: values.name,
          ...(kind === 'school' ? { schoolKind: values.schoolKind ?? null } : {}),
        });
        await api('PATCH', `/api/units/${unit.id}`, patch);
        message.success(t.directory.saved);
      } else {
        await api('POST', '/api/units', newUnitSchema.parse({ ...values, kind }));
        message.success(t.directory.added);
      }
      await client.invalidateQueries({ queryKey: directoryKeys.all });
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['name', 'schoolKind'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={unit ? t.directory.renameTitle(unit.name) : t.directory.addUnitTitle(kindLabel)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form<UnitForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={unit ? t.directory.newName : t.directory.name}
          name="name"
          extra={unit ? t.directory.renameHint : undefined}
          rules={[zodRule(newUnitSchema.shape.name)]}
        >
          <Input autoFocus maxLength={100} />
        </Form.Item>
        {kind === 'school' ? (
          <Form.Item label={t.directory.schoolKind} name="schoolKind">
            <Select
              allowClear
              options={SCHOOL_KINDS.map((k) => ({ value: k, label: k }))}
              placeholder={t.directory.schoolKind}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
