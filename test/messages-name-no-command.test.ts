import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliHint } from '../src/cli/cli-hints.ts';
import { AppError } from '../src/domain/errors.ts';
import { planMessages } from '../src/domain/plan-messages.ts';

// The server's messages reach web users, who have no command line: none may tell them to run one.
// The CLI adds its own hint (src/cli/cli-hints.ts).

const root = fileURLToPath(new URL('..', import.meta.url));

/** Entries that speak to the operator or to the command line only, never to a web page's user. */
const operatorOnly = new Set([
  'src/http/messages.ts webNotBuilt', // the page shown before the web app is built
  'src/domain/plan-messages.ts duplicateReplaceCli', // printed by `duban plan publish` only
  'src/domain/audit/messages.ts pending', // printed by `duban audit verify` only
  'src/domain/audit/messages.ts cliLabel', // the actor "命令行" in the audit trail, not advice
]);
/** Modules only the command line uses. */
const cliOnly = new Set(['src/db/backup/messages.ts']);

const COMMAND = /duban\s|npm\s|命令|\bCLI\b/;

function files(dir: string, wanted: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return files(path, wanted);
    return wanted(entry) && !entry.includes('.test.') ? [path] : [];
  });
}

/** Lines of string text in a module (comments left out), each with the entry it belongs to. */
function textLines(file: string): Array<{ entry: string; line: string }> {
  const out: Array<{ entry: string; line: string }> = [];
  let entry = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) continue;
    const key = /^\s*(\w+)\s*:/.exec(line);
    if (key?.[1]) entry = key[1];
    out.push({ entry, line });
  }
  return out;
}

describe('messages shown on web pages', () => {
  it('never tell the user to run a command', () => {
    const modules = [
      ...files(join(root, 'src'), (name) => name.endsWith('messages.ts')),
      ...files(join(root, 'src/shared'), (name) => name.endsWith('.ts')),
      join(root, 'src/http/errors.ts'),
      ...files(join(root, 'web/src/i18n'), (name) => name.endsWith('.ts')),
    ];
    const offenders: string[] = [];
    for (const file of modules) {
      const path = relative(root, file);
      if (cliOnly.has(path)) continue;
      for (const { entry, line } of textLines(file)) {
        if (COMMAND.test(line) && !operatorOnly.has(`${path} ${entry}`))
          offenders.push(`${path} ${entry}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('leave the next command to the CLI, which adds it to the same line', () => {
    const missing = new AppError('NOT_FOUND', planMessages.planNotFound(9), { planId: 9 });
    expect(missing.message).not.toContain('duban');
    expect(cliHint(missing)).toContain('duban plan list');
    const alias = new AppError('NOT_FOUND', planMessages.aliasTargetMissing('纪检监察室'), {
      name: '纪检监察室',
    });
    expect(cliHint(alias)).toContain('duban unit list');
    expect(cliHint(new AppError('INVALID_INPUT', planMessages.noItems))).toContain('duban parse');
    const unresolved = new AppError('INVALID_INPUT', planMessages.unresolvedNames('纪监室'), {
      unresolved: ['纪监室'],
    });
    expect(cliHint(unresolved)).toContain('duban unit alias');
    expect(cliHint(new AppError('CONFLICT', planMessages.unitExists('办公室')))).toBe('');
  });
});
