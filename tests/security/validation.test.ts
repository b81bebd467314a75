import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { multipartBody } from '../helpers/multipart';

const P = `/api/policies/${POLICY_ID}`;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// Requests only read or are refused (budget and user changes are harmless), so the tests share one app.
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await buildTestApp();
  admin = (await t.login('admin')).cookie;
});
afterAll(async () => {
  await t.close();
});

/** A client error with a stable code and a message in Chinese — never a 500. */
function expectClientError(res: LightMyRequestResponse, label: string) {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, label).toBeLessThan(500);
  const body = errorResponseSchema.parse(res.json());
  expect(body.message, label).toMatch(/\p{Script=Han}/u);
}

const upload = multipartBody({ kind: 'unit-targets', policyId: POLICY_ID }, { name: 't.csv', data: '单位,规上工业总产值目标（万元）\n城中区,100\n' });

describe('every input is validated: 4xx with a Chinese message, never a 500 (issue 6)', () => {
  const HOSTILE: { label: string; method: Method; url: string; payload?: string | Buffer | object; headers?: Record<string, string>; status?: number }[] = [
    { label: 'truncated JSON', method: 'POST', url: '/api/session', payload: '{"username":', headers: { 'content-type': 'application/json' }, status: 400 },
    { label: 'JSON array', method: 'POST', url: '/api/session', payload: '[]', headers: { 'content-type': 'application/json' }, status: 400 },
    { label: 'prototype pollution', method: 'POST', url: '/api/session', payload: '{"__proto__":{"role":"admin"},"username":"a","password":"b"}', headers: { 'content-type': 'application/json' }, status: 400 },
    { label: 'text/plain body', method: 'POST', url: '/api/session', payload: 'username=admin', headers: { 'content-type': 'text/plain' }, status: 400 },
    { label: 'an XML body', method: 'POST', url: '/api/session', payload: '<a/>', headers: { 'content-type': 'application/xml' }, status: 415 },
    { label: 'a 2 MiB JSON body', method: 'PUT', url: `${P}/budget`, payload: JSON.stringify({ totalWan: 1, pad: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' }, status: 413 },
    { label: 'a number as user name', method: 'POST', url: '/api/session', payload: { username: 12345, password: 'x' }, status: 400 },
    { label: 'a 100 kB user name', method: 'POST', url: '/api/session', payload: { username: 'a'.repeat(100_000), password: 'x' }, status: 400 },
    { label: 'budget 1e400', method: 'PUT', url: `${P}/budget`, payload: '{"totalWan":1e400}', headers: { 'content-type': 'application/json' }, status: 400 },
    { label: 'budget past 2^53', method: 'PUT', url: `${P}/budget`, payload: '{"totalWan":9007199254740993}', headers: { 'content-type': 'application/json' }, status: 400 },
    { label: 'budget as text', method: 'PUT', url: `${P}/budget`, payload: { totalWan: '3000' }, status: 400 },
    { label: 'a 10,000-character reason', method: 'PUT', url: `${P}/units/450202/disqualification`, payload: { reason: '事'.repeat(10_000) }, status: 400 },
    { label: 'an unknown role', method: 'PATCH', url: '/api/users/viewer', payload: { role: 'superadmin' }, status: 400 },
    { label: 'month twice', method: 'GET', url: `${P}/ranking?month=7&month=8`, status: 400 },
    { label: 'month 7.5', method: 'GET', url: `${P}/ranking?month=7.5`, status: 400 },
    { label: 'month -1', method: 'GET', url: `${P}/ranking?month=-1`, status: 400 },
    { label: 'a batch id past 2^53', method: 'POST', url: '/api/uploads/99999999999999999999/revert', status: 400 },
    { label: 'a batch id of 0', method: 'POST', url: '/api/uploads/0/revert', status: 400 },
    { label: 'audit limit 0', method: 'GET', url: '/api/audit?limit=0', status: 400 },
    { label: 'dryRun=maybe', method: 'POST', url: '/api/uploads?dryRun=maybe', payload: upload.payload, headers: upload.headers, status: 400 },
    { label: 'an unknown template', method: 'GET', url: '/api/templates/passwords.xlsx', status: 400 },
    { label: 'a broken percent-escape in the path', method: 'GET', url: `/api/policies/%E0%A4%A/ranking`, status: 400 },
    { label: 'a NUL byte in an id', method: 'GET', url: `/api/policies/${encodeURIComponent('liuzhou\u0000')}/ranking`, status: 404 },
    { label: 'an upload without multipart', method: 'POST', url: '/api/uploads?dryRun=true', payload: { kind: 'unit-targets' }, status: 415 },
    { label: 'multipart without a boundary', method: 'POST', url: '/api/uploads?dryRun=true', payload: 'abc', headers: { 'content-type': 'multipart/form-data' } },
    { label: 'a truncated multipart body', method: 'POST', url: '/api/uploads?dryRun=true', payload: upload.payload.subarray(0, upload.payload.length - 40), headers: upload.headers },
    { label: 'two files in one upload', method: 'POST', url: '/api/uploads?dryRun=true', ...twoFiles(), status: 413 },
    { label: 'a multipart field named __proto__', method: 'POST', url: '/api/uploads?dryRun=true', ...multipartRequest({ __proto__x: 'a', kind: 'unit-targets', policyId: POLICY_ID }, '__proto__'), status: 400 },
    { label: 'an unknown upload kind', method: 'POST', url: '/api/uploads?dryRun=true', ...multipartRequest({ kind: 'passwords', policyId: POLICY_ID }), status: 400 },
    { label: 'an unknown policy in an upload', method: 'POST', url: '/api/uploads?dryRun=true', ...multipartRequest({ kind: 'unit-targets', policyId: "x' OR 1=1" }), status: 404 },
  ];

  it.each(HOSTILE)('$label → $status', async (r) => {
    const res = await t.app.inject({ method: r.method, url: r.url, payload: r.payload, headers: { cookie: admin, ...r.headers } });
    expectClientError(res, r.label);
    if (r.status) expect(res.statusCode, r.label).toBe(r.status);
  });

  it('a malformed or oversized session cookie is a 401, not a crash', async () => {
    for (const cookie of ['sid=%E0%A4%A', `sid=${'a'.repeat(8000)}`, 'sid=', 'sid="\\"', 'sid=a; sid=b']) {
      expectClientError(await t.app.inject({ url: '/api/policies', headers: { cookie } }), cookie.slice(0, 20));
    }
  });

  it('random path segments and query strings on every read route (fast-check)', async () => {
    const segment = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('..', '%', '%00', '%E0%A4%A', ' ', '\u202e'));
    const routes = [
      (s: string, q: string) => `/api/policies/${s}?${q}`,
      (s: string, q: string) => `/api/policies/${s}/ranking?month=${q}`,
      (s: string, q: string) => `/api/policies/${POLICY_ID}/ranking?month=${q}&x=${s}`,
      (s: string, q: string) => `/api/policies/${s}/industries?${q}`,
      (s: string, q: string) => `/api/policies/${s}/subsidies?${q}`,
      (s: string, q: string) => `/api/policies/${s}/awards?${q}`,
      (s: string, q: string) => `/api/uploads?policyId=${s}&${q}`,
      (s: string, q: string) => `/api/audit?limit=${s}&before=${q}`,
      (s: string, q: string) => `/api/templates/${s}.xlsx?policyId=${q}`,
    ];
    await fc.assert(
      fc.asyncProperty(fc.nat(routes.length - 1), segment, segment, fc.boolean(), async (i, s, q, escape) => {
        const url = routes[i]!(escape ? encodeURIComponent(s) : s, escape ? encodeURIComponent(q) : q);
        let res: LightMyRequestResponse;
        try {
          res = await t.app.inject({ url, headers: { cookie: admin } });
        } catch {
          return; // a URL so broken that no HTTP client would send it
        }
        expect(res.statusCode, url).toBeLessThan(500);
        if (res.statusCode >= 400) errorResponseSchema.parse(res.json());
      }),
      { numRuns: 300 },
    );
  });

  it('random JSON bodies on every write route (fast-check)', async () => {
    const writes: { method: Method; url: string }[] = [
      { method: 'PUT', url: `${P}/budget` },
      { method: 'PUT', url: `${P}/units/450202/disqualification` },
      { method: 'POST', url: '/api/users' },
      { method: 'PATCH', url: '/api/users/statistician' },
      { method: 'POST', url: '/api/uploads/1/revert' },
    ];
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ totalWan: fc.jsonValue(), reason: fc.jsonValue(), username: fc.jsonValue(), role: fc.jsonValue(), password: fc.jsonValue(), disabled: fc.jsonValue() }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), body, async (w, payload) => {
        const res = await t.app.inject({ method: w.method, url: w.url, payload: JSON.stringify(payload), headers: { cookie: admin, 'content-type': 'application/json' } });
        expect(res.statusCode, `${w.method} ${w.url} ${JSON.stringify(payload).slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(errorResponseSchema.parse(res.json()).message).toMatch(/\p{Script=Han}/u);
      }),
      { numRuns: 300 },
    );
  });
});

/** A multipart body; `rename` turns the field `${rename}x` into `rename` (a name an object literal cannot hold). */
function multipartRequest(fields: Record<string, string>, rename?: string) {
  const body = multipartBody(fields, { name: 't.csv', data: '单位,规上工业总产值目标（万元）\n城中区,100\n' });
  const payload = rename ? Buffer.from(body.payload.toString('latin1').replace(`name="${rename}x"`, `name="${rename}"`), 'latin1') : body.payload;
  return { payload, headers: body.headers };
}

function twoFiles() {
  const one = multipartBody({ kind: 'unit-targets', policyId: POLICY_ID }, { name: 'a.csv', data: '单位,规上工业总产值目标（万元）\n城中区,100\n' });
  const boundary = one.headers['content-type']!.split('boundary=')[1]!;
  const second = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="b.csv"\r\n\r\nx\r\n--${boundary}--\r\n`);
  const payload = Buffer.concat([one.payload.subarray(0, one.payload.length - `--${boundary}--\r\n`.length), second]);
  return { payload, headers: one.headers };
}
