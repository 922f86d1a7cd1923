import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import { expectSane } from './notice-invariants.ts';

const HEAD = '示范区2024年教育工作要点\n一、加强党建\n';

function parse(text: string) {
  const notice = parseNoticeText(text);
  expectSane(text, notice);
  return notice;
}

function warningAt(text: string, code: string): string {
  const w = parse(text).warnings.find((x) => x.code === code);
  expect(w, `expected a ${code} warning`).toBeDefined();
  expect(w?.message).toMatch(/[\u4e00-\u9fff]/);
  return text.slice(w?.at ?? 0);
}

describe('what the parser cannot place is reported, never dropped', () => {
  it('reports an item without a responsibility note', () => {
    const text = `${HEAD}1.加强政治建设。坚持学习。\n2.推进廉政建设。（责任领导：王强，责任股室：办公室）\n`;
    expect(warningAt(text, 'item-without-responsibility').startsWith('1.加强')).toBe(true);
  });

  it('reports a note missing its closing bracket and still reads it', () => {
    const text = `${HEAD}1.加强政治建设。坚持学习。（责任领导：王强，责任股室：办公室\n`;
    warningAt(text, 'note-unclosed');
    expect(parse(text).sections[0]?.items[0]?.departments).toEqual(['办公室']);
  });

  it('reports a paragraph after the note and keeps it out of the body', () => {
    const text = `${HEAD}1.加强政治建设。坚持学习。（责任领导：王强，责任股室：办公室）\n另行通知的事项。\n`;
    expect(warningAt(text, 'text-after-note').startsWith('另行通知')).toBe(true);
    expect(parse(text).sections[0]?.items[0]?.body).toBe('加强政治建设。坚持学习。');
  });

  it('keeps a numbered list that goes backwards inside the item it belongs to', () => {
    const text = `${HEAD}1.加强组织建设。包括：\n2.健全制度。\n1.细化分工；\n（责任领导：王强，责任股室：办公室）\n`;
    expect(warningAt(text, 'numbering-backwards').startsWith('1.细化')).toBe(true);
    const items = parse(text).sections[0]?.items ?? [];
    expect(items.map((i) => i.no)).toEqual([1, 2]);
    expect(items[1]?.body).toContain('1.细化分工');
  });

  it('reports a guess between （一） and 1. as the item level', () => {
    const text = `${HEAD}（一）加强组织建设。1.健全制度。（责任领导：王强，责任股室：办公室）\n（二）推进廉政建设。（责任领导：李明，责任股室：纪检监察室）\n（三）加强宣传。（责任领导：李明，责任股室：办公室）\n二、提升质量\n（四）加强德育。\n1.开展活动；\n（责任领导：赵刚，责任股室：教育股）\n`;
    warningAt(text, 'heading-level-guess');
    expect(parse(text).sections.map((s) => s.items.map((i) => i.no))).toEqual([[1, 2, 3], [4]]);
  });

  it('reads the signature at the end and reports the 抄送 line', () => {
    const text = `${HEAD}1.加强政治建设。坚持学习。（责任领导：王强，责任股室：办公室）\n示范区教育局\n2024年3月1日\n抄送：市教育局\n`;
    const notice = parse(text);
    expect(notice.issuer).toBe('示范区教育局');
    expect(notice.issuedOn).toBe('2024-03-01');
    expect(notice.sections[0]?.items[0]?.body).toBe('加强政治建设。坚持学习。');
    expect(warningAt(text, 'text-outside-plan').startsWith('抄送')).toBe(true);
  });

  it('says so when a text holds no numbered items', () => {
    const notice = parse('这不是一份工作要点，只是一段普通的文字。');
    expect(notice.sections).toEqual([]);
    expect(notice.warnings.map((w) => w.code)).toContain('no-items');
    expect(parse('').warnings.map((w) => w.code)).toContain('no-items');
  });

  it('reports skipped repost-site lines once', () => {
    const text = `您的位置：首页 > 通知公告\n访问量：12\n${HEAD}1.加强政治建设。（责任领导：王强，责任股室：办公室）\n`;
    expect(parse(text).warnings.filter((w) => w.code === 'site-junk-skipped')).toHaveLength(1);
  });
});
