import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { postUpload } from '../helpers/uploads';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

interface Entry { actor: string; action: string; target: string; before: unknown; after: unknown }

describe('audit log (SPEC.md §10)', () => {
  it('records every write with who, what, before and after', async () => {
    const stat = await t.login('statistician');
    const up = await postUpload(t, stat.cookie, {
      kind: 'unit-targets', fileName: 't.csv', data: '单位,规上工业总产值目标（万元）,工业投资目标（万元）\n城中区,60000,10000\n', dryRun: false,
    });
    const batchId = up.json<{ batch: { batchId: number } }>().batch.batchId;
    await t.app.inject({ method: 'POST', url: `/api/uploads/${batchId}/revert`, headers: stat });
    const admin = await t.login('admin');
    await t.app.inject({ method: 'PUT', url: `/api/policies/${POLICY_ID}/budget`, headers: admin, payload: { totalWan: 2500 } });
    await t.app.inject({ method: 'PUT', url: `/api/policies/${POLICY_ID}/budget`, headers: admin, payload: { totalWan: 2600 } });

    const res = await t.app.inject({ url: '/api/audit', headers: admin });
    expect(res.statusCode).toBe(200);
    const entries = res.json<{ entries: Entry[] }>().entries;
    const byAction = (a: string) => entries.filter((e) => e.action === a);
    expect(byAction('upload.commit')[0]).toMatchObject({ actor: 'statistician', target: `${POLICY_ID}/unit-targets`, after: { fileName: 't.csv', keys: 2 } });
    expect(byAction('upload.revert')[0]).toMatchObject({ actor: 'statistician', before: { revertedAt: null }, after: { revertedBy: 'statistician' } });
    expect(byAction('budget.set')[0]).toMatchObject({ actor: 'admin', before: { totalWan: 2500 }, after: { totalWan: 2600 } });
    expect(byAction('session.login').length).toBeGreaterThanOrEqual(2);
    expect(entries[0]!.action).toBe('budget.set'); // newest first
  });

  it('refuses UPDATE and DELETE on the audit table', async () => {
    const admin = await t.login('admin');
    await t.app.inject({ method: 'PUT', url: `/api/policies/${POLICY_ID}/budget`, headers: admin, payload: { totalWan: 2500 } });
    const db = new Database(t.databasePath);
    try {
      expect(() => db.prepare("UPDATE audit SET actor = 'someone-else'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
      expect(db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM audit').get()!.n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
