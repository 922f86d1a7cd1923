import { open } from 'node:fs/promises';
import { MAX_NOTICE_BYTES } from '../notice/read-limits.ts';
import { NoticeReadError } from '../notice/read-messages.ts';
import { CliError } from './cli-error.ts';

/** Reads a notice file's bytes, or standard input for '-', refusing files too large before reading them. */
export async function readInputBytes(path: string): Promise<Uint8Array> {
  if (path === '-') return readStdin();
  try {
    const file = await open(path, 'r');
    try {
      const info = await file.stat();
      if (info.isDirectory()) throw new CliError(`“${path}”是一个文件夹：请指定通知文件`);
      if (info.size > MAX_NOTICE_BYTES) throw new NoticeReadError('TOO_LARGE');
      return new Uint8Array(await file.readFile());
    } finally {
      await file.close();
    }
  } catch (error) {
    throw describeFsError(error, path);
  }
}

async function readStdin(): Promise<Uint8Array> {
  if (process.stdin.isTTY)
    process.stderr.write('请粘贴通知正文，结束后按 Ctrl+D（Windows 按 Ctrl+Z 回车）\n');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    // Stop early rather than buffer an endless pipe.
    if (size > MAX_NOTICE_BYTES) throw new NoticeReadError('TOO_LARGE');
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function describeFsError(error: unknown, path: string): Error {
  if (error instanceof CliError || error instanceof NoticeReadError) return error;
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return new CliError(`找不到文件“${path}”：请检查文件名和路径`);
    case 'EISDIR':
      return new CliError(`“${path}”是一个文件夹：请指定通知文件`);
    case 'EACCES':
    case 'EPERM':
      return new CliError(`没有权限读取“${path}”：请检查文件权限`);
    default:
      return new CliError(`无法读取“${path}”（${code || '未知原因'}）：请确认文件存在且可读`);
  }
}
