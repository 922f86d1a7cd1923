import type { EditChoices } from '@shared/import.ts';
import type { ItemNode } from '@shared/plan-tree.ts';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { importText as t } from '../../i18n/import.ts';

/** The values of the row being edited. */
export interface DraftRowValues {
  title: string;
  weight: number;
  leaders: string[];
  departments: number[];
  lead?: number;
  due?: Record<string, Dayjs | null>;
}

/** An item's values as the edit form starts them. */
export function rowValues(item: ItemNode): DraftRowValues {
  return {
    title: item.title,
    weight: item.weight,
    leaders: item.leaders,
    departments: item.departments.map((d) => d.id),
    lead: item.departments.find((d) => d.isLead)?.id,
    due: Object.fromEntries(item.draftIndicators.map((i) => [String(i.id), i.dueOn ? dayjs(i.dueOn) : null])),
  };
}

/** A picked date as YYYY-MM-DD, or null. */
export function dueOf(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** The columns of a section's items table; the row being edited shows form controls. */
export function draftColumns({
  editing,
  saving,
  choices,
  onEdit,
  onSave,
  onCancel,
}: {
  editing: number | null;
  saving: boolean;
  choices: EditChoices | undefined;
  onEdit: (item: ItemNode) => void;
  onSave: (item: ItemNode) => void;
  onCancel: () => void;
}): ColumnsType<ItemNode> {
  const units = (choices?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
  const leaders = (choices?.leaders ?? []).map((name) => ({ value: name, label: name }));
  return [
    { title: t.review.no, dataIndex: 'no', width: 56 },
    {
      title: t.review.item,
      width: 210,
      render: (_, item) =>
        editing === item.id ? (
          <Form.Item
            name="title"
            rules={[{ required: true, whitespace: true, message: t.review.titleRequired }]}
            style={{ margin: 0 }}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} aria-label={t.review.item} />
          </Form.Item>
        ) : (
          <Typography.Text>{item.title}</Typography.Text>
        ),
    },
    {
      title: t.review.weight,
      width: 90,
      render: (_, item) =>
        editing === item.id ? (
          <Form.Item
            name="weight"
            rules={[{ required: true, message: t.review.weight }]}
            style={{ margin: 0 }}
          >
            <InputNumber min={0.1} max={1000} step={0.5} style={{ width: 80 }} aria-label={t.review.weight} />
          </Form.Item>
        ) : (
          item.weight
        ),
    },
    {
      title: t.review.leaders,
      width: 160,
      render: (_, item) =>
        editing === item.id ? (
          <Form.Item name="leaders" style={{ margin: 0 }}>
            <Select
              mode="tags"
              options={leaders}
              placeholder={t.review.leadersPlaceholder}
              aria-label={t.review.leaders}
            />
          </Form.Item>
        ) : (
          item.leaders.map((name) => <Tag key={name}>{name}</Tag>)
        ),
    },
    {
      title: t.review.departments,
      width: 220,
      render: (_, item) =>
        editing === item.id ? (
          <Space direction="vertical" style={{ width: '100%' }} size={4}>
            <Form.Item name="departments" style={{ margin: 0 }}>
              <Select
                mode="multiple"
                options={units}
                optionFilterProp="label"
                placeholder={t.review.departmentsPlaceholder}
                aria-label={t.review.departments}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.departments !== b.departments}>
              {({ getFieldValue }) => {
                const chosen: number[] = getFieldValue('departments') ?? [];
                return (
                  <Form.Item
                    name="lead"
                    style={{ margin: 0 }}
                    rules={[
                      {
                        validator: (_rule, value) =>
                          chosen.length === 0 || chosen.includes(value)
                            ? Promise.resolve()
                            : Promise.reject(new Error(t.review.leadMissing)),
                      },
                    ]}
                  >
                    <Select
                      options={units.filter((u) => chosen.includes(u.value))}
                      placeholder={t.review.leadPlaceholder}
                      aria-label={t.review.lead}
                    />
                  </Form.Item>
                );
              }}
            </Form.Item>
          </Space>
        ) : (
          item.departments.map((d) => (
            <Tag key={d.id} color={d.isLead ? 'red' : undefined}>
              {d.isLead ? `${d.name}（${t.check.lead}）` : d.name}
            </Tag>
          ))
        ),
    },
    {
      title: t.review.indicators,
      render: (_, item) =>
        item.draftIndicators.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            {item.draftIndicators.map((indicator) => (
              <div key={indicator.id}>
                <Typography.Text>{indicator.text}</Typography.Text>{' '}
                {editing === item.id ? (
                  <Form.Item name={['due', String(indicator.id)]} noStyle>
                    <DatePicker
                      size="small"
                      placeholder={t.review.noDue}
                      aria-label={`${indicator.text} ${t.review.indicators}`}
                    />
                  </Form.Item>
                ) : indicator.dueOn ? (
                  <Tag color="gold">{t.review.dueTag(indicator.dueOn)}</Tag>
                ) : null}
              </div>
            ))}
          </Space>
        ),
    },
    {
      title: t.review.actions,
      width: 110,
      fixed: 'right',
      render: (_, item) =>
        editing === item.id ? (
          <Space>
            <Button type="link" size="small" onClick={() => onSave(item)} loading={saving}>
              {t.review.save}
            </Button>
            <Button type="link" size="small" onClick={onCancel}>
              {t.review.cancel}
            </Button>
          </Space>
        ) : (
          <Button type="link" size="small" disabled={editing !== null} onClick={() => onEdit(item)}>
            {t.review.edit}
          </Button>
        ),
    },
  ];
}
