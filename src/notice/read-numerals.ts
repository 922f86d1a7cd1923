const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['千', '百', '十', ''];

/** Writes 1–9999 as Chinese counting numerals the way notices print them (十二, 一百零一); others stay Arabic. */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = digits[i]!;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d]! + UNITS[i]!;
  }
  // 十一, not 一十一, when the number starts in the tens.
  return n >= 10 && n < 20 ? out.slice(1) : out;
}
