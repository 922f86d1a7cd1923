import { createHash } from 'node:crypto';
import { storeBlob } from '../db/queries/blobs.ts';
import { insertNotice } from '../db/queries/notices.ts';
import { findOrganization, renameOrganization } from '../db/queries/organizations.ts';
import { parseTextInSandbox, readAndParseNotice } from '../notice/read-notice.ts';
import type { ParsedNotice } from '../notice/types.ts';
import { requirePermission } from '../policies/index.ts';
import { type Context, shanghaiToday, type Tx } from './context.ts';
import type { ResolvedName } from './directory/resolve-names.ts';
import { rejoinLeaderNames } from './draft/rejoin-names.ts';
import { placeholderOrganizationName } from './ensure-organization.ts';
import { AppError } from './errors.ts';
import { sniffMediaType } from './import/media-type.ts';
import { noticeReadFailure } from './import/notice-read-failure.ts';
import { pastYearWarning, planYearOf } from './import/plan-year.ts';
import { resolveImportUnits, type UnitResolutionOptions } from './import/resolve-import-units.ts';
import { storePlanDraft } from './import/store-plan-draft.ts';
import { planMessages } from './plan-messages.ts';
import { write } from './write.ts';

/** The notice to import: an uploaded file's bytes, or pasted text. */
export type ImportNoticeSource =
  | { bytes: Uint8Array; fileName: string }
  | { text: string; fileName?: string };

/** A warning shown after import: the parser's, or one of the import's own (similar unit names). */
export interface ImportWarning {
  code: string;
  message: string;
  /** Offset into the notice text, when the warning points at a place in it. */
  at?: number;
}

/** What an import did. */
export interface ImportNoticeResult {
  planId: number;
  /** False when an existing draft of the same title and year was updated in place. */
  created: boolean;
  counts: { sections: number; items: number; indicators: number };
  createdUnits: string[];
  createdLeaders: string[];
  /** Department names the directory did not know, with a suggestion where one is close. */
  unresolved: ResolvedName[];
  warnings: ImportWarning[];
}

/**
 * Imports a notice as a draft plan: reads and parses it (outside the transaction), then stores
 * the file, the notice, the draft and any missing units and leaders in one audited transaction.
 * Unknown department names are created only when allowed; otherwise nothing is written.
 */
export async function importNotice(
  ctx: Context,
  source: ImportNoticeSource,
  options: Partial<UnitResolutionOptions> = {},
): Promise<ImportNoticeResult> {
  requirePermission(ctx.actor, 'plans.import');
  const { bytes, fileName, text, parsed: read } = await readSource(source);
  // The same directory fix as the wizard's preview: guessed names (周 岚许 诺) the leaders settle.
  const parsed = await rejoinLeaderNames(ctx.db, ctx.actor.organizationId, text, read);
  const itemCount = parsed.sections.reduce((n, s) => n + s.items.length, 0);
  if (itemCount === 0) throw new AppError('INVALID_INPUT', planMessages.noItems);
  const year = planYearOf(parsed);
  if (year === null) throw new AppError('INVALID_INPUT', planMessages.noYear);
  const departmentNames = namesOf(parsed);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const organizationId = ctx.actor.organizationId;

  return write(ctx, async (trx, at) => {
    const units = await resolveImportUnits(
      trx,
      organizationId,
      departmentNames,
      {
        createUnits: options.createUnits ?? false,
        mapping: options.mapping,
      },
      at,
    );
    await storeBlob(trx, { sha256, size: bytes.length, content: bytes });
    const noticeId = await insertNotice(trx, {
      organization_id: organizationId,
      file_name: fileName,
      media_type: sniffMediaType(bytes),
      sha256,
      size: bytes.length,
      text,
      created_by: ctx.actor.userId,
      created_at: at,
    });
    const similar: ImportWarning[] = units.similar.map(({ name, other }) => ({
      code: 'similar-unit-names',
      message: planMessages.similarNames(name, other),
    }));
    const warnings: ImportWarning[] = [
      ...pastYearWarning(year, shanghaiToday(ctx)),
      ...parsed.warnings,
      ...similar,
    ];
    const draft = await storePlanDraft(trx, parsed, {
      organizationId,
      userId: ctx.actor.userId,
      noticeId,
      year,
      warnings,
      unitIds: units.unitIds,
      at,
    });
    const renamed = await adoptIssuerName(trx, organizationId, parsed.issuer);
    return {
      result: {
        planId: draft.planId,
        created: draft.created,
        counts: draft.counts,
        createdUnits: units.created,
        createdLeaders: draft.createdLeaders,
        unresolved: units.unknown,
        warnings,
      },
      audit: [
        {
          action: 'notice.upload',
          entityType: 'notice',
          entityId: noticeId,
          after: { fileName, sha256, size: bytes.length },
        },
        ...units.audit,
        ...draft.audit,
        ...renamed,
      ],
    };
  });
}

// Read and parsed in the parse sandbox (a child process with bounded memory and time), once.
async function readSource(
  source: ImportNoticeSource,
): Promise<{ bytes: Uint8Array; fileName: string; text: string; parsed: ParsedNotice }> {
  try {
    if ('text' in source) {
      return {
        bytes: new TextEncoder().encode(source.text),
        fileName: source.fileName ?? '粘贴文本.txt',
        text: source.text,
        parsed: await parseTextInSandbox(source.text),
      };
    }
    return { bytes: source.bytes, fileName: source.fileName, ...(await readAndParseNotice(source.bytes)) };
  } catch (error) {
    throw noticeReadFailure(error);
  }
}

// The organization created on first start (by the CLI, the first-admin setup or `duban user add`)
// has a placeholder name until a notice tells its real name.
async function adoptIssuerName(trx: Tx, organizationId: number, issuer: string | null) {
  if (!issuer) return [];
  const organization = await findOrganization(trx, organizationId);
  if (!organization || organization.name !== placeholderOrganizationName || organization.name === issuer)
    return [];
  if (!(await renameOrganization(trx, organizationId, organization.name, issuer))) return [];
  return [
    {
      action: 'organization.rename',
      entityType: 'organization',
      entityId: organizationId,
      before: { name: organization.name },
      after: { name: issuer },
    },
  ];
}

// Department names in order of first appearance, lead departments included.
function namesOf(parsed: ParsedNotice): string[] {
  const names = new Set<string>();
  for (const section of parsed.sections) {
    for (const item of section.items)
      for (const name of [...item.departments, ...item.leadDepartments]) names.add(name);
  }
  return [...names];
}
