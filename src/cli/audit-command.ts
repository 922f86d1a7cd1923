import type { Command } from 'commander';
import { openDatabase } from '../db/connect.ts';
import { auditMessages as M } from '../domain/audit/messages.ts';
import { purgeAuditBefore } from '../domain/audit/purge-audit.ts';
import { sealAuditChains } from '../domain/audit/seal-chain.ts';
import { countPendingEntries, verifyAuditChains } from '../domain/audit/verify-chain.ts';
import { isAppError } from '../domain/errors.ts';
import { CliError } from './cli-error.ts';
import { print } from './with-context.ts';

/**
 * Adds `duban audit verify` (walks every organization's hash chain; exit 1 naming the first broken
 * entry) and `duban audit purge --before DATE` (entries older than 180 days at least; the chain
 * keeps an anchor so it still verifies).
 */
export function registerAuditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description('审计记录：校验审计链是否完整、接入未入链的记录、清理 180 天以前的记录');
  audit
    .command('verify')
    .description(
      '逐条校验每个单位的审计链（哈希链），发现被修改、删除或调换顺序的记录时指出第一条并以状态 1 退出',
    )
    .option('--json', '以 JSON 输出每条链的结果')
    .action(async (options: { json?: boolean }) => {
      const database = await openDatabase();
      try {
        const started = performance.now();
        const reports = await verifyAuditChains(database.db);
        const pending = await countPendingEntries(database.db);
        const ms = Math.round(performance.now() - started);
        if (options.json) print(JSON.stringify({ chains: reports, pending, ms }, null, 2));
        else {
          for (const r of reports) {
            const name = M.chainName(r.chainId);
            const b = r.firstBreak;
            print(
              b
                ? M.brokenAt(name, b.id, b.seq, b.createdAt, b.problem)
                : M.verified(name, r.entries, r.headSeq, r.headHash),
            );
          }
          if (pending > 0) print(M.pending(pending));
          print(M.took(ms));
        }
        const broken = reports.filter((r) => r.firstBreak).length;
        if (broken > 0) throw new CliError(M.verifyFailed(broken), 1);
      } finally {
        await database.close();
      }
    });
  audit
    .command('seal')
    .description(
      '把绕过系统写入的记录（如 duban seed 生成的示例数据）立即接入审计链；平时每次写入会顺带接入至多 1000 条',
    )
    .action(async () => {
      const database = await openDatabase();
      try {
        print(M.sealed(await sealAuditChains(database.db, () => new Date())));
      } finally {
        await database.close();
      }
    });
  audit
    .command('purge')
    .description('删除某日（北京时间）以前的审计记录；只能清理 180 天以前的记录，清理后审计链仍可校验')
    .requiredOption('--before <date>', '清理此日期（YYYY-MM-DD，不含）以前的记录')
    .action(async (options: { before: string }) => {
      const database = await openDatabase();
      try {
        const results = await purgeAuditBefore(database.db, { before: options.before, now: new Date() });
        if (results.length === 0) print(M.purgedNothing(options.before));
        for (const r of results) print(M.purged(M.chainName(r.chainId), r.deleted, r.anchorSeq));
      } catch (error) {
        if (isAppError(error)) throw new CliError(error.message);
        throw error;
      } finally {
        await database.close();
      }
    });
}
