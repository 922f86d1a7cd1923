import type { RowRecord } from '../../db/queries/collection.ts';
import { type FormRecord, findFormByCode, insertForm } from '../../db/queries/collection.ts';
import {
  BALANCE_FORM_CODE,
  BALANCE_INDICATORS,
  type BalanceIndicatorKey,
  type BalanceSchoolInput,
  type FormField,
  STAGE_LABELS,
} from '../../shared/balance.ts';
import type { Tx } from '../context.ts';

/** The built-in form: pupils and the seven raw figures, one row per stage. */
export const BALANCE_FORM_NAME = '义务教育优质均衡资源配置七项指标';

/** The built-in form's fields: 学生数, then each indicator's raw figure (counts are whole numbers). */
export const BALANCE_FORM_FIELDS: FormField[] = [
  { key: 'pupils', label: '学生数', unit: '人', integer: true, min: 1, max: null, required: true },
  ...BALANCE_INDICATORS.map((indicator) => ({
    key: indicator.key,
    label: indicator.column,
    unit: indicator.rawUnit,
    integer: indicator.per === 100,
    min: 0,
    max: null,
    required: true,
  })),
];

/** The organization's built-in form, created the first time it is needed (inside the caller's write). */
export async function ensureBalanceForm(trx: Tx, organizationId: number, at: string): Promise<FormRecord> {
  const found = await findFormByCode(trx, organizationId, BALANCE_FORM_CODE);
  if (found) return found;
  const form = {
    organizationId,
    code: BALANCE_FORM_CODE,
    name: BALANCE_FORM_NAME,
    staged: true,
    fields: BALANCE_FORM_FIELDS,
  };
  const id = await insertForm(trx, { ...form, createdBy: null, createdAt: at });
  return { id, ...form };
}

/** Whether a round's form is the built-in one (the monitor applies). */
export const isBalanceForm = (form: { code: string | null }): boolean => form.code === BALANCE_FORM_CODE;

/** A stored row of the built-in form as the calculation takes it (complete rows only). */
export function rowToSchoolInput(row: RowRecord): BalanceSchoolInput | undefined {
  if (row.stage === null) return undefined;
  const pupils = row.values.pupils;
  if (typeof pupils !== 'number' || pupils <= 0) return undefined;
  const raw = {} as Record<BalanceIndicatorKey, number>;
  for (const indicator of BALANCE_INDICATORS) {
    const value = row.values[indicator.key];
    if (typeof value !== 'number') return undefined;
    raw[indicator.key] = value;
  }
  return { name: row.unitName, unitId: row.unitId, stage: row.stage, pupils, raw };
}

/** A row of the sheet as the form stores it. */
export function schoolInputToValues(input: BalanceSchoolInput): Record<string, number | null> {
  return { pupils: input.pupils, ...input.raw };
}

/** How a row is named in messages: 某校（小学）. */
export function rowLabel(row: { unitName: string; stage: keyof typeof STAGE_LABELS | null }): string {
  return row.stage === null ? row.unitName : `${row.unitName}（${STAGE_LABELS[row.stage]}）`;
}
