// Every user-visible message of the monthly bulletin (工作通报) use cases.

/** Chinese messages of the bulletin module. */
export const bulletinMessages = {
  supervisorOnly: '只有本单位的督办人员可以生成、修改和签发工作通报。',
  readersOnly: '工作通报仅供督办人员、局领导和查看人员阅读。',
  notFound: '工作通报不存在，或尚未签发。',
  planNotFound: '工作要点不存在，请刷新后重试。',
  planNotPublished: '工作要点尚未发布，不能生成工作通报。',
  monthOutsidePlan: (year: number) => `只能为${year}年度的月份生成通报，请重新选择月份。`,
  monthNotStarted: (month: string) => `${month}尚未开始，不能生成该月的工作通报。`,
  draftExists: (month: string) => `${month}的通报草稿已存在，请打开草稿继续编辑，或在草稿中重新生成。`,
  issuedFrozen: '该通报已签发，内容不能再修改；如需更正，请为该月重新生成一版草稿。',
  sectionsChanged: '通报的栏目与草稿不一致，请刷新后重试。',
  fileMissing: '签发文件缺失，请联系系统管理员。',
} as const;
