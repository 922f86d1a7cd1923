import { PlusOutlined } from '@ant-design/icons';
import type { UnitView } from '@shared/directory.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../components/ApiErrorAlert.tsx';
import { admin as t } from '../../i18n/admin.ts';
import { directoryKeys } from './directory-api.ts';

/** A unit's aliases as tags: editors add one inline and remove one after confirming. */
export function AliasTags({ unit, editable }: { unit: UnitView; editable: boolean }) {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const add = async () => {
    const alias = text.trim();
    if (!alias) {
      setAdding(false);
      setError(undefined);
      return;
    }
    setBusy(true);
    try {
      const result = await api<{ merged: boolean }>('POST', `/api/units/${unit.id}/aliases`, { alias });
      message.success(result.merged ? t.directory.aliasMerged(alias) : t.directory.aliasAdded(alias));
      setText('');
      setAdding(false);
      setError(undefined);
      await client.invalidateQueries({ queryKey: directoryKeys.all });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (aliasId: number) => {
    try {
      await api('DELETE', `/api/units/${unit.id}/aliases/${aliasId}`);
      message.success(t.directory.aliasRemoved);
      await client.invalidateQueries({ queryKey: directoryKeys.all });
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };

  return (
    <div>
      <Space size={[0, 6]} wrap>
        {unit.aliases.map((a) =>
          editable ? (
            <Popconfirm
              key={a.id}
              title={t.directory.removeAliasConfirm(a.alias)}
              onConfirm={() => remove(a.id)}
            >
              <Tag closable onClose={(event) => event.preventDefault()} style={{ cursor: 'pointer' }}>
                {a.alias}
              </Tag>
            </Popconfirm>
          ) : (
            <Tag key={a.id}>{a.alias}</Tag>
          ),
        )}
        {editable && !adding ? (
          <Tag
            role="button"
            tabIndex={0}
            style={{ borderStyle: 'dashed', cursor: 'pointer', background: '#fff' }}
            onClick={() => setAdding(true)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') setAdding(true);
            }}
          >
            <PlusOutlined /> {t.directory.addAlias}
          </Tag>
        ) : null}
        {editable && adding ? (
          <Input
            size="small"
            autoFocus
            style={{ width: 140 }}
            value={text}
            disabled={busy}
            status={error ? 'error' : undefined}
            placeholder={t.directory.aliasPlaceholder}
            aria-label={t.directory.addAlias}
            onChange={(event) => setText(event.target.value)}
            onPressEnter={add}
            onBlur={() => {
              if (!text.trim()) {
                setAdding(false);
                setError(undefined);
              }
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                setText('');
                setAdding(false);
                setError(undefined);
              }
            }}
          />
        ) : null}
      </Space>
      {error ? (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, marginTop: 4 }} role="alert">
          {error}
        </Typography.Text>
      ) : null}
    </div>
  );
}
