/**
 * Word 97's body text keeps its structure as control characters (MS-DOC 2.8): \r ends a paragraph,
 * \x07 ends a table cell (word-extractor has already turned each row's end mark into \n), \x0b is a
 * line break, \x0c a page or section break, and a field is \x13 instructions \x14 result \x15.
 * Deleted revisions arrive as \x00, pictures and note references as other control characters.
 */
const FIELD_START = '\x13';
const FIELD_SEPARATOR = '\x14';
const FIELD_END = '\x15';

const CHARACTERS: Record<string, string> = {
  '\x0b': '\n', // line break inside a paragraph
  '\x0c': '\n', // page or section break
  '\x0e': '\n', // column break
  '\x1e': '-', // non-breaking hyphen
  '\t': '\t',
};

/**
 * Turns the raw body of a Word 97 document into text like the .docx reader's: one line per
 * paragraph, each table cell one line (its paragraphs, known by the paragraph-end positions in
 * `inTable`, joined by spaces), fields shown by their result (a page number, a date), never their
 * instructions.
 */
export function wordBodyToText(raw: string, inTable: ReadonlySet<number>): string {
  const lines: string[] = [];
  let paragraph = '';
  let cell: string[] = [];
  // One entry per open field: whether its result (after \x14) is being read. Only text outside
  // every field's instructions is shown; a single pass keeps hostile nesting linear.
  const fields: boolean[] = [];
  let hidden = 0;

  const endCell = () => {
    if (cell.length > 0) lines.push(joinCell(cell));
    cell = [];
  };
  const take = (ch: string, cp: number) => {
    if (ch === '\r') {
      if (inTable.has(cp)) cell.push(paragraph);
      else lines.push(paragraph);
      paragraph = '';
    } else if (ch === '\x07') {
      cell.push(paragraph);
      paragraph = '';
      endCell();
    } else if (ch === '\n') {
      // The end of a table row: its cells are already out, one per line.
      endCell();
    } else if (ch in CHARACTERS) {
      paragraph += CHARACTERS[ch];
    } else if (ch >= ' ') {
      paragraph += ch;
    }
  };
  for (let cp = 0; cp < raw.length; cp++) {
    const ch = raw[cp]!;
    if (ch === FIELD_START) {
      fields.push(false);
      hidden++;
    } else if (ch === FIELD_SEPARATOR) {
      if (fields.length > 0 && !fields[fields.length - 1]) {
        fields[fields.length - 1] = true;
        hidden--;
      }
    } else if (ch === FIELD_END) {
      if (fields.length > 0 && !fields.pop()) hidden--;
    } else if (hidden === 0) {
      take(ch, cp);
    }
  }
  endCell();
  if (paragraph !== '') lines.push(paragraph);
  return lines.join('\n').replace(/\n+$/, '');
}

// A cell must stay one line (the parser reads tables one cell per line): paragraphs and line breaks become spaces.
function joinCell(paragraphs: string[]): string {
  return paragraphs
    .map((p) => p.replace(/\n/g, ' ').trim())
    .filter((p) => p !== '')
    .join(' ');
}
