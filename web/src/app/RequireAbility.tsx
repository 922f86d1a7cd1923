import type { Ability } from '@shared/abilities.ts';
import { Button, Result } from 'antd';
import type { ComponentType } from 'react';
import { useNavigate } from 'react-router';
import { canAny, useCurrentUser } from '../api/session.ts';
import { common as t } from '../i18n/common.ts';

/** The page a user reaches by its address without the ability it needs: says so, offers the way home. */
export function NoAccess() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t.forbiddenPage}
      subTitle={t.forbiddenHint}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t.goHome}
        </Button>
      }
    />
  );
}

/** A page shown only to users holding one of the abilities; others see NoAccess and the page asks nothing of the API. */
export function requireAbility(Page: ComponentType, abilities: readonly Ability[]): ComponentType {
  function Guarded() {
    return canAny(useCurrentUser(), abilities) ? <Page /> : <NoAccess />;
  }
  Guarded.displayName = `RequireAbility(${Page.displayName ?? Page.name})`;
  return Guarded;
}
