import { amountInCapitals } from '@scoreboard/shared';

/**
 * 万元 totals in Chinese capital numerals (大写) as written on payment tables: 2000 万元 →
 * "贰仟万元整". The digits come from the shared money rules (fen), so the print view and the XLSX
 * export say the same words.
 */
export function wanInCapitals(wan: number): string {
  if (!Number.isSafeInteger(wan) || wan < 0) throw new RangeError(`not a whole 万元 amount: ${wan}`);
  return amountInCapitals(wan * 1_000_000); // 1 万元 = 10,000 yuan = 1,000,000 fen
}
