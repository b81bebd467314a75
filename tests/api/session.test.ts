import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app';

const HOUR = 60 * 60 * 1000;
let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('sessions (SPEC.md §10)', () => {
  it('logs in with an http-only SameSite=Lax cookie, says who is signed in, and logs out', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'leader', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'leader', role: 'leader' });
    const sid = res.cookies.find((c) => c.name === 'sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    expect(sid.value).toMatch(/^[\w-]{43}$/); // 32 random bytes, base64url
    const cookie = `sid=${sid.value}`;

    const me = await t.app.inject({ url: '/api/session', headers: { cookie } });
    expect(me.json()).toMatchObject({ username: 'leader', role: 'leader' });

    expect((await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const payload of [{ username: 'leader', password: 'wrong-password' }, { username: 'nobody', password: TEST_PASSWORD }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/session', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'invalid_credentials', message: '用户名或密码不正确' });
      expect(res.cookies).toHaveLength(0);
    }
  });

  it('slows password guessing: the 11th try in a minute is a 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: `guess-${i}` } });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([...Array<number>(10).fill(401), 429]);
    // another user name from the same address is not locked out
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'viewer', password: TEST_PASSWORD } })).statusCode).toBe(200);
  });

  it('gives a fresh session id at every login', async () => {
    const a = await t.login('viewer');
    const b = await t.login('viewer');
    expect(a.cookie).not.toBe(b.cookie);
  });

  it('ends a session idle for 2 hours', async () => {
    const { cookie } = await t.login('viewer');
    t.advance(2 * HOUR - 60_000);
    expect((await t.app.inject({ url: '/api/policies', headers: { cookie } })).statusCode).toBe(200);
    t.advance(2 * HOUR - 60_000); // active a minute before the idle limit: still signed in
    expect((await t.app.inject({ url: '/api/policies', headers: { cookie } })).statusCode).toBe(200);
    t.advance(2 * HOUR + 1);
    expect((await t.app.inject({ url: '/api/policies', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends even an active session 12 hours after login', async () => {
    const { cookie } = await t.login('viewer');
    for (let h = 1; h < 12; h++) {
      t.advance(HOUR);
      expect((await t.app.inject({ url: '/api/policies', headers: { cookie } })).statusCode).toBe(200);
    }
    t.advance(HOUR);
    expect((await t.app.inject({ url: '/api/policies', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('user management (admin)', () => {
  it('creates a user who can then log in; disabling ends their sessions', async () => {
    const admin = await t.login('admin');
    const created = await t.app.inject({
      method: 'POST', url: '/api/users', headers: admin,
      payload: { username: 'zhang.wei', displayName: '张伟', role: 'statistician', password: 'a-long-password-2026' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'zhang.wei', role: 'statistician', disabled: false });
    expect(created.json()).not.toHaveProperty('password');

    const login = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'zhang.wei', password: 'a-long-password-2026' } });
    expect(login.statusCode).toBe(200);
    const cookie = `sid=${login.cookies.find((c) => c.name === 'sid')!.value}`;

    const again = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'zhang.wei', displayName: '张伟', role: 'viewer', password: 'a-long-password-2026' } });
    expect(again.statusCode).toBe(409);

    const disabled = await t.app.inject({ method: 'PATCH', url: '/api/users/zhang.wei', headers: admin, payload: { disabled: true } });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect((await t.app.inject({ url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
    const relogin = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'zhang.wei', password: 'a-long-password-2026' } });
    expect(relogin.statusCode).toBe(401);

    const list = await t.app.inject({ url: '/api/users', headers: admin });
    expect(list.json<{ users: { username: string }[] }>().users.map((u) => u.username)).toContain('zhang.wei');
  });

  it('never removes the last admin', async () => {
    const admin = await t.login('admin');
    const res = await t.app.inject({ method: 'PATCH', url: '/api/users/admin', headers: admin, payload: { role: 'viewer' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'last_admin' });
  });
});
