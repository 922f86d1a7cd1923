import type { Database } from '../db/connect.ts';
import type { LiveSession } from '../domain/accounts/sessions.ts';
import type { Actor, Context } from '../domain/context.ts';

/** What the app keeps for its routes: the database, the clock and the settings of this server. */
export interface AppState {
  database: Database;
  now: () => Date;
  uploadLimitMb: number;
  /** The one-time first-administrator token printed at start; absent once an account exists. */
  setupToken: string | undefined;
}

/** How a request proved who it is. */
export type AuthState =
  | { kind: 'session'; actor: Actor; session: LiveSession; token: string }
  | { kind: 'token'; actor: Actor };

declare module 'fastify' {
  interface FastifyInstance {
    duban: AppState;
  }
  interface FastifyRequest {
    auth: AuthState | null;
  }
}

/** The use-case context of an authenticated actor. */
export function contextOf(state: AppState, actor: Actor): Context {
  return { db: state.database.db, dialect: state.database.dialect, actor, now: state.now };
}
