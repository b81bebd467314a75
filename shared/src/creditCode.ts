/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I, O, S, V, Z); the
 * 18th is a check character over the first 17 with weights 3^i mod 31.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
/** character code → its value in CHARSET (-1 when not in it): one lookup per character, not a search */
const VALUE = Array.from({ length: 128 }, (_, code) => CHARSET.indexOf(String.fromCharCode(code)));

/** The check character for the first 17 characters, or null when they hold a character outside the set. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let total = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE[first17.charCodeAt(i)] ?? -1;
    if (v < 0) return null;
    total += v * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (total % 31)) % 31]!;
}

export function isValidCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Upper-cases and strips spaces, as people paste codes with them. */
export function normaliseCreditCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}
