import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import { passwordProblems } from '../../server/src/services/passwordPolicy';
import { generatePassword } from '../../server/src/services/passwords';
import { buildTestApp, type TestApp } from '../helpers/app';
import { login } from '../support/http';
import { startServer } from '../support/realServer';

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

describe('held by the users service, whoever calls it', () => {
  it('a caller other than the API (a script, a test helper) cannot store a weak password either', async () => {
    await expect(t.app.services.users.create('script', { username: 'li.lei', displayName: '李雷', role: 'viewer', password: 'lilei-password' }))
      .rejects.toMatchObject({ statusCode: 400, code: 'weak_password', message: `密码不符合要求：${LETTERS_AND_DIGITS}` });
    await expect(t.app.services.users.update('script', 'viewer', { password: 'short-1' })).rejects.toMatchObject({ code: 'weak_password' });
  });

  it('a weak ADMIN_PASSWORD on an empty database stops the start, naming the rule and the account', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scoreboard-weak-admin-'));
    try {
      // 'admin-2026-pass' contains the user name; 'Liuzhou2026' is the length rule's near miss
      await expect(buildApp({ databasePath: join(dir, 'a.sqlite'), adminPassword: 'admin-2026-pass', clientDist: dir })).rejects.toThrow(
        `ADMIN_PASSWORD 不符合密码规则（用于账号 admin）：${HAS_USERNAME}`,
      );
      await expect(buildApp({ databasePath: join(dir, 'b.sqlite'), adminPassword: 'liuzhou', clientDist: dir })).rejects.toThrow(
        `${TOO_SHORT}；${LETTERS_AND_DIGITS}`,
      );
      // the demo accounts share the password, so it must suit their names too
      await expect(buildApp({ databasePath: join(dir, 'c.sqlite'), adminPassword: 'leader-of-2026', demoData: true, clientDist: dir })).rejects.toThrow(
        `（用于账号 leader）：${HAS_USERNAME}`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the real server refuses to start with it and says why; the README’s demo password starts it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scoreboard-weak-admin-'));
    try {
      await expect(startServer({ DATABASE_PATH: join(dir, 'weak.sqlite'), DEMO_DATA: '0', ADMIN_PASSWORD: 'password123' })).rejects.toThrow(
        /server exited \(1\)[\s\S]*ADMIN_PASSWORD 不符合密码规则（用于账号 admin）：密码过于常见/,
      );
      const server = await startServer({ DATABASE_PATH: join(dir, 'demo.sqlite'), DEMO_DATA: '0', ADMIN_PASSWORD: 'Liuzhou-demo-2026' });
      try {
        expect(await login(server.base, 'admin', 'Liuzhou-demo-2026')).toMatch(/^sid=/);
      } finally {
        await server.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('an ADMIN_PASSWORD left in the environment is not checked once users exist (an upgrade never stops on it)', async () => {
    const again = await buildApp({ databasePath: t.databasePath, adminPassword: 'weak', clientDist: t.dir });
    await again.close();
  });

  it('the password generated at first start meets the policy: refused draws are drawn again', async () => {
    let draws = 0;
    const password = generatePassword((p) => ++draws > 3 && passwordProblems(p, 'admin').length === 0);
    expect(draws).toBeGreaterThan(3);
    expect(passwordProblems(password, 'admin')).toEqual([]);

    const dir = await mkdtemp(join(tmpdir(), 'scoreboard-generated-'));
    let announced = '';
    const app = await buildApp({ databasePath: join(dir, 'g.sqlite'), clientDist: dir, announcePassword: (p) => (announced = p) });
    try {
      expect(passwordProblems(announced, 'admin')).toEqual([]);
      expect((await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: announced } })).statusCode).toBe(200);
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
