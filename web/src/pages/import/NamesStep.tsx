import type { NameDecision as Decision, DepartmentName, NameMapping, ParsePreview } from '@shared/import.ts';
import { Alert, Button, Card, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { importText as t } from '../../i18n/import.ts';
import { NameProposals } from './NameProposals.tsx';

/** The supervisor's choice for one unknown name, while it may still be incomplete. */
export interface NameChoice {
  /** 'alias': the name joins another name of the notice (aliasOf) as that unit's alias. */
  mode?: 'create' | 'create_school' | 'map' | 'alias';
  unitId?: number;
  aliasOf?: string;
}

type Unknown = Extract<DepartmentName, { status: 'unknown' }>;

/** The unknown names of a preview. */
export function unknownNames(preview: ParsePreview): Unknown[] {
  return preview.names.departments.filter((n): n is Unknown => n.status === 'unknown');
}

/**
 * One unknown name's decision, or null while it is incomplete. A name joining another (alias) is
 * complete once that other name is known or itself created or mapped — never another alias.
 */
export function decisionOf(
  name: string,
  preview: ParsePreview,
  choices: Record<string, NameChoice>,
): Decision | null {
  const choice = choices[name];
  if (choice?.mode === 'create' || choice?.mode === 'create_school') return choice.mode;
  if (choice?.mode === 'map' && choice.unitId !== undefined) return choice.unitId;
  if (choice?.mode !== 'alias' || choice.aliasOf === undefined || choice.aliasOf === name) return null;
  const target = preview.names.departments.find((d) => d.name === choice.aliasOf);
  if (!target) return null;
  if (target.status !== 'unknown') return { aliasOf: target.name };
  const decided =
    choices[target.name]?.mode !== 'alias' && decisionOf(target.name, preview, choices) !== null;
  return decided ? { aliasOf: target.name } : null;
}

/** The mapping to send with the import, or null while some name is undecided. */
export function mappingOf(preview: ParsePreview, choices: Record<string, NameChoice>): NameMapping | null {
  const mapping: NameMapping = {};
  for (const { name } of unknownNames(preview)) {
    const decision = decisionOf(name, preview, choices);
    if (decision === null) return null;
    mapping[name] = decision;
  }
  return mapping;
}

/** Step 3: each department name the directory lacks is created or mapped to an existing unit. */
export function NamesStep({
  preview,
  choices,
  onChange,
}: {
  preview: ParsePreview;
  choices: Record<string, NameChoice>;
  onChange: (name: string, choice: NameChoice) => void;
}) {
  const unknown = unknownNames(preview);
  const known = preview.names.departments.filter(
    (n): n is Exclude<DepartmentName, Unknown> => n.status !== 'unknown',
  );
  const undecided = unknown.filter((n) => decisionOf(n.name, preview, choices) === null);
  const newLeaders = preview.names.leaders.filter((l) => !l.exists);
  const oldLeaders = preview.names.leaders.filter((l) => l.exists);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {unknown.length === 0 ? (
        <Alert type="success" showIcon message={t.names.allKnown} />
      ) : (
        <>
          <Alert type="info" showIcon message={t.names.intro} />
          <NameProposals preview={preview} choices={choices} onChange={onChange} />
          <Table<Unknown>
            rowKey="name"
            size="middle"
            pagination={false}
            dataSource={unknown}
            columns={[
              {
                title: t.names.name,
                dataIndex: 'name',
                width: 200,
                render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
              },
              {
                title: t.names.decision,
                render: (_, row) => (
                  <NameDecision
                    row={row}
                    units={preview.units}
                    choice={choices[row.name] ?? {}}
                    onChange={(choice) => onChange(row.name, choice)}
                  />
                ),
              },
            ]}
          />
          {undecided.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              message={t.names.undecided(undecided.length)}
              action={
                <Button
                  size="small"
                  onClick={() => {
                    // A name already set to join another keeps that choice.
                    for (const n of undecided)
                      if (choices[n.name]?.mode !== 'alias') onChange(n.name, { mode: 'create' });
                  }}
                >
                  {t.names.createRest(undecided.length)}
                </Button>
              }
            />
          ) : null}
        </>
      )}
      {known.length > 0 ? (
        <Card size="small" title={t.names.known(known.length)}>
          {known.map((n) => (
            <Tag key={n.name} color={n.status === 'alias' ? 'blue' : undefined} style={{ marginBottom: 4 }}>
              {n.status === 'alias' ? t.names.alias(n.name, n.unit.name) : n.name}
            </Tag>
          ))}
        </Card>
      ) : null}
      {preview.names.leaders.length > 0 ? (
        <Card size="small" title={t.check.leaders}>
          <Space direction="vertical">
            <div>
              <Typography.Text type="secondary">{t.names.leadersKnown}：</Typography.Text>
              {oldLeaders.map((l) => (
                <Tag key={l.name}>{l.name}</Tag>
              ))}
              {oldLeaders.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
            </div>
            {newLeaders.length > 0 ? (
              <div>
                <Typography.Text type="secondary">{t.names.leadersNew}：</Typography.Text>
                {newLeaders.map((l) => (
                  <Tag key={l.name} color="orange">
                    {l.name}
                  </Tag>
                ))}
              </div>
            ) : null}
          </Space>
        </Card>
      ) : null}
    </Space>
  );
}

function NameDecision({
  row,
  units,
  choice,
  onChange,
}: {
  row: Unknown;
  units: ParsePreview['units'];
  choice: NameChoice;
  onChange: (choice: NameChoice) => void;
}) {
  const suggested = new Set(row.suggestions.map((s) => s.id));
  const best = row.suggestions[0];
  return (
    <Space wrap>
      <Radio.Group
        aria-label={`${row.name} ${t.names.decision}`}
        value={choice.mode}
        onChange={(e) => onChange({ ...choice, mode: e.target.value })}
        optionType="button"
        options={[
          { value: 'create', label: t.names.create },
          { value: 'create_school', label: t.names.createSchool },
          { value: 'map', label: t.names.map },
        ]}
      />
      {choice.mode === 'alias' && choice.aliasOf ? (
        <Tag color="blue">{t.names.mergedInto(choice.aliasOf)}</Tag>
      ) : null}
      {choice.mode === 'map' ? (
        <Select<number>
          aria-label={t.names.pickUnit}
          style={{ width: 240 }}
          showSearch
          optionFilterProp="label"
          placeholder={t.names.pickUnit}
          value={choice.unitId}
          status={choice.unitId === undefined ? 'warning' : undefined}
          onChange={(unitId) => onChange({ mode: 'map', unitId })}
          options={[
            ...(row.suggestions.length > 0
              ? [
                  {
                    label: t.names.suggested,
                    options: row.suggestions.map((s) => ({ value: s.id, label: s.name })),
                  },
                ]
              : []),
            {
              label: t.names.allUnits,
              options: units.filter((u) => !suggested.has(u.id)).map((u) => ({ value: u.id, label: u.name })),
            },
          ]}
        />
      ) : null}
      {best && !(choice.mode === 'map' && choice.unitId === best.id) ? (
        <Button
          size="small"
          type="link"
          onClick={() => onChange({ mode: 'map', unitId: best.id })}
          title={best.why}
        >
          {t.names.adoptSuggestion(best.name)}
        </Button>
      ) : null}
    </Space>
  );
}
