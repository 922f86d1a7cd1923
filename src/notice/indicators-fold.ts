// Pairs of (traditional, simplified) characters: only those that occur in the words the indicator
// rules look for (triggers, units, period words, document and event names). Each maps one UTF-16
// code unit to one, so offsets into the folded text stay offsets into the body.
const TRADITIONAL_PAIRS =
  '舉举辦办學学製制訂订發发組组織织開开參参與与會会運运動动競竞賽赛評评論论壇坛計计劃划規规細细則则' +
  '標标準准單单見见節节週周個个歷历曆历項项場场輪轮達达於于確确實实設设擴扩專专國国區区務务議议講讲' +
  '選选檢检術术藝艺體体書书讀读長长兩两並并進进導导彙汇匯汇覽览訓训練练現现題题終终內内後后數数級级' +
  '錦锦決决聯联歡欢調调總总結结報报員员佈布聽听證证間间處处臺台門门蓋盖穩稳為为過过滿满續续維维點点' +
  '鐘钟時时備备縣县屆届啟启萬万號号繕缮條条冊册預预綱纲錄录約约討讨談谈觀观遊游樂乐師师戲戏劇剧語语' +
  '閱阅電电營营禮礼華华課课棟栋園园兒儿築筑質质測测驗验衛卫農农環环編编擬拟';

const FOLD = new Map<number, number>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) {
  FOLD.set(TRADITIONAL_PAIRS.charCodeAt(i), TRADITIONAL_PAIRS.charCodeAt(i + 1));
}

/** Maps one UTF-16 code unit to the form the rules are written in: half-width ASCII, simplified. */
export function foldCode(code: number): number {
  // Full-width ASCII block (０-９, ％, （）, ，；：) sits at a fixed distance from ASCII.
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0xff61) return 0x3002; // half-width ideographic full stop ｡
  if (code === 0xfe6a) return 0x25; // small percent sign ﹪
  if (code === 0x301c || code === 0x2053) return 0x7e; // wave dashes used in ranges 2〜3
  return FOLD.get(code) ?? code;
}

/** True for code units that carry no meaning inside a clause: spaces, line breaks, zero-width marks. */
export function isBlank(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x7f ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/** Every code unit folded once (0 for blanks), so compacting a body is one lookup per code unit. */
export const FOLDED = new Uint16Array(0x10000);
for (let code = 0; code < 0x10000; code++) FOLDED[code] = isBlank(code) ? 0 : foldCode(code);
