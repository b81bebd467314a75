import type { Policy, Stability } from '@scoreboard/shared';
import type { Lang, Translate } from '../../i18n/translate';
import { indicatorShort } from '../../policy/wording';

type ScenarioEntry = Stability['scenarios'][number];

/** What a scenario of the stability view changes, in words: "投资 +10 分、产值 −10 分". */
export function scenarioLabel(s: ScenarioEntry, policy: Pick<Policy, 'countyAward'>, t: Translate, lang: Lang): string {
  const name = (id: string) => {
    const ind = policy.countyAward.indicators.find((i) => i.indicatorId === id);
    return ind ? indicatorShort(ind, lang) : id;
  };
  if (s.source === 'base') return t('scenarios.base');
  if (s.source === 'saved') return t('scenarios.savedLabel', { name: s.name ?? '' });
  const v = s.variation!;
  if (v.kind === 'weight') return t('scenarios.variation.weight', { to: name(v.to), from: name(v.from), points: v.points });
  if (v.kind === 'bonus') return t('scenarios.variation.bonus', { bonus: v.bonusPerPoint, cap: v.bonusCap });
  return t('scenarios.variation.step', { indicator: name(v.indicatorId), step: v.stepPoints });
}

const LEAF_KEYS = {
  basePoints: 'scenarios.basePoints',
  bonusPerPoint: 'scenarios.bonusPerPoint',
  bonusCap: 'scenarios.bonusCap',
  floorPct: 'scenarios.floorPct',
  stepPoints: 'scenarios.stepPoints',
  floorPoints: 'scenarios.floorPoints',
  condition: 'scenarios.condition',
  unpaidPlace: 'scenarios.unpaidPlace',
  tieBreakers: 'scenarios.tieBreakers',
  ratePct: 'scenarios.ratePct',
  capWan: 'scenarios.capWan',
  capScope: 'scenarios.capScope',
  totalWan: 'scenarios.budget',
} as const;

/** "countyAward.indicators.1.bonusPerPoint" → "投资 · 超目标每个百分点加分"; unknown paths as they are. */
export function settingLabel(path: string, policy: Pick<Policy, 'countyAward' | 'subsidies'>, t: Translate, lang: Lang): string {
  const parts = path.split('.');
  if (parts[2] === 'tiersWan' && parts[3] !== undefined) return t('scenarios.tier', { n: Number(parts[3]) + 1 });
  if (parts.at(-2) === 'condition' && parts.at(-1) === 'score') return t('scenarios.minScore');
  const leaf = parts.at(-1)!;
  const word = leaf in LEAF_KEYS ? t(LEAF_KEYS[leaf as keyof typeof LEAF_KEYS]) : leaf === 'tiersWan' ? t('scenarios.awards') : path;
  const index = Number(parts[2]);
  if (parts[1] === 'indicators' && policy.countyAward.indicators[index]) return `${indicatorShort(policy.countyAward.indicators[index], lang)} · ${word}`;
  if (parts[1] === 'kinds' && policy.subsidies.kinds[index]) return `${lang === 'en' ? policy.subsidies.kinds[index].nameEn : policy.subsidies.kinds[index].shortName} · ${word}`;
  return word;
}

/** A setting's value in words: lists joined, a payment condition spelled out, null as "无". */
export function settingValueText(value: unknown, t: Translate): string {
  if (value === null || value === undefined) return t('scenarios.none');
  if (Array.isArray(value)) return value.map((v) => settingValueText(v, t)).join('、');
  if (typeof value === 'object') {
    const c = value as { kind?: unknown; score?: unknown };
    if (c.kind === 'minScore') return t('awards.condition.minScore', { score: String(c.score) });
    if (c.kind === 'everyIndicatorComplete') return t('awards.condition.everyIndicatorComplete');
    return JSON.stringify(value);
  }
  const words: Record<string, Parameters<Translate>[0]> = {
    perEnterprise: 'scenarios.capScope.perEnterprise',
    perEvent: 'scenarios.capScope.perEvent',
    passesDown: 'scenarios.unpaidPlace.passesDown',
    lapses: 'scenarios.unpaidPlace.lapses',
  };
  const key = words[String(value)];
  return key ? t(key) : String(value);
}
