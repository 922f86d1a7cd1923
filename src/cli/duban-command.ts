import { Command } from 'commander';
import { EXIT_USAGE } from './cli-error.ts';

/** commander's Command with its usage errors in Chinese and exit status 2; subcommands inherit it. */
export class DubanCommand extends Command {
  override createCommand(name?: string): Command {
    return new DubanCommand(name);
  }

  override error(message: string, options?: { code?: string; exitCode?: number }): never {
    const code = options?.code ?? 'commander.error';
    return super.error(`duban: ${translateUsageError(this, message, code)}`, { code, exitCode: EXIT_USAGE });
  }
}

function translateUsageError(command: Command, message: string, code: string): string {
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const helpHint = `运行 ${commandPath(command)} --help 查看用法`;
  switch (code) {
    case 'commander.unknownCommand': {
      const names = command.commands.map((c) => c.name()).join('、');
      return `未知命令“${quoted}”。可用的命令：${names}（${helpHint}）`;
    }
    case 'commander.unknownOption':
      return `未知选项“${quoted}”（${helpHint}）`;
    case 'commander.missingArgument':
      return `缺少参数 ${quoted}（${helpHint}）`;
    case 'commander.excessArguments':
      return `参数过多（${helpHint}）`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted} 需要一个值（${helpHint}）`;
    default:
      return `命令行参数有误：${message.replace(/^error: /, '')}（${helpHint}）`;
  }
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
