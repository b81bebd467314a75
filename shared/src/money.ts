/**
 * Money is exact: yuan amounts travel as decimal strings to the fen ("237000.00") and are computed
 * as integer fen; awards and grants are integers of 万元.
 */
export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000; // 1 万元 = 10,000 元 = 1,000,000 分

const YUAN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** "237000.00" → 23700000. Refuses more than two decimals: a claim is never rounded silently. */
export function yuanToFen(text: string): number {
  const m = YUAN.exec(text.trim());
  if (!m) throw new SyntaxError(`not an amount in yuan to the fen: ${JSON.stringify(text)}`);
  const [, sign, whole, frac = ''] = m;
  const fen = Number(whole) * FEN_PER_YUAN + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount too large: ${text}`);
  return sign ? -fen : fen;
}

/** 23700000 → "237000.00" */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be an integer: ${fen}`);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const text = `${Math.floor(abs / FEN_PER_YUAN)}.${String(abs % FEN_PER_YUAN).padStart(2, '0')}`;
  return neg ? `-${text}` : text;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

function fourDigits(n: number): string {
  // n in 0..9999; zeros inside a group collapse to one 零
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      zero = out !== '';
    } else {
      if (zero) out += '零';
      out += DIGITS[d]! + SMALL[i]!;
      zero = false;
    }
  }
  return out;
}

/**
 * 人民币大写 as printed on Chinese award tables: 20000000000 fen (2 亿元) → "贰亿元整",
 * 123456789 fen → "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分".
 */
export function amountInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`amount must be a non-negative integer of fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  let text = '';
  if (yuan === 0) {
    text = jiao === 0 && f === 0 ? '零元' : '';
  } else {
    const groups: number[] = [];
    for (let y = yuan; y > 0; y = Math.floor(y / 10_000)) groups.push(y % 10_000);
    let needZero = false;
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i]!;
      if (g === 0) {
        needZero = text !== '';
        continue;
      }
      if (text !== '' && (needZero || g < 1000)) text += '零';
      text += fourDigits(g) + BIG[i]!;
      needZero = false;
    }
    text += '元';
  }
  if (jiao === 0 && f === 0) return text + '整';
  if (jiao > 0) text += DIGITS[jiao]! + '角';
  else if (yuan > 0) text += '零';
  if (f > 0) text += DIGITS[f]! + '分';
  return text;
}
