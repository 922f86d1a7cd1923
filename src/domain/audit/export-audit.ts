import ExcelJS from 'exceljs';
import type { AuditFilter } from '../../db/queries/audit-list.ts';
import { listAuditEntries } from '../../db/queries/audit-list.ts';
import { writeXlsx } from '../../documents/xlsx-cells.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { type Context, shanghaiDate } from '../context.ts';
import { AppError } from '../errors.ts';
import { auditMessages as M } from './messages.ts';
import { recordAuditEvent } from './record-event.ts';

/** The most entries one export holds. */
export const AUDIT_EXPORT_MAX = 50_000;

/** A workbook of audit entries ready to download. */
export interface AuditExport {
  fileName: string;
  bytes: Uint8Array;
  rows: number;
}

const COLUMNS = [
  { key: 'id', header: M.columns.id, width: 10 },
  { key: 'seq', header: M.columns.seq, width: 10 },
  { key: 'createdAt', header: M.columns.createdAt, width: 21 },
  { key: 'actor', header: M.columns.actor, width: 22 },
  { key: 'address', header: M.columns.address, width: 18 },
  { key: 'action', header: M.columns.action, width: 24 },
  { key: 'entity', header: M.columns.entity, width: 16 },
  { key: 'result', header: M.columns.result, width: 8 },
  { key: 'detail', header: M.columns.detail, width: 80 },
  { key: 'hash', header: M.columns.hash, width: 24 },
] as const;

/**
 * Exports the organization's audit entries matching a filter as .xlsx (审计管理员 only, with
 * 'audit.export'), oldest first, times in Beijing time; the export is itself an entry of the trail,
 * naming the filter and the number of rows.
 */
export async function exportAudit(
  ctx: Context,
  filter: Omit<AuditFilter, 'organizationId' | 'limit' | 'beforeId'>,
): Promise<AuditExport> {
  requirePermission(ctx.actor, 'audit.export', M.exportForbidden);
  const entries = await listAuditEntries(ctx.db, {
    ...filter,
    organizationId: ctx.actor.organizationId,
    limit: AUDIT_EXPORT_MAX + 1,
  });
  if (entries.length > AUDIT_EXPORT_MAX)
    throw new AppError('INVALID_INPUT', M.exportTooMany(AUDIT_EXPORT_MAX));
  entries.reverse();
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban 督办';
  book.title = M.sheet;
  const sheet = book.addWorksheet(M.sheet, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) {
    sheet.addRow({
      id: e.id,
      seq: e.seq ?? '',
      createdAt: beijingTime(e.createdAt),
      actor: e.actorLabel,
      address: e.address ?? '',
      action: e.action,
      entity: e.entityId === null ? e.entityType : `${e.entityType} ${e.entityId}`,
      result: M.results[e.result],
      detail: detailText(e.before, e.after),
      hash: e.hash ?? '',
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const bytes = await writeXlsx(book);
  const now = ctx.now();
  const first = entries[0]?.createdAt;
  const fileName = M.fileName(
    filter.from
      ? shanghaiDate(new Date(filter.from))
      : first
        ? shanghaiDate(new Date(first))
        : shanghaiDate(now),
    filter.to ? shanghaiDate(new Date(new Date(filter.to).getTime() - 1)) : shanghaiDate(now),
  );
  await recordAuditEvent(ctx.db, {
    organizationId: ctx.actor.organizationId,
    userId: ctx.actor.userId,
    label: ctx.actor.label,
    address: ctx.actor.address ?? null,
    event: 'audit.export',
    result: 'success',
    entityType: 'audit',
    entityId: null,
    detail: { filter, rows: entries.length, fileName },
    at: now.toISOString(),
  });
  return { fileName, bytes, rows: entries.length };
}

// 2024-04-15T02:00:00.000Z → 2024-04-15 10:00:00 (Asia/Shanghai, UTC+8 all year).
function beijingTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function detailText(before: unknown, after: unknown): string {
  const parts: string[] = [];
  if (before !== null && before !== undefined) parts.push(`前：${JSON.stringify(before)}`);
  if (after !== null && after !== undefined)
    parts.push(`${before == null ? '' : '后：'}${JSON.stringify(after)}`);
  const text = parts.join('；');
  // Excel holds at most 32,767 characters in a cell.
  return text.length > 32_000 ? `${text.slice(0, 32_000)}…` : text;
}
