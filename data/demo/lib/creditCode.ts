import type { Prng } from './prng';

/**
 * 统一社会信用代码 for the fictional sample enterprises. Written here on its own (not imported from
 * shared/) so the demo files are an independent check of the product's validator.
 *
 * GB 32100-2015: 18 characters over a 31-character set (no I, O, S, V, Z): 1 registering authority
 * ("9" = 工商), 1 kind ("1" = enterprise), 6 administrative division (4502xx = 柳州市), 9 organisation
 * code (GB 11714, with its own check character), 1 check character.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character: (31 − Σ value × weight mod 31) mod 31, over the first 17. */
export function gb32100CheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let total = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`character ${first17[i]} is not in the GB 32100 set`);
    total += value * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (total % 31)) % 31]!;
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return gb32100CheckChar(code.slice(0, 17)) === code[17];
}

/** GB 11714-1997 organisation-code check character over 8 body characters (A = 10 … Z = 35). */
export function gb11714CheckChar(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let total = 0;
  for (let i = 0; i < 8; i++) total += parseInt(body8[i]!, 36) * weights[i]!;
  const c = 11 - (total % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A fresh code "9145020" + district digit + organisation code + check. The organisation-code body is
 * drawn from the GB 32100 set so the whole code stays inside it.
 */
export function makeCreditCode(prng: Prng, districtDigit: string): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += i < 2 ? prng.pick('0123456789MA'.split('')) : prng.pick(CHARSET.split(''));
  const first17 = `9145020${districtDigit}${body}${gb11714CheckChar(body)}`;
  return first17 + gb32100CheckChar(first17);
}
