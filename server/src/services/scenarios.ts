import { z } from 'zod';
import {
  baseMoney, evaluateScenario, parseScenarioPolicy,
  type ApplicationInput, type Policy, type ScenarioEvaluation, type ScenarioMoney, type UnitFigures,
} from '@scoreboard/shared';
import { HttpError } from '../httpError';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { FiguresReader } from './figures';
import type { RankingService } from './ranking';
import { createRevisionCache } from './revisionCache';
import type { SubsidiesService } from './subsidies';
import { msg } from '../i18n/messages';

const zhCN = z.locales.zhCN().localeError;

export interface ScenarioInputs {
  figures: Record<string, UnitFigures>;
  disqualified: Record<string, { reason: string }>;
  applications: ApplicationInput[];
  blacklist: Set<string>;
}

/**
 * Scenarios (SPEC §14): a draft rule ranked on the stored figures of a policy. Evaluating stores
 * nothing and bumps no revision; it reads the figures once per revision (a leader trying ten
 * settings in a row costs ten rankings, not ten database reads).
 */
export function createScenariosService(deps: {
  policies: Pick<PolicyCatalog, 'get'>;
  figures: Pick<FiguresReader, 'units' | 'applications' | 'blacklist'>;
  policyState: Pick<PolicyStateRepository, 'revision' | 'disqualifications'>;
  ranking: Pick<RankingService, 'ranking'>;
  subsidies: Pick<SubsidiesService, 'budgetTotalWan'>;
}) {
  const cachedInputs = createRevisionCache<ScenarioInputs>(deps.policyState.revision);
  const inputs = (policyId: string): ScenarioInputs =>
    cachedInputs(policyId, () => ({
      figures: deps.figures.units(policyId),
      disqualified: Object.fromEntries(deps.policyState.disqualifications(policyId).map((d) => [d.unitId, { reason: d.reason }])),
      applications: deps.figures.applications(policyId),
      blacklist: deps.figures.blacklist(policyId),
    }));

  // totals.before of each month: the policy's own money changes only with the revision
  const cachedMoney = createRevisionCache<Map<string, ScenarioMoney>>(deps.policyState.revision);

  /** The document as a policy, or 422 `invalid_policy` with the path and reason of each problem. */
  function validate(policyId: string, document: unknown): Policy {
    const base = deps.policies.get(policyId);
    const parsed = parseScenarioPolicy(document, base, { error: zhCN });
    if (parsed.ok) return parsed.policy;
    // the same problems in English, by path (zod's own words follow the error map; ours are English)
    const english = parseScenarioPolicy(document, base);
    const en = new Map(english.ok ? [] : english.issues.map((i) => [i.path, i.message]));
    const details = parsed.issues.map((i) => ({ path: i.path, message: { zh: i.message, en: en.get(i.path) ?? i.message } }));
    const list = { zh: details.map((d) => `${d.path}：${d.message.zh}`).join('；'), en: details.map((d) => `${d.path}: ${d.message.en}`).join('; ') };
    throw new HttpError(422, 'invalid_policy', msg('invalid_policy', { count: details.length, list }), { details });
  }

  function evaluate(policyId: string, document: unknown, month?: number): ScenarioEvaluation {
    const base = deps.policies.get(policyId);
    const scenario = validate(policyId, document);
    const common = { base, baseRanking: deps.ranking.ranking(policyId, month), ...inputs(policyId), budgetInForceWan: deps.subsidies.budgetTotalWan(policyId) };
    const money = cachedMoney(policyId, () => new Map());
    const key = String(month ?? 'latest');
    if (!money.has(key)) money.set(key, baseMoney(common));
    return evaluateScenario({ ...common, scenario, baseMoney: money.get(key) });
  }

  return { inputs, validate, evaluate };
}
export type ScenariosService = ReturnType<typeof createScenariosService>;
