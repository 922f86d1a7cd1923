import { createHash } from 'node:crypto';
import type { Ids, RowBatch } from './plan-year-model.ts';

/** Minutes, sign-in sheets and the like attached to completions: a few shared files, stored once as blobs. */
export const EVIDENCE_FILES = [
  {
    name: '会议纪要.txt',
    text: '会议纪要\n时间：见登记日期\n参会人员：相关股室负责人\n议定事项：按计划推进。',
  },
  { name: '签到表.txt', text: '签到表\n序号 姓名 单位 签名\n1 …\n2 …' },
  { name: '工作简报.txt', text: '工作简报\n本次活动按方案组织实施，参与人员覆盖全部对象，达到预期效果。' },
  { name: '活动照片说明.txt', text: '活动照片说明：现场照片三张，已存档备查。' },
  {
    name: '印发文件.txt',
    text: '关于印发实施方案的通知\n各股室、各学校：现将方案印发给你们，请认真贯彻落实。',
  },
  { name: '工程进度照片说明.txt', text: '工程进度照片说明：施工现场照片四张，监理签字的进度确认单一份。' },
  { name: '统计报表.txt', text: '统计报表\n项目 数值 说明\n达成率 见登记数值 据各校上报汇总' },
].map((file) => {
  const bytes = new TextEncoder().encode(file.text);
  return { ...file, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
});

/** Which evidence file fits a kind of promise (indexes into EVIDENCE_FILES). */
export const EVIDENCE_BY_KIND: Readonly<Record<string, readonly number[]>> = {
  deliverable: [4],
  project: [5],
  percent: [6],
  recurring: [0, 1, 2, 3],
  count: [0, 1, 2, 3],
  event: [0, 1, 2, 3],
  deadline: [0, 2],
};

/** Columns of generated evidence rows. */
export const EVIDENCE_COLUMNS = [
  'id',
  'organization_id',
  'owner_type',
  'owner_id',
  'file_name',
  'media_type',
  'size',
  'sha256',
  'created_by',
  'created_at',
];

/** An evidence row as a seeded completion carries it. */
export interface SeedEvidence {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** One evidence file of a seeded completion, written as attachEvidence stores it (blobs are seeded once). */
export function attachSeedEvidence(
  organizationId: number,
  batch: RowBatch,
  ids: Ids,
  occurrenceId: number,
  fileIndex: number,
  userId: number,
  at: string,
): SeedEvidence {
  const file = EVIDENCE_FILES[fileIndex] as (typeof EVIDENCE_FILES)[number];
  const ref = {
    id: ids.evidence.take(),
    fileName: file.name,
    mediaType: 'text/plain',
    size: file.bytes.byteLength,
    sha256: file.sha256,
  };
  batch.add('evidence', [
    ref.id,
    organizationId,
    'occurrence',
    occurrenceId,
    ref.fileName,
    ref.mediaType,
    ref.size,
    ref.sha256,
    userId,
    at,
  ]);
  return ref;
}
