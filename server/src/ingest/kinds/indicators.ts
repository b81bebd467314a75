import type { IndicatorScheme, Policy } from '@scoreboard/shared';

/**
 * THE ONE PLACE where ingest reads the policy's county indicators (SPEC §13): any number, each with
 * its names, a measure (万元 or a count) and extra header words the policy lists.
 */
export type Measure = IndicatorScheme['measure'];

export interface IndicatorColumn {
  indicatorId: string;
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

export function indicatorColumns(policy: Policy): IndicatorColumn[] {
  return policy.countyAward.indicators.map((indicator) => ({
    indicatorId: indicator.indicatorId,
    name: indicator.name,
    nameEn: indicator.nameEn,
    measure: indicator.measure,
    synonyms: [...new Set([indicator.name, indicator.shortName, ...indicator.synonyms, ...(KNOWN_WORDS[indicator.indicatorId] ?? [])])],
  }));
}

/** The unit a template header gives an indicator: （万元） or （个） for a count. */
export const measureUnit = (measure: Measure): string => (measure === 'count' ? '个' : '万元');

/**
 * The words of this policy's period, from its label (period.label, e.g. "2026年四季度" → "四季度"),
 * never written in code. Used for titles, notes and the header words people write ("四季度目标").
 */
export function periodWord(policy: Policy): string {
  return policy.period.label.replace(/^\d{4}年/, '') || policy.period.label;
}

/** The same in English, from period.labelEn ("Q3 2026"). */
export function periodWordEn(policy: Policy): string {
  return policy.period.labelEn;
}

/** The period in full, for notes: "2026-10-01 至 2026-12-31（四季度）". */
export function periodText(policy: Policy): string {
  return `${policy.period.start} 至 ${policy.period.end}（${periodWord(policy)}）`;
}
