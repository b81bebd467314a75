import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Awards } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, TEST_PASSWORD, type TestApp } from '../helpers/app';
import { multipartBody } from '../helpers/multipart';

const P = `/api/policies/${POLICY_ID}`;
const HOST = 'board.liuzhou.example';

let t: TestApp;
let leader: string;
let admin: string;
beforeEach(async () => {
  t = await buildTestApp();
  leader = (await t.login('leader')).cookie;
  admin = (await t.login('admin')).cookie;
});
afterEach(async () => {
  await t.close();
});

const upload = multipartBody({ kind: 'unit-targets', policyId: POLICY_ID }, { name: 't.csv', data: '单位,规上工业总产值目标（万元）\n城中区,100\n' });
const batchCount = async () => (await t.app.inject({ url: '/api/uploads', headers: { cookie: leader } })).json<{ batches: unknown[] }>().batches.length;

const budget = async () => (await t.app.inject({ url: `${P}/awards`, headers: { cookie: leader } })).json<Awards>().budget.totalWan;
const disqualified = async () =>
  (await t.app.inject({ url: `${P}/awards`, headers: { cookie: leader } })).json<Awards>().county.find((r) => r.unitId === '450202')!.disqualified;

describe('cross-site writes are refused (issue 6)', () => {
  const FOREIGN = [
    { origin: 'https://evil.example' },
    { origin: `https://${HOST}.evil.example` },
    { origin: 'null' }, // a sandboxed frame or a privacy redirect will not say where it comes from
    { referer: 'https://evil.example/attack.html' }, // no Origin: the Referer decides
  ];

  it.each(FOREIGN)('PUT, POST, DELETE and PATCH with %o: 403 cross_site_request, nothing changes', async (from) => {
    const headers = { host: HOST, ...from };
    const writes = [
      { method: 'PUT' as const, url: `${P}/budget`, payload: { totalWan: 1 }, cookie: admin },
      { method: 'PUT' as const, url: `${P}/units/450202/disqualification`, payload: { reason: '伪造的否决' }, cookie: leader },
      { method: 'POST' as const, url: `${P}/finalize`, cookie: leader },
      { method: 'PATCH' as const, url: '/api/users/viewer', payload: { disabled: true }, cookie: admin },
      { method: 'DELETE' as const, url: '/api/session', cookie: leader },
      { method: 'POST' as const, url: '/api/session', payload: { username: 'viewer', password: TEST_PASSWORD } },
    ];
    const uploadHeaders = { ...headers, ...upload.headers, cookie: leader };
    for (const w of [...writes, { method: 'POST' as const, url: '/api/uploads?dryRun=false', payload: upload.payload, headers: uploadHeaders }]) {
      const res = await t.app.inject({ method: w.method, url: w.url, payload: w.payload, headers: 'headers' in w ? w.headers : { ...headers, ...(w.cookie ? { cookie: w.cookie } : {}) } });
      expect(res.statusCode, `${w.method} ${w.url}`).toBe(403);
      expect(res.json()).toEqual({ code: 'cross_site_request', message: '拒绝跨站请求：此操作只能从本系统的页面发起' });
      expect(res.cookies).toHaveLength(0);
    }
    expect(await budget()).toBeNull();
    expect(await disqualified()).toBeNull();
    expect(await batchCount()).toBe(0);
    expect((await t.app.inject({ url: `${P}/awards`, headers: { cookie: leader } })).json<Awards>().final).toBe(false);
    expect((await t.app.inject({ url: '/api/session', headers: { cookie: leader } })).statusCode).toBe(200); // not signed out
  });

  it('a same-origin write is accepted, by Origin or by Referer, on the default port or another', async () => {
    const put = (headers: Record<string, string>, totalWan: number) =>
      t.app.inject({ method: 'PUT', url: `${P}/budget`, payload: { totalWan }, headers: { cookie: admin, ...headers } });
    expect((await put({ host: HOST, origin: `https://${HOST}` }, 3000)).statusCode).toBe(200);
    expect((await put({ host: `${HOST}:443`, origin: `https://${HOST}` }, 3100)).statusCode).toBe(200);
    expect((await put({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, 3200)).statusCode).toBe(200);
    expect((await put({ host: HOST, referer: `https://${HOST}/awards` }, 3300)).statusCode).toBe(200);
    expect(await budget()).toBe(3300);
    // same host name, another port: another origin
    expect((await put({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:5000' }, 1)).statusCode).toBe(403);
  });

  it('an API client that sends neither Origin nor Referer still works', async () => {
    const dq = await t.app.inject({ method: 'PUT', url: `${P}/units/450202/disqualification`, payload: { reason: '发生重大安全事故' }, headers: { cookie: leader } });
    expect(dq.statusCode).toBe(200);
    expect(await disqualified()).toEqual({ reason: '发生重大安全事故' });
    const lifted = await t.app.inject({ method: 'DELETE', url: `${P}/units/450202/disqualification`, headers: { cookie: leader } });
    expect(lifted.statusCode).toBe(200);
    expect(await disqualified()).toBeNull();
  });

  it('reads are not affected by a foreign Origin (the browser, not the server, keeps their answers from other sites)', async () => {
    const res = await t.app.inject({ url: `${P}/ranking`, headers: { cookie: leader, origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('behind a trusted proxy, X-Forwarded-Host is the site; without TRUST_PROXY it is ignored', async () => {
    const behindProxy = { host: '127.0.0.1:3000', 'x-forwarded-host': HOST, 'x-forwarded-proto': 'https', origin: `https://${HOST}` };
    const login = () => t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'viewer', password: TEST_PASSWORD }, headers: behindProxy });
    expect((await login()).statusCode).toBe(403);
    await t.close();
    t = await buildTestApp({ trustProxy: true });
    expect((await login()).statusCode).toBe(200);
  });
});
