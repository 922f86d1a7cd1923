import { z } from 'zod';
import { ROLES } from './accounts.ts';

// Contracts of the security administrator's pages (等保 2.0 level 3): the policy, locks, second factor.

/** The security policy of an organization, as the security administrator sets it. */
export const securityPolicySchema = z.object({
  /** Passwords need 3 of 4 character classes, may not be common or contain the username. */
  passwordComplexity: z.boolean(),
  /** Days after which a password must be changed at the next login; 0 = never. */
  passwordMaxAgeDays: z.number().int().min(0).max(3650),
  /** Minutes without activity after which a session ends. */
  idleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Hours after login after which a session ends in any case. */
  absoluteHours: z
    .number()
    .int()
    .min(1)
    .max(30 * 24),
  /** Roles whose users must log in with a second factor (TOTP). */
  twoFactorRoles: z.array(z.enum(ROLES)),
});

/** A security policy. */
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

/** The policy of an organization nobody has configured yet. */
export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  passwordComplexity: true,
  passwordMaxAgeDays: 0,
  idleMinutes: 30,
  absoluteHours: 12,
  twoFactorRoles: [],
};

/** The login step a session still lacks: a TOTP code, enrolling a second factor, a new password. */
export const PENDING_STEPS = ['totp', 'enrol', 'password'] as const;

/** A missing login step. */
export type PendingStep = (typeof PENDING_STEPS)[number];

/** A six-digit TOTP code or a recovery code (xxxx-xxxx). */
export const secondFactorSchema = z.object({ code: z.string().trim().min(6).max(20) });

/** What the security administrator unlocks: an account (by username) or a client address. */
export const unlockSchema = z.object({
  kind: z.enum(['account', 'address']),
  value: z.string().trim().min(1).max(100),
});

/** A locked or slowed-down account on the locks page. */
export interface LockedAccount {
  username: string;
  failures: number;
  addresses: number;
  lockedUntil: string | null;
  lastFailureAt: string;
}

/** A slowed-down client address on the locks page. */
export interface DelayedAddress {
  address: string;
  failures: number;
  retryAfterSeconds: number;
  lastFailureAt: string;
}

/** A user as the security administrator sees them: no business data. */
export interface SecurityUser {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  twoFactor: boolean;
  passwordChangedAt: string | null;
}
