import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  countyRows,
  type LinkedRoundFixture,
  seedLinkedRound,
} from '../../../test/support/linked-round-fixture.ts';
import type { BalanceResult, BalanceSchoolInput } from '../../shared/balance.ts';
import type { BulletinDetail } from '../../shared/bulletins.ts';
import { computeBalance } from '../balance/compute-balance.ts';
import { balanceSection } from './balance-section.ts';

// The bulletin's 义务教育优质均衡监测 section (issue 16): the latest seven-indicator round locked by
// the month's end, with the monitor's figures on the same accepted rows; none before any round.

describeEachDatabase('the bulletin section 义务教育优质均衡监测', (current) => {
  let f: LinkedRoundFixture;
  beforeEach(async () => {
    f = await seedLinkedRound(current());
  });
  afterEach(() => f.app.close());

  const bulletinOf = async (month: string) => {
    const created = await f.post(f.supervisor, '/api/bulletins', { planId: f.planId, month });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    return { id, detail: (await f.get(f.supervisor, `/api/bulletins/${id}`)).json<BulletinDetail>() };
  };

  it('reports the round locked in October with the monitor figures, and nothing in September', async () => {
    const round = await f.openRound('2024年秋季学期');
    await f.importCounty(round.id);
    // Before the lock, October has no section: an open round is not yet a result to report.
    const draft = await bulletinOf('2024-10');
    expect(draft.detail.content.sections.map((s) => s.key)).not.toContain('balance');
    await f.lock(round.id);
    const { result } = (await f.get(f.viewer, `/api/balance/rounds/${round.id}/monitor`)).json<{
      result: BalanceResult;
    }>();

    // September ended before the round was locked (20 October): no section, headings as before.
    const september = (await bulletinOf('2024-09')).detail.content;
    expect(september.sections.map((s) => s.heading)).toEqual([
      '一、总体进展',
      '二、各部分推进情况',
      '三、本月完成事项',
      '四、滞后事项',
      '五、各股室进展排名',
      '六、下月到期事项',
    ]);

    // October's draft, regenerated from today's data, has the section before next month's work.
    const regenerated = await f.post(f.supervisor, `/api/bulletins/${draft.id}/regenerate`, {
      version: draft.detail.version,
    });
    expect(regenerated.statusCode, regenerated.body).toBe(200);
    const october = (await f.get(f.supervisor, `/api/bulletins/${draft.id}`)).json<BulletinDetail>().content;
    expect(october.sections.map((s) => s.heading).slice(5)).toEqual([
      '六、义务教育优质均衡监测',
      '七、下月到期事项',
    ]);
    const section = october.sections.find((s) => s.key === 'balance');
    const text = section?.text ?? '';
    expect(text).toContain('2024年秋季学期义务教育优质均衡资源配置数据已于10月20日锁定');
    expect(text).toContain('经审核纳入计算的学校数据7条');
    expect(text).toContain('1. 小学4所学校，七项指标中7项差异系数在0.50以内，均达到要求。');
    expect(text).toContain('2. 初中3所学校，七项指标中6项差异系数在0.45以内，未全部达到要求。');
    // The blockers are the monitor's own words.
    expect(result.blockers.map((b) => b.text)).toEqual(['初中体育运动场馆面积差异系数0.58，超出0.13']);
    expect(text).toContain(`3. 未达到要求的差异系数：${result.blockers[0]?.text}。`);
    // 城关初中: 3000 ㎡ for 600 pupils = 5 ㎡ per pupil, 49 % of 10.2.
    expect(text).toContain(
      '4. 1个学校（学段）资源配置未达到要求：城关初中（初中，6项达标）：体育运动场馆5㎡/生（标准10.2，49%）。',
    );
    // The table: each stage's seven indicators with the monitor's means and CVs (three decimals, as shown there).
    expect(section?.table?.columns).toEqual(['学段', '指标', '校际均值', '差异系数', '标准', '结论']);
    expect(section?.table?.rows.map((r) => [r[0], r[1], r[3], r[5]])).toEqual(
      result.stages.flatMap((s) =>
        s.indicators.map((i) => [s.stage, i.name, i.cv?.toFixed(3), i.pass ? '达标' : '未达标']),
      ),
    );
    expect(section?.table?.rows.find((r) => r[0] === '初中' && r[1] === '生均体育运动场馆面积')).toEqual([
      '初中',
      '生均体育运动场馆面积',
      '11.25㎡/生',
      '0.577',
      '≤0.45',
      '未达标',
    ]);
    expect(section?.after).toContain('研究改进措施');

    // The supervisor may edit the words before issuing; the table stays as computed.
    const current = (await f.get(f.supervisor, `/api/bulletins/${draft.id}`)).json<BulletinDetail>();
    const edited = await f.app.inject({
      method: 'PUT',
      url: `/api/bulletins/${draft.id}`,
      headers: f.supervisor.headers,
      payload: {
        version: current.version,
        title: current.content.title,
        subtitle: current.content.subtitle,
        intro: current.content.intro,
        sections: current.content.sections.map((s) => ({
          key: s.key,
          text: s.key === 'balance' ? `${s.text}\n督导室将于11月底前组织复核。` : s.text,
          parts: s.parts.map((p) => p.text),
          after: s.after,
        })),
        closing: current.content.closing,
        issuer: current.content.issuer,
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const saved = (await f.get(f.supervisor, `/api/bulletins/${draft.id}`)).json<BulletinDetail>().content;
    const savedSection = saved.sections.find((s) => s.key === 'balance');
    expect(savedSection?.text.endsWith('督导室将于11月底前组织复核。')).toBe(true);
    expect(savedSection?.table).toEqual(section?.table);

    // The printed .docx carries the section, the edit and the table.
    const docx = await f.get(f.supervisor, `/api/bulletins/${draft.id}/docx`);
    expect(docx.statusCode).toBe(200);
    const xml = strFromU8(
      unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] ?? new Uint8Array(),
    );
    expect(xml).toContain('六、义务教育优质均衡监测');
    expect(xml).toContain('督导室将于11月底前组织复核。');
    expect(xml).toContain('0.577');
  });
});

describe('balanceSection (pure)', () => {
  const county = countyRows();
  const facts = (rows: BalanceSchoolInput[]) => ({
    roundName: '2025年春季学期',
    lockedOn: '2025-04-30',
    rows: rows.length,
    result: computeBalance(rows),
  });

  it('names at most ten failing schools and counts the rest', () => {
    // Twelve more 初中 like 香口初中 (300 pupils) but without a backbone teacher (0 of 1 per hundred: 0 %).
    const like = county[5] as BalanceSchoolInput;
    const failing = Array.from({ length: 12 }, (_, n) => ({
      ...like,
      name: `第${n + 1}初中`,
      raw: { ...like.raw, backboneTeachers: 0 },
    }));
    const section = balanceSection(facts([...county, ...failing]));
    // 城关初中 first (as the monitor lists the schools), then nine of the twelve; the rest counted.
    expect(section.text).toContain(
      '13个学校（学段）资源配置未达到要求：城关初中（初中，6项达标）：体育运动场馆5㎡/生（标准10.2，49%）；' +
        '第1初中（初中，6项达标）：骨干教师0人/百生（标准1，0%）；',
    );
    expect(section.text).toContain('第9初中（初中，6项达标）：骨干教师0人/百生（标准1，0%）等13个。');
    expect(section.text).not.toContain('第10初中');
  });

  it('says so when every stage and school meets the requirements', () => {
    const passing = county.map((row) => ({ ...row, raw: { ...row.raw, sportsArea: row.pupils * 12 } }));
    const section = balanceSection(facts(passing));
    expect(section.text).toContain('各学段七项指标差异系数均达到要求。');
    expect(section.text).toContain('各学校资源配置均达到要求。');
    expect(section.after).toBe('');
  });
});
