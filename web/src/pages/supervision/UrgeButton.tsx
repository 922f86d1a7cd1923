import { App as AntApp, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../components/ApiErrorAlert.tsx';
import { supervision as t } from '../../i18n/supervision.ts';

/** 催办: asks first, then notifies the owning units of a task or item at once and says how many were reached. */
export function UrgeButton({ path }: { path: string }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const urge = async () => {
    setBusy(true);
    try {
      const result = await api<{ reached: number }>('POST', path, {});
      if (result.reached > 0) message.success(t.center.urged(result.reached));
      else message.warning(t.center.urgedNobody);
    } catch (caught) {
      message.error(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={t.center.urgeConfirm} onConfirm={urge}>
      <Button size="small" loading={busy}>
        {t.center.urge}
      </Button>
    </Popconfirm>
  );
}
