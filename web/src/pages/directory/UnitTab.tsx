import { PlusOutlined } from '@ant-design/icons';
import type { UnitKind, UnitView } from '@shared/directory.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Input, Popconfirm, Space, Switch, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, errorMessage } from '../../components/ApiErrorAlert.tsx';
import { admin as t } from '../../i18n/admin.ts';
import { common } from '../../i18n/common.ts';
import { AliasTags } from './AliasTags.tsx';
import { byChineseName, directoryKeys, unitMatches, useUnits } from './directory-api.ts';
import { UnitFormModal } from './UnitFormModal.tsx';

/** One kind of unit (股室 or 学校): search, add, rename, aliases, deactivate and reactivate. */
export function UnitTab({ kind, editable }: { kind: UnitKind; editable: boolean }) {
  const [search, setSearch] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<UnitView | 'new' | undefined>();
  const units = useUnits(kind, showInactive);
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const rows = useMemo(
    () => (units.data ?? []).filter((u) => unitMatches(u, search)).sort(byChineseName),
    [units.data, search],
  );

  const setActive = async (unit: UnitView, active: boolean) => {
    try {
      await api('PATCH', `/api/units/${unit.id}`, { active });
      message.success(active ? t.directory.reactivated : t.directory.deactivated);
      await client.invalidateQueries({ queryKey: directoryKeys.all });
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };

  const columns: ColumnsType<UnitView> = [
    { title: t.directory.name, dataIndex: 'name', width: 200 },
    ...(kind === 'school'
      ? [
          {
            title: t.directory.schoolKind,
            dataIndex: 'schoolKind',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
        ]
      : []),
    {
      title: <Tooltip title={t.directory.aliasesHint}>{t.directory.aliases}</Tooltip>,
      key: 'aliases',
      render: (_, unit) => <AliasTags unit={unit} editable={editable} />,
    },
    { title: t.directory.openTasks, dataIndex: 'openTaskCount', width: 100, align: 'right' },
    { title: t.directory.users, dataIndex: 'userCount', width: 70, align: 'right' },
    {
      title: t.directory.status,
      dataIndex: 'active',
      width: 80,
      render: (active: boolean) =>
        active ? <Tag color="success">{t.directory.active}</Tag> : <Tag>{t.directory.inactive}</Tag>,
    },
    ...(editable
      ? [
          {
            title: common.actions,
            key: 'actions',
            width: 130,
            render: (_: unknown, unit: UnitView) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setEditing(unit)}>
                  {t.directory.rename}
                </Button>
                {unit.active ? (
                  unit.openTaskCount > 0 ? (
                    <Tooltip title={t.directory.deactivateBlocked(unit.openTaskCount)}>
                      <Button type="link" size="small" disabled>
                        {t.directory.deactivate}
                      </Button>
                    </Tooltip>
                  ) : (
                    <Popconfirm
                      title={t.directory.deactivateConfirm(unit.name)}
                      onConfirm={() => setActive(unit, false)}
                    >
                      <Button type="link" size="small" danger>
                        {t.directory.deactivate}
                      </Button>
                    </Popconfirm>
                  )
                ) : (
                  <Popconfirm
                    title={t.directory.reactivateConfirm(unit.name)}
                    onConfirm={() => setActive(unit, true)}
                  >
                    <Button type="link" size="small">
                      {t.directory.reactivate}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const empty = search.trim()
    ? t.directory.noMatch
    : !editable
      ? t.directory.emptyRead[kind]
      : kind === 'school'
        ? t.directory.emptySchools
        : t.directory.emptyDepartments;

  return (
    <>
      <div className="directory-toolbar">
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t.directory.search}
            aria-label={t.directory.search}
            style={{ width: 240 }}
            onChange={(event) => setSearch(event.target.value)}
          />
          <Space size={6}>
            <Switch size="small" checked={showInactive} onChange={setShowInactive} id={`inactive-${kind}`} />
            <label htmlFor={`inactive-${kind}`}>{t.directory.showInactive}</label>
          </Space>
        </Space>
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {kind === 'school' ? t.directory.addSchool : t.directory.addDepartment}
          </Button>
        ) : null}
      </div>
      <ApiErrorAlert error={units.error} style={{ marginBottom: 12 }} />
      <Table<UnitView>
        rowKey="id"
        size="middle"
        loading={units.isPending}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: empty }}
        rowClassName={(unit) => (unit.active ? '' : 'row-inactive')}
      />
      <UnitFormModal
        kind={kind}
        unit={editing === 'new' ? undefined : editing}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}
