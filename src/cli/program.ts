import { readFileSync } from 'node:fs';
import { type Command, CommanderError } from 'commander';
import { NoticeReadError } from '../notice/read-messages.ts';
import { CliError, EXIT_USAGE } from './cli-error.ts';
import { DubanCommand } from './duban-command.ts';

/** A command module's entry: it adds its subcommand (with help text and action) to the program. */
export type RegisterCommand = (program: Command) => void;

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Builds the `duban` program with the given commands registered. */
export function createProgram(commands: readonly RegisterCommand[]): DubanCommand {
  const program = new DubanCommand('duban');
  program
    .description('督办 — 年度工作要点的导入、分解、督办与通报')
    .version(version, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI and returns the exit status; every failure becomes one line on stderr, never a stack trace. */
export async function runCli(commands: readonly RegisterCommand[], argv: readonly string[]): Promise<number> {
  try {
    await createProgram(commands).parseAsync([...argv]);
    return 0;
  } catch (error) {
    // commander has already printed its own (translated) message or the help text.
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof NoticeReadError) return fail(error.message, EXIT_USAGE);
    if (error instanceof CliError) return fail(error.message, error.exitCode);
    if (process.env.DUBAN_DEBUG) console.error(error);
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`内部错误（${detail}）：请把所用的命令和文件发给维护人员；设置 DUBAN_DEBUG=1 可看到详情`, 1);
  }
}

function fail(message: string, exitCode: number): number {
  process.stderr.write(`duban: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return exitCode;
}
