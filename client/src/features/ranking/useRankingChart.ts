import { useMemo } from 'react';
import type { Ranking } from '@scoreboard/shared';
import { isNarrow, type ChartOption, type ChartSize } from '../../charts/types';
import { useI18n } from '../../i18n/I18nProvider';
import { usePolicy } from '../../layout/policy';
import { chartRules } from '../../policy/chartRules';
import { toRankingOption } from './rankingOption';

/**
 * The score chart for the chart's own width: a phone gets the registry's short names, one-line
 * labels and at most 12 px type; English uses the short English names (the table beside it has
 * the full ones). Shared by the ranking page and the wall screen.
 */
export function useRankingChart(ranking: Pick<Ranking, 'rows'> | undefined, look: { dark?: boolean; fontSize?: number } = {}): ((size: ChartSize) => ChartOption) | null {
  const { t, lang } = useI18n();
  const { policy, names } = usePolicy();
  const { dark, fontSize } = look;
  return useMemo(() => {
    if (!ranking) return null;
    return (size: ChartSize) => {
      const narrow = isNarrow(size);
      return toRankingOption(ranking, t, chartRules(policy), {
        dark,
        narrow,
        fontSize: narrow ? Math.min(fontSize ?? 12, 12) : fontSize,
        unitLabel: (r) => (narrow || lang === 'en' ? names.unitShort(r.unitId, r.unitName) : r.unitName),
      });
    };
  }, [ranking, t, policy, lang, names, dark, fontSize]);
}
