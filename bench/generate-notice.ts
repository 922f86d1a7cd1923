import { chineseCount } from '../src/notice/read-numerals.ts';

/** A notice's text split into what comes before the first section and the item blocks of each section. */
interface NoticeShape {
  header: string[];
  sections: { title: string; items: string[][] }[];
}

const SECTION_HEADING = /^([一二三四五六七八九十]+)、/;
const ITEM_START = /^\d+\s*[.．]/;
/** How many times each section's items repeat inside one generated section. */
const ITEM_ROUNDS_PER_SECTION = 20;

/**
 * Grows a real notice to about `targetBytes` of UTF-8 while keeping it a notice a bureau could
 * have written: the header once, then the sections again and again, renumbered 一、二、… (at most
 * a hundred or so), each holding its original items repeated and numbered 1, 2, … from the start
 * of the section, so neither kind of number grows beyond what real notices print.
 */
export function generateNotice(
  source: string,
  targetBytes: number,
): { text: string; sections: number; items: number } {
  const shape = splitNotice(source);
  const headerBytes = Buffer.byteLength(shape.header.join('\n'));
  const roundBytes = Buffer.byteLength(source) - headerBytes;
  const rounds = Math.max(1, Math.round((targetBytes - headerBytes) / roundBytes));
  const itemRounds = Math.min(rounds, ITEM_ROUNDS_PER_SECTION);
  const out = [...shape.header];
  let sectionNo = 0;
  let items = 0;
  for (let done = 0; done < rounds; done += itemRounds) {
    const repeat = Math.min(itemRounds, rounds - done);
    for (const section of shape.sections) {
      out.push(`${chineseCount(++sectionNo)}、${section.title}`, '');
      let no = 0;
      for (let r = 0; r < repeat; r++) {
        for (const item of section.items) {
          out.push(item[0]!.replace(/^\d+/, String(++no)), ...item.slice(1));
        }
      }
      items += no;
    }
  }
  return { text: out.join('\n'), sections: sectionNo, items };
}

function splitNotice(source: string): NoticeShape {
  const shape: NoticeShape = { header: [], sections: [] };
  for (const line of source.split('\n')) {
    const section = shape.sections[shape.sections.length - 1];
    const heading = SECTION_HEADING.exec(line);
    if (heading) shape.sections.push({ title: line.slice(heading[0].length), items: [] });
    else if (!section) shape.header.push(line);
    else if (ITEM_START.test(line)) section.items.push([line]);
    // Continuation lines (page breaks, responsibility in its own paragraph) stay with their item.
    else if (section.items.length > 0) section.items[section.items.length - 1]!.push(line);
  }
  return shape;
}
