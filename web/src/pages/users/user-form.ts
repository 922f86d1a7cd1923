import { newUserSchema, ROLES } from '@shared/accounts.ts';
import { zodFieldErrors } from '../../components/zod-rule.ts';

/** What the add-user form holds. */
export interface UserFormValues {
  username: string;
  displayName?: string;
  password: string;
  roles: string[];
  unit?: string;
  leader?: string;
  email?: string;
}

/** Role options in the order DESIGN.md lists them. */
export const roleCodes = ROLES;

/** Whether the roles need a unit (股室/学校 users are bound to theirs), and of which kind. */
export function unitKindFor(roles: readonly string[] | undefined): 'department' | 'school' | undefined {
  if (roles?.includes('department')) return 'department';
  if (roles?.includes('school')) return 'school';
  return undefined;
}

/**
 * Checks the add-user form with the API's own schema (newUserSchema); returns the body to send,
 * or the fields at fault with their Chinese messages.
 */
export function checkNewUser(
  values: UserFormValues,
):
  | { ok: true; body: ReturnType<typeof newUserSchema.parse> }
  | { ok: false; errors: Array<{ name: string; errors: string[] }> } {
  const input = {
    ...values,
    displayName: values.displayName?.trim() || undefined,
    unit: unitKindFor(values.roles) ? values.unit || undefined : undefined,
    leader: values.roles?.includes('leader') ? values.leader || undefined : undefined,
    email: values.email?.trim() || undefined,
  };
  const result = newUserSchema.safeParse(input);
  return result.success
    ? { ok: true, body: result.data }
    : { ok: false, errors: zodFieldErrors(result.error) };
}
