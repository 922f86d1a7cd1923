import { openDatabase } from '../db/connect.ts';
import type { Context } from '../domain/context.ts';
import { cliContext } from '../domain/ensure-organization.ts';
import { type ErrorCode, isAppError } from '../domain/errors.ts';
import { CliError, EXIT_USAGE } from './cli-error.ts';
import { cliHint } from './cli-hints.ts';

// Bad input and missing things are the user's to fix (exit 2); a conflict or anything else is 1.
const USAGE_CODES: readonly ErrorCode[] = ['INVALID_INPUT', 'NOT_FOUND', 'TOO_LARGE', 'UNSUPPORTED_TYPE'];

/**
 * Opens the database DATABASE_URL names, runs a command as the first organization's system actor,
 * and always closes the database; a domain error becomes one Chinese line with its exit status.
 */
export async function withContext<T>(run: (ctx: Context) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await run(await cliContext(database));
  } catch (error) {
    if (isAppError(error))
      throw new CliError(
        `${error.message}${cliHint(error)}`,
        USAGE_CODES.includes(error.code) ? EXIT_USAGE : 1,
      );
    throw error;
  } finally {
    await database.close();
  }
}

/** Parses a positive integer id argument, or says which argument was wrong. */
export function parseId(value: string, what: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new CliError(`${what}应为正整数编号（当前为“${value}”）`);
  return id;
}

/** Writes text to standard output, ending it with a newline. */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Writes a value as indented JSON to standard output. */
export function printJson(value: unknown): void {
  print(JSON.stringify(value, null, 2));
}
