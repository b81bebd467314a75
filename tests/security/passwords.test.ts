import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblems } from '../../server/src/services/passwordPolicy';
import { buildTestApp, type TestApp } from '../helpers/app';

const TOO_SHORT = '密码至少需要 10 个字符';
const LETTERS_AND_DIGITS = '密码须同时包含字母和数字';
const HAS_USERNAME = '密码不能包含用户名';
const COMMON = '密码过于常见，容易被猜中，请换一个';

describe('the password policy (issue 6)', () => {
  it.each([
    ['short1', 'zhang.wei', [TOO_SHORT]],
    ['abcdefghijkl', 'zhang.wei', [LETTERS_AND_DIGITS]],
    ['123456789012', 'zhang.wei', [LETTERS_AND_DIGITS]],
    ['zhang.wei2026!', 'zhang.wei', [HAS_USERNAME]],
    ['My-ZHANG.WEI-77', 'zhang.wei', [HAS_USERNAME]], // case does not hide the name
    ['Password123', 'zhang.wei', [COMMON]],
    ['abc', 'abc', [TOO_SHORT, LETTERS_AND_DIGITS, HAS_USERNAME]], // every rule broken is named
    ['柳州工业2026稳增长', 'zhang.wei', []], // Chinese characters are letters, and ten of them count as ten
    ['river-stone-42', 'zhang.wei', []],
  ])('%s for %s → %j', (password, username, problems) => {
    expect(passwordProblems(password, username).map((p) => p.zh)).toEqual(problems);
  });
});

// Every request here is refused or creates a user with a fresh name, so the tests share one app.
let t: TestApp;
let admin: { cookie: string };
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.close();
});

const createUser = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username, displayName: '王丽', role: 'statistician', password } });
const details = (body: { details?: { path: string; message: string }[] }) => body.details?.map((d) => d.message);

describe('applied when users are created and passwords changed', () => {
  it('refuses a weak password at creation with 400 weak_password and Chinese reasons; no user is made', async () => {
    const res = await createUser('wang.li', 'wang.li-password');
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; message: string; details: { path: string; message: string }[] }>();
    expect(body.code).toBe('weak_password');
    expect(body.message).toBe(`密码不符合要求：${LETTERS_AND_DIGITS}；${HAS_USERNAME}`);
    expect(body.details).toEqual([{ path: 'password', message: LETTERS_AND_DIGITS }, { path: 'password', message: HAS_USERNAME }]);
    const users = (await t.app.inject({ url: '/api/users', headers: admin })).json<{ users: { username: string }[] }>().users;
    expect(users.map((u) => u.username)).not.toContain('wang.li');
  });

  it('a password under 10 characters is a field-level 400 in Chinese', async () => {
    const res = await createUser('li.na', 'abc123');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_request', details: [{ path: 'password', message: TOO_SHORT }] });
  });

  it('a common password is refused; a good one is accepted and signs in', async () => {
    expect(details((await createUser('zhou.min', 'qwerty123456')).json())).toEqual([COMMON]);
    const ok = await createUser('zhou.min', 'liu-river-bridge-9');
    expect(ok.statusCode).toBe(201);
    const login = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'zhou.min', password: 'liu-river-bridge-9' } });
    expect(login.statusCode).toBe(200);
  });

  it('a password change is held to the same rules, against the user being changed', async () => {
    const change = (password: string) => t.app.inject({ method: 'PATCH', url: '/api/users/viewer', headers: admin, payload: { password } });
    const weak = await change('viewer-2026-pass');
    expect(weak.statusCode).toBe(400);
    expect(details(weak.json())).toEqual([HAS_USERNAME]);
    expect(details((await change('onlyletters-here')).json())).toEqual([LETTERS_AND_DIGITS]);
    expect((await change('short')).json()).toMatchObject({ code: 'invalid_request', details: [{ path: 'password', message: TOO_SHORT }] });

    const good = await change('new-harbour-light-31');
    expect(good.statusCode).toBe(200);
    const login = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'viewer', password: 'new-harbour-light-31' } });
    expect(login.statusCode).toBe(200);
    // other fields still change without a password
    expect((await t.app.inject({ method: 'PATCH', url: '/api/users/viewer', headers: admin, payload: { displayName: '查看者' } })).statusCode).toBe(200);
  });
});
