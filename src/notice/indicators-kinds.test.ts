import { describe, expect, it } from 'vitest';
import { findIndicators } from './indicators.ts';

const kinds = (body: string) => findIndicators(body, 2024).map((i) => [i.kind, i.text]);

describe('recurring', () => {
  it.each([
    ['坚持每月开展党委理论中心组学习，', '每月开展党委理论中心组学习', 'month'],
    ['每个月召开调度会议。', '每个月召开调度会议', 'month'],
    ['于每季度末报送推进情况。', '每季度末报送推进情况', 'quarter'],
    ['每學期開展家访、', '每學期開展家访', 'term'],
    ['每年开展教师体检；', '每年开展教师体检', 'year'],
    ['每周组织升旗仪式', '每周组织升旗仪式', 'week'],
    ['每星期检查一遍', '每星期检查一遍', 'week'],
  ])('%s', (body, text, per) => {
    expect(findIndicators(body, 2024)).toMatchObject([{ kind: 'recurring', text, per }]);
  });

  it.each(['每所学校配备一名心理教师', '每个学校都要建立台账', '每天锻炼一小时', '每年级设一名组长'])(
    'skips 每 without a period: %s',
    (body) => {
      expect(findIndicators(body, 2024).filter((i) => i.kind === 'recurring')).toEqual([]);
    },
  );
});

describe('deliverables', () => {
  it.each([
    [
      '制订《中小幼学生食堂管理实施细则》，加大整治力度',
      '制订《中小幼学生食堂管理实施细则》',
      '中小幼学生食堂管理实施细则',
    ],
    [
      '制订下发云溪区师德师风建设实施方案,按照正面清单',
      '制订下发云溪区师德师风建设实施方案',
      '云溪区师德师风建设实施方案',
    ],
    ['印发学校安全工作行事历，明确任务', '印发学校安全工作行事历', '学校安全工作行事历'],
    ['制定并印发校外培训监管办法。', '制定并印发校外培训监管办法', '校外培训监管办法'],
    ['製訂《課後服務指南》', '製訂《課後服務指南》', '課後服務指南'],
    ['出台 教师 减负 清单', '出台 教师 减负 清单', '教师减负清单'],
  ])('%s', (body, text, name) => {
    expect(findIndicators(body, 2024)).toMatchObject([{ kind: 'deliverable', text, name }]);
  });

  it.each([
    '继续贯彻落实《关于建立中小学校党组织领导的校长负责制的意见（试行）》文件精神',
    '开展《宪法》及相关法律法规学习',
    '认真落实省厅印发的《中小学教师减负清单》要求',
    '按学科和教师工作量核算学校教师编制，控制学校教辅岗位和职数',
    '已印发《学校安全工作行事历》',
    '探索完善普惠性幼儿园奖补办法',
  ])('is not a deliverable: %s', (body) => {
    expect(findIndicators(body, 2024).filter((i) => i.kind === 'deliverable')).toEqual([]);
  });
});

describe('events', () => {
  it.each([
    ['举办校园科技节，提升水平', '举办校园科技节'],
    ['舉辦中小學生阳光体育运动会', '舉辦中小學生阳光体育运动会'],
    ['及时召开教育教学质量讲评会。', '召开教育教学质量讲评会'],
    ['组织开展全区性大众运动会，', '组织开展全区性大众运动会'],
    ['坚持开展班主任论坛活动。', '开展班主任论坛活动'],
    ['组织开展学科研讨活动、“云梦杯”课堂教学竞赛。', '“云梦杯”课堂教学竞赛'],
    ['开展中小学生田径、游泳比赛', '开展中小学生田径、游泳比赛'],
  ])('%s', (body, text) => {
    expect(kinds(body)).toEqual([['event', text]]);
  });

  it('splits a list into its named events and drops the trailing 等', () => {
    expect(kinds('开展大课间评比活动、建区40周年暨第五届中小幼学生艺术节等。')).toEqual([
      ['event', '开展大课间评比活动'],
      ['event', '建区40周年暨第五届中小幼学生艺术节'],
    ]);
  });

  it.each([
    '坚持开展师生读书活动',
    '组织开展业务培训。',
    '开展违规补课等不正之风的专项整治',
    '认真组队参加各类赛事活动',
    '依法推进市民服务热线承办工作',
    '在区直中小学校建立党组织领导的校长负责制',
  ])('everyday 开展/组织 without a named happening is no event: %s', (body) => {
    expect(kinds(body)).toEqual([]);
  });
});

describe('projects', () => {
  it('names each work of a list, sharing the clause verb', () => {
    const body =
      '有序推进教育体育系统工程规划建设，完成云溪小学改扩建工程、文桥中心小学教职工周转房项目和岳化二小食堂、活动中心及教职工周转房等项目建设。';
    expect(kinds(body)).toEqual([
      ['project', '完成云溪小学改扩建工程'],
      ['project', '文桥中心小学教职工周转房项目'],
      ['project', '岳化二小食堂、活动中心及教职工周转房等项目建设'],
    ]);
  });

  it.each(['实施青蓝工程，', '持续实施“童升工程”，', '优化拓展学校艺体项目布局', '探索辅导项目特色化'])(
    'programmes and other uses of 工程/项目 are not building works: %s',
    (body) => {
      expect(kinds(body)).toEqual([]);
    },
  );
});

describe('percents', () => {
  it.each([
    ['全区家长学校办学覆盖率达到100%。', '全区家长学校办学覆盖率达到100%', 100],
    ['优良率提高至95%，', '优良率提高至95%', 95],
    ['学生体质健康测试合格率达到93%以上。', '学生体质健康测试合格率达到93%以上', 93],
    ['新建步道12公里，经常参加体育锻炼人数比例达到38.5%。', '经常参加体育锻炼人数比例达到38.5%', 38.5],
    ['接种率达到９０％以上', '接种率达到９０％以上', 90],
    ['满意率达到百分之九十五', '满意率达到百分之九十五', 95],
  ])('%s', (body, text, value) => {
    expect(findIndicators(body, 2024)).toMatchObject([{ kind: 'percent', text, value }]);
  });

  it('a change in percentage points is not a target value', () => {
    expect(kinds('儿童青少年总体近视率下降1个百分点')).toEqual([]);
  });
});
