import { gunzipSync, gzipSync } from 'node:zlib';
import { applicationSchema, evaluateSubsidies, presentSubsidies, subsidiesSchema, type Application, type Subsidies } from '@scoreboard/shared';
import type { PolicyCatalog } from '../plugins/policies';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { FiguresReader } from './figures';
import type { RankingService } from './ranking';
import { createRevisionCache } from './revisionCache';

export function createSubsidiesService(deps: {
  policies: PolicyCatalog;
  figures: Pick<FiguresReader, 'applications' | 'blacklist'>;
  policyState: Pick<PolicyStateRepository, 'revision' | 'budgetOverride'>;
  ranking: Pick<RankingService, 'ranking'>;
}) {
  /** 六(一): the budget the admin set, else the policy file's (null: none set). */
  const budgetTotalWan = (policyId: string): number | null =>
    deps.policyState.budgetOverride(policyId) ?? deps.policies.get(policyId).policy.budget.totalWan;

  function compute(policyId: string) {
    const { policy } = deps.policies.get(policyId);
    const county = deps.ranking.ranking(policyId);
    const countyWan = county.rows.reduce((s, r) => s + r.award, 0);
    return {
      county,
      // exact in the domain; API numbers from the one adapter (shared/src/present/subsidies.ts)
      result: presentSubsidies(
        evaluateSubsidies({
          policy,
          applications: deps.figures.applications(policyId),
          blacklist: deps.figures.blacklist(policyId),
          countyWan,
          budgetTotalWan: budgetTotalWan(policyId),
        }),
      ),
    };
  }

  /**
   * Evaluating thousands of applications once per change, not once per dashboard. The answer that
   * lists every application (150,000 in the benchmark: ~50 MB of JSON) is encoded once and kept
   * gzipped (a tenth of the size: its records repeat their field names), which is also what every
   * browser asks for; the evaluation kept for the awards keeps the grants and budget, not the list.
   */
  const evaluated = createRevisionCache<{ lean: ReturnType<typeof compute>; gzip: Buffer }>(deps.policyState.revision);
  const both = (policyId: string) =>
    evaluated(policyId, () => {
      const full = compute(policyId);
      const { result } = full;
      const json = encodeSubsidies({
        policyId,
        revision: deps.policyState.revision(policyId),
        applications: result.applications,
        grants: result.grants,
        totals: result.totals,
        factor: result.factor,
        factorFraction: result.factorFraction,
        factorText: result.factorText,
      });
      return { lean: { county: full.county, result: { ...result, applications: [] } }, gzip: gzipSync(json) };
    });

  /** Subsidies against the live county awards (the latest month's ranking), without the application list. */
  const evaluate = (policyId: string) => both(policyId).lean;

  return {
    budgetTotalWan,
    evaluate,
    /** GET …/subsidies, as the JSON bytes to send: gzipped for a client that takes gzip */
    subsidiesJson(policyId: string, gzip: boolean): { body: Buffer; gzip: boolean } {
      const body = both(policyId).gzip;
      return gzip ? { body, gzip } : { body: gunzipSync(body), gzip };
    },
  };
}
export type SubsidiesService = ReturnType<typeof createSubsidiesService>;

/**
 * The subsidies answer as UTF-8 JSON, checked against the shared schema as the route's serializer
 * would, and byte for byte what it wrote (keys in schema order) — but one application at a time:
 * encoding the whole answer at once held a copy of every application and the whole text as a
 * JavaScript string (two bytes a character for Chinese) on top of the bytes sent.
 */
export function encodeSubsidies(answer: Subsidies): Buffer {
  const { applications, ...rest } = answer;
  const head = subsidiesSchema.omit({ applications: true }).parse(rest);
  const parts: Buffer[] = [];
  let text = `{"policyId":${JSON.stringify(head.policyId)},"revision":${JSON.stringify(head.revision)},"applications":[`;
  applications.forEach((application: Application, i) => {
    text += (i === 0 ? '' : ',') + JSON.stringify(applicationSchema.parse(application));
    // turned into bytes a megabyte at a time: never the whole text as a string
    if (text.length > 1 << 20) {
      parts.push(Buffer.from(text, 'utf8'));
      text = '';
    }
  });
  text += ']';
  // the fields after the list, in the schema's order (as the route's serializer would write them)
  const after = Object.keys(subsidiesSchema.shape).slice(Object.keys(subsidiesSchema.shape).indexOf('applications') + 1);
  for (const key of after) text += `,${JSON.stringify(key)}:${JSON.stringify(head[key as keyof typeof head])}`;
  text += '}';
  parts.push(Buffer.from(text, 'utf8'));
  return Buffer.concat(parts);
}
