import { CliError } from './cli-error.ts';

/** Reads the first line of standard input as a password (for `--password-stdin`). */
export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (line === '') throw new CliError('标准输入中没有密码：请用 echo 或文件把密码传给 --password-stdin');
  return line;
}

/** Reads one line at the terminal without echoing it. */
export function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return Promise.reject(new CliError('没有可输入密码的终端：请加 --password-stdin 并从标准输入传入密码'));
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: string) => {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new CliError('已取消'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** Asks for a new password twice with echo off; the two entries must match. */
export async function promptNewPassword(): Promise<string> {
  const first = await promptHidden('密码（至少 10 位，含字母和数字）：');
  const second = await promptHidden('再次输入密码：');
  if (first !== second) throw new CliError('两次输入的密码不一致，请重新运行命令');
  return first;
}
