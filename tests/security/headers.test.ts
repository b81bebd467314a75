import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app';

// The exact policy: scripts from our origin only and never inline; nobody may frame the board.
const CSP =
  "default-src 'self';base-uri 'self';connect-src 'self';font-src 'self' data:;form-action 'self';" +
  "frame-ancestors 'none';img-src 'self' data: blob:;object-src 'none';script-src 'self';" +
  "script-src-attr 'none';style-src 'self' 'unsafe-inline'";

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

let t: TestApp;
let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'scoreboard-client-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>看板</title><div id="root"></div><script type="module" src="/assets/app.js"></script>');
  await writeFile(join(dist, 'assets', 'app.js'), 'export {}');
  t = await buildTestApp({ clientDist: dist });
});
afterAll(async () => {
  await t.close();
  await rm(dist, { recursive: true, force: true });
});

describe('security headers (issue 6)', () => {
  it('an HTML page (a deep link) carries the CSP, nosniff, frame-ancestors none and a referrer policy', async () => {
    const res = await t.app.inject('/awards/print');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers).toMatchObject(SECURITY_HEADERS);
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('an API response carries the same headers and is never cached', async () => {
    const { cookie } = await t.login('viewer');
    for (const url of ['/api/health', '/api/policies', '/api/nothing-here']) {
      const res = await t.app.inject({ url, headers: { cookie } });
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      expect(res.headers, url).toMatchObject({ ...SECURITY_HEADERS, 'cache-control': 'no-store' });
    }
  });

  it('hashed assets stay cacheable, with the same headers', async () => {
    const res = await t.app.inject('/assets/app.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({ ...SECURITY_HEADERS, 'cache-control': 'public, max-age=31536000, immutable' });
  });

  it('the API docs page may not be framed either', async () => {
    const res = await t.app.inject('/api/docs');
    expect(res.statusCode).toBe(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
