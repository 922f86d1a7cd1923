// Generated work-key-points notices far larger than any bureau writes, for the scale tests: the
// shape of a real one (red header, 文号, title, 一、 sections, 1. items with 责任领导/责任股室 notes
// and countable promises), repeated.

const DIGITS = '零一二三四五六七八九';

/** A Chinese numeral as notices number their sections: 一, 十二, 二十, 一百零五. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? '';
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  const rest = n % 100;
  const tail =
    rest === 0
      ? ''
      : rest < 10
        ? `零${DIGITS[rest]}`
        : rest < 20
          ? `一${chineseNumeral(rest)}`
          : chineseNumeral(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/** The shape of a generated notice. */
export interface HugeNoticeShape {
  sections: number;
  itemsPerSection: number;
  /** Extra hard-wrapped body lines per item (0: the item is one line plus its responsibility line). */
  bodyLines?: number;
  /** Characters per wrapped body line. */
  lineChars?: number;
}

/** What the generated notice holds, for the test's counts. */
export interface HugeNotice {
  text: string;
  items: number;
  sections: number;
  lines: number;
  /** Items whose body addresses every school (各学校): each fans out one copy per school. */
  schoolItems: number;
  /** Items with a monthly (recurring) promise. */
  recurringItems: number;
}

const LEADERS = ['陈玲玲', '林海', '陈丽', '李开军', '王建国', '刘芳'];
const DEPARTMENTS = ['办公室', '人事股', '教育股', '计财股', '安全股', '体育股', '督导室', '教科室'];
const FILLER =
  '坚持以人民为中心的发展思想落实立德树人根本任务深化教育综合改革着力提升教育教学质量不断加强教师队伍建设持续改善办学条件坚守安全底线';

/** A notice of sections × items, each item with leaders and departments named at its end. */
export function hugeNotice(shape: HugeNoticeShape): HugeNotice {
  const bodyLines = shape.bodyLines ?? 0;
  const lineChars = shape.lineChars ?? 40;
  const lines: string[] = [
    '某某县教育局文件',
    '某教发〔2024〕9号',
    '关于印发《某某县2024年教育工作要点》的通知',
    '局机关各股室、各学校：',
    '现将《某某县2024年教育工作要点》印发给你们，请认真贯彻落实。',
    '某某县教育局',
    '2024年2月20日',
    '某某县2024年教育工作要点',
    '2024年，全县教育系统坚持稳中求进，重点抓好以下工作：',
  ];
  let no = 0;
  let schoolItems = 0;
  let recurringItems = 0;
  for (let s = 1; s <= shape.sections; s++) {
    lines.push(`${chineseNumeral(s)}、聚焦第${s}项重点，推动教育高质量发展`);
    for (let i = 0; i < shape.itemsPerSection; i++) {
      no++;
      const recurring = no % 10 === 0;
      const toSchools = no % 500 === 0;
      if (recurring) recurringItems++;
      if (toSchools) schoolItems++;
      const promise = recurring ? '每月开展一次专项检查' : `全年开展专题培训不少于${(no % 4) + 2}次`;
      const addressed = toSchools ? '，指导各学校抓好落实' : '';
      lines.push(`${no}. 推进第${no}项工作。${promise}${addressed}。`);
      for (let k = 0; k < bodyLines; k++) lines.push(filler(no * 7 + k, lineChars));
      const leaders = [LEADERS[no % LEADERS.length], LEADERS[(no + 1) % LEADERS.length]].join('、');
      const departments = [DEPARTMENTS[no % DEPARTMENTS.length], DEPARTMENTS[(no + 3) % DEPARTMENTS.length]];
      lines.push(`（责任领导：${leaders}，责任股室：${departments.join('、')}）`);
    }
  }
  const text = `${lines.join('\n')}\n`;
  return {
    text,
    items: no,
    sections: shape.sections,
    lines: lines.length,
    schoolItems,
    recurringItems,
  };
}

function filler(seed: number, chars: number): string {
  let out = '';
  for (let k = 0; out.length < chars; k++) out += FILLER[(seed + k * 13) % FILLER.length];
  return `${out.slice(0, chars - 1)}，`;
}

/**
 * One item of `lines` hard-wrapped lines (a notice pasted without its numbering, say), every line
 * naming the leader and both departments again and every eighth promising a quarterly check: far
 * more highlighted places in one item than a function call takes arguments.
 */
export function oneItemNotice(lines: number): HugeNotice & { recurring: number } {
  const out = [
    '某某县教育局文件',
    '某某县2024年教育工作要点',
    '一、统筹推进各项工作',
    '1. 统筹推进年度重点工作。',
  ];
  let recurring = 0;
  for (let k = 1; k <= lines; k++) {
    if (k % 8 === 0) recurring++;
    out.push(
      k % 8 === 0
        ? `第${k}项由陈玲玲督促办公室、人事股每季度开展一次检查，`
        : `第${k}项由陈玲玲督促办公室会同人事股${filler(k, 12)}`,
    );
  }
  out.push('（责任领导：陈玲玲，责任股室：办公室、人事股）');
  const text = `${out.join('\n')}\n`;
  return { text, items: 1, sections: 1, lines: out.length, schoolItems: 0, recurringItems: 1, recurring };
}

/** A notice of about `bytes` bytes (and no more): items of long hard-wrapped bodies. */
export function noticeOfBytes(bytes: number): HugeNotice {
  const shape = { sections: 20, bodyLines: 60, lineChars: 49 };
  const perItem =
    Buffer.byteLength(hugeNotice({ ...shape, sections: 1, itemsPerSection: 2 }).text) -
    Buffer.byteLength(hugeNotice({ ...shape, sections: 1, itemsPerSection: 1 }).text);
  const header = Buffer.byteLength(hugeNotice({ ...shape, itemsPerSection: 0 }).text);
  const itemsPerSection = Math.floor((bytes - header) / perItem / shape.sections);
  return hugeNotice({ ...shape, itemsPerSection });
}
