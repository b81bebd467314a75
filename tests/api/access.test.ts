import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { multipartBody } from '../helpers/multipart';

const P = `/api/policies/${POLICY_ID}`;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const upload = multipartBody({ kind: 'unit-targets', policyId: POLICY_ID }, { name: 't.csv', data: '单位,规上工业总产值目标（万元）\n城中区,100\n' });

// Every route of SPEC.md §11 but health and login, with the least role that may call it.
const ROUTES: { method: Method; url: string; role: Role; payload?: unknown; headers?: Record<string, string> }[] = [
  { method: 'GET', url: '/api/session', role: 'viewer' },
  { method: 'DELETE', url: '/api/session', role: 'viewer' },
  { method: 'GET', url: '/api/policies', role: 'viewer' },
  { method: 'GET', url: P, role: 'viewer' },
  { method: 'GET', url: `${P}/ranking`, role: 'viewer' },
  { method: 'GET', url: `${P}/industries`, role: 'viewer' },
  { method: 'GET', url: `${P}/subsidies`, role: 'viewer' },
  { method: 'GET', url: `${P}/awards`, role: 'viewer' },
  { method: 'GET', url: `${P}/awards.xlsx`, role: 'viewer' },
  { method: 'GET', url: `${P}/budget`, role: 'viewer' },
  { method: 'GET', url: `${P}/units/450202/outlook`, role: 'viewer' },
  { method: 'GET', url: '/api/templates/unit-targets.xlsx', role: 'viewer' },
  { method: 'GET', url: '/api/events', role: 'viewer' },
  { method: 'POST', url: '/api/uploads?dryRun=true', role: 'statistician', payload: upload.payload, headers: upload.headers },
  { method: 'GET', url: '/api/uploads', role: 'statistician' },
  { method: 'POST', url: '/api/uploads/1/revert', role: 'statistician' },
  { method: 'POST', url: `${P}/finalize`, role: 'leader' },
  { method: 'PUT', url: `${P}/units/450202/disqualification`, role: 'leader', payload: { reason: '发生重大安全事故' } },
  { method: 'DELETE', url: `${P}/units/450202/disqualification`, role: 'leader' },
  { method: 'PUT', url: `${P}/budget`, role: 'admin', payload: { totalWan: 3000 } },
  { method: 'GET', url: '/api/audit', role: 'admin' },
  { method: 'GET', url: '/api/users', role: 'admin' },
  { method: 'POST', url: '/api/users', role: 'admin', payload: { username: 'wang.li', displayName: '王丽', role: 'viewer', password: 'long-enough-pw' } },
  { method: 'PATCH', url: '/api/users/viewer', role: 'admin', payload: { displayName: '查看者' } },
  { method: 'GET', url: '/api/backups', role: 'admin' },
  { method: 'POST', url: '/api/backups', role: 'admin' },
  { method: 'GET', url: '/api/webhooks', role: 'admin' },
  { method: 'POST', url: '/api/webhooks', role: 'admin', payload: { kind: 'json', url: 'https://example.org/hook', events: ['awards.changed'] } },
  { method: 'DELETE', url: '/api/webhooks/1', role: 'admin' },
  { method: 'POST', url: '/api/webhooks/1/test', role: 'admin' },
  { method: 'GET', url: '/api/webhooks/deliveries', role: 'admin' },
];
const BELOW: Partial<Record<Role, Role>> = { statistician: 'viewer', leader: 'statistician', admin: 'leader' };

// Every request here is refused or only reads, so the tests share one app.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('access (SPEC.md §10)', () => {
  it('answers health and the OpenAPI document without a session', async () => {
    expect((await t.app.inject('/api/health')).json()).toMatchObject({ status: 'ok' });
    const docs = await t.app.inject('/api/docs/json');
    expect(docs.statusCode).toBe(200);
    const paths = Object.keys(docs.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/policies/{policyId}/ranking', '/api/uploads', '/api/uploads/{batchId}/revert']));
  });

  it.each(ROUTES)('$method $url needs a session: 401 unauthenticated', async (r) => {
    const res = await t.app.inject({ method: r.method, url: r.url, payload: r.payload as string, headers: r.headers });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it.each(ROUTES.filter((r) => BELOW[r.role]))('$method $url refuses the role below $role: 403 forbidden', async (r) => {
    const { cookie } = await t.login(BELOW[r.role]!);
    const res = await t.app.inject({ method: r.method, url: r.url, payload: r.payload as string, headers: { ...r.headers, cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
    expect(res.json<{ message: string }>().message).toMatch(/权限不足/);
  });

  it('an unknown /api path is a JSON 404, and a garbage cookie is a 401', async () => {
    const res = await t.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
    const bad = await t.app.inject({ url: '/api/policies', headers: { cookie: 'sid=not-a-session' } });
    expect(bad.statusCode).toBe(401);
  });
});

describe('bad bodies get field-level 400s', () => {
  it('login without fields', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: {} });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; details: { path: string; message: string }[] }>();
    expect(body.code).toBe('invalid_request');
    expect(body.details.map((d) => d.path).sort()).toEqual(['password', 'username']);
  });

  it('disqualification without a reason, a negative budget, a short password, a month out of range', async () => {
    const leader = await t.login('leader');
    const dq = await t.app.inject({ method: 'PUT', url: `${P}/units/450202/disqualification`, headers: leader, payload: { reason: '' } });
    expect(dq.statusCode).toBe(400);
    expect(dq.json()).toMatchObject({ code: 'invalid_request', details: [{ path: 'reason' }] });

    const admin = await t.login('admin');
    const budget = await t.app.inject({ method: 'PUT', url: `${P}/budget`, headers: admin, payload: { totalWan: -5 } });
    expect(budget.statusCode).toBe(400);
    expect(budget.json()).toMatchObject({ details: [{ path: 'totalWan' }] });

    const user = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'Bad Name', displayName: 'x', role: 'boss', password: 'short' } });
    expect(user.statusCode).toBe(400);
    expect(user.json<{ details: { path: string }[] }>().details.map((d) => d.path).sort()).toEqual(['password', 'role', 'username']);

    const month = await t.app.inject({ url: `${P}/ranking?month=13`, headers: leader });
    expect(month.statusCode).toBe(400);
    expect(month.json()).toMatchObject({ code: 'invalid_request', details: [{ path: 'month' }] });
    const outside = await t.app.inject({ url: `${P}/ranking?month=5`, headers: leader });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'invalid_month' });
  });

  it('malformed JSON is a 400, not a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_request' });
  });

  it('an unknown policy or unit is a 404', async () => {
    const leader = await t.login('leader');
    expect((await t.app.inject({ url: '/api/policies/nope/ranking', headers: leader })).json()).toMatchObject({ code: 'policy_not_found' });
    const res = await t.app.inject({ method: 'PUT', url: `${P}/units/999999/disqualification`, headers: leader, payload: { reason: '测试原因' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'unit_not_found' });
  });
});
