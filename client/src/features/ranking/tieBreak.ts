import type { Policy, UnitRankRow } from '@scoreboard/shared';
import type { Lang, Translate } from '../../i18n/translate';
import { indicatorShort } from '../../policy/wording';

/**
 * How a unit was split from the one ranked directly above it on the same published score (SPEC §15),
 * in the policy's own indicator words: "与城中区同分，按产值完成率区分：96.00% 对 97.00%". Null when
 * the score alone placed it, or when it shares the rank (并列).
 */
export function tieBreakText(
  row: Pick<UnitRankRow, 'tieBreak'>,
  rows: readonly Pick<UnitRankRow, 'unitId' | 'unitName'>[],
  policy: Pick<Policy, 'countyAward'>,
  t: Translate,
  lang: Lang,
): string | null {
  const split = row.tieBreak;
  if (!split) return null;
  const indicator = policy.countyAward.indicators.find((i) => i.indicatorId === split.indicatorId);
  const above = rows.find((r) => r.unitId === split.aboveUnitId)?.unitName ?? split.aboveUnitId;
  return t('ranking.tieBreak', {
    above,
    indicator: indicator ? indicatorShort(indicator, lang) : split.indicatorId,
    rate: split.rate,
    aboveRate: split.aboveRate,
  });
}
