import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ranking, UploadResult } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { postUpload } from '../helpers/uploads';
// app.db is declared in the db plugin
import type {} from '../../server/src/plugins/db';

/**
 * Rank movement from the server (issue 5): previousRank is the unit's rank in the previous distinct
 * ranking of the same month, kept in SQLite (migration 002), so it survives a restart. Since issue 9
 * it is recorded by the change that made the ranking (services/changes.ts), never by a read: the
 * demo's second commit (unit-actuals, revision 2) is where its ranking first appeared, whoever looked.
 * The demo's September order: 柳东新区 1st … 柳城县 11th, 融水苗族自治县 12th (87.25).
 */
const DEMO_ACTUALS_REVISION = 2; // demo seeding: unit-targets (1), unit-actuals (2), industries, blacklist, applications
const P = `/api/policies/${POLICY_ID}`;
const RONGSHUI = '450225';
const LIUDONG = 'LZ-LD';
let t: TestApp;
const extraDirs: string[] = [];
beforeEach(async () => {
  t = await buildTestApp({ demoData: true });
});
afterEach(async () => {
  await t.close();
  for (const dir of extraDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function ranking(app: TestApp, query = ''): Promise<Ranking> {
  const res = await app.app.inject({ url: `${P}/ranking${query}`, headers: await app.login('viewer') });
  expect(res.statusCode).toBe(200);
  return res.json<Ranking>();
}
const row = (r: Ranking, unitId: string) => r.rows.find((x) => x.unitId === unitId)!;

/** 融水: 120% of both September targets (302,000 / 56,800 万元) → 60 + 60 = 120.00, first place. */
async function liftRongshui(app: TestApp): Promise<UploadResult> {
  const stat = await app.login('statistician');
  const res = await postUpload(app, stat.cookie, {
    kind: 'unit-actuals', fileName: '9月-融水.csv', data: '单位,月份,规上工业总产值（万元）,工业投资（万元）\n融水县,9,362400,68160\n', dryRun: false,
  });
  expect(res.statusCode).toBe(200);
  return res.json<UploadResult>();
}

describe('previousRank (issue 5)', () => {
  it('is null everywhere until the ranking has changed once', async () => {
    const first = await ranking(t);
    expect(first.previousRevision).toBeNull();
    expect(first.rows.every((r) => r.previousRank === null)).toBe(true);
    // Reading again at the same revision changes nothing.
    expect((await ranking(t)).previousRevision).toBeNull();
  });

  it('an upload that moves 融水 from 12th to 1st: ▲11 for it, ▼1 for everyone it passed', async () => {
    const before = await ranking(t);
    expect(row(before, RONGSHUI)).toMatchObject({ rank: 12, score: 87.25 });
    await liftRongshui(t);

    const after = await ranking(t);
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.previousRevision).toBe(DEMO_ACTUALS_REVISION);
    expect(row(after, RONGSHUI)).toMatchObject({ rank: 1, previousRank: 12, score: 120 });
    expect(row(after, LIUDONG)).toMatchObject({ rank: 2, previousRank: 1 });
    // Every other unit slips one place: previousRank = rank − 1.
    for (const r of after.rows.filter((x) => x.unitId !== RONGSHUI)) expect(r.previousRank, r.unitName).toBe(r.rank! - 1);
  });

  it('a change that moves nobody (a budget edit) keeps the arrows; a revert moves them back', async () => {
    const start = await ranking(t);
    const { batch } = await liftRongshui(t);
    const moved = await ranking(t);

    const admin = await t.login('admin');
    const budget = await t.app.inject({ method: 'PUT', url: `${P}/budget`, headers: admin, payload: { totalWan: 2100 } });
    expect(budget.statusCode).toBe(200);
    const unmoved = await ranking(t);
    expect(unmoved.revision).toBeGreaterThan(moved.revision);
    expect(start.revision).toBeGreaterThan(DEMO_ACTUALS_REVISION);
    expect(unmoved.previousRevision).toBe(DEMO_ACTUALS_REVISION);
    expect(row(unmoved, RONGSHUI).previousRank).toBe(12);

    const stat = await t.login('statistician');
    const revert = await t.app.inject({ method: 'POST', url: `/api/uploads/${batch!.batchId}/revert`, headers: stat });
    expect(revert.statusCode).toBe(200);
    const back = await ranking(t);
    expect(back.previousRevision).toBe(moved.revision);
    expect(row(back, RONGSHUI)).toMatchObject({ rank: 12, previousRank: 1 });
    expect(row(back, LIUDONG)).toMatchObject({ rank: 1, previousRank: 2 });
  });

  it('一票否决 passes the place down: the unit is unranked, the ones below rise ▲1', async () => {
    await ranking(t);
    const leader = await t.login('leader');
    const dq = await t.app.inject({ method: 'PUT', url: `${P}/units/${LIUDONG}/disqualification`, headers: leader, payload: { reason: '发生较大安全生产事故' } });
    expect(dq.statusCode).toBe(200);
    const after = await ranking(t);
    expect(row(after, LIUDONG)).toMatchObject({ rank: null, previousRank: 1, disqualified: { reason: '发生较大安全生产事故' } });
    expect(row(after, '450223')).toMatchObject({ unitName: '鹿寨县', rank: 1, previousRank: 2, award: 800 });
  });

  it('each month keeps its own history: August is untouched by a September upload', async () => {
    await ranking(t, '?month=8');
    await ranking(t);
    await liftRongshui(t);
    const august = await ranking(t, '?month=8');
    expect(august.previousRevision).toBeNull();
    expect(row(august, '450223')).toMatchObject({ rank: 1, previousRank: null });
    expect((await ranking(t)).previousRevision).not.toBeNull();
  });

  it('survives a restart: the same database answers the same previousRank', async () => {
    const start = await ranking(t);
    await liftRongshui(t);
    const moved = await ranking(t);
    await t.app.close();
    extraDirs.push(t.dir);

    t = await buildTestApp({ databasePath: t.databasePath, demoData: true });
    const reopened = await ranking(t);
    expect(reopened.revision).toBe(moved.revision);
    expect(start.previousRevision).toBeNull();
    expect(reopened.previousRevision).toBe(DEMO_ACTUALS_REVISION);
    expect(row(reopened, RONGSHUI)).toMatchObject({ rank: 1, previousRank: 12 });
  });
});

describe('reads never write (issue 9)', () => {
  it('GET …/ranking for every month leaves ranking_history and the revision untouched', async () => {
    const db = t.app.db;
    // Everything but sessions (signing in is a write of its own): the figures' and the policy's state.
    const snapshot = () =>
      ['ranking_history', 'policy_state', 'batches', 'entries', "audit WHERE action NOT LIKE 'session.%'", 'disqualifications', 'finalizations']
        .map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()))
        .join('\n');
    const before = snapshot();
    const revision = (await ranking(t)).revision;
    for (const q of ['', '?month=7', '?month=8', '?month=9']) await ranking(t, q);
    for (const path of ['awards', 'subsidies', 'industries']) {
      expect((await t.app.inject({ url: `${P}/${path}`, headers: await t.login('viewer') })).statusCode).toBe(200);
    }
    expect(snapshot()).toBe(before);
    expect((await ranking(t)).revision).toBe(revision);
  });

  it('moves are recorded by the change itself: nobody looked between two uploads, both moves are kept', async () => {
    await liftRongshui(t); // 融水 12th → 1st, nobody reads
    const stat = await t.login('statistician');
    const res = await postUpload(t, stat.cookie, {
      kind: 'unit-actuals', fileName: '9月-柳城.csv', data: '单位,月份,规上工业总产值（万元）,工业投资（万元）\n柳城县,9,561840,150720.6\n', dryRun: false,
    });
    expect(res.statusCode).toBe(200);
    // 柳城: 120% of 468,200 / 125,600.5 → 120.00 with the same rates as 融水, so they share 1st place.
    // Its arrow compares with the ranking the first upload made (融水 1st pushed 柳城 from 11th to
    // 12th), though nobody ever fetched that ranking.
    const now = await ranking(t);
    expect(row(now, '450222')).toMatchObject({ rank: 1, tied: true, previousRank: 12 });
    expect(row(now, RONGSHUI)).toMatchObject({ rank: 1, tied: true, previousRank: 1 });
  });
});

describe('revisedAfterFinalization on the ranking (SPEC.md §9)', () => {
  it('false when final and untouched; true once an upload lands after finalizing', async () => {
    expect(await ranking(t)).toMatchObject({ final: false, revisedAfterFinalization: false });
    const leader = await t.login('leader');
    expect((await t.app.inject({ method: 'POST', url: `${P}/finalize`, headers: leader })).statusCode).toBe(200);
    expect(await ranking(t)).toMatchObject({ final: true, revisedAfterFinalization: false });
    await liftRongshui(t);
    expect(await ranking(t)).toMatchObject({ final: true, revisedAfterFinalization: true });
  });
});
