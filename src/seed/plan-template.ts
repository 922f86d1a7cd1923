import { createHash } from 'node:crypto';
import type { Database } from '../db/connect.ts';
import { storeBlob } from '../db/queries/blobs.ts';
import { bumpDataVersion } from '../db/queries/data-versions.ts';
import {
  type ItemIndicatorRow,
  type ItemRow,
  listItemIndicators,
  listItemLeaders,
  listItems,
  listItemUnits,
  listSections,
  type SectionRow,
} from '../db/queries/plan-items.ts';
import { type Cell, IdSequence, insertRows, nextId, syncIdentities } from './bulk-insert.ts';
import { AUDIT_COLUMNS } from './seed-accounts.ts';

/** A plan's draft structure read once, to be written again for other bureaus and years. */
export interface PlanTemplate {
  year: number;
  title: string;
  noticeTitle: string | null;
  preamble: string;
  warnings: string;
  noticeText: string;
  sections: SectionRow[];
  items: ItemRow[];
  itemLeaders: Array<{ itemId: number; name: string; position: number }>;
  itemUnits: Array<{ itemId: number; name: string; isLead: boolean; position: number }>;
  itemIndicators: ItemIndicatorRow[];
}

/** Reads a plan's structure and notice as a template. */
export async function loadPlanTemplate(database: Database, planId: number): Promise<PlanTemplate> {
  const { db } = database;
  const plan = await db
    .selectFrom('plans')
    .leftJoin('notices', 'notices.id', 'plans.notice_id')
    .select([
      'plans.year',
      'plans.title',
      'plans.notice_title',
      'plans.preamble',
      'plans.warnings',
      'notices.text',
    ])
    .where('plans.id', '=', planId)
    .executeTakeFirstOrThrow();
  const [sections, items, leaders, units, indicators] = await Promise.all([
    listSections(db, planId),
    listItems(db, planId),
    listItemLeaders(db, planId),
    listItemUnits(db, planId),
    listItemIndicators(db, planId),
  ]);
  return {
    year: plan.year,
    title: plan.title,
    noticeTitle: plan.notice_title,
    preamble: plan.preamble,
    warnings: plan.warnings,
    noticeText: plan.text ?? '',
    sections,
    items,
    itemLeaders: leaders.map((l) => ({ itemId: l.itemId, name: l.name, position: l.position })),
    itemUnits: units.map((u) => ({ itemId: u.itemId, name: u.name, isLead: u.isLead, position: u.position })),
    itemIndicators: indicators,
  };
}

/** Who the copy belongs to and how it is named. */
export interface PlanCopyTarget {
  organizationId: number;
  year: number;
  /** The bureau's short name as plan titles use it, e.g. 江源区. */
  district: string;
  issuer: string;
  docNumber: string;
  issuedOn: string;
  /** Template unit name → the bureau's unit id. */
  unitIds: ReadonlyMap<string, number>;
  /** Template leader name → the bureau's leader id. */
  leaderIds: ReadonlyMap<string, number>;
  at: string;
}

/**
 * Writes the template as a draft plan of another bureau and year in set-based inserts: notice,
 * plan, sections, items with their leaders, units and indicators, and the audit entries an import
 * writes. Years in the text are replaced digit for digit, so source offsets stay valid.
 */
export async function copyPlanDraft(
  database: Database,
  template: PlanTemplate,
  target: PlanCopyTarget,
): Promise<number> {
  const from = String(template.year);
  const to = String(target.year);
  const year = (text: string) => text.replaceAll(from, to);
  const yearDate = (date: string | null) => (date === null ? null : `${to}${date.slice(4)}`);
  const text = year(template.noticeText);
  const bytes = new TextEncoder().encode(text);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // The template's own place name (云溪区 in 云溪区2024年…) gives way to the bureau's in titles.
  const templatePlace = /^(.*?)\d{4}年/.exec(template.title)?.[1] ?? '';
  const placeOf = (title: string) =>
    templatePlace ? title.replaceAll(templatePlace, target.district) : title;
  const { dialect } = database;
  return database.db.transaction().execute(async (trx) => {
    const [noticeId, planId, sectionStart, itemStart, indicatorStart, auditStart] = await Promise.all([
      nextId(trx, 'notices'),
      nextId(trx, 'plans'),
      nextId(trx, 'sections'),
      nextId(trx, 'items'),
      nextId(trx, 'item_indicators'),
      nextId(trx, 'audit_log'),
    ]);
    const sectionIds = new IdSequence(sectionStart);
    const itemIds = new IdSequence(itemStart);
    const indicatorIds = new IdSequence(indicatorStart);
    const audit = new IdSequence(auditStart);
    await storeBlob(trx, { sha256, size: bytes.byteLength, content: bytes });
    const fileName = `${placeOf(year(template.title))}.txt`;
    await insertRows(
      trx,
      dialect,
      'notices',
      [
        'id',
        'organization_id',
        'file_name',
        'media_type',
        'sha256',
        'size',
        'text',
        'created_by',
        'created_at',
      ],
      [
        [
          noticeId,
          target.organizationId,
          fileName,
          'text/plain',
          sha256,
          bytes.byteLength,
          text,
          null,
          target.at,
        ],
      ],
    );
    const noticeTitle = template.noticeTitle === null ? null : placeOf(year(template.noticeTitle));
    await insertRows(
      trx,
      dialect,
      'plans',
      [
        'id',
        'organization_id',
        'notice_id',
        'title',
        'year',
        'issuer',
        'doc_number',
        'notice_title',
        'issued_on',
        'preamble',
        'status',
        'published_on',
        'warnings',
        'version',
        'created_by',
        'created_at',
        'updated_at',
      ],
      [
        [
          planId,
          target.organizationId,
          noticeId,
          placeOf(year(template.title)),
          target.year,
          target.issuer,
          target.docNumber,
          noticeTitle,
          target.issuedOn,
          year(template.preamble),
          'draft',
          null,
          template.warnings,
          1,
          null,
          target.at,
          target.at,
        ],
      ],
    );
    const sectionMap = new Map<number, number>();
    const sections: Cell[][] = template.sections.map((s) => {
      const id = sectionIds.take();
      sectionMap.set(s.id, id);
      return [id, planId, s.no, year(s.title), s.source_start, s.source_end];
    });
    const itemMap = new Map<number, number>();
    const items: Cell[][] = template.items.map((i) => {
      const id = itemIds.take();
      itemMap.set(i.id, id);
      return [
        id,
        planId,
        sectionMap.get(i.section_id) ?? null,
        i.no,
        year(i.title),
        year(i.body),
        Number(i.weight),
        i.source_start,
        i.source_end,
      ];
    });
    const leaders: Cell[][] = template.itemLeaders.flatMap((l) => {
      const leaderId = target.leaderIds.get(l.name);
      return leaderId === undefined ? [] : [[itemMap.get(l.itemId) ?? null, leaderId, l.position]];
    });
    const units: Cell[][] = template.itemUnits.flatMap((u) => {
      const unitId = target.unitIds.get(u.name);
      return unitId === undefined
        ? []
        : [[itemMap.get(u.itemId) ?? null, unitId, u.isLead ? 1 : 0, u.position]];
    });
    const indicators: Cell[][] = template.itemIndicators.map((i) => [
      indicatorIds.take(),
      itemMap.get(i.item_id) ?? null,
      i.position,
      i.kind,
      year(i.text),
      i.per,
      i.target_min,
      i.target_max,
      i.target_value,
      i.name === null ? null : year(i.name),
      yearDate(i.due_on),
      i.span_start,
      i.span_end,
    ]);
    await insertRows(
      trx,
      dialect,
      'sections',
      ['id', 'plan_id', 'no', 'title', 'source_start', 'source_end'],
      sections,
    );
    await insertRows(
      trx,
      dialect,
      'items',
      ['id', 'plan_id', 'section_id', 'no', 'title', 'body', 'weight', 'source_start', 'source_end'],
      items,
    );
    await insertRows(trx, dialect, 'item_leaders', ['item_id', 'leader_id', 'position'], leaders);
    await insertRows(trx, dialect, 'item_units', ['item_id', 'unit_id', 'is_lead', 'position'], units);
    await insertRows(
      trx,
      dialect,
      'item_indicators',
      [
        'id',
        'item_id',
        'position',
        'kind',
        'text',
        'per',
        'target_min',
        'target_max',
        'target_value',
        'name',
        'due_on',
        'span_start',
        'span_end',
      ],
      indicators,
    );
    const counts = { sections: sections.length, items: items.length, indicators: indicators.length };
    const auditRow = (action: string, entity: string, id: number, after: unknown): Cell[] => [
      audit.take(),
      target.organizationId,
      null,
      '命令行',
      action,
      entity,
      id,
      null,
      JSON.stringify(after),
      target.at,
    ];
    await insertRows(trx, dialect, 'audit_log', AUDIT_COLUMNS, [
      auditRow('notice.upload', 'notice', noticeId, { fileName, sha256, size: bytes.byteLength }),
      auditRow('plan.import', 'plan', planId, {
        title: placeOf(year(template.title)),
        year: target.year,
        noticeId,
        ...counts,
      }),
    ]);
    await syncIdentities(trx, dialect, [
      'notices',
      'plans',
      'sections',
      'items',
      'item_indicators',
      'audit_log',
    ]);
    await bumpDataVersion(trx, target.organizationId);
    return planId;
  });
}
