import type { Kysely, Transaction } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import type { DB, UserRoleTable } from '../db/schema.ts';
import { SYSTEM_ROLES } from '../policies/roles.ts';

/** A role a user can hold (DESIGN.md, "Who uses it"). */
export type Role = UserRoleTable['role'];

/** Who is acting: a user, or the CLI / a job acting for an organization. */
export interface Actor {
  organizationId: number;
  userId: number | null;
  /** Shown in the audit trail, e.g. the username or "命令行". */
  label: string;
  roles: Role[];
  /** The department or school a department/school user is bound to. */
  unitId: number | null;
  /** The leader row a leader user is. */
  leaderId: number | null;
  /** The client address of the request (audit trail); absent for the command line and jobs. */
  address?: string | null;
}

/** What every use case receives: the database, who acts, and the clock (fixed in tests). */
export interface Context {
  db: Kysely<DB>;
  dialect: DialectName;
  actor: Actor;
  now: () => Date;
}

/** A Kysely handle inside a transaction. */
export type Tx = Transaction<DB>;

/** The current time as a UTC ISO string. */
export function isoNow(ctx: Pick<Context, 'now'>): string {
  return ctx.now().toISOString();
}

/** Today's date in Asia/Shanghai as YYYY-MM-DD (plan dates are Shanghai calendar days). */
export function shanghaiToday(ctx: Pick<Context, 'now'>): string {
  return shanghaiDate(ctx.now());
}

/** A moment's calendar date in Asia/Shanghai as YYYY-MM-DD. */
export function shanghaiDate(moment: Date): string {
  // China has no daylight saving time, so a fixed +8 hours is exact.
  return new Date(moment.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** An actor with every permission in one organization, for the command line and jobs. */
export function systemActor(organizationId: number, label = '命令行'): Actor {
  return {
    organizationId,
    userId: null,
    label,
    roles: [...SYSTEM_ROLES],
    unitId: null,
    leaderId: null,
  };
}
