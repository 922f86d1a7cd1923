import { describe, expect, it } from 'vitest';
import { findIndicators } from './indicators.ts';
import type { ParsedIndicator } from './types.ts';

const one = (body: string): ParsedIndicator => {
  const found = findIndicators(body, 2024);
  expect(found).toHaveLength(1);
  return found[0] as ParsedIndicator;
};

describe('counts', () => {
  it.each([
    ['全年不少于两次', 2],
    ['每年开展不少于十二次', 12],
    ['全年不少于二十次', 20],
    ['不少于一百零五次', 105],
    ['全年組織集中學習十二次以上', 12],
  ])('reads the Chinese numeral in %s', (body, min) => {
    expect(one(body)).toMatchObject({ kind: 'count', min });
  });

  it.each([
    ['随机抽取2-3个基建维修项目进行专项审计', 2, 3],
    ['随机抽取２～３个项目', 2, 3],
    ['抽查两到三所学校', 2, 3],
    ['每学期开展两三次教研', 2, 3],
  ])('reads the range in %s', (body, min, max) => {
    expect(one(body)).toMatchObject({ kind: 'count', min, max });
  });

  it('stops the object before what is done with it', () => {
    expect(one('随机抽取2-3个基建维修项目进行专项审计').text).toBe('随机抽取2-3个基建维修项目');
  });

  it('keeps the clause subject and a trailing 以上', () => {
    const body = '严格落实局党组“第一议题”制度，全年组织党组理论学习中心组集中学习12次以上，实现全覆盖。';
    expect(one(body)).toMatchObject({
      text: '全年组织党组理论学习中心组集中学习12次以上',
      min: 12,
      per: 'year',
    });
  });

  it('gives only a maximum for 不超过', () => {
    const found = one('全年检查不超过3次');
    expect(found.max).toBe(3);
    expect(found.min).toBeUndefined();
  });

  it.each([
    ['每学期组织跨学段集体备课不少于4次', 'term'],
    ['每季度召开不少于1次调度会', 'quarter'],
    ['每月开展2次巡查', 'month'],
    ['每周开展1次升旗仪式', 'week'],
    ['集中学法机关干部全年不少于两次', 'year'],
    ['研究开展意识形态风险研判不少于2次', 'year'],
  ])('reads the period of %s (unstated means the plan year)', (body, per) => {
    expect(one(body)).toMatchObject({ kind: 'count', per });
  });

  it('takes a count with a period over the bare recurring promise', () => {
    expect(findIndicators('每学期举办一次家长会。', 2024)).toEqual([
      { kind: 'count', text: '每学期举办一次家长会', span: [0, 10], min: 1, per: 'term' },
    ]);
  });

  it('reads through stray spaces and full-width digits, keeping the text as written', () => {
    const found = one('研究统战工作不少于 2 次');
    expect(found).toMatchObject({ text: '研究统战工作不少于 2 次', min: 2 });
    expect(one('研究统战工作不少于２次').min).toBe(2);
  });

  it.each([
    '落实中小学生每天校园体育活动不少于2小时',
    '新建健身步道12公里',
    '3个月内完成整改',
    '儿童青少年总体近视率下降1个百分点',
    '召开第2次推进会议',
    '按照“一人一策”做好精准控辍保学工作',
    '打造一批“行走的思政课”现场教学点',
    '坚持“三集中三到位”改革',
    '在2024年完成',
  ])('does not count durations, measures, ordinals or set phrases: %s', (body) => {
    expect(findIndicators(body, 2024).filter((i) => i.kind === 'count')).toEqual([]);
  });

  it('reads 三个100% as a percent, not a count', () => {
    expect(one('专职保安、“一键式”报警和视频监控三个100%达标')).toMatchObject({
      kind: 'percent',
      value: 100,
    });
  });
});

describe('counts of built things are projects', () => {
  it.each([
    ['新建2所公办幼儿园', 2],
    ['新建农村公办幼儿园2所', 2],
    ['新建改扩建中小学、幼儿园5所', 5],
    ['完成5所乡镇寄宿制学校宿舍和食堂改造', 5],
  ])('%s', (body, min) => {
    expect(one(body)).toEqual({ kind: 'project', text: body, span: [0, body.length], min });
  });

  it('keeps the measure out: 运动场8片 is a project, 步道12公里 nothing', () => {
    expect(one('新建社区多功能运动场8片、健身步道12公里')).toMatchObject({
      text: '新建社区多功能运动场8片',
      min: 8,
    });
  });

  it.each(['新增学位2700个', '组建3个区级思政课名师工作室', '共建实训基地3个'])(
    '%s stays a count',
    (body) => {
      expect(one(body).kind).toBe('count');
    },
  );
});
