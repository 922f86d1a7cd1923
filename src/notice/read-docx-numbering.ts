import { chineseCount } from './read-numerals.ts';
import { scanXml, xmlAttribute } from './read-xml-scan.ts';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

/** Produces the label Word would print before a numbered paragraph (一、 1. （1）), counting as it goes. */
export type Numberer = (numId: string, ilvl: number) => string;

/**
 * Reads word/numbering.xml. Notices typed in Word often number sections and items automatically,
 * and those numbers are not in the text runs, so without this the parser would see no items.
 */
export function createNumberer(numberingXml: string | undefined): Numberer {
  const { abstracts, nums, starts } = numberingXml ? readNumbering(numberingXml) : emptyNumbering();
  const counters = new Map<string, number[]>();
  return (numId, ilvl) => {
    const levels = abstracts.get(nums.get(numId) ?? '');
    const level = levels?.[ilvl];
    if (!levels || !level) return '';
    // Counters belong to the list instance; a higher level moving on restarts the levels below it.
    let counts = counters.get(numId);
    if (!counts) {
      counts = levels.map((l, i) => (starts.get(`${numId}/${i}`) ?? l?.start ?? 1) - 1);
      counters.set(numId, counts);
    }
    counts[ilvl] = (counts[ilvl] ?? 0) + 1;
    for (let deeper = ilvl + 1; deeper < counts.length; deeper++) {
      counts[deeper] = (starts.get(`${numId}/${deeper}`) ?? levels[deeper]?.start ?? 1) - 1;
    }
    const label = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const at = Number(n) - 1;
      return formatNumber(counts[at] ?? 1, levels[at]?.format ?? 'decimal');
    });
    if (level.format === 'bullet' || label === '') return '';
    return label + level.suffix;
  };
}

function emptyNumbering() {
  return {
    abstracts: new Map<string, Level[]>(),
    nums: new Map<string, string>(),
    starts: new Map<string, number>(),
  };
}

function readNumbering(xml: string) {
  const result = emptyNumbering();
  let abstractId: string | null = null;
  let numId: string | null = null;
  let level: Level | null = null;
  let overrideLevel = -1;
  scanXml(xml, {
    open(name, tag) {
      const val = xmlAttribute(tag, 'w:val');
      if (name === 'w:abstractNum') {
        abstractId = xmlAttribute(tag, 'w:abstractNumId');
        if (abstractId !== null) result.abstracts.set(abstractId, []);
      } else if (name === 'w:lvl' && abstractId !== null && numId === null) {
        level = { start: 1, format: 'decimal', text: '', suffix: ' ' };
        result.abstracts.get(abstractId)![Number(xmlAttribute(tag, 'w:ilvl') ?? 0)] = level;
      } else if (name === 'w:num') numId = xmlAttribute(tag, 'w:numId');
      else if (name === 'w:abstractNumId' && numId !== null && val !== null) result.nums.set(numId, val);
      else if (name === 'w:lvlOverride') overrideLevel = Number(xmlAttribute(tag, 'w:ilvl') ?? -1);
      else if (name === 'w:startOverride' && numId !== null && val !== null) {
        result.starts.set(`${numId}/${overrideLevel}`, Number(val));
      } else if (level && val !== null) {
        if (name === 'w:start') level.start = Number(val) || 0;
        else if (name === 'w:numFmt') level.format = val;
        else if (name === 'w:lvlText') level.text = val;
        else if (name === 'w:suff') level.suffix = val === 'nothing' ? '' : ' ';
      }
    },
    close(name) {
      if (name === 'w:abstractNum') abstractId = null;
      else if (name === 'w:lvl') level = null;
      else if (name === 'w:num') numId = null;
    },
    text() {},
  });
  return result;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseCountingTenThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCount(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCharCode(0x61 + ((n - 1) % 26));
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'none':
      return '';
    default:
      return String(n);
  }
}
