import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIndicators } from './indicators.ts';
import type { ParsedIndicator } from './types.ts';

// Pieces the rules react to, so random text often comes close to a rule and then breaks off.
const TOKENS = [
  ...(
    '每月 每學期 每季度 每年 每 全年 不少于 不超过 以上 两 十二 一百零 2 ' +
    '２ - ～ 至 次 个 所 片 项 % ％ 百分之 . 制订 製訂 印发 下发 ' +
    '的 《 》 方案 行事历 举办 舉辦 召开 开展 组织 运动会 艺术节 竞赛 ' +
    '评比 活动 等 完成 新建 改扩建 工程 项目 建设 6月 底前 9月1日 中旬 ' +
    '年底 上半年 第一季度 秋季学期开学前 2024年 ， 。 、 ； , : “ ' +
    '” 学校 中小学 （ )'
  ).split(' '),
  ' ',
  '\n',
  '\u3000',
  '\ud83d\ude00',
  '\ud800',
  '\udc00',
];
const YUNXI_BODY =
  '坚持每月开展党委理论中心组学习，开展《宪法》及相关法律法规学习，集中学法机关干部全年不少于两次，制订《岳阳市云溪区建立中小学校党组织领导的校长负责制实施方案》，随机抽取2-3个基建维修项目进行专项审计。举办中小學生阳光体育运动会，完成云溪小学改扩建工程、文桥中心小学教职工周转房项目和岳化二小食堂、活动中心及教职工周转房等项目建设，覆盖率达到100%，6月底前完成。';

function checkInvariants(body: string, found: ParsedIndicator[]): void {
  let previousEnd = 0;
  for (const indicator of found) {
    const [start, end] = indicator.span;
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(start).toBeGreaterThanOrEqual(previousEnd);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(body.length);
    expect(body.slice(start, end)).toBe(indicator.text);
    if (indicator.due !== undefined) expect(indicator.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    previousEnd = end;
  }
}

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((parts) => parts.join(''));
const cjkText = fc.string({
  unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCharCode(code)),
  maxLength: 200,
});
const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
// Yunxi text with random cuts, insertions and replacements.
const mutated = fc
  .array(fc.tuple(fc.nat(YUNXI_BODY.length), fc.nat(6), fc.constantFrom(...TOKENS)), { maxLength: 12 })
  .map((edits) =>
    edits.reduce((text, [at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut), YUNXI_BODY),
  );
const years = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 12000 }));

describe('findIndicators on any input', () => {
  it.each([
    ['random strings', fc.oneof(fc.string(), fc.string({ unit: 'binary' }), anyUnits)],
    ['random CJK', cjkText],
    ['rule fragments', tokenText],
    ['mutated Yunxi bodies', mutated],
  ] as const)('never throws and keeps spans sound on %s', (_name, bodies) => {
    fc.assert(
      fc.property(bodies, years, (body, year) => checkInvariants(body, findIndicators(body, year))),
      { numRuns: 400 },
    );
  });

  it('still finds what the unmutated Yunxi text holds', () => {
    expect(findIndicators(YUNXI_BODY, 2024).map((i) => i.kind)).toEqual([
      'recurring',
      'count',
      'deliverable',
      'count',
      'event',
      'project',
      'project',
      'project',
      'percent',
      'deadline',
    ]);
  });
});

describe('findIndicators time', () => {
  // Inputs that would make a backtracking or rescanning matcher quadratic.
  const PATHOLOGICAL = [
    '每',
    '1',
    '一',
    '《',
    '制订',
    '开展、',
    '举办',
    '项目',
    '年底',
    '%',
    '月',
    '不少于',
    '等',
  ];

  it.each(PATHOLOGICAL)('grows linearly on a long run of %s', (unit) => {
    const time = (size: number) => {
      const body = unit.repeat(Math.ceil(size / unit.length));
      const started = performance.now();
      findIndicators(body, 2024);
      return performance.now() - started;
    };
    time(20_000); // warm up the JIT
    const small = time(50_000);
    const large = time(500_000);
    expect(large).toBeLessThan(small * 30 + 100);
  });
});
