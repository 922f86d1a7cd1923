import type { BulletinContent } from '../shared/bulletins.ts';
import { type OfficialBlock, officialDate, writeOfficialDocument } from './official-document.ts';

/**
 * The blocks of a monthly bulletin (工作通报) in the official layout: title, issue line, the
 * introduction, each section (一、) with its parts (（一）), tables, the closing words, and the
 * issuer and date at the end.
 */
export function bulletinBlocks(content: BulletinContent): OfficialBlock[] {
  const blocks: OfficialBlock[] = [{ kind: 'title', text: content.title }];
  if (content.subtitle.trim()) blocks.push({ kind: 'number', text: content.subtitle.trim() });
  blocks.push({ kind: 'blank' });
  if (content.intro.trim()) blocks.push({ kind: 'paragraph', text: content.intro });
  for (const section of content.sections) {
    blocks.push({ kind: 'heading', text: section.heading });
    if (section.text.trim()) blocks.push({ kind: 'paragraph', text: section.text });
    for (const part of section.parts) {
      blocks.push({ kind: 'subheading', text: part.heading });
      if (part.text.trim()) blocks.push({ kind: 'paragraph', text: part.text });
    }
    if (section.table) {
      blocks.push({
        kind: 'table',
        columns: section.table.columns,
        widths: section.table.widths,
        rows: section.table.rows,
      });
    }
    if (section.after.trim()) blocks.push({ kind: 'paragraph', text: section.after });
  }
  if (content.closing.trim()) blocks.push({ kind: 'paragraph', text: content.closing });
  blocks.push(
    { kind: 'blank' },
    { kind: 'signature', text: content.issuer },
    { kind: 'signature', text: officialDate(content.signedOn) },
  );
  return blocks;
}

/** The .docx of a bulletin, ready to print. */
export function writeBulletinDocx(content: BulletinContent): Promise<Uint8Array> {
  return writeOfficialDocument({
    title: content.title,
    creator: content.issuer,
    blocks: bulletinBlocks(content),
  });
}
