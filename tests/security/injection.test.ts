import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, subsidiesSchema } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { postUpload } from '../helpers/uploads';

const P = `/api/policies/${POLICY_ID}`;
const enc = encodeURIComponent;
// Rows users and uploads can change; sessions and the audit log grow with every login, so not them.
const TABLES = ['users', 'batches', 'entries', 'policy_state', 'disqualifications', 'finalizations'];

let t: TestApp;
let admin: string;
let batchId: number;
beforeAll(async () => {
  t = await buildTestApp();
  admin = (await t.login('admin')).cookie;
  const up = await postUpload(t, admin, {
    kind: 'unit-targets', fileName: 'targets.csv', data: '单位,规上工业总产值目标（万元）,工业投资目标（万元）\n城中区,60000,10000\n', dryRun: false,
  });
  batchId = up.json<{ batch: { batchId: number } }>().batch.batchId;
});
afterAll(async () => {
  await t.close();
});

/** Every row of the tables that matter, read through a second connection to the same file. */
function snapshot(): string {
  const db = new Database(t.databasePath, { readonly: true });
  try {
    // table names come from the constant list above, never from input
    return JSON.stringify(TABLES.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()));
  } finally {
    db.close();
  }
}

describe('SQL-injection-looking input (issue 6)', () => {
  const ATTACKS = [`1 OR 1=1`, `' OR '1'='1`, `'; DROP TABLE batches; --`, `1; DELETE FROM entries`, `450202' OR 1=1 --`];

  it.each(ATTACKS)('%s in ids, names and queries: 4xx every time, and nothing changes', async (attack) => {
    const before = snapshot();
    const requests = [
      { method: 'POST' as const, url: `/api/uploads/${enc(attack)}/revert` },
      { method: 'PUT' as const, url: `${P}/units/${enc(attack)}/disqualification`, payload: { reason: '注入测试原因' } },
      { method: 'DELETE' as const, url: `${P}/units/${enc(attack)}/disqualification` },
      { method: 'PUT' as const, url: `/api/policies/${enc(attack)}/budget`, payload: { totalWan: 1 } },
      { method: 'POST' as const, url: `/api/policies/${enc(attack)}/finalize` },
      { method: 'GET' as const, url: `/api/policies/${enc(attack)}/ranking` },
      { method: 'GET' as const, url: `/api/uploads?policyId=${enc(attack)}` },
      { method: 'GET' as const, url: `/api/audit?before=${enc(attack)}` },
      { method: 'GET' as const, url: `${P}/ranking?month=${enc(attack)}` },
      { method: 'GET' as const, url: `/api/templates/unit-targets.xlsx?policyId=${enc(attack)}` },
      { method: 'PATCH' as const, url: `/api/users/${enc(attack)}`, payload: { disabled: true } },
      { method: 'POST' as const, url: '/api/users', payload: { username: attack, displayName: attack, role: 'admin', password: 'river-stone-42' } },
      { method: 'POST' as const, url: '/api/session', payload: { username: attack, password: attack }, anonymous: true },
      { method: 'POST' as const, url: '/api/session', payload: { username: 'admin', password: attack }, anonymous: true },
    ];
    for (const r of requests) {
      const res = await t.app.inject({ method: r.method, url: r.url, payload: r.payload, headers: r.anonymous ? {} : { cookie: admin } });
      expect(res.statusCode, `${r.method} ${r.url}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${r.method} ${r.url}`).toBeLessThan(500);
      expect(res.json<{ message: string }>().message, `${r.method} ${r.url}`).toMatch(/\p{Script=Han}/u);
    }
    expect(snapshot()).toBe(before);
  });

  it('the real batch id still reverts (so the refusals above were about the input)', async () => {
    const before = snapshot();
    const res = await t.app.inject({ method: 'POST', url: `/api/uploads/${batchId}/revert`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(snapshot()).not.toBe(before);
  });
});

describe('names from uploads are returned verbatim (issue 6)', () => {
  it('an enterprise named like markup comes back character for character in GET …/subsidies', async () => {
    const code = (first17: string) => first17 + creditCodeCheckChar(first17);
    const names = ['<img src=x onerror=alert(1)>', `Tom & Jerry's "工厂" <b>`, '柳州&lt;测试&gt;有限公司'];
    const csv = [
      '申报编号,企业名称,统一社会信用代码,是否规上,类别,项目名称,日期,申报费用（元）,认证类型,信用承诺',
      `X-1,${names[0]},${code('91450200MA5KE2E0X')},是,展会,<script>alert(2)</script>,2026-05-01,100000.00,,是`,
      `X-2,"${names[1]!.replaceAll('"', '""')}",${code('91450200MA5KE2E1X')},是,展会,"javascript:alert(3)",2026-05-02,50000.00,,是`,
      `X-3,${names[2]},${code('91450200MA5KE2E2X')},否,国际认证,CE,2026-03-01,30000.00,CE,是`,
    ].join('\n');
    const up = await postUpload(t, admin, { kind: 'subsidy-applications', fileName: '<svg onload=alert(4)>.csv', data: csv, dryRun: false });
    expect(up.statusCode).toBe(200);
    expect(up.json<{ fileName: string }>().fileName).toBe('<svg onload=alert(4)>.csv');

    const res = await t.app.inject({ url: `${P}/subsidies`, headers: { cookie: admin } });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const body = subsidiesSchema.parse(res.json());
    const byId = new Map(body.applications.map((a) => [a.applicationId, a]));
    expect(byId.get('X-1')).toMatchObject({ enterpriseName: names[0], item: '<script>alert(2)</script>', costYuan: '100000.00' });
    expect(byId.get('X-2')).toMatchObject({ enterpriseName: names[1], item: 'javascript:alert(3)' });
    expect(byId.get('X-3')).toMatchObject({ enterpriseName: names[2] });
    expect(body.grants.map((g) => g.enterpriseName).sort()).toEqual([...names].sort());
    // The raw JSON escapes nothing but what JSON must: the browser gets the text, not entities.
    expect(res.body).toContain('"enterpriseName":"<img src=x onerror=alert(1)>"');
  });
});
