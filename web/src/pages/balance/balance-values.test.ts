import { describe, expect, it } from 'vitest';
import { balanceForm } from './balance-fixtures.ts';
import {
  cvText,
  dayOf,
  fieldValueProblem,
  isWholeNumberField,
  likelyStage,
  thresholdText,
} from './balance-values.ts';

const field = (key: string) => {
  const found = balanceForm.fields.find((f) => f.key === key);
  if (!found) throw new Error(key);
  return found;
};
const draft = { balanceForm: true, submitting: false };
const submit = { balanceForm: true, submitting: true };

describe('balance field values', () => {
  it('takes whole numbers for pupils, teachers and rooms on the built-in form, even when the form omits it', () => {
    expect(isWholeNumberField({ ...field('backboneTeachers'), integer: false }, true)).toBe(true);
    expect(isWholeNumberField({ ...field('multimediaRooms'), integer: false }, true)).toBe(true);
    expect(isWholeNumberField({ ...field('pupils'), integer: false }, true)).toBe(true);
    expect(isWholeNumberField(field('sportsArea'), true)).toBe(false);
    expect(isWholeNumberField({ ...field('backboneTeachers'), integer: false }, false)).toBe(false);
  });

  it('says what is wrong in Chinese, and asks for required values only on submit', () => {
    expect(fieldValueProblem(field('backboneTeachers'), -1, draft)).toBe('县级及以上骨干教师数不能为负数');
    expect(fieldValueProblem(field('backboneTeachers'), 2.5, draft)).toBe('县级及以上骨干教师数应为整数');
    expect(fieldValueProblem(field('sportsArea'), 6600.5, draft)).toBeUndefined();
    expect(fieldValueProblem(field('pupils'), null, draft)).toBeUndefined();
    expect(fieldValueProblem(field('pupils'), null, submit)).toBe('请填写学生数');
    expect(fieldValueProblem(field('pupils'), 0, submit)).toBe('学生数应为大于 0 的整数');
    const ranged = { ...field('sportsArea'), min: 10, max: 3000 };
    expect(fieldValueProblem(ranged, 5, submit)).toBe('体育运动场馆面积不能小于 10');
    expect(fieldValueProblem(ranged, 3001, submit)).toBe('体育运动场馆面积不能大于 3000');
    expect(
      fieldValueProblem({ ...ranged, min: 0 }, 5, { balanceForm: false, submitting: true }),
    ).toBeUndefined();
  });

  it('guesses a school’s first stage from its name and writes CVs and dates plainly', () => {
    expect(likelyStage('城关小学')).toBe('primary');
    expect(likelyStage('石门初中')).toBe('junior');
    expect(likelyStage('郧西县第二中学')).toBe('junior');
    expect(likelyStage('城关九年一贯制学校')).toBe('primary');
    expect(cvText(0.5153)).toBe('0.515');
    expect(cvText(null)).toBe('—');
    expect(thresholdText(0.5)).toBe('≤0.50');
    expect(dayOf('2024-10-31')).toBe('2024-10-31');
    expect(dayOf('2024-10-31T17:00:00.000Z')).toBe('2024-11-01');
  });
});
