import type { NoticeDetail } from '../shared/supervision.ts';
import { type OfficialBlock, officialDate, writeOfficialDocument } from './official-document.ts';

/** Words of the printed notice. */
const words = {
  title: '工作督办单',
  intro: (plan: string, subject: string) => `根据《${plan}》督办工作安排，现就${subject}督办如下：`,
  item: (no: number | null, title: string) => (no === null ? `“${title}”` : `第${no}项要点“${title}”`),
  task: (title: string) => `中“${title}”任务`,
  problem: '一、存在的问题',
  requirement: '二、督办要求',
  deadline: '三、回复期限',
  deadlineText: (date: string) => `请于${officialDate(date)}前将办理情况报送督办人员，逾期未报的将予以通报。`,
  reply: '四、办理情况',
} as const;

/** The blocks of a supervision notice (督办单) in the official layout, with its reply when one was given. */
export function noticeBlocks(notice: NoticeDetail, issuedOn: string): OfficialBlock[] {
  const subject =
    (notice.itemTitle ? words.item(notice.itemNo, notice.itemTitle) : '') +
    (notice.taskTitle ? words.task(notice.taskTitle) : '');
  const blocks: OfficialBlock[] = [
    { kind: 'title', text: words.title },
    { kind: 'number', text: notice.number },
    { kind: 'blank' },
    { kind: 'addressee', text: `${notice.unitName}：` },
    { kind: 'paragraph', text: words.intro(notice.planTitle, subject) },
    { kind: 'heading', text: words.problem },
    { kind: 'paragraph', text: notice.problem },
    { kind: 'heading', text: words.requirement },
    { kind: 'paragraph', text: notice.requirement },
    { kind: 'heading', text: words.deadline },
    { kind: 'paragraph', text: words.deadlineText(notice.replyDueOn) },
  ];
  if (notice.reply)
    blocks.push({ kind: 'heading', text: words.reply }, { kind: 'paragraph', text: notice.reply });
  blocks.push(
    { kind: 'blank' },
    { kind: 'signature', text: notice.organizationName },
    { kind: 'signature', text: officialDate(issuedOn) },
  );
  return blocks;
}

/** The .docx of a supervision notice, ready to print. */
export function writeNoticeDocx(notice: NoticeDetail, issuedOn: string): Promise<Uint8Array> {
  return writeOfficialDocument({
    title: `${notice.number} ${words.title}`,
    creator: notice.organizationName,
    blocks: noticeBlocks(notice, issuedOn),
  });
}
