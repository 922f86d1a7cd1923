import type { Command } from 'commander';
import { readAndParseNotice } from '../notice/read-notice.ts';
import { formatNoticeTree } from './format-notice-tree.ts';
import { readInputBytes } from './read-input.ts';

/** Adds `duban parse FILE [--json]`: read a notice and print the plan it describes. */
export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('解析工作要点通知，显示部分、要点、责任领导、责任股室和指标')
    .argument(
      '<file>',
      '通知文件（.docx、.doc、.wps、.ofd、.pdf、扫描件 PDF 或图片、.txt（UTF-8 或 GBK 编码））；用 - 表示从标准输入读取',
    )
    .option('--json', '输出 JSON（供程序使用），不输出便于阅读的树形结构')
    .action(async (file: string, options: { json?: boolean }) => {
      // Read and parsed in the parse sandbox, as an upload is: the same structure for every format.
      const { parsed: notice } = await readAndParseNotice(await readInputBytes(file));
      process.stdout.write(options.json ? `${JSON.stringify(notice, null, 2)}\n` : formatNoticeTree(notice));
    });
}
