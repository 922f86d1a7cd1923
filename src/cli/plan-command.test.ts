import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const YUNXI = join(ROOT, 'test', 'fixtures', 'notices', 'yunxi-2024-jiaoti-gongzuo-yaodian.txt');
const scratch = mkdtempSync(join(tmpdir(), 'duban-plan-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/duban against one SQLite file, as a user would with DATABASE_URL set. */
function duban(database: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DATABASE_URL: `sqlite:${join(scratch, database)}` };
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'duban'), ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end();
  });
}

function expectOneChineseLine(run: Run): void {
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^duban: .*[\u4e00-\u9fff]/);
}

describe('duban import / plan / unit', () => {
  it('imports, publishes and shows the Yunxi plan', async () => {
    const imported = await duban('yunxi.db', ['import', YUNXI, '--json']);
    expect(imported.status).toBe(0);
    const result = JSON.parse(imported.stdout) as {
      planId: number;
      counts: { sections: number; items: number };
    };
    expect(result.counts).toMatchObject({ sections: 5, items: 23 });
    const id = String(result.planId);

    const published = await duban('yunxi.db', ['plan', 'publish', id]);
    expect(published.status).toBe(0);
    expect(published.stdout).toContain('生成任务 23 个');

    const shown = await duban('yunxi.db', ['plan', 'show', id, '--as-of', '2024-06-01']);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('云溪区2024年教育体育工作要点');
    expect(shown.stdout).toContain('亮灯（截至 2024-06-01）');
    expect(shown.stdout.match(/^ {2}\d+\. /gm)).toHaveLength(23);
    expect(shown.stdout).toContain('责任领导：陈玲玲、林海；责任股室：办公室（牵头）、行政审批股');
    expect(shown.stdout).toContain('[定期] 每月开展党委理论中心组学习，10 期（2024年3月起）');
    expect(shown.stdout).toContain('[文件] 制订《中小幼学生食堂管理实施细则》');

    const listed = await duban('yunxi.db', ['plan', 'list']);
    expect(listed.stdout).toMatch(/云溪区2024年教育体育工作要点 {2}\[已发布 .*23 项要点，23 个任务/);

    const again = await duban('yunxi.db', ['plan', 'publish', id]);
    expect(again.status).toBe(1);
    expectOneChineseLine(again);
    const missing = await duban('yunxi.db', ['plan', 'show', '999']);
    expect(missing.status).toBe(2);
    expectOneChineseLine(missing);
    // The domain's message is the web's too; the next command is the CLI's own addition.
    expect(missing.stderr).toContain('或您无权查看');
    expect(missing.stderr).toContain('可用 duban plan list 查看已有的工作要点');
  });

  it('refuses to publish the same notice twice unless --replace, which closes the first plan', async () => {
    const first = JSON.parse((await duban('twice.db', ['import', YUNXI, '--json'])).stdout) as {
      planId: number;
    };
    expect((await duban('twice.db', ['plan', 'publish', String(first.planId)])).status).toBe(0);
    const second = JSON.parse((await duban('twice.db', ['import', YUNXI, '--json'])).stdout) as {
      planId: number;
    };

    const refused = await duban('twice.db', ['plan', 'publish', String(second.planId)]);
    expect(refused.status).toBe(1);
    expectOneChineseLine(refused);
    expect(refused.stderr).toContain(
      `本单位已发布过同一份工作要点“云溪区2024年教育体育工作要点”（岳云教体〔2024〕4号，编号 ${first.planId}`,
    );
    expect(refused.stderr).toContain(`duban plan publish ${second.planId} --replace`);

    const replaced = await duban('twice.db', ['plan', 'publish', String(second.planId), '--replace']);
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toContain('生成任务 23 个');
    expect(replaced.stdout).toContain(`原工作要点 ${first.planId} 已关闭归档`);
    const listed = await duban('twice.db', ['plan', 'list']);
    expect(listed.stdout).toMatch(new RegExp(`^ +${first.planId} .*\\[已关闭 `, 'm'));
    expect(listed.stdout).toMatch(new RegExp(`^ +${second.planId} .*\\[已发布 `, 'm'));
  }, 120_000);

  it('refuses unknown departments with --no-create-units, then imports after aliasing', async () => {
    await duban('refuse.db', ['unit', 'add', '纪检监察室']);
    const refused = await duban('refuse.db', ['import', YUNXI, '--no-create-units']);
    expect(refused.status).toBe(2);
    expectOneChineseLine(refused);
    expect(refused.stderr).toContain('纪监室（可能是“纪检监察室”）');
    expect(refused.stderr).toContain('duban unit alias');
    expect((await duban('refuse.db', ['plan', 'list'])).stdout).toContain('还没有工作要点');

    const aliased = await duban('refuse.db', ['unit', 'alias', '纪检监察室', '纪监室']);
    expect(aliased.status).toBe(0);
    const units = await duban('refuse.db', ['unit', 'list']);
    expect(units.stdout).toContain('纪检监察室（股室）  别名：纪监室');
    const imported = await duban('refuse.db', ['import', YUNXI]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).not.toContain('纪监室、');
  });
});
