import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

// Forms validate with the same zod schemas the API uses (zod speaks Chinese: see main.tsx).

/** An antd form rule that checks a field with a zod schema and shows zod's first message. */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value === '' ? undefined : value);
      if (!result.success) throw new Error(result.error.issues[0]?.message);
    },
  };
}

/**
 * An antd form rule for one field checked by parsing the whole form (so cross-field refinements of the
 * schema apply too): shows the first issue of that field. `parse` answers undefined to skip checking.
 */
export function zodFormFieldRule(
  field: string,
  parse: () => { success: true } | { success: false; error: z.ZodError } | undefined,
): Rule {
  return {
    validator: async () => {
      const result = parse();
      if (!result || result.success) return;
      const issue = result.error.issues.find((i) => i.path[0] === field);
      if (issue) throw new Error(issue.message);
    },
  };
}

/** The zod issues of a whole form as antd field errors (first message per field). */
export function zodFieldErrors(error: z.ZodError): Array<{ name: string; errors: string[] }> {
  const seen = new Map<string, string>();
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '');
    if (name && !seen.has(name)) seen.set(name, issue.message);
  }
  return [...seen].map(([name, message]) => ({ name, errors: [message] }));
}
