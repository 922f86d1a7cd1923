import { PlusOutlined } from '@ant-design/icons';
import {
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  type FindingSeverity,
  type FindingStatus,
  type FindingView,
} from '@shared/findings.ts';
import { Button, Checkbox, Empty, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { can, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { LightTag } from '../../components/LightTag.tsx';
import { findings as t } from '../../i18n/findings.ts';
import { FindingDrawer } from './FindingDrawer.tsx';
import { SeverityTag, StatusTag } from './finding-tags.tsx';
import { type RegisterFilters, useFindings, useUnits } from './findings-api.ts';
import { NewFindingModal } from './NewFindingModal.tsx';

/** 问题台账: the findings the user may see, filtered, each opening its detail drawer. */
export function RegisterTab() {
  const me = useCurrentUser();
  const [filters, setFilters] = useState<RegisterFilters>({});
  // The open finding lives in the address (?finding=12), so a reminder or message can link to it.
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('finding')) || null;
  const setOpenId = (id: number | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id === null) next.delete('finding');
        else next.set('finding', String(id));
        return next;
      },
      { replace: true },
    );
  const [recording, setRecording] = useState(false);
  const list = useFindings(filters);
  const units = useUnits();
  const supervisor = can(me, 'findings.manage');
  // A unit records findings of its own (from its inspections); a supervisor for any unit.
  const ownUnit = can(me, 'inspections.file') ? me.unit : null;
  const mayRecord = can(me, 'findings.record');
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== false);
  const set = (patch: RegisterFilters) => setFilters((current) => ({ ...current, ...patch }));

  const columns = [
    {
      title: t.columns.light,
      key: 'light',
      width: 76,
      render: (_: unknown, f: FindingView) => <LightTag light={f.light} reason={f.reason} />,
    },
    { title: t.columns.source, dataIndex: 'source', key: 'source', width: 120 },
    {
      title: t.columns.title,
      key: 'title',
      render: (_: unknown, f: FindingView) => (
        <Button
          type="link"
          onClick={() => setOpenId(f.id)}
          style={{ padding: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}
        >
          {f.title}
        </Button>
      ),
    },
    {
      title: t.columns.unit,
      key: 'unit',
      width: 170,
      render: (_: unknown, f: FindingView) => (
        <span>
          {f.unit.name}
          {f.escalatedFrom && f.escalatedFrom.id !== f.unit.id ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t.drawer.escalatedFrom}：{f.escalatedFrom.name}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t.columns.severity,
      key: 'severity',
      width: 90,
      render: (_: unknown, f: FindingView) => <SeverityTag severity={f.severity} />,
    },
    { title: t.columns.dueOn, dataIndex: 'dueOn', key: 'dueOn', width: 110 },
    {
      title: t.columns.status,
      key: 'status',
      width: 120,
      render: (_: unknown, f: FindingView) => <StatusTag status={f.status} />,
    },
  ];

  return (
    <div>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          gap: 12,
          flexWrap: 'wrap',
          marginBottom: 12,
        }}
      >
        <Space wrap>
          <Select<FindingStatus>
            allowClear
            aria-label={t.filters.status}
            placeholder={t.filters.allStatus}
            style={{ width: 140 }}
            value={filters.status}
            onChange={(status) => set({ status })}
            options={FINDING_STATUSES.map((s) => ({ value: s, label: t.status[s] }))}
          />
          <Select<number>
            allowClear
            showSearch
            optionFilterProp="label"
            aria-label={t.filters.unit}
            placeholder={t.filters.allUnits}
            style={{ width: 200 }}
            value={filters.unitId}
            onChange={(unitId) => set({ unitId })}
            loading={units.isLoading}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <Select<FindingSeverity>
            allowClear
            aria-label={t.filters.severity}
            placeholder={t.filters.allSeverity}
            style={{ width: 130 }}
            value={filters.severity}
            onChange={(severity) => set({ severity })}
            options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t.severity[s] }))}
          />
          <Checkbox checked={filters.overdue ?? false} onChange={(e) => set({ overdue: e.target.checked })}>
            {t.filters.overdue}
          </Checkbox>
        </Space>
        <Space>
          {list.data ? <Typography.Text type="secondary">{t.total(list.data.length)}</Typography.Text> : null}
          {mayRecord ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
              {t.record}
            </Button>
          ) : null}
        </Space>
      </div>
      <ApiErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table<FindingView>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(f) => ({ onDoubleClick: () => setOpenId(f.id) })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                filtered ? t.emptyFiltered : supervisor ? t.emptySupervisor : ownUnit ? t.emptyUnit : t.empty
              }
            />
          ),
        }}
      />
      <FindingDrawer findingId={openId} onClose={() => setOpenId(null)} />
      <NewFindingModal
        open={recording}
        ownUnit={supervisor ? null : ownUnit}
        onClose={() => setRecording(false)}
        onCreated={(id) => setOpenId(id)}
      />
    </div>
  );
}
