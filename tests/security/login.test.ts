import type { LightMyRequestResponse } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import { LOGIN_THROTTLE_DEFAULTS } from '../../server/src/services/loginThrottle';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const { maxFailuresPerUser: PER_USER, maxFailuresPerAddress: PER_ADDRESS, windowMs: WINDOW } = LOGIN_THROTTLE_DEFAULTS;

let t: TestApp;
afterEach(async () => {
  await t.close();
});

function login(username: string, password: string, from: { remoteAddress?: string; headers?: Record<string, string> } = {}) {
  return t.app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, ...from });
}
/** Retry-After in whole seconds, at most `ms` and no more than a minute short of it. */
function expectSecondsNear(header: unknown, ms: number) {
  expect(header).toMatch(/^\d+$/);
  expect(Number(header)).toBeLessThanOrEqual(ms / 1000);
  expect(Number(header)).toBeGreaterThan(ms / 1000 - 60);
}
const sidOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'sid');

describe('login rate limit (issue 6)', () => {
  it(`per address: after ${PER_ADDRESS} failures from one address, 429 with Retry-After, whatever the user name`, async () => {
    t = await buildTestApp();
    const from = { remoteAddress: '10.1.2.3' };
    // a different user name each time, so only the address limit can trip
    for (let i = 0; i < PER_ADDRESS; i++) expect((await login(`guess${i}`, 'wrong-password-1', from)).statusCode).toBe(401);

    const refused = await login('viewer', TEST_PASSWORD, from); // even the right password: not tried
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'too_many_login_attempts', message: '登录失败次数过多，请在 15 分钟后再试' });
    // until the first failure leaves the 15-minute window (the failures themselves took a few seconds)
    expectSecondsNear(refused.headers['retry-after'], WINDOW);
    expect(sidOf(refused)).toBeUndefined();

    // another address is not affected; and once the window has passed the address may try again
    expect((await login('viewer', TEST_PASSWORD, { remoteAddress: '10.9.9.9' })).statusCode).toBe(200);
    t.advance(5 * MINUTE);
    expectSecondsNear((await login('viewer', TEST_PASSWORD, from)).headers['retry-after'], WINDOW - 5 * MINUTE);
    t.advance(WINDOW - 5 * MINUTE);
    expect((await login('viewer', TEST_PASSWORD, from)).statusCode).toBe(200);
  });

  it(`per user name: after ${PER_USER} failures from many addresses (X-Forwarded-For behind a trusted proxy), 429`, async () => {
    t = await buildTestApp({ trustProxy: '127.0.0.1' });
    const via = (client: string) => ({ remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < PER_USER; i++) expect((await login('leader', `wrong-password-${i}`, via(`203.0.113.${i}`))).statusCode).toBe(401);

    const refused = await login('leader', TEST_PASSWORD, via('198.51.100.7'));
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // other users from those same addresses still sign in
    expect((await login('viewer', TEST_PASSWORD, via('203.0.113.1'))).statusCode).toBe(200);
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: a forged header does not reset the count', async () => {
    t = await buildTestApp();
    for (let i = 0; i < PER_ADDRESS; i++) {
      const res = await login(`guess${i}`, 'wrong-password-1', { remoteAddress: '10.1.2.3', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      expect(res.statusCode).toBe(401);
    }
    const forged = await login('viewer', TEST_PASSWORD, { remoteAddress: '10.1.2.3', headers: { 'x-forwarded-for': '192.0.2.200' } });
    expect(forged.statusCode).toBe(429);
  });

  it('a burst of parallel guesses cannot slip past the limit while passwords are being hashed', async () => {
    t = await buildTestApp();
    const codes = await Promise.all(Array.from({ length: 25 }, (_, i) => login('admin', `parallel-guess-${i}`)));
    const counts = codes.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.statusCode]: (acc[r.statusCode] ?? 0) + 1 }), {});
    expect(counts).toEqual({ 401: PER_USER, 429: 25 - PER_USER });
  });

  it('a successful login clears the user name’s failures', async () => {
    t = await buildTestApp();
    for (let i = 0; i < PER_USER - 1; i++) await login('viewer', `wrong-${i}-password`);
    expect((await login('viewer', TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < PER_USER - 1; i++) expect((await login('viewer', `wrong-${i}-again`)).statusCode).toBe(401);
    expect((await login('viewer', TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('the login limit survives a restart (issue 14)', () => {
  it('failures counted before a restart still count after it, until they leave the window', async () => {
    t = await buildTestApp(); // only for afterEach; this test runs its own two apps on one file
    const dir = await mkdtemp(join(tmpdir(), 'scoreboard-throttle-'));
    const databasePath = join(dir, 'db.sqlite');
    let offset = 0;
    const open = () => buildApp({ databasePath, adminPassword: TEST_PASSWORD, clientDist: dir, now: () => Date.now() + offset });
    const attempt = (app: Awaited<ReturnType<typeof open>>, password: string, remoteAddress = '10.7.7.7') =>
      app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password }, remoteAddress });
    try {
      const first = await open();
      for (let i = 0; i < PER_USER; i++) expect((await attempt(first, `wrong-guess-${i}`)).statusCode).toBe(401);
      expect((await attempt(first, TEST_PASSWORD)).statusCode).toBe(429);
      await first.close();

      const second = await open();
      try {
        const refused = await attempt(second, TEST_PASSWORD, '10.8.8.8'); // another address: the per-user count
        expect(refused.statusCode).toBe(429);
        expectSecondsNear(refused.headers['retry-after'], WINDOW);
        offset += WINDOW;
        for (let i = 0; i < PER_USER - 1; i++) expect((await attempt(second, `wrong-later-${i}`)).statusCode).toBe(401);
        expect((await attempt(second, TEST_PASSWORD)).statusCode).toBe(200);
      } finally {
        await second.close();
      }

      // the success cleared the user's failures in the store too: after another start, as many
      // failures again still leave the user under the limit
      const third = await open();
      try {
        for (let i = 0; i < PER_USER - 1; i++) expect((await attempt(third, `wrong-again-${i}`)).statusCode).toBe(401);
        expect((await attempt(third, TEST_PASSWORD)).statusCode).toBe(200);
      } finally {
        await third.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the session cookie (issue 6)', () => {
  it('is HttpOnly, SameSite=Lax, path /, lives 12 hours, and is not Secure over plain http', async () => {
    t = await buildTestApp();
    const sid = sidOf(await login('viewer', TEST_PASSWORD))!;
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 12 * 60 * 60 });
    expect(sid.secure).toBeUndefined();
  });

  it('is Secure when a trusted TLS-terminating proxy says X-Forwarded-Proto: https', async () => {
    t = await buildTestApp({ trustProxy: true });
    const sid = sidOf(await login('viewer', TEST_PASSWORD, { headers: { 'x-forwarded-proto': 'https' } }))!;
    expect(sid).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });

  it('ignores X-Forwarded-Proto from a proxy that is not trusted', async () => {
    t = await buildTestApp({ trustProxy: '10.0.0.1' });
    const sid = sidOf(await login('viewer', TEST_PASSWORD, { remoteAddress: '192.0.2.50', headers: { 'x-forwarded-proto': 'https' } }))!;
    expect(sid.secure).toBeUndefined();
  });

  it('is rotated at login: a new id every time, and the id the browser held before is ended', async () => {
    t = await buildTestApp();
    const first = sidOf(await login('viewer', TEST_PASSWORD))!.value;
    const second = sidOf(await login('viewer', TEST_PASSWORD, { headers: { cookie: `sid=${first}` } }))!.value;
    expect(second).not.toBe(first);
    expect((await t.app.inject({ url: '/api/session', headers: { cookie: `sid=${first}` } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/session', headers: { cookie: `sid=${second}` } })).json()).toMatchObject({ username: 'viewer' });
  });

  it('times out after 2 idle hours, and expires 12 hours after login however active', async () => {
    t = await buildTestApp();
    const idle = `sid=${sidOf(await login('viewer', TEST_PASSWORD))!.value}`;
    const busy = `sid=${sidOf(await login('leader', TEST_PASSWORD))!.value}`;
    const status = async (cookie: string) => (await t.app.inject({ url: '/api/session', headers: { cookie } })).statusCode;

    for (let h = 1; h <= 11; h++) {
      t.advance(HOUR);
      expect(await status(busy), `hour ${h}`).toBe(200);
      if (h === 1) expect(await status(idle)).toBe(200); // last seen at hour 1
      if (h === 3) expect(await status(idle)).toBe(401); // two hours without a request
    }
    t.advance(HOUR - MINUTE);
    expect(await status(busy)).toBe(200); // a minute before 12 hours
    t.advance(MINUTE);
    const expired = await t.app.inject({ url: '/api/session', headers: { cookie: busy } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'unauthenticated' });
  });
});
