import type { IndustryRow, RegistryNames } from '@scoreboard/shared';
import type { Lang, Translate } from '../i18n/translate';

/**
 * Names of units and industries as a page shows them (SPEC §16): Chinese alone in Chinese; in
 * English the Chinese kept with the registry's English beside it ("柳东新区 Liudong New Area"), so
 * a reader can match what the city's papers say. Short names for narrow places (phone charts):
 * the registry's short name in Chinese, its short English name in English.
 */
export interface Names {
  /** "柳东新区" / "柳东新区 Liudong New Area" */
  unit(unitId: string, fallback: string): string;
  /** the parts, for markup that marks the Chinese as Chinese: [zh, en | null] */
  unitParts(unitId: string, fallback: string): [string, string | null];
  /** "柳东" / "Liudong" */
  unitShort(unitId: string, fallback: string): string;
  /** ["柳东", null] / ["柳东", "Liudong"] */
  unitShortParts(unitId: string, fallback: string): [string, string | null];
  /** "低空经济产业" / "低空经济产业 Low-altitude economy" */
  industry(industryId: string, fallback: string): string;
  industryParts(industryId: string, fallback: string): [string, string | null];
  /** "低空经济" / "Low-altitude" */
  industryShort(industryId: string, fallback: string): string;
  industryShortParts(industryId: string, fallback: string): [string, string | null];
}

export function namesFor(registry: RegistryNames | undefined, lang: Lang): Names {
  const units = new Map(registry?.units.map((u) => [u.unitId, u]));
  const industries = new Map(registry?.industries.map((i) => [i.industryId, i]));
  const en = lang === 'en';
  const parts = (entry: { name: string; nameEn: string } | undefined, fallback: string): [string, string | null] =>
    entry ? [entry.name, en ? entry.nameEn : null] : [fallback, null];
  const joined = ([zh, english]: [string, string | null]) => (english ? `${zh} ${english}` : zh);
  const short = (entry: { shortName: string; shortNameEn: string } | undefined, fallback: string) =>
    entry ? (en ? entry.shortNameEn : entry.shortName) : fallback;
  const shortParts = (entry: { shortName: string; shortNameEn: string } | undefined, fallback: string): [string, string | null] =>
    entry ? [entry.shortName, en ? entry.shortNameEn : null] : [fallback, null];
  return {
    unit: (id, fallback) => joined(parts(units.get(id), fallback)),
    unitParts: (id, fallback) => parts(units.get(id), fallback),
    unitShort: (id, fallback) => short(units.get(id), fallback),
    unitShortParts: (id, fallback) => shortParts(units.get(id), fallback),
    industry: (id, fallback) => joined(parts(industries.get(id), fallback)),
    industryParts: (id, fallback) => parts(industries.get(id), fallback),
    industryShort: (id, fallback) => short(industries.get(id), fallback),
    industryShortParts: (id, fallback) => shortParts(industries.get(id), fallback),
  };
}

/**
 * An industry's target in words: the policy's own sentence in Chinese ("1-9月规上工业总产值同比增长
 * 30%以上"); in English made from the target itself, so no policy needs an English sentence.
 */
export function industryTargetText(row: Pick<IndustryRow, 'target' | 'targetText'>, window: { from: number; to: number }, lang: Lang, t: Translate): string {
  if (lang !== 'en') return row.targetText;
  const target = row.target;
  if (target === null) return t('industries.target.none');
  if (target.kind === 'growthAtLeast') return t('industries.target.growthAtLeast', { pct: target.pct, from: window.from, to: window.to });
  if (target.mode === 'vsMonth') return t('industries.target.vsMonth', { month: target.month, from: window.from, to: window.to });
  return t('industries.target.eachMonth', { from: window.from, to: window.to });
}
