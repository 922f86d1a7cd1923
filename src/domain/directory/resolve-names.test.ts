import { describe, expect, it } from 'vitest';
import { closeness, resolveName, similarNamePairs, type UnitDirectory } from './resolve-names.ts';

const directory: UnitDirectory = {
  units: [
    { id: 1, name: '纪检监察室' },
    { id: 2, name: '教育股' },
    { id: 3, name: '基础教育股' },
    { id: 4, name: '办公室' },
  ],
  aliases: [{ unitId: 4, alias: '局办', unitName: '办公室' }],
};

describe('resolveName', () => {
  it('matches a unit name exactly, then an alias', () => {
    expect(resolveName('教育股', directory)).toEqual({ name: '教育股', unitId: 2, via: 'name' });
    expect(resolveName('局办', directory)).toEqual({ name: '局办', unitId: 4, via: 'alias' });
  });

  it('suggests the unit a shorthand abbreviates', () => {
    const result = resolveName('纪监室', directory);
    expect(result.unitId).toBeNull();
    expect(result.suggestion).toMatchObject({ unitId: 1, name: '纪检监察室' });
    expect(result.suggestion?.why).toContain('简称');
  });

  it('suggests a name one character away, or one containing the other', () => {
    expect(resolveName('体育股', directory).suggestion).toMatchObject({
      unitId: 2,
      why: expect.stringContaining('一个字'),
    });
    expect(resolveName('办公室（党建）', directory).suggestion).toMatchObject({ unitId: 4 });
  });

  it('offers nothing for an unrelated name', () => {
    expect(resolveName('招考办', directory)).toEqual({ name: '招考办', unitId: null });
  });
});

describe('closeness', () => {
  it('ranks shorthand before one-character and containment, and ignores one-character names', () => {
    expect(closeness('纪监室', '纪检监察室')).toBe(0);
    expect(closeness('人事股', '人事室')).toBe(1);
    expect(closeness('教育股', '基础教育股')).toBe(2);
    expect(closeness('股', '人事股')).toBeNull();
  });
});

describe('similarNamePairs', () => {
  const yunxiNames = ['办公室', '纪监室', '教育股', '体育股', '基础教育股', '纪检监察室', '计财股'];

  it('pairs a shorthand with the full name among one notice’s unknown names', () => {
    expect(similarNamePairs(yunxiNames, yunxiNames)).toEqual([
      { name: '纪监室', other: '纪检监察室', why: '“纪监室”是“纪检监察室”的简称（字序一致）' },
    ]);
  });

  it('leaves names a character apart or one inside the other alone: in one notice they are different units', () => {
    expect(similarNamePairs(['教育股', '体育股', '基础教育股'], ['教育股', '体育股', '基础教育股'])).toEqual(
      [],
    );
    expect(similarNamePairs(['室'], ['室办室'])).toEqual([]);
  });
});
