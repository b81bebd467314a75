import { div, eq, isDecimal, parseDecimal, type BudgetSummary, type Rational } from '@scoreboard/shared';
import { formatNumber } from '../../format/numbers';
import type { Translate } from '../../i18n/translate';

type Factor = Pick<BudgetSummary, 'factor' | 'factorText' | 'factorFraction'>;

/** "41/80" → the rational it names; null for text that is not one. */
function fractionValue(text: string): Rational | null {
  const [n = '', d = '1'] = text.split('/');
  if (!isDecimal(n) || !isDecimal(d) || parseDecimal(d).n === 0n) return null;
  return div(parseDecimal(n), parseDecimal(d));
}

/**
 * The subsidy factor as people check it: the server's 4-decimal text beside the exact fraction,
 * "0.5125（41/80）", or "≈0.7299（100/137）" when four decimals are not the whole value. Award
 * snapshots frozen before release 2 carry only the number: it is shown to 4 decimals.
 */
export function factorWords(b: Factor, t: Translate): string {
  if (b.factorText === null || b.factorFraction === null) return formatNumber(b.factor, 4);
  if (!b.factorFraction.includes('/')) return b.factorText;
  const exact = fractionValue(b.factorFraction);
  const same = exact !== null && isDecimal(b.factorText) && eq(exact, parseDecimal(b.factorText));
  return t(same ? 'awards.factorExact' : 'awards.factorApprox', { decimal: b.factorText, fraction: b.factorFraction });
}
