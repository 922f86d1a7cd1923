import {
  BALANCE_INDICATORS,
  type BalanceIndicatorKey,
  type BalanceStage,
  type FormField,
  STAGE_LABELS,
} from '@shared/balance.ts';
import { balance as t } from '../../i18n/balance.ts';

// Pure helpers of the balance pages: which values a field accepts, and how figures are written.

/** On the built-in form, the counted figures (pupils, teachers, rooms) are whole numbers. */
const COUNTED_UNITS = new Set(['人', '间']);

/** Whether a field takes whole numbers only: as the form says, or a count on the built-in form. */
export function isWholeNumberField(field: FormField, balanceForm: boolean): boolean {
  if (field.integer) return true;
  if (!balanceForm) return false;
  if (field.key === 'pupils') return true;
  const indicator = BALANCE_INDICATORS.find((i) => i.key === field.key);
  return indicator ? COUNTED_UNITS.has(indicator.rawUnit) : false;
}

/**
 * The first problem with a value of a field, in Chinese, or undefined. `submitting`: a required
 * field must be filled (a draft may leave it empty).
 */
export function fieldValueProblem(
  field: FormField,
  value: unknown,
  options: { balanceForm: boolean; submitting: boolean },
): string | undefined {
  if (value === undefined || value === null || value === '') {
    return options.submitting && field.required ? t.value.required(field.label) : undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return t.value.notNumber(field.label);
  // The monitor divides by pupils: a stage row needs at least one (the API says the same).
  if (options.balanceForm && field.key === 'pupils' && (value <= 0 || !Number.isInteger(value)))
    return t.value.pupilsPositive;
  const min = Math.max(field.min, options.balanceForm ? 0 : field.min);
  if (value < min) return min === 0 ? t.value.negative(field.label) : t.value.belowMin(field.label, min);
  if (field.max !== null && value > field.max) return t.value.aboveMax(field.label, field.max);
  if (isWholeNumberField(field, options.balanceForm) && !Number.isInteger(value))
    return t.value.integer(field.label);
  return undefined;
}

/** The stage a school most likely reports first, by its name (城关初中 → 初中, else 小学). */
export function likelyStage(unitName: string): BalanceStage {
  return /初中|中学/.test(unitName) && !unitName.includes('小学') ? 'junior' : 'primary';
}

/** The other stage. */
export function otherStage(stage: BalanceStage): BalanceStage {
  return stage === 'primary' ? 'junior' : 'primary';
}

/** A stage label (小学/初中) back to its code. */
export function stageOfLabel(label: string): BalanceStage {
  return label === STAGE_LABELS.junior ? 'junior' : 'primary';
}

/** The indicator of a key. */
export function indicatorOf(key: BalanceIndicatorKey) {
  const found = BALANCE_INDICATORS.find((i) => i.key === key);
  if (!found) throw new Error(`unknown indicator ${key}`);
  return found;
}

/** A figure with at most `digits` decimals and no trailing zeros: 2000, 4.25, 0.9. */
export function figure(value: number, digits = 2): string {
  return String(Number(value.toFixed(digits)));
}

/** A coefficient of variation, three decimals (0.504 is visibly above 0.50). */
export function cvText(cv: number | null): string {
  return cv === null ? '—' : cv.toFixed(3);
}

/** A threshold as the 办法 writes it: ≤0.50. */
export function thresholdText(threshold: number): string {
  return `≤${threshold.toFixed(2)}`;
}

/** A share 0..1 of a minimum as a whole percent, rounded down: a miss never reads as 100%. */
export function sharePercent(share: number): number {
  return Math.floor(share * 100 + 1e-9);
}

/** An ISO date or moment as YYYY-MM-DD in Asia/Shanghai. */
export function dayOf(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(date);
}
