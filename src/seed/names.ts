import type { SeededRandom } from './random.ts';

// Word lists for generated directories: people, places, departments (股室) and schools. Real
// bureaus name their departments differently (计财股 / 财务股), which is what the aliases are for.

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲斌辉鹏建文利飞宇波宁鑫晨晓东海峰燕琴云雪梅兰凤洁琳素莉颖慧',
];

/** A person's name: a surname and one or two given characters. */
export function personName(random: SeededRandom): string {
  const given = random.chance(0.7) ? random.pick(GIVEN) + random.pick(GIVEN) : random.pick(GIVEN);
  return random.pick(SURNAMES) + given;
}

const PLACE_FIRST = [...'云江河山清安平永长东西南北新金石龙凤华桃宁丰青白鹤泉梅松柳阳'];
const PLACE_SECOND = [...'溪阳源山川宁安林城湖口州塘坪桥水峰岭'];

/** A place name of two characters, e.g. 云溪, 江源. */
export function placeName(random: SeededRandom): string {
  return random.pick(PLACE_FIRST) + random.pick(PLACE_SECOND);
}

/** Departments every bureau has, in the order a directory lists them. */
export const DEPARTMENT_NAMES: readonly string[] = [
  '办公室',
  '人事股',
  '计财股',
  '基础教育股',
  '职成教股',
  '体卫艺股',
  '安全股',
  '政策法规股',
  '督导室',
  '教研室',
  '电教仪器站',
  '学生资助中心',
  '招生办',
  '教师发展中心',
  '纪检监察室',
  '组织宣传股',
  '规划基建股',
  '审计股',
  '行政审批股',
  '勤管中心',
  '体育股',
  '语言文字办',
  '团委',
  '工会',
  '关工委',
  '考试中心',
  '信访室',
  '后勤服务中心',
  '校园安全服务中心',
  '教育装备中心',
  '社会事业股',
  '民办教育股',
];

/** The other name a bureau may use for a department (for aliases and name variety). */
export const DEPARTMENT_VARIANTS: Readonly<Record<string, string>> = {
  计财股: '财务股',
  基础教育股: '基教股',
  职成教股: '职业教育股',
  体卫艺股: '体卫艺科',
  安全股: '安全管理股',
  政策法规股: '法规股',
  纪检监察室: '纪监室',
  组织宣传股: '宣传股',
  规划基建股: '基建股',
  教研室: '教研中心',
};

/** A school's kind as the directory stores it, and how its name ends. */
export interface SchoolKind {
  kind: string;
  suffix: (n: number) => string;
}

const ORDINALS = [...'一二三四五六七八九十'];

const SCHOOL_KINDS: readonly SchoolKind[] = [
  { kind: '初中', suffix: (n) => `第${ORDINALS[(n - 1) % 10]}中学` },
  { kind: '小学', suffix: () => '中心小学' },
  { kind: '小学', suffix: (n) => `第${ORDINALS[(n - 1) % 10]}小学` },
  { kind: '幼儿园', suffix: () => '中心幼儿园' },
  { kind: '九年一贯制', suffix: () => '学校' },
  { kind: '高中', suffix: () => '高级中学' },
];

/** Generates the names of n schools of one bureau, all different, with their kinds. */
export function schoolNames(random: SeededRandom, n: number): Array<{ name: string; kind: string }> {
  const names = new Set<string>();
  const schools: Array<{ name: string; kind: string }> = [];
  // Mostly primary schools and kindergartens, as in a county: weights per kind.
  const weights = [0.2, 0.3, 0.15, 0.25, 0.07, 0.03];
  let guard = 0;
  while (schools.length < n) {
    let roll = random.next();
    let index = 0;
    while (index < weights.length - 1 && roll >= (weights[index] ?? 0)) roll -= weights[index++] ?? 0;
    const kind = SCHOOL_KINDS[index] ?? SCHOOL_KINDS[0];
    if (!kind) break;
    const place = guard++ > n * 20 ? `${placeName(random)}${schools.length + 1}` : placeName(random);
    const name = `${place}${kind.suffix(random.int(1, 10))}`;
    if (names.has(name)) continue;
    names.add(name);
    schools.push({ name, kind: kind.kind });
  }
  return schools;
}
