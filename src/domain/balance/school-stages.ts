import type { BalanceStage } from '../../shared/balance.ts';

/**
 * The stages a school reports on the seven-indicator form, from its kind in the directory
 * (小学, 初中, 九年一贯制 …) or, when the kind says nothing, from its name: a 九年一贯制 school
 * reports a 小学 row and an 初中 row; 高中 and 幼儿园 report none.
 */
export function stagesOfSchool(kind: string | null, name: string): BalanceStage[] {
  const byKind = stagesOf(kind ?? '');
  if (byKind !== null) return byKind;
  return stagesOf(name) ?? [];
}

function stagesOf(text: string): BalanceStage[] | null {
  if (/九年|一贯/.test(text)) return ['primary', 'junior'];
  if (/幼儿园|高中|高级中学|职业|中专/.test(text)) return [];
  if (/初中|初级中学|中学/.test(text)) return ['junior'];
  if (/小学|教学点|完小|学校/.test(text)) return ['primary'];
  return null;
}
