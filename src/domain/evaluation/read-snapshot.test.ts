import { describe, expect, it } from 'vitest';
import { readSnapshot } from './read-snapshot.ts';

describe('readSnapshot', () => {
  it('reads a snapshot locked before issue 13 with the new fields filled in, its words unchanged', () => {
    const line = { kind: 'total', text: '总分：36.00 + 15.63 + 10.71 = 62.34', points: 62.34 };
    const old = {
      planId: 1,
      planTitle: '工作要点',
      year: 2024,
      organizationName: '教育局',
      asOf: '2024-07-10',
      rubric: { completion: 60, timeliness: 25, quality: 15, bonusCap: 5, penaltyCap: 10 },
      adjustments: [],
      departments: [
        {
          unitId: 1,
          unitName: '办公室',
          unitKind: 'department',
          ranked: true,
          rank: 1,
          total: 62.34,
          completion: { achieved: 3, expected: 5, points: 36 },
          timeliness: { onTime: 5, due: 8, points: 15.63 },
          quality: { clean: 5, filed: 7, points: 10.71 },
          bonus: 0,
          penalty: 0,
          lines: [line],
        },
        {
          unitId: 2,
          unitName: '财务股',
          unitKind: 'department',
          ranked: false,
          rank: null,
          total: null,
          completion: { achieved: 0, expected: 0, points: 0 },
          timeliness: { onTime: 0, due: 0, points: 0 },
          quality: { clean: 0, filed: 0, points: 0 },
          bonus: 0,
          penalty: 0,
          lines: [{ kind: 'total', text: '无考核任务，不参加排名', points: 0 }],
        },
      ],
      schools: [],
      definitions: ['审核质量 = 未被退回 / 已报送'],
    };
    const read = readSnapshot(JSON.stringify(old));
    expect(read.departments[0]).toMatchObject({
      unranked: null,
      silent: false,
      assessedWeight: 100,
      quality: { accepted: 5, reviewed: 7, filed: 7, points: 10.71 },
      lines: [line],
    });
    expect(read.departments[1]).toMatchObject({ unranked: 'noTasks', assessedWeight: null });
    expect(read.definitions).toEqual(['审核质量 = 未被退回 / 已报送']);
    // A current snapshot is read as stored.
    expect(readSnapshot(JSON.stringify(read))).toEqual(read);
  });
});
