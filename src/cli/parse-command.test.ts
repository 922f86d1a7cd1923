import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedNotice } from '../notice/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const YUNXI = join(ROOT, 'test', 'fixtures', 'notices', 'yunxi-2024-jiaoti-gongzuo-yaodian.txt');
const scratch = mkdtempSync(join(tmpdir(), 'duban-cli-'));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/duban the way a user would, feeding `input` on standard input. */
function duban(args: string[], input?: Uint8Array): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'duban'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

function expectOneChineseLine(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe.concurrent('duban parse', () => {
  it('prints the Yunxi plan as JSON with --json', async () => {
    const run = await duban(['parse', YUNXI, '--json']);
    expect(run.status).toBe(0);
    const notice = JSON.parse(run.stdout) as ParsedNotice;
    expect(notice.issuer).toBe('岳阳市云溪区教育体育局');
    expect(notice.docNumber).toBe('岳云教体〔2024〕4号');
    expect(notice.title).toBe('云溪区2024年教育体育工作要点');
    expect(notice.sections).toHaveLength(5);
    expect(notice.sections.flatMap((s) => s.items)).toHaveLength(23);
    expect(run.stdout).toMatch(/^\{\n {2}"issuer"/);
  });

  it('reads a GBK notice from standard input when FILE is -', async () => {
    const gbk = readFileSync(join(ROOT, 'test', 'fixtures', 'notices', 'yunxi-2024.gbk.txt'));
    const run = await duban(['parse', '-', '--json'], gbk);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as ParsedNotice).docNumber).toBe('岳云教体〔2024〕4号');
  });

  it('prints a readable tree without --json', async () => {
    const run = await duban(['parse', YUNXI]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('文　　号：岳云教体〔2024〕4号');
    expect(run.stdout).toContain('一、聚焦党建引领，落实党对教体工作的全面领导');
    expect(run.stdout).toContain('  1. 深入学习贯彻党的二十大精神');
    expect(run.stdout).toContain('责任领导：陈玲玲、林海');
    expect(run.stdout).toContain('办公室（牵头）');
    expect(run.stdout).toMatch(/周期性（每月）：每月开展党委理论中心组学习/);
  });

  it('exits 2 with one Chinese line for an image', async () => {
    const png = join(scratch, 'scan.png');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const run = await duban(['parse', png]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expectOneChineseLine(run.stderr);
  });

  it('exits 2 with one Chinese line for random bytes', async () => {
    const junk = join(scratch, 'junk.txt');
    writeFileSync(junk, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)));
    const run = await duban(['parse', junk]);
    expect(run.status).toBe(2);
    expectOneChineseLine(run.stderr);
  });

  it('exits 2 naming the file when it does not exist', async () => {
    const run = await duban(['parse', join(scratch, '没有这个文件.txt')]);
    expect(run.status).toBe(2);
    expectOneChineseLine(run.stderr);
    expect(run.stderr).toContain('找不到文件');
  });

  it('explains a missing FILE argument in Chinese', async () => {
    const run = await duban(['parse']);
    expect(run.status).toBe(2);
    expectOneChineseLine(run.stderr);
  });
});

describe.concurrent('duban', () => {
  it('lists the commands that exist when given an unknown one', async () => {
    const run = await duban(['pase']);
    expect(run.status).not.toBe(0);
    expectOneChineseLine(run.stderr);
    expect(run.stderr).toContain('未知命令“pase”');
    expect(run.stderr).toContain('parse');
  });

  it('prints help for the program and for parse', async () => {
    const program = await duban(['--help']);
    expect(program.status).toBe(0);
    expect(program.stdout).toContain('parse');
    const parse = await duban(['parse', '--help']);
    expect(parse.status).toBe(0);
    expect(parse.stdout).toContain('--json');
    expect(parse.stdout).toContain('标准输入');
  });

  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await duban(['--version'])).stdout.trim()).toBe(version);
  });
});
