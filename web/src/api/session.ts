import type { Ability } from '@shared/abilities.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, setCsrfToken } from './client.ts';

/** The signed-in user as GET /api/me returns it. */
export interface Me {
  user: { id: number; username: string; displayName: string };
  organization: { id: number; name: string } | null;
  roles: string[];
  unit: { id: number; name: string; kind: string } | null;
  leader: { id: number; name: string } | null;
  /** What the user may do, derived by the server from the rules it enforces. */
  permissions: Ability[];
  /** The login step still missing (a TOTP code, enrolment, an expired password), or null. */
  pending?: 'totp' | 'enrol' | 'password' | null;
  csrfToken?: string;
}

/** Query key of the signed-in user. */
export const meKey = ['me'] as const;

/** Loads the signed-in user (null when nobody is signed in) and remembers the CSRF token. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiGet<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if ((error as { status?: number }).status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** The signed-in user, or null. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** The signed-in user; only for pages under the login guard, where it is always loaded. */
export function useCurrentUser(): Me {
  const client = useQueryClient();
  const me = client.getQueryData<Me | null>(meKey);
  if (!me) throw new Error('useCurrentUser outside the login guard');
  return me;
}

/** Whether the user may do something (an ability of /api/me). */
export function can(me: Me, ability: Ability): boolean {
  return me.permissions.includes(ability);
}

/** Whether the user holds at least one of the abilities. */
export function canAny(me: Me, abilities: readonly Ability[]): boolean {
  return abilities.some((ability) => me.permissions.includes(ability));
}
