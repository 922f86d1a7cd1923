import { describe, expect, it } from 'vitest';
import type { BalanceIndicatorKey, BalanceSchoolInput, BalanceStage } from '../../shared/balance.ts';
import { isAppError } from '../errors.ts';
import { applyWhatIf, computeBalance, roundTo } from './compute-balance.ts';

type Raw = Record<BalanceIndicatorKey, number>;

function school(name: string, stage: BalanceStage, pupils: number, raw: Raw): BalanceSchoolInput {
  return { name, stage, pupils, raw };
}

/** Raw figures giving every indicator the same value per pupil (so its CV is 0), with overrides. */
function evenRaw(pupils: number, overrides: Partial<Raw> = {}): Raw {
  return {
    teachersAboveDegree: pupils * 0.05,
    backboneTeachers: pupils * 0.012,
    peArtTeachers: pupils * 0.01,
    buildingArea: pupils * 6,
    sportsArea: pupils * 11,
    equipmentValue: pupils * 3000,
    multimediaRooms: pupils * 0.03,
    ...overrides,
  };
}

function indicator(
  result: ReturnType<typeof computeBalance>,
  stage: '小学' | '初中',
  key: BalanceIndicatorKey,
) {
  const found = result.stages.find((s) => s.stage === stage)?.indicators.find((i) => i.key === key);
  if (!found) throw new Error(`no ${stage} ${key}`);
  return found;
}

describe('computeBalance: the oracle', () => {
  // Five schools of one stage; the resource is 教学及辅助用房面积 (㎡, per pupil).
  const pupils = [45, 37, 89, 76, 55];
  const area = [279, 137, 935, 160, 402];
  const rows = pupils.map((p, i) =>
    school(`学校${i + 1}`, 'primary', p, evenRaw(p, { buildingArea: area[i]! })),
  );

  it('gives the pupil-weighted CV 0.5153, not the unweighted 0.4888', () => {
    const building = indicator(computeBalance(rows), '小学', 'buildingArea');
    // X̄ = Σraw / ΣP = 1913 / 302 = 6.3344
    expect(roundTo(building.mean, 4)).toBe(6.3344);
    expect(roundTo(building.cv!, 4)).toBe(0.5153);
    expect(roundTo(building.cv!, 4)).not.toBe(0.4888);
    // 0.5153 > 0.50: the 小学 threshold is missed by 0.0153.
    expect(building.pass).toBe(false);
    expect(building.over).toBe(0.0153);
    expect(building.min).toBeCloseTo(160 / 76, 10);
    expect(building.max).toBeCloseTo(935 / 89, 10);
    expect(building.belowMinimum).toEqual(['学校2', '学校4']);
  });

  it('gives 0 for the six indicators that are the same per pupil everywhere', () => {
    const result = computeBalance(rows);
    for (const i of result.stages[0]!.indicators.filter((x) => x.key !== 'buildingArea')) {
      expect(i.cv).toBeCloseTo(0, 10);
      expect(i.pass).toBe(true);
    }
    expect(result.stages.map((s) => s.stage)).toEqual(['小学']);
    expect(result.stages[0]).toMatchObject({ schools: 5, pupils: 302, pass: false });
  });
});

describe('computeBalance: a county with both stages and a 九年一贯制 school', () => {
  // 小学: 城关小学 400 pupils, 河口小学 100, 云溪九年一贯制学校 (小学部) 500; ΣP = 1000.
  // 初中: 云溪九年一贯制学校 (初中部) 300, 第一中学 600, 第二中学 100; ΣP = 1000.
  const county: BalanceSchoolInput[] = [
    school('城关小学', 'primary', 400, {
      teachersAboveDegree: 24, // 6.0 per 100
      backboneTeachers: 6, // 1.5
      peArtTeachers: 4, // 1.0
      buildingArea: 2400, // 6.0 ㎡
      sportsArea: 3200, // 8.0 ㎡
      equipmentValue: 1_000_000, // 2500 元
      multimediaRooms: 12, // 3.0
    }),
    school('河口小学', 'primary', 100, {
      teachersAboveDegree: 5, // 5.0
      backboneTeachers: 1, // 1.0
      peArtTeachers: 1, // 1.0
      buildingArea: 400, // 4.0 ㎡ — below 4.5, at 88.9 % of it
      sportsArea: 2000, // 20.0 ㎡
      equipmentValue: 250_000, // 2500 元
      multimediaRooms: 3, // 3.0
    }),
    school('云溪九年一贯制学校', 'primary', 500, {
      teachersAboveDegree: 25, // 5.0
      backboneTeachers: 5, // 1.0
      peArtTeachers: 5, // 1.0
      buildingArea: 2500, // 5.0 ㎡
      sportsArea: 4000, // 8.0 ㎡
      equipmentValue: 1_250_000, // 2500 元
      multimediaRooms: 15, // 3.0
    }),
    school('云溪九年一贯制学校', 'junior', 300, {
      teachersAboveDegree: 18, // 6.0
      backboneTeachers: 3, // 1.0
      peArtTeachers: 3, // 1.0
      buildingArea: 2100, // 7.0 ㎡
      sportsArea: 1800, // 6.0 ㎡ — below 10.2, at 58.8 % of it
      equipmentValue: 900_000, // 3000 元
      multimediaRooms: 9, // 3.0
    }),
    school('第一中学', 'junior', 600, {
      teachersAboveDegree: 36, // 6.0
      backboneTeachers: 9, // 1.5
      peArtTeachers: 6, // 1.0
      buildingArea: 4200, // 7.0 ㎡
      sportsArea: 7200, // 12.0 ㎡
      equipmentValue: 1_800_000, // 3000 元
      multimediaRooms: 18, // 3.0
    }),
    school('第二中学', 'junior', 100, {
      teachersAboveDegree: 6, // 6.0
      backboneTeachers: 1, // 1.0
      peArtTeachers: 1, // 1.0
      buildingArea: 700, // 7.0 ㎡
      sportsArea: 3000, // 30.0 ㎡
      equipmentValue: 300_000, // 3000 元
      multimediaRooms: 3, // 3.0
    }),
  ];

  it('computes the 小学 weighted means and CVs by hand', () => {
    const result = computeBalance(county);
    // 高于规定学历教师: X̄ = (24+5+25)/1000×100 = 5.4; deviations 0.6, −0.4, −0.4;
    // ΣP(X−X̄)² = 400×0.36 + 100×0.16 + 500×0.16 = 144 + 16 + 80 = 240; S = √0.24 = 0.489898; CV = 0.0907.
    expect(indicator(result, '小学', 'teachersAboveDegree').mean).toBeCloseTo(5.4, 10);
    expect(roundTo(indicator(result, '小学', 'teachersAboveDegree').cv!, 4)).toBe(0.0907);
    // 骨干教师: X̄ = (6+1+5)/1000×100 = 1.2; deviations 0.3, −0.2, −0.2;
    // 400×0.09 + 100×0.04 + 500×0.04 = 36 + 4 + 20 = 60; S = √0.06 = 0.244949; CV = 0.2041.
    expect(indicator(result, '小学', 'backboneTeachers').mean).toBeCloseTo(1.2, 10);
    expect(roundTo(indicator(result, '小学', 'backboneTeachers').cv!, 4)).toBe(0.2041);
    // 教学及辅助用房: X̄ = (2400+400+2500)/1000 = 5.3; deviations 0.7, −1.3, −0.3;
    // 400×0.49 + 100×1.69 + 500×0.09 = 196 + 169 + 45 = 410; S = √0.41 = 0.640312; CV = 0.1208.
    expect(indicator(result, '小学', 'buildingArea').mean).toBeCloseTo(5.3, 10);
    expect(roundTo(indicator(result, '小学', 'buildingArea').cv!, 4)).toBe(0.1208);
    expect(indicator(result, '小学', 'buildingArea').belowMinimum).toEqual(['河口小学']);
    // 体育运动场馆: X̄ = (3200+2000+4000)/1000 = 9.2; deviations −1.2, 10.8, −1.2;
    // 400×1.44 + 100×116.64 + 500×1.44 = 576 + 11664 + 720 = 12960; S = √12.96 = 3.6; CV = 3.6/9.2 = 0.3913.
    expect(indicator(result, '小学', 'sportsArea').mean).toBeCloseTo(9.2, 10);
    expect(roundTo(indicator(result, '小学', 'sportsArea').cv!, 4)).toBe(0.3913);
    // 体育艺术教师 1.0, 教学仪器设备 2500 元, 网络多媒体教室 3.0 everywhere: CV 0.
    expect(indicator(result, '小学', 'peArtTeachers')).toMatchObject({ mean: 1, cv: 0 });
    expect(indicator(result, '小学', 'equipmentValue')).toMatchObject({ mean: 2500, cv: 0 });
    expect(indicator(result, '小学', 'multimediaRooms')).toMatchObject({ mean: 3, cv: 0 });
    expect(result.stages[0]).toMatchObject({ stage: '小学', schools: 3, pupils: 1000, pass: true });
  });

  it('computes the 初中 weighted means and CVs by hand, with the 九年一贯制 school counted in both stages', () => {
    const result = computeBalance(county);
    // 骨干教师: X̄ = (3+9+1)/1000×100 = 1.3; deviations −0.3, 0.2, −0.3;
    // 300×0.09 + 600×0.04 + 100×0.09 = 27 + 24 + 9 = 60; S = √0.06 = 0.244949; CV = 0.244949/1.3 = 0.1884.
    expect(indicator(result, '初中', 'backboneTeachers').mean).toBeCloseTo(1.3, 10);
    expect(roundTo(indicator(result, '初中', 'backboneTeachers').cv!, 4)).toBe(0.1884);
    // 体育运动场馆: X̄ = (1800+7200+3000)/1000 = 12; deviations −6, 0, 18;
    // 300×36 + 600×0 + 100×324 = 10800 + 32400 = 43200; S = √43.2 = 6.572671; CV = 0.5477 > 0.45.
    const sports = indicator(result, '初中', 'sportsArea');
    expect(sports.mean).toBe(12);
    expect(roundTo(sports.cv!, 4)).toBe(0.5477);
    expect(sports).toMatchObject({ threshold: 0.45, pass: false, over: 0.0977, min: 6, max: 30 });
    expect(sports.belowMinimum).toEqual(['云溪九年一贯制学校']);
    expect(result.stages[1]).toMatchObject({ stage: '初中', schools: 3, pupils: 1000, pass: false });
    expect(
      result.schools.filter((s) => s.name === '云溪九年一贯制学校').map((s) => [s.stage, s.pupils]),
    ).toEqual([
      ['小学', 500],
      ['初中', 300],
    ]);
  });

  it('checks each school against the minimums', () => {
    const result = computeBalance(county);
    const hekou = result.schools.find((s) => s.name === '河口小学')!;
    // 4.0 ㎡ of 4.5: 6 of 7 met, the seventh at 88.9 % ≥ 85 %.
    expect(hekou).toMatchObject({ met: 6, pass: true, below: ['buildingArea'] });
    expect(hekou.misses[0]!.share).toBeCloseTo(4 / 4.5, 10);
    const nineYear = result.schools.find((s) => s.name === '云溪九年一贯制学校' && s.stage === '初中')!;
    // 6.0 ㎡ of 10.2: 6 of 7 met, but the seventh at 58.8 %.
    expect(nineYear).toMatchObject({ met: 6, pass: false, below: ['sportsArea'] });
    expect(nineYear.values.sportsArea).toBe(6);
    expect(result.schools.filter((s) => s.pass).map((s) => `${s.stage}${s.name}`)).toEqual([
      '小学城关小学',
      '小学河口小学',
      '小学云溪九年一贯制学校',
      '初中第一中学',
      '初中第二中学',
    ]);
  });

  it('names what keeps the county from 优质均衡, largest excess first', () => {
    const result = computeBalance(county);
    expect(result.pass).toBe(false);
    expect(result.blockers.map((b) => b.text)).toEqual(['初中体育运动场馆面积差异系数0.55，超出0.10']);
    expect(result.blockers[0]).toMatchObject({
      stage: '初中',
      key: 'sportsArea',
      cv: 0.5477,
      threshold: 0.45,
    });

    // 第二中学 with 10 骨干教师 instead of 1: X̄ = (3+9+10)/1000×100 = 2.2; deviations −1.2, −0.7, 7.8;
    // 300×1.44 + 600×0.49 + 100×60.84 = 432 + 294 + 6084 = 6810; S = √6.81 = 2.609598; CV = 1.1862.
    const worse = county.map((r) =>
      r.name === '第二中学' ? { ...r, raw: { ...r.raw, backboneTeachers: 10 } } : r,
    );
    const texts = computeBalance(worse).blockers.map((b) => b.text);
    expect(texts).toEqual([
      '初中县级及以上骨干教师数差异系数1.19，超出0.74',
      '初中体育运动场馆面积差异系数0.55，超出0.10',
    ]);
  });

  it('tries adding 2 骨干教师 to 河口小学 without changing anything else', () => {
    const before = computeBalance(county);
    const rows = applyWhatIf(county, [
      { name: '河口小学', stage: 'primary', key: 'backboneTeachers', delta: 2 },
    ]);
    const after = computeBalance(rows);
    // 河口小学: 1 → 3 teachers for 100 pupils, 1.0 → 3.0 per 100.
    expect(after.schools.find((s) => s.name === '河口小学')!.values.backboneTeachers).toBe(3);
    // 骨干 X̄ = (6+3+5)/1000×100 = 1.4; deviations 0.1, 1.6, −0.4;
    // 400×0.01 + 100×2.56 + 500×0.16 = 4 + 256 + 80 = 340; S = √0.34 = 0.583095; CV = 0.4165.
    expect(indicator(after, '小学', 'backboneTeachers').mean).toBeCloseTo(1.4, 10);
    expect(roundTo(indicator(after, '小学', 'backboneTeachers').cv!, 4)).toBe(0.4165);
    // Nothing else moves: every other stage indicator and every other school value is the same.
    for (const stage of ['小学', '初中'] as const)
      for (const i of before.stages.find((s) => s.stage === stage)!.indicators)
        if (!(stage === '小学' && i.key === 'backboneTeachers'))
          expect(indicator(after, stage, i.key)).toEqual(i);
    after.schools.forEach((s, n) => {
      if (s.name !== '河口小学') expect(s).toEqual(before.schools[n]);
    });
    // The rows given are left as they were.
    expect(county[1]!.raw.backboneTeachers).toBe(1);
  });
});

describe('computeBalance: a school meeting 6 of 7', () => {
  // One 小学 of 100 pupils at every minimum except 教学仪器设备值 (minimum 2000 元 per pupil).
  const atMinimum = (equipmentPerPupil: number) =>
    school('白石小学', 'primary', 100, {
      teachersAboveDegree: 4.2,
      backboneTeachers: 1,
      peArtTeachers: 0.9,
      buildingArea: 450,
      sportsArea: 750,
      equipmentValue: equipmentPerPupil * 100,
      multimediaRooms: 2.3,
    });

  it('fails with the seventh at 84 % of its minimum', () => {
    // 1680 元 = 84 % of 2000.
    const result = computeBalance([atMinimum(1680)]);
    expect(result.schools[0]).toMatchObject({ met: 6, pass: false, below: ['equipmentValue'] });
    expect(result.schools[0]!.misses).toEqual([
      { key: 'equipmentValue', value: 1680, minimum: 2000, share: 0.84 },
    ]);
    expect(result.pass).toBe(false);
  });

  it('passes with the seventh at 86 %', () => {
    // 1720 元 = 86 % of 2000; a single school has no spread, every CV 0.
    const result = computeBalance([atMinimum(1720)]);
    expect(result.schools[0]).toMatchObject({ met: 6, pass: true, below: ['equipmentValue'] });
    expect(result.schools[0]!.misses[0]!.share).toBeCloseTo(0.86, 10);
    expect(result.blockers).toEqual([]);
    expect(result.pass).toBe(true);
  });

  it('passes at exactly 85 % and at every minimum exactly (4.2 teachers per 100 is 4.2)', () => {
    expect(computeBalance([atMinimum(1700)]).schools[0]).toMatchObject({ met: 6, pass: true });
    expect(computeBalance([atMinimum(2000)]).schools[0]).toMatchObject({ met: 7, pass: true, below: [] });
    // 21 teachers for 500 pupils: 4.2 per 100, the minimum.
    const five = school('城南小学', 'primary', 500, { ...atMinimum(2000).raw, teachersAboveDegree: 21 });
    expect(computeBalance([five]).schools[0]!.below).not.toContain('teachersAboveDegree');
  });

  it('fails with two indicators missed even at 90 %', () => {
    const row = atMinimum(1800);
    row.raw.buildingArea = 405; // 4.05 ㎡ = 90 % of 4.5
    expect(computeBalance([row]).schools[0]).toMatchObject({ met: 5, pass: false });
  });
});

describe('computeBalance: CV at the threshold and without a mean', () => {
  it('passes a CV of exactly 0.50 for 小学', () => {
    // 体育运动场馆 1 and 3 ㎡ per pupil, 100 pupils each: X̄ = 2, S = √((100×1 + 100×1)/200) = 1, CV = 0.5.
    const rows = [
      school('甲小学', 'primary', 100, evenRaw(100, { sportsArea: 100 })),
      school('乙小学', 'primary', 100, evenRaw(100, { sportsArea: 300 })),
    ];
    const sports = indicator(computeBalance(rows), '小学', 'sportsArea');
    expect(sports).toMatchObject({ cv: 0.5, pass: true, over: 0 });
  });

  it('does not pass an indicator nobody has, and says why', () => {
    const rows = [
      school('甲中学', 'junior', 100, evenRaw(100, { backboneTeachers: 0 })),
      school('乙中学', 'junior', 200, evenRaw(200, { backboneTeachers: 0 })),
    ];
    const result = computeBalance(rows);
    expect(indicator(result, '初中', 'backboneTeachers')).toMatchObject({ mean: 0, cv: null, pass: false });
    expect(result.blockers.map((b) => b.text)).toEqual([
      '初中县级及以上骨干教师数全部学校均为0，无法计算差异系数',
    ]);
  });
});

describe('computeBalance: schools left out', () => {
  const base = [
    school('城关小学', 'primary', 400, evenRaw(400)),
    school('河口小学', 'primary', 300, evenRaw(300, { buildingArea: 300 * 8 })),
  ];

  it('leaves out a 教学点 of 30 pupils and keeps one of 60', () => {
    const small = school('长岭村教学点', 'primary', 30, evenRaw(30, { buildingArea: 30 * 20 }));
    const large = school('枫桥村教学点', 'primary', 60, evenRaw(60, { buildingArea: 60 * 3 }));
    const result = computeBalance([...base, small, large]);
    expect(result.excluded).toEqual([
      {
        name: '长岭村教学点',
        stage: '小学',
        pupils: 30,
        reason: '教学点学生30人，不足50人，不纳入资源配置评估',
      },
    ]);
    expect(result.schools.map((s) => s.name)).toEqual(['城关小学', '河口小学', '枫桥村教学点']);
    expect(result.stages[0]).toMatchObject({ schools: 3, pupils: 760 });
    // The small point's 20 ㎡ per pupil weighs nothing: the CV is that of the other three.
    expect(indicator(result, '小学', 'buildingArea').cv).toBe(
      indicator(computeBalance([...base, large]), '小学', 'buildingArea').cv,
    );
  });

  it('leaves out special-education schools, and a stage with no school left is omitted', () => {
    const result = computeBalance([
      ...base,
      school('云溪区特殊教育学校', 'junior', 80, evenRaw(80)),
      school('云溪区培智学校', 'primary', 120, evenRaw(120)),
    ]);
    expect(result.excluded.map((e) => [e.name, e.reason])).toEqual([
      ['云溪区特殊教育学校', '名称含“特殊教育”，按特殊教育学校不纳入资源配置评估'],
      ['云溪区培智学校', '名称含“培智”，按特殊教育学校不纳入资源配置评估'],
    ]);
    expect(result.stages.map((s) => s.stage)).toEqual(['小学']);
    expect(result.schools).toHaveLength(2);
  });

  it('refuses a row without pupils', () => {
    expect(() => computeBalance([school('空小学', 'primary', 0, evenRaw(1))])).toThrow(Error);
  });
});

describe('applyWhatIf', () => {
  const rows = [school('城关小学', 'primary', 400, evenRaw(400, { backboneTeachers: 5 }))];

  it('changes pupils and adds up several changes to one row', () => {
    const changed = applyWhatIf(rows, [
      { name: '城关小学', stage: 'primary', key: 'pupils', delta: 100 },
      { name: ' 城关小学 ', stage: 'primary', key: 'backboneTeachers', delta: 2 },
      { name: '城关小学', stage: 'primary', key: 'backboneTeachers', delta: -1 },
    ]);
    expect(changed[0]!.pupils).toBe(500);
    expect(changed[0]!.raw.backboneTeachers).toBe(6);
    expect(rows[0]!.pupils).toBe(400);
  });

  it('refuses a school that is not there, a figure below 0 and pupils of 0, in Chinese', () => {
    const attempt = (change: Parameters<typeof applyWhatIf>[1][number]) => {
      try {
        applyWhatIf(rows, [change]);
      } catch (error) {
        if (isAppError(error, 'INVALID_INPUT')) return error.message;
        throw error;
      }
      return 'no error';
    };
    expect(attempt({ name: '城关小学', stage: 'junior', key: 'backboneTeachers', delta: 1 })).toBe(
      '没有“城关小学”（初中）的数据，请检查学校名称和学段。',
    );
    expect(attempt({ name: '城关小学', stage: 'primary', key: 'backboneTeachers', delta: -6 })).toBe(
      '调整后“城关小学”（小学）的县级及以上骨干教师数为-1人，不能小于0。',
    );
    expect(attempt({ name: '城关小学', stage: 'primary', key: 'pupils', delta: -400 })).toBe(
      '调整后“城关小学”（小学）的学生数为0人，应大于0。',
    );
    expect(attempt({ name: '城关小学', stage: 'primary', key: 'backboneTeachers', delta: 0.5 })).toBe(
      '县级及以上骨干教师数的增减应为整数。',
    );
  });
});
