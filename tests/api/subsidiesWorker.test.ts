import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/src/db/migrate';
import { createBatchesRepository } from '../../server/src/repositories/batches';
import { createFiguresReader } from '../../server/src/services/figures';
import { evaluateAndEncode, evaluateInWorker } from '../../server/src/services/subsidyEvaluation';
import { liuzhou } from '../ingest/helpers';
import { creditCode } from '../support/generate';

/**
 * Many claims are evaluated in a worker thread that reads them from the database file (issue 13:
 * the memory goes back when the thread ends). Its answer must be the one evaluating in place gives.
 */
const dir = mkdtempSync(join(tmpdir(), 'subsidies-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function storeClaims(path: string) {
  const db = new Database(path);
  migrate(db);
  const batches = createBatchesRepository(db);
  const kinds = ['exhibition', 'event', 'certification'] as const;
  const claims: [string, string][] = Array.from({ length: 600 }, (_, i) => [
    `W-${i}`,
    JSON.stringify({
      applicationId: `W-${i}`, enterpriseName: `柳州企业${i % 40}有限公司`, creditCode: creditCode(i % 40), aboveSize: i % 7 !== 0,
      kind: kinds[i % 3], item: '中国—东盟博览会', date: '2026-08-01', costFen: 3_000_000 + i * 1_001, certType: i % 3 === 2 ? 'CE' : null, declaration: i % 11 !== 0,
    }),
  ]);
  const batch = (kind: 'subsidy-applications' | 'credit-blacklist', keys: [string, string][], n: number) =>
    db.transaction(() => batches.insert({ policyId: liuzhou.policy.policyId, kind, fileName: 'f.csv', sha256: `s${n}`, rows: keys.length, keys: keys.length, uploadedBy: 'statistician', uploadedAt: '2026-11-29T00:00:00Z' }, keys))();
  batch('subsidy-applications', claims, 1);
  batch('credit-blacklist', [[creditCode(3), JSON.stringify({ creditCode: creditCode(3), enterpriseName: '柳州企业3有限公司', listedOn: null })]], 2);
  return { db, figures: createFiguresReader(batches) };
}

describe('evaluating the claims in a worker thread', () => {
  it('gives exactly the answer evaluating in place gives: grants, budget and the encoded list', () => {
    const path = join(dir, 'claims.sqlite');
    const { db, figures } = storeClaims(path);
    const input = { policyId: liuzhou.policy.policyId, revision: 4, policy: liuzhou.policy, countyWan: 2000, budgetTotalWan: 3000 };
    const here = evaluateAndEncode({ ...input, applications: figures.applications(input.policyId), blacklist: figures.blacklist(input.policyId) });
    db.close();
    const away = evaluateInWorker(path, input, 600);
    expect(away).not.toBeNull();
    expect(away!.result).toEqual(here.result);
    expect(gunzipSync(away!.gzip).toString('utf8')).toBe(gunzipSync(here.gzip).toString('utf8'));
    // what a user checks: 600 claims listed, the blacklisted enterprise paid nothing, money inside the budget
    const listed = JSON.parse(gunzipSync(away!.gzip).toString('utf8')) as { applications: { creditCode: string; eligible: boolean; reasons: string[] }[] };
    expect(listed.applications).toHaveLength(600);
    expect(listed.applications.filter((a) => a.creditCode === creditCode(3)).every((a) => !a.eligible)).toBe(true);
    expect(here.result.totals.grantedWan).toBeGreaterThan(0);
    expect(here.result.totals.grantedWan).toBeLessThanOrEqual(3000 - 2000);
    expect(here.result.applications).toEqual([]);
  }, 60_000);

  it('answers null when it cannot read the database, so the caller evaluates in place', () => {
    const input = { policyId: liuzhou.policy.policyId, revision: 1, policy: liuzhou.policy, countyWan: 0, budgetTotalWan: null };
    expect(evaluateInWorker(join(dir, 'missing.sqlite'), input, 0)).toBeNull();
  }, 60_000);
});
