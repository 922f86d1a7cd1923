import { updateDraftContent } from '../../db/queries/bulletins.ts';
import { requireWritableBulletin } from '../../policies/bulletins.ts';
import type { BulletinContent, EditBulletinInput } from '../../shared/bulletins.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertUpdated, write } from '../write.ts';
import { contentOf } from './bulletin-view.ts';
import { bulletinMessages as M } from './messages.ts';

/** Applies the edited texts to the stored content; headings and tables stay as generated. */
function applyEdits(content: BulletinContent, input: EditBulletinInput): BulletinContent {
  const sameShape =
    input.sections.length === content.sections.length &&
    content.sections.every(
      (section, index) =>
        input.sections[index]?.key === section.key &&
        input.sections[index]?.parts.length === section.parts.length,
    );
  if (!sameShape) throw new AppError('INVALID_INPUT', M.sectionsChanged, { field: 'sections' });
  return {
    ...content,
    title: input.title,
    subtitle: input.subtitle,
    intro: input.intro,
    closing: input.closing,
    issuer: input.issuer,
    sections: content.sections.map((section, index) => {
      const edit = input.sections[index]!;
      return {
        ...section,
        text: edit.text,
        after: edit.after,
        parts: section.parts.map((part, p) => ({ ...part, text: edit.parts[p] ?? part.text })),
      };
    }),
  };
}

/** A supervisor saves the edited text of a draft bulletin (versioned: a stale edit is refused). */
export async function editBulletin(
  ctx: Context,
  bulletinId: number,
  input: EditBulletinInput,
): Promise<{ id: number; version: number }> {
  const row = await requireWritableBulletin(ctx.db, ctx.actor, bulletinId);
  if (row.state !== 'draft') throw new AppError('CONFLICT', M.issuedFrozen);
  const content = applyEdits(contentOf(row), input);
  return write(ctx, async (trx, at) => {
    assertUpdated(
      await updateDraftContent(trx, {
        id: row.id,
        version: input.version,
        content: JSON.stringify(content),
        userId: ctx.actor.userId,
        at,
      }),
      '通报草稿',
    );
    return {
      result: { id: row.id, version: input.version + 1 },
      audit: [
        {
          action: 'bulletin.edit',
          entityType: 'bulletin',
          entityId: row.id,
          after: { title: content.title },
        },
      ],
    };
  });
}
