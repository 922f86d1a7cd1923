// CJK Radicals Supplement characters that PDF fonts map hanzi to and NFKC leaves alone (NFKC
// already handles the Kangxi Radicals block and ⺟/⻳). Only look-alikes of whole characters are
// listed; components such as ⻌ never stand for a character of their own.
const LOOK_ALIKES =
  '⺁厂⺇几⺊卜⺓幺⺜日⺝月⺠民⺩王⺼月⻄西⻅见⻆角⻉贝⻋车⻓长⻔门⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙';

const MAP = new Map<string, string>();
for (let i = 0; i < LOOK_ALIKES.length; i += 2) MAP.set(LOOK_ALIKES[i]!, LOOK_ALIKES[i + 1]!);

/** Replaces CJK radical look-alikes with the hanzi they stand for; one character for one, so offsets keep. */
export function foldRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff]/g, (ch) => MAP.get(ch) ?? ch);
}
