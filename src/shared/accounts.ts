import { z } from 'zod';

// Contracts shared by the HTTP routes, the CLI and the web forms.

/** Every role a user can hold (DESIGN.md, "Who uses it"). */
export const ROLES = [
  'admin',
  'security_admin',
  'auditor',
  'supervisor',
  'leader',
  'department',
  'school',
  'viewer',
] as const;

/** A role code. */
export const roleSchema = z.enum(ROLES);

/** A login name: letters, digits, Chinese characters and . _ - ; 2 to 64 characters. */
export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, { error: '用户名只能包含字母、数字、汉字以及 . _ -' });

/** A password as typed; the policy (length, letters and digits) is checked by the domain. */
export const passwordSchema = z.string().min(1).max(200);

/** Login form. */
export const loginSchema = z.object({ username: z.string().trim().min(1).max(64), password: passwordSchema });

/** An email address for reminders; empty means none. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: '邮箱地址格式不正确' });

/** New account, as an administrator enters it. */
export const newUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(64).optional(),
    password: passwordSchema,
    roles: z.array(roleSchema).min(1),
    /** A department or school of the directory, by name or alias. */
    unit: z.string().trim().min(1).max(100).optional(),
    /** A leader of the directory, by name. */
    leader: z.string().trim().min(1).max(64).optional(),
    /** Where email reminders go (optional). */
    email: emailSchema.optional(),
  })
  .superRefine((user, context) => {
    // A 股室/学校 user sees and writes only their unit's work, so the unit is part of the account.
    if (!user.unit && user.roles.some((role) => role === 'department' || role === 'school')) {
      context.addIssue({
        code: 'custom',
        path: ['unit'],
        message: '股室和学校用户必须指定所属单位（股室或学校）。',
      });
    }
  });

/** A change to an account: name, roles, and the unit or leader it is bound to (null unbinds). */
export const userPatchSchema = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  roles: z.array(roleSchema).min(1).optional(),
  unit: z.string().trim().min(1).max(100).nullable().optional(),
  leader: z.string().trim().min(1).max(64).nullable().optional(),
  /** Empty string or null removes it. */
  email: emailSchema.nullable().optional(),
});

/** Input of changing an account. */
export type UserPatch = z.infer<typeof userPatchSchema>;

/** Input of creating an account. */
export type NewUser = z.infer<typeof newUserSchema>;

/** First-administrator setup, guarded by the token the server prints at start. */
export const setupSchema = z.object({
  token: z.string().min(1).max(200),
  username: usernameSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1).max(64).optional(),
  organization: z.string().trim().min(1).max(100).optional(),
});

/** New API token. */
export const newTokenSchema = z.object({ name: z.string().trim().min(1).max(100) });

/** A user changing their own password. */
export const changePasswordSchema = z.object({ current: passwordSchema, next: passwordSchema });

/** An account as the administrator's list shows it (never its password). */
export const userViewSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  leaderId: z.number().nullable(),
  leaderName: z.string().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  roles: z.array(roleSchema),
  createdAt: z.string(),
});

/** An account as listed. */
export type UserView = z.infer<typeof userViewSchema>;

/** An API token as listed: never its secret, which is shown once at creation. */
export const tokenViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** An API token as listed. */
export type TokenView = z.infer<typeof tokenViewSchema>;

/** A token just created: its id and its secret, returned this once only. */
export const createdTokenSchema = z.object({
  id: z.number(),
  token: z.string().describe('令牌明文，只显示这一次'),
});
