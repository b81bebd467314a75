import type { IndicatorId, Policy } from '@scoreboard/shared';

/**
 * THE ONE PLACE where ingest reads the policy's county indicators. Issue 9 generalises them (any
 * number, any lowercase id, a measure of 万元 or a count, extra header words); until it lands the
 * schema has exactly `output` and `investment` in 万元, and the optional fields are read defensively.
 * When the new schema arrives, only this function needs to follow it.
 */
export type Measure = 'wan' | 'count';

export interface IndicatorColumn {
  indicatorId: IndicatorId;
  name: string;
  nameEn: string;
  measure: Measure;
  /** header words people use for this indicator, besides its name */
  synonyms: readonly string[];
}

/** The word lists people have used for the two indicators of the first policy. */
const KNOWN_WORDS: Record<string, readonly string[]> = {
  output: ['规上工业总产值', '规模以上工业总产值', '工业总产值', '规上工业产值', '工业产值', '总产值', '产值'],
  investment: ['工业投资', '工业固定资产投资', '工业固投', '投资'],
};

function optional(indicator: object, field: string): unknown {
  return (indicator as Record<string, unknown>)[field];
}

export function indicatorColumns(policy: Policy): IndicatorColumn[] {
  return policy.countyAward.indicators.map((indicator) => {
    const measure = optional(indicator, 'measure') === 'count' ? 'count' : 'wan';
    const extra = optional(indicator, 'synonyms');
    const own = Array.isArray(extra) ? extra.filter((w): w is string => typeof w === 'string' && w.trim() !== '') : [];
    const known = KNOWN_WORDS[indicator.indicatorId] ?? [];
    return {
      indicatorId: indicator.indicatorId,
      name: indicator.name,
      nameEn: indicator.nameEn,
      measure,
      synonyms: [...new Set([indicator.name, ...own, ...known])],
    };
  });
}

/** The unit a template header gives an indicator: （万元） or （个） for a count. */
export const measureUnit = (measure: Measure): string => (measure === 'count' ? '个' : '万元');

const QUARTERS = ['一', '二', '三', '四'];

/**
 * The words of this policy's period, from its months, never written in code: "三季度" when the
 * months are a calendar quarter, else "7–9月". Used for titles, notes and the header words
 * people write ("三季度目标").
 */
export function periodWord(policy: Policy): string {
  const { months } = policy.period;
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const isQuarter = months.length === 3 && (first - 1) % 3 === 0 && last === first + 2;
  if (isQuarter) return `${QUARTERS[(first - 1) / 3]}季度`;
  return first === last ? `${first}月` : `${first}–${last}月`;
}

/** The same in English: "Q3", or "months 7–9". */
export function periodWordEn(policy: Policy): string {
  const word = periodWord(policy);
  const quarter = QUARTERS.findIndex((q) => word === `${q}季度`);
  return quarter >= 0 ? `Q${quarter + 1}` : `months ${word.replace('月', '')}`;
}

/** The period in full, for notes: "2026-07-01 至 2026-09-30（三季度）". */
export function periodText(policy: Policy): string {
  return `${policy.period.start} 至 ${policy.period.end}（${periodWord(policy)}）`;
}
