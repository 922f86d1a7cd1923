// Punctuation tesseract's Chinese model confuses in official documents, put right from context.
// Every fix replaces one character by one, so offsets into the text (the unsure words) still hold.

const OPENERS = '《〈(';
const CLOSERS = '》〉)';
const REACH = 80;

/**
 * Puts right what OCR reads wrongly but the text around it settles: a full-width （ read as 《 (its
 * pair closes with ）, not 》) and the reverse; the 〔〕 of a document number (岳云教体〔2024〕4号)
 * read as 【】, [] or (); in a responsibility note, the 责 of 责任 read as another character (考, 贵, 寺, … — only
 * 主任, 兼任, 担任 and 信任 are words there)
 * after its parenthesis or a comma, and the ： after a label read as ； or lost at the end of a line
 * (the line break becomes the colon). Text is NFKC-normalised already, so （）：； are ():;.
 */
export function fixOcrConfusions(text: string): string {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '《' || ch === '〈') {
      if (nextCloser(chars, i) === ')') chars[i] = '(';
    } else if (ch === '》' || ch === '〉') {
      if (previousOpener(chars, i) === '(') chars[i] = ')';
    }
  }
  const fixed = chars.join('');
  // 〔2024〕 between a document's abbreviation and its number: 岳云教体【2024]4号.
  return fixed
    .replace(/(?<=\p{Script=Han})[【[(〔]((?:19|20)\d\d)[】\])〕](?=\d{1,4}号)/gu, '〔$1〕')
    .replace(/(?<=[(,])(?![主兼担信责])\p{Script=Han}(?=任(?:领导|股室|科室|处室|单位|部门))/gu, '责')
    .replace(NOTE_SEMICOLON, ':')
    .replace(NOTE_LINE_END, ':');
}

// The start of a responsibility note up to a label: (责任领导, (责任领导:陈丽,责任股室.
const NOTE_LABEL = String.raw`(?<=\((?:责任|牵头|分管|配合|协办)[^()\n]{0,40}?(?:领导|股室|科室|处室|单位|部门|责任人))`;
// Such a label followed by ; instead of :.
const NOTE_SEMICOLON = new RegExp(`${NOTE_LABEL}[;；]`, 'gu');
// Such a label ending a line whose : was lost: the line break becomes the colon.
const NOTE_LINE_END = new RegExp(`${NOTE_LABEL}\\n(?=\\p{Script=Han})`, 'gu');

// The first closing bracket after an opener, within the paragraph.
function nextCloser(chars: readonly string[], from: number): string | undefined {
  for (let j = from + 1; j < Math.min(chars.length, from + REACH); j++) {
    const ch = chars[j]!;
    if (CLOSERS.includes(ch)) return ch;
    if (OPENERS.includes(ch) || (ch === '\n' && chars[j + 1] === '\n')) return undefined;
  }
  return undefined;
}

// The nearest opening bracket before a closer, within the paragraph.
function previousOpener(chars: readonly string[], from: number): string | undefined {
  for (let j = from - 1; j >= Math.max(0, from - REACH); j--) {
    const ch = chars[j]!;
    if (OPENERS.includes(ch)) return ch;
    if (CLOSERS.includes(ch) || (ch === '\n' && chars[j - 1] === '\n')) return undefined;
  }
  return undefined;
}
