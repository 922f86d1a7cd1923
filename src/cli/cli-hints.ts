import type { AppError } from '../domain/errors.ts';
import { planMessages } from '../domain/plan-messages.ts';

// The domain's messages are shared with the web app, so they name no command; on the command line
// the next step is a command, added here to the one line the CLI prints.

const hints: Array<{ applies: (error: AppError) => boolean; hint: string }> = [
  {
    applies: (e) => e.code === 'NOT_FOUND' && typeof e.details.planId === 'number',
    hint: '可用 duban plan list 查看已有的工作要点。',
  },
  {
    applies: (e) => e.message === planMessages.noItems,
    hint: '可先用 duban parse 文件 查看识别结果。',
  },
  {
    applies: (e) => e.code === 'INVALID_INPUT' && Array.isArray(e.details.unresolved),
    hint: '设置别名：duban unit alias 正式名称 别名。',
  },
  {
    applies: (e) =>
      typeof e.details.name === 'string' && e.message === planMessages.aliasTargetMissing(e.details.name),
    hint: '可用 duban unit list 查看单位名录。',
  },
];

/** The command to run next for a domain error, or '' when the message says all. */
export function cliHint(error: AppError): string {
  return hints.find((h) => h.applies(error))?.hint ?? '';
}

/** The hint under an import's warnings when some names looked like units already in the directory. */
export const similarNamesHint = '如是同一单位，设置别名：duban unit alias 正式名称 别名，然后重新导入。';
