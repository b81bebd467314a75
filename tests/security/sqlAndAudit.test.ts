import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';

const SERVER_SRC = fileURLToPath(new URL('../../server/src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

// A template literal with a ${…} whose text reads like SQL; SQL glued together with +; or a
// prepare/exec fed anything but a literal (the migration runner executes the repository's own .sql
// files, which is the one allowed case).
const INTERPOLATED_SQL = /`[^`]*\b(SELECT|INSERT|UPDATE|DELETE|WHERE|FROM|INTO|VALUES|PRAGMA|DROP|CREATE)\b[^`]*\$\{[^`]*`/;
const CONCATENATED_SQL = /\bdb\.(prepare|exec)[^(\n]*\(\s*(['"`])(?:(?!\2)[^\\]|\\.)*\2\s*\+/;
const NON_LITERAL_SQL = /\bdb\.(prepare|exec)[^(\n]*\(\s*(?![\s'"`])[^)]*\)/g;
const ALLOWED = new Set(['/db/migrate.ts: db.exec(sql)']);

describe('no SQL is built from strings (issue 6)', () => {
  it('server/src has SQL only in constant strings with ? or @name parameters', () => {
    const files = sourceFiles(SERVER_SRC);
    expect(files.length).toBeGreaterThan(20); // the walk found the source
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const found = [INTERPOLATED_SQL.exec(text)?.[0], CONCATENATED_SQL.exec(text)?.[0], ...[...text.matchAll(NON_LITERAL_SQL)].map((m) => m[0])];
      return found.filter((m) => m !== undefined).map((m) => `${file.slice(SERVER_SRC.length)}: ${m.slice(0, 120)}`);
    });
    expect(offenders.filter((o) => !ALLOWED.has(o))).toEqual([]);
  });

  it('the check itself catches the patterns it is for', () => {
    expect(INTERPOLATED_SQL.test('db.prepare(`SELECT * FROM batches WHERE batch_id = ${id}`)')).toBe(true);
    expect(CONCATENATED_SQL.test("db.prepare('SELECT * FROM users WHERE username = \\'' + name)")).toBe(true);
    expect(CONCATENATED_SQL.test("deps.db.prepare<[string]>(\n  'SELECT * FROM batches WHERE kind = ' + kind)")).toBe(true);
    expect('db.exec(sql + suffix)'.match(NON_LITERAL_SQL)).toEqual(['db.exec(sql + suffix)']);
    expect("db.prepare<[string], Row>('SELECT * FROM users WHERE username = ?')".match(NON_LITERAL_SQL)).toBeNull();
    expect(INTERPOLATED_SQL.test("`找不到上传批次 ${batchId}`")).toBe(false);
  });
});

describe('the audit log (issue 6)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('an admin reads it, newest first; every other role is refused', async () => {
    const admin = await t.login('admin');
    await t.app.inject({ method: 'PUT', url: `/api/policies/${POLICY_ID}/budget`, headers: admin, payload: { totalWan: 2400 } });
    const res = await t.app.inject({ url: '/api/audit?limit=1', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ entries: [{ actor: 'admin', action: 'budget.set', target: POLICY_ID, before: { totalWan: null }, after: { totalWan: 2400 } }] });
    for (const role of ['viewer', 'statistician', 'leader'] as const) {
      const other = await t.app.inject({ url: '/api/audit', headers: await t.login(role) });
      expect(other.statusCode, role).toBe(403);
    }
  });

  it('the API offers no way to change or remove entries', async () => {
    const admin = await t.login('admin');
    const count = async () => (await t.app.inject({ url: '/api/audit?limit=1000', headers: admin })).json<{ entries: unknown[] }>().entries.length;
    const before = await count();
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      for (const url of ['/api/audit', '/api/audit/1']) {
        expect((await t.app.inject({ method, url, headers: admin, payload: {} })).statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect(await count()).toBe(before);
  });
});
