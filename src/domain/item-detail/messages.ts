// Chinese messages of the item page's use case.

/** Messages shown to users by the item page's use case; each says what to do next. */
export const itemDetailMessages = {
  itemNotFound: (id: number) => `未找到编号为 ${id} 的要点，或您无权查看。请从工作要点列表重新进入。`,
};
