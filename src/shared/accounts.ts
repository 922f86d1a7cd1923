import { z } from 'zod';

// Contracts shared by the HTTP routes, the CLI and the web forms.

/** Every role a user can hold (DESIGN.md, "Who uses it"). */
export const ROLES = ['admin', 'supervisor', 'leader', 'department', 'school', 'viewer'] as const;

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

/** New account, as an administrator enters it. */
export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(64).optional(),
  password: passwordSchema,
  roles: z.array(roleSchema).min(1),
  /** A department or school of the directory, by name or alias. */
  unit: z.string().trim().min(1).max(100).optional(),
  /** A leader of the directory, by name. */
  leader: z.string().trim().min(1).max(64).optional(),
});

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
