import { describe, expect, it } from 'vitest';
import { parseNoticeText } from './parse-notice.ts';
import type { ParsedNotice } from './types.ts';

const TITLE = '青川县教育局2025年工作要点';

function items(notice: ParsedNotice) {
  return notice.sections.flatMap((s) =>
    s.items.map((i) => ({
      section: s.no,
      no: i.no,
      title: i.title,
      leaders: i.leaders,
      departments: i.departments,
    })),
  );
}

function codes(notice: ParsedNotice): string[] {
  return notice.warnings.map((w) => w.code);
}

describe('headings glued into one run of text (a Word file without paragraph breaks)', () => {
  const run =
    '一、加强党的建设1 .加强政治建设。每月组织学习。责任领导：赵建国　责任科室：办公室、组织人事科等' +
    '2 .深化从严治党。每季度开展一次廉政风险排查。责任领导：孙丽华　责任科室：纪检监察室等' +
    '二、推进均衡发展3 .扩大普惠资源。新建公办幼儿园2所。责任领导：钱志强　责任科室：基础教育科、计划财务科等';

  it('cuts items and sections where the numbering continues after a closed note', () => {
    const text = `${TITLE}\n${run}`;
    const notice = parseNoticeText(text);
    expect(items(notice)).toEqual([
      {
        section: 1,
        no: 1,
        title: '加强政治建设',
        leaders: ['赵建国'],
        departments: ['办公室', '组织人事科'],
      },
      { section: 1, no: 2, title: '深化从严治党', leaders: ['孙丽华'], departments: ['纪检监察室'] },
      {
        section: 2,
        no: 3,
        title: '扩大普惠资源',
        leaders: ['钱志强'],
        departments: ['基础教育科', '计划财务科'],
      },
    ]);
    expect(notice.sections.map((s) => s.title)).toEqual(['加强党的建设', '推进均衡发展']);
    expect(codes(notice)).toContain('glued-headings');
    // Positions point at the numbers in the unchanged text.
    const second = notice.sections[0]!.items[1]!;
    expect(text.slice(second.source.start, second.source.start + 3)).toBe('2 .');
    expect(text.slice(notice.sections[1]!.source.start, notice.sections[1]!.source.start + 2)).toBe('二、');
  });

  it('keeps a figure inside an item as text and a number that breaks the sequence as text', () => {
    const text = `${TITLE}\n一、重点工作1 .推进校舍建设。总投资2 .5亿元，新建教学楼。责任领导：赵建国　责任科室：基建办等5 .年内完成验收。`;
    const notice = parseNoticeText(text);
    expect(items(notice).map((i) => i.no)).toEqual([1]);
    expect(notice.sections[0]!.items[0]!.body).toContain('总投资2.5亿元');
  });

  it('reads "3 .5G…" after a closed note as item 3 and says it had to choose', () => {
    const text =
      `${TITLE}\n一、重点工作1 .推进智慧校园。建设平台。责任领导：赵建国　责任科室：信息中心等` +
      '2 .加强网络安全。每月巡检。责任领导：赵建国　责任科室：信息中心等3 .5G校园网络全覆盖。年底前完成。责任领导：吴振华　责任科室：装备站等';
    const notice = parseNoticeText(text);
    expect(items(notice).map((i) => [i.no, i.title])).toEqual([
      [1, '推进智慧校园'],
      [2, '加强网络安全'],
      [3, '5G校园网络全覆盖'],
    ]);
    const guess = notice.warnings.find((w) => w.code === 'glued-number-guess');
    expect(guess?.message).toContain('第3条');
    expect(text.slice(guess!.at, guess!.at + 3)).toBe('3 .');
  });

  it('separates an item that has no note at its sentence end', () => {
    const notice = parseNoticeText(
      `${TITLE}\n一、重点工作1 .推进课堂改革。每学期举办开放周。2 .加强队伍建设。全年培训教师。责任领导：吴振华　责任科室：教师发展中心等`,
    );
    expect(items(notice).map((i) => [i.no, i.leaders])).toEqual([
      [1, []],
      [2, ['吴振华']],
    ]);
    expect(codes(notice)).toContain('item-without-responsibility');
  });
});

describe('numbers inside an item', () => {
  it('keeps a numbered list inside an item in its body, even after a sentence end', () => {
    const notice = parseNoticeText(
      `${TITLE}\n一、重点工作\n1.加强党建。主要措施：1.学习。2.培训。3.考核。（责任领导：王强，责任股室：办公室）\n2.推进廉政建设。开展警示教育。（责任领导：李明，责任股室：纪检监察室）`,
    );
    expect(items(notice).map((i) => [i.no, i.leaders])).toEqual([
      [1, ['王强']],
      [2, ['李明']],
    ]);
    expect(notice.sections[0]!.items[0]!.body).toContain('2.培训');
    expect(codes(notice)).not.toContain('glued-headings');
  });
});

describe('hard-wrapped lines', () => {
  it('reads a label and a name cut by the wrap', () => {
    const notice = parseNoticeText(
      `${TITLE}\n一、重点工作\n1.加强政治建设。每月组织学习。（责任领导：赵建\n国；责任\n股室：办公室、组织人\n事科）\n2.推进从严治党。开展警示教育。（责任领导\n：孙丽华；责任股室：纪检监察室）`,
    );
    expect(items(notice)).toEqual([
      {
        section: 1,
        no: 1,
        title: '加强政治建设',
        leaders: ['赵建国'],
        departments: ['办公室', '组织人事科'],
      },
      { section: 1, no: 2, title: '推进从严治党', leaders: ['孙丽华'], departments: ['纪检监察室'] },
    ]);
  });

  it('keeps a wrapped line that starts like a heading in its item, with a warning', () => {
    const notice = parseNoticeText(
      `${TITLE}\n一、重点工作\n1.推进义务教育优质均衡。完成学区划片工作，重点保障小学\n一、二年级学位供给。（责任领导：钱志强，责任股室：基础教育科）\n二、队伍建设\n2.加强师德师风建设。每学期开展一次专项检查。（责任领导：孙丽华，责任股室：组织人事科）`,
    );
    expect(notice.sections.map((s) => s.title)).toEqual(['重点工作', '队伍建设']);
    expect(items(notice).map((i) => i.leaders)).toEqual([['钱志强'], ['孙丽华']]);
    expect(notice.sections[0]!.items[0]!.body).toContain('一、二年级学位供给');
    expect(codes(notice)).toContain('wrapped-number');
  });

  it('drops the plan title a PDF repeats at the top of every page', () => {
    const notice = parseNoticeText(
      `${TITLE}\n一、重点工作\n1.加强政治建设。每月组织学习。（责任领导：赵建国；责任股室：\n— 2 —\n${TITLE}\n办公室、组织人事科）`,
    );
    expect(items(notice)[0]!.departments).toEqual(['办公室', '组织人事科']);
    expect(notice.sections[0]!.items[0]!.body).not.toContain('2025年工作要点');
  });

  it('cuts a page footer off the line it was printed on', () => {
    const notice = parseNoticeText(
      [
        TITLE,
        '一、重点工作',
        '1.加强政治建设。每月组织学习。（责任领导：王强，责任股室：办公室）— 2 —',
        '- 3 -2.推进学校建设。新建幼儿园2所。（责任领导：李明，责任股室：基建办）',
        '第 4 页 共 9 页3.加强后勤管理。规范食堂。（责任领导：赵刚，责任股室：后勤中心）',
      ].join('\n'),
    );
    expect(items(notice).map((i) => [i.no, i.title, i.departments])).toEqual([
      [1, '加强政治建设', ['办公室']],
      [2, '推进学校建设', ['基建办']],
      [3, '加强后勤管理', ['后勤中心']],
    ]);
    expect(codes(notice)).not.toContain('text-after-note');
  });

  it('skips the links a repost site prints under the article', () => {
    const notice = parseNoticeText(
      `${TITLE}\n一、重点工作\n1.加强政治建设。每月组织学习。（责任领导：赵建国；责任股室：办公室）\n打印 | 关闭\n【收藏】【返回顶部】`,
    );
    expect(codes(notice)).toContain('site-junk-skipped');
    expect(codes(notice)).not.toContain('text-after-note');
  });
});

describe('a notice flattened onto one line', () => {
  it('separates items without notes where a line break became a space', () => {
    const notice = parseNoticeText(
      `${TITLE} 一、重点工作 1.加强党建。覆盖率达到95% 2.推进廉政建设。开展警示教育。（责任领导：李明，责任股室：纪检监察室） 3.推进建设。新建2所`,
    );
    expect(items(notice).map((i) => [i.no, i.title, i.leaders])).toEqual([
      [1, '加强党建', []],
      [2, '推进廉政建设', ['李明']],
      [3, '推进建设', []],
    ]);
  });

  it('removes page footers of every style, including a bare page number that continues the pages', () => {
    const text =
      `${TITLE} 一、重点工作 1.加强政治建设。每月组织学习。（责任领导：赵建国；责任股室：办公室） 2.推进从严治党。开展 — 1 — 警示教育。（责任领导：孙丽华；责任股室：纪检 第 2 页 共 4 页 监察室） ` +
      '3.扩大普惠资源。新建幼儿园。（责任领导：钱志强；责任股室：基础教育科、 3 计划财务科）';
    const notice = parseNoticeText(text);
    expect(items(notice).map((i) => i.departments)).toEqual([
      ['办公室'],
      ['纪检监察室'],
      ['基础教育科', '计划财务科'],
    ]);
  });
});

describe('traditional copies from a wiki', () => {
  it('reads 負責 labels, presentation-form colons, bullets, 〔〕 notes and drops [編輯] links', () => {
    const notice = parseNoticeText(
      [
        '青川縣教育局2025年工作要點',
        '一、加強黨的建設[編輯]',
        '１．加強政治建設。每月組織「第一議題」學習。（負責領導：趙建國；負責單位：辦公室）',
        '２．推進從嚴治黨。開展『以案促改』警示教育。',
        '• 責任領導︰孫麗華',
        '• 責任股室︰紀檢監察室﹑組織人事科',
        '３．擴大普惠資源。新建幼兒園。〔責任領導：錢志強；責任股室：基礎教育科〕',
      ].join('\n'),
    );
    expect(notice.sections[0]!.title).toBe('加強黨的建設');
    expect(items(notice)).toEqual([
      { section: 1, no: 1, title: '加強政治建設', leaders: ['趙建國'], departments: ['辦公室'] },
      {
        section: 1,
        no: 2,
        title: '推進從嚴治黨',
        leaders: ['孫麗華'],
        departments: ['紀檢監察室', '組織人事科'],
      },
      { section: 1, no: 3, title: '擴大普惠資源', leaders: ['錢志強'], departments: ['基礎教育科'] },
    ]);
    expect(notice.sections[0]!.items[1]!.body).not.toContain('•');
  });
});
