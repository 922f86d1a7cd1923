import { expect, it } from 'vitest';
import { seedBulletinMonth } from '../../../test/support/bulletin-fixture.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { createBulletin, regenerateBulletin } from './create-bulletin.ts';
import { editBulletin } from './edit-bulletin.ts';
import { getBulletin } from './list-bulletins.ts';

describeEachDatabase('createBulletin (工作通报 draft)', (current) => {
  it('writes May from the data: progress, lights by section, completed, lagging, ranking, June', async () => {
    const f = await seedBulletinMonth(current());
    const supervisor = f.as(f.actors.supervisor);
    const created = await createBulletin(supervisor, { planId: f.planId, month: '2024-05' });
    expect(created).toMatchObject({ revision: 1, version: 1 });
    const { content, state, asOf, canEdit } = await getBulletin(supervisor, created.id);
    expect({ state, asOf, canEdit }).toEqual({ state: 'draft', asOf: '2024-05-31', canEdit: true });
    expect(content).toMatchObject({
      title: '2024年5月工作要点落实情况通报',
      subtitle: '（2024年第5期）',
      issuer: '岳阳市云溪区教育体育局',
      signedOn: '2024-06-03',
    });
    expect(content.sections.map((s) => s.heading)).toEqual([
      '一、总体进展',
      '二、各部分推进情况',
      '三、本月完成事项',
      '四、滞后事项',
      '五、各股室进展排名',
      '六、下月到期事项',
    ]);
    const [overall, bySection, completed, lagging, ranking, next] = content.sections;
    expect(overall?.text).toContain(
      '截至2024年5月31日，《云溪区2024年教育体育工作要点》3项要点共分解为4项任务',
    );
    expect(overall?.text).toContain('已办结1项，红灯2项');
    // May's reports: 办公室 on time; 人事股 and 行政审批股 (twice) filed nothing.
    expect(overall?.text).toContain('本月应报送工作进展4份，按时报送1份，逾期报送0份，未报送3份');
    expect(bySection?.parts).toEqual([
      {
        heading: '（一）聚焦党建引领，落实党对教体工作的全面领导',
        // Item 1 owes March–May (none accepted: 0 %), item 3 is done (100 %), item 2 owes nothing
        // yet (its tasks fall due later) and is left out: (0 + 1) / 2 = 50 %.
        text: '本部分共3项要点，完成进度50%，总体为红灯：已办结1项，红灯2项。',
      },
    ]);
    expect(completed?.text).toContain('第3项要点“完善教育系统人事管理制度”各项任务均已办结（5月15日）');
    // Lagging items name their reason, leader and units; the red tasks are the table.
    expect(lagging?.text).toContain('第1项要点“深入学习贯彻党的二十大精神”（红灯）');
    expect(lagging?.text).toContain('责任领导：陈玲玲；责任单位：办公室、行政审批股');
    expect(lagging?.table?.columns).toEqual([
      '序号',
      '要点',
      '任务',
      '逾期事项',
      '责任单位',
      '应完成日期',
      '逾期天数',
    ]);
    // One row per overdue thing, its days counted from the date beside it (as of 2024-05-31).
    expect(lagging?.table?.rows.map((r) => r.slice(2))).toEqual([
      ['坚持每月开展党委理论中心组学习', '3–5月报告', '行政审批股', '3月25日', '67'],
      ['建立党组织领导的校长负责制', '3–5月报告', '人事股', '3月25日', '67'],
      ['制订基层党组织书记述职评议方案', '3–5月报告', '行政审批股', '3月25日', '67'],
      ['坚持每月开展党委理论中心组学习', '每月开展党委理论中心组学习', '办公室、行政审批股', '3月31日', '61'],
    ]);
    // 办公室 reported every month on time: first; the two that never reported follow (0 % on time),
    // placed by progress. The 名次 column is the dashboard's shared rank, and the text states the
    // tie-break: equal on both would share a place, only listed by name.
    expect(ranking?.text).toContain(
      '按时报送率相同者按任务平均进度排列；两项均相同者名次并列，按单位名称排列',
    );
    expect(ranking?.table?.rows.map((r) => [r[0], r[1], r[3], r[4], r[7]])).toEqual([
      ['1', '办公室', '3', '3', '100%'],
      ['2', '人事股', '5', '0', '0%'],
      ['3', '行政审批股', '6', '0', '0%'],
    ]);
    expect(next?.text).toContain(
      '第2项要点中“制订基层党组织书记述职评议方案”（行政审批股）：应于6月28日前完成',
    );
    // 25 June 2024 is a Tuesday: the reporting rule's due day stays.
    expect(next?.text).toContain('各单位请于6月25日前报送工作进展');
  });

  it('keeps one draft per month; edits are versioned; regenerating restores the words from the data', async () => {
    const f = await seedBulletinMonth(current());
    const supervisor = f.as(f.actors.supervisor);
    const { id } = await createBulletin(supervisor, { planId: f.planId, month: '2024-05' });
    await expect(createBulletin(supervisor, { planId: f.planId, month: '2024-05' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '2024年5月的通报草稿已存在，请打开草稿继续编辑，或在草稿中重新生成。',
    });
    const draft = await getBulletin(supervisor, id);
    const edit = {
      version: 1,
      title: '2024年5月工作要点落实情况通报',
      subtitle: '（2024年第5期）',
      intro: '五月以来，各单位认真落实工作要点。',
      sections: draft.content.sections.map((s) => ({
        key: s.key,
        text: s.key === 'completed' ? '人事股修订完成教职工考勤管理办法。' : s.text,
        parts: s.parts.map((p) => p.text),
        after: s.after,
      })),
      closing: draft.content.closing,
      issuer: '云溪区教育体育局办公室',
    };
    expect(await editBulletin(supervisor, id, edit)).toEqual({ id, version: 2 });
    await expect(editBulletin(supervisor, id, edit)).rejects.toMatchObject({ code: 'CONFLICT' });
    const edited = await getBulletin(supervisor, id);
    expect(edited.content.intro).toBe('五月以来，各单位认真落实工作要点。');
    expect(edited.content.issuer).toBe('云溪区教育体育局办公室');
    expect(edited.content.sections[2]?.text).toBe('人事股修订完成教职工考勤管理办法。');
    // Tables are facts: an edit keeps them as generated.
    expect(edited.content.sections[3]?.table).toEqual(draft.content.sections[3]?.table);
    // An edit whose sections do not match the draft's is refused.
    await expect(
      editBulletin(supervisor, id, { ...edit, version: 2, sections: edit.sections.slice(1) }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'sections' } });

    expect(await regenerateBulletin(supervisor, { bulletinId: id, version: 2 })).toMatchObject({
      version: 3,
    });
    expect((await getBulletin(supervisor, id)).content.intro).toBe(draft.content.intro);
  });

  it('refuses months it cannot report on and users who do not write bulletins', async () => {
    const f = await seedBulletinMonth(current());
    const supervisor = f.as(f.actors.supervisor);
    await expect(createBulletin(supervisor, { planId: f.planId, month: '2024-07' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '2024年7月尚未开始，不能生成该月的工作通报。',
    });
    await expect(createBulletin(supervisor, { planId: f.planId, month: '2023-12' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '只能为2024年度的月份生成通报，请重新选择月份。',
    });
    await expect(createBulletin(supervisor, { planId: 9999, month: '2024-05' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    for (const actor of [f.actors.office, f.actors.leader, f.actors.viewer]) {
      await expect(createBulletin(f.as(actor), { planId: f.planId, month: '2024-05' })).rejects.toMatchObject(
        {
          code: 'FORBIDDEN',
          message: '只有本单位的督办人员可以生成、修改和签发工作通报。',
        },
      );
    }
    // June has begun on 3 June: its draft is as of today.
    const june = await createBulletin(f.as(f.actors.admin), { planId: f.planId, month: '2024-06' });
    expect((await getBulletin(supervisor, june.id)).asOf).toBe('2024-06-03');
    expect(await current().db.selectFrom('bulletins').select('id').execute()).toHaveLength(1);
  });
});
