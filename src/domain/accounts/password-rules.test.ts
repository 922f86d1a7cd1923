import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { checkPasswordPolicy, isCommonPassword } from './password-rules.ts';

const refusal = (password: string, username = 'zhangsan', complexity = true): string | null => {
  try {
    checkPasswordPolicy(password, { username, complexity });
    return null;
  } catch (error) {
    if (isAppError(error, 'INVALID_INPUT')) return error.message;
    throw error;
  }
};

describe('password rules', () => {
  it('refuses the passwords probed in issue 14 and common patterns, whatever the case or trailing symbols', () => {
    for (const weak of [
      'password12',
      'Qwerty1234',
      'a1a1a1a1a1',
      'P@ssw0rd123',
      '1qaz2wsx3edc',
      'Woaini1314!',
      'abcabcabcabc',
    ])
      expect(isCommonPassword(weak), weak).toBe(true);
    for (const fine of ['Lantern-River-73', 'correct-horse-42', '郧西教育2024局'])
      expect(isCommonPassword(fine), fine).toBe(false);
  });

  it('names exactly the classes missing, the username, or the length', () => {
    expect(refusal('onlylowercase')).toBe(
      '密码须包含大写字母、小写字母、数字、符号中的至少 3 类；这个密码只有 1 类，请再加入大写字母或数字或符号。',
    );
    expect(refusal('Zhangsan-2024', 'zhangsan')).toBe('密码不能包含用户名，请换一个。');
    expect(refusal('Ab1-')).toContain('至少需要 10 个字符');
    expect(refusal('Qwerty1234')).toContain('常见的弱密码');
    expect(refusal('Lantern-River-73')).toBeNull();
    // With complexity off only the length remains.
    expect(refusal('onlylowercase', 'zhangsan', false)).toBeNull();
    expect(refusal('short', 'zhangsan', false)).toContain('至少需要 10 个字符');
  });
});
