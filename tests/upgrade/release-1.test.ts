import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';

/**
 * SPEC.md §18, upgrades: a database written by the first release (commit c031c24) opens in this
 * code with every figure, batch, audit entry, user, disqualification, budget and finalized snapshot
 * intact. The fixture was made by that release's own server, driven over HTTP
 * (tests/fixtures/db/make-release-1.ts); release-1.expected.json holds every row as it stored them.
 * Checks go through what later releases keep stable: the stored rows of the release's own columns,
 * session login with the old passwords, and the API v1 fields of SPEC.md §11.
 */
const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/db/', import.meta.url));
const MIGRATIONS_DIR = fileURLToPath(new URL('../../server/src/db/migrations/', import.meta.url));
type Row = Record<string, unknown>;
interface Expected {
  release: string;
  policyId: string;
  passwords: Record<string, string>;
  api: {
    ranking: { month: number; revision: number; rows: Array<Row & { unitId: string }> };
    awards: Row;
  };
  rows: Record<string, Row[]>;
}
const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, 'release-1.expected.json'), 'utf8')) as Expected;
const POLICY = expected.policyId;

// What the first release stored and a later one must keep. Sessions expire and rank history is the
// server's own bookkeeping: neither is the user's data.
const KEPT_TABLES = ['users', 'batches', 'entries', 'policy_state', 'disqualifications', 'finalizations', 'audit'];

let dir: string;
let databasePath: string;
let app: FastifyInstance;

/** The table's rows, restricted to the columns release 1 had, in the order the fixture dumped them. */
function storedRows(table: string): Row[] {
  const columns = Object.keys(expected.rows[table]![0]!).map((c) => `"${c}"`);
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare(`SELECT ${columns.join(', ')} FROM "${table}" ORDER BY ${columns.join(', ')}`).all() as Row[];
  } finally {
    db.close();
  }
}

async function login(username: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
}
async function get<T>(url: string): Promise<T> {
  const res = await login('admin', expected.passwords.admin!);
  const sid = res.cookies.find((c) => c.name === 'sid')!.value;
  const reply = await app.inject({ method: 'GET', url, headers: { cookie: `sid=${sid}` } });
  expect(reply.statusCode, `${url}: ${reply.body}`).toBe(200);
  return reply.json<T>();
}
const pick = (row: Row, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));
/** An award table as SPEC.md §11 names its fields (later releases may add more). */
const COUNTY_FIELDS = ['rank', 'unitId', 'unitName', 'score', 'tied', 'award'] as const;
const GRANT_FIELDS = ['creditCode', 'enterpriseName', 'kind', 'eligibleCostYuan', 'computedWan', 'grantedWan'] as const;
const BUDGET_FIELDS = ['totalWan', 'countyWan', 'subsidiesWan', 'paidWan', 'remainingWan', 'factor'] as const;
const awardTable = (awards: Row) => ({
  ...pick(awards, ['policyId', 'month', 'final', 'finalizedAt', 'finalizedBy']),
  county: (awards.county as Row[]).map((r) => pick(r, COUNTY_FIELDS)),
  grants: (awards.grants as Row[]).map((g) => pick(g, GRANT_FIELDS)),
  budget: pick(awards.budget as Row, BUDGET_FIELDS),
});
const frozen = () => JSON.parse(expected.rows.finalizations![0]!.snapshot as string) as Row;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scoreboard-upgrade-'));
  databasePath = join(dir, 'release-1.sqlite');
  copyFileSync(join(FIXTURE_DIR, 'release-1.sqlite'), databasePath);
  app = await buildApp({ databasePath, demoData: false, clientDist: join(dir, 'no-client') });
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`upgrade from release 1 (${expected.release})`, () => {
  it('applies every later migration and keeps the release’s own, and the file is sound', () => {
    const db = new Database(databasePath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const applied = db.prepare<[], { name: string; applied_at: string }>('SELECT name, applied_at FROM migrations ORDER BY name').all();
      const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f)).sort();
      expect(applied.map((m) => m.name)).toEqual(files);
      // the release's migrations are recorded as they were, not applied again
      expect(applied.slice(0, expected.rows.migrations!.length)).toEqual(expected.rows.migrations);
    } finally {
      db.close();
    }
  });

  it.each(KEPT_TABLES)('keeps every row of %s byte for byte', (table) => {
    const before = expected.rows[table]!;
    expect(before.length).toBeGreaterThan(0);
    const after = storedRows(table);
    // The audit log is append-only: this code may add entries after the release's, never change them.
    expect(table === 'audit' ? after.slice(0, before.length) : after).toEqual(before);
  });

  it('every user signs in with the password set under release 1, and a wrong one is still refused', async () => {
    for (const [username, password] of Object.entries(expected.passwords)) {
      expect((await login(username, password)).statusCode, username).toBe(200);
    }
    expect((await login('wang.li', 'Tongji-shi-2026-08')).statusCode).toBe(401);
  });

  it('the figures give the same ranking: scores, ranks, awards, the 一票否决 and "revised after finalization"', async () => {
    const ranking = await get<typeof expected.api.ranking & { final: boolean; revisedAfterFinalization: boolean }>(`/api/policies/${POLICY}/ranking`);
    expect(ranking.month).toBe(expected.api.ranking.month);
    expect(ranking.revision).toBe(expected.api.ranking.revision);
    expect(ranking.final).toBe(true);
    expect(ranking.revisedAfterFinalization).toBe(true);
    const fields = ['rank', 'unitId', 'unitName', 'score', 'tied', 'award', 'disqualified', 'missing'] as const;
    expect(ranking.rows.map((r) => pick(r, fields))).toEqual(expected.api.ranking.rows.map((r) => pick(r, fields)));
    // the numbers a user checks: 鹿寨县 first on 109.60, 柳江区 struck out by 一票否决 on 105.40
    expect(ranking.rows[0]).toMatchObject({ rank: 1, unitId: '450223', score: 109.6, award: 800 });
    expect(ranking.rows.find((r) => r.unitId === '450206')).toMatchObject({
      rank: null, score: 105.4, award: 0, disqualified: { reason: '发生较大安全生产事故，一票否决（示例）' },
    });
  });

  it('GET …/awards answers the frozen snapshot, not the revised figures', async () => {
    const awards = await get<Row>(`/api/policies/${POLICY}/awards`);
    // SPEC.md §11: "once final, exactly the frozen snapshot" — as stored, and as release 1 answered it
    expect(awardTable(awards)).toEqual(awardTable(frozen()));
    expect(awardTable(awards)).toEqual(awardTable(expected.api.awards));
    expect(awards).toMatchObject({ final: true, finalizedBy: 'leader', revisedAfterFinalization: true });
    // the budget of 2,100 万元 scaled the grants when it was frozen
    expect(awards.budget).toMatchObject({ totalWan: 2100, countyWan: 2000, subsidiesWan: 86, paidWan: 2086, remainingWan: 14, scaled: true });
    // 柳南区 was third when frozen; the later correction moved it down the live ranking only
    expect((awards.county as Row[]).find((r) => r.unitId === '450204')).toMatchObject({ rank: 3, award: 350 });
  });

  it('the batch history and the audit log read as they were written', async () => {
    const { batches } = await get<{ batches: Row[] }>(`/api/uploads?policyId=${POLICY}`);
    const byId = new Map(batches.map((b) => [b.batchId, b]));
    for (const row of expected.rows.batches!) {
      expect(byId.get(row.batch_id)).toMatchObject({
        fileName: row.file_name, sha256: row.sha256, uploadedBy: row.uploaded_by, uploadedAt: row.uploaded_at,
        revertedAt: row.reverted_at, revertedBy: row.reverted_by,
      });
    }
    const { entries } = await get<{ entries: Row[] }>('/api/audit?limit=1000');
    const old = entries.filter((e) => (e.auditId as number) <= expected.rows.audit!.length).reverse();
    expect(old.map((e) => [e.auditId, e.at, e.actor, e.action, e.target])).toEqual(
      expected.rows.audit!.map((a) => [a.audit_id, a.at, a.actor, a.action, a.target]),
    );
  });

  it('the upgraded database keeps working: a revert lands and the snapshot still does not move', async () => {
    // its own copy: the checks above read the fixture's rows untouched
    const copy = join(dir, 'working.sqlite');
    copyFileSync(join(FIXTURE_DIR, 'release-1.sqlite'), copy);
    const working = await buildApp({ databasePath: copy, demoData: false, clientDist: join(dir, 'no-client') });
    try {
      const res = await working.inject({ method: 'POST', url: '/api/session', payload: { username: 'wang.li', password: expected.passwords['wang.li'] } });
      const headers = { cookie: `sid=${res.cookies.find((c) => c.name === 'sid')!.value}` };
      const lastBatch = Math.max(...expected.rows.batches!.map((b) => b.batch_id as number));
      const revert = await working.inject({ method: 'POST', url: `/api/uploads/${lastBatch}/revert`, headers, payload: {} });
      expect(revert.statusCode, revert.body).toBe(200);
      const ranking = (await working.inject({ url: `/api/policies/${POLICY}/ranking`, headers })).json<{ revision: number; rows: Row[] }>();
      expect(ranking.revision).toBe(expected.api.ranking.revision + 1);
      // without the correction 柳南区 is back where the frozen table has it
      expect(ranking.rows.find((r) => r.unitId === '450204')).toMatchObject({ rank: 3, score: 102.25 });
      const awards = (await working.inject({ url: `/api/policies/${POLICY}/awards`, headers })).json<Row>();
      expect(awardTable(awards)).toEqual(awardTable(frozen()));
    } finally {
      await working.close();
    }
  });
});
