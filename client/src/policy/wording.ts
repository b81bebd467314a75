import { fullMarks, type IndicatorScheme, type Policy, type PolicySummary } from '@scoreboard/shared';
import type { Lang, Translate } from '../i18n/translate';

/**
 * What the pages say about a policy, read from the policy itself (SPEC §13): indicator names and
 * units, the on-target line, award places, subsidy kinds, the status badges. Nothing here names a
 * period or counts indicators; a new policy file changes the pages without a code change.
 */
export const indicatorName = (i: Pick<IndicatorScheme, 'name' | 'nameEn'>, lang: Lang): string => (lang === 'en' ? i.nameEn : i.name);
export const indicatorShort = (i: Pick<IndicatorScheme, 'shortName' | 'nameEn'>, lang: Lang): string => (lang === 'en' ? i.nameEn : i.shortName);

/** "万元" for money, "个" for counts (English: "10k yuan", "count"). */
export function measureUnit(i: Pick<IndicatorScheme, 'measure'>, t: Translate): string {
  return i.measure === 'wan' ? t('common.wan') : t('common.count');
}

/** The score at which every indicator is exactly on target: the sum of base points (100 in Q3). */
export const onTargetScore = (policy: Pick<Policy, 'countyAward'>): number => fullMarks(policy);

/** How many places the policy pays (its tiers). */
export const awardPlaces = (policy: Pick<Policy, 'countyAward'>): number => policy.countyAward.awards.tiersWan.length;

export function subsidyKindName(policy: Pick<Policy, 'subsidies'>, kind: string, lang: Lang): string {
  const rule = policy.subsidies.kinds.find((k) => k.kind === kind);
  if (!rule) return kind;
  return lang === 'en' ? rule.nameEn : rule.shortName;
}

/** "output.target" → 规上工业总产值目标 / "Above-size industrial output target". */
export function missingLabel(policy: Pick<Policy, 'countyAward'>, code: string, t: Translate, lang: Lang): string {
  const [id, what] = code.split('.');
  const indicator = policy.countyAward.indicators.find((i) => i.indicatorId === id);
  if (!indicator || (what !== 'target' && what !== 'actual')) return code;
  return t(what === 'target' ? 'missing.target' : 'missing.actual', { indicator: indicatorShort(indicator, lang) });
}

export type PolicyBadge = 'draft' | 'in_force' | 'expired' | 'final' | 'example';

/** 征求意见稿 / 正式, then 已过有效期 and 已定稿 when they apply, and 示例 for an example file. */
export function policyBadges(summary: Pick<PolicySummary, 'status' | 'expired' | 'final' | 'example'>): PolicyBadge[] {
  const badges: PolicyBadge[] = [summary.status];
  if (summary.expired) badges.push('expired');
  if (summary.final) badges.push('final');
  if (summary.example) badges.push('example');
  return badges;
}

/** The payment condition in words, or null when every paid place is paid. */
export function paymentConditionText(policy: Pick<Policy, 'countyAward'>, t: Translate): string | null {
  const condition = policy.countyAward.awards.condition;
  if (condition === null) return null;
  return condition.kind === 'minScore' ? t('awards.condition.minScore', { score: condition.score }) : t('awards.condition.everyIndicatorComplete');
}
