import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { healthSchema } from '@scoreboard/shared';
import { readConfig } from '../../server/src/config';
import { formatLogLine } from '../../server/src/logging';
import type {} from '../../server/src/plugins/db'; // app.db
import { buildTestApp, type TestApp } from '../helpers/app';
import { ROOT, startServer } from '../support/realServer';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('GET /api/health (SPEC.md §18)', () => {
  it('gives the release, the database state and the backup schedule to anyone, with status "ok"', async () => {
    t = await buildTestApp();
    const res = await t.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    const health = healthSchema.parse(res.json());
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const migrations = (await readdir(join(ROOT, 'server/src/db/migrations'))).filter((f) => f.endsWith('.sql')).sort();
    expect(health).toMatchObject({
      status: 'ok',
      version,
      database: { ok: true, journalMode: 'wal', migrations: { applied: migrations.length, latest: migrations.at(-1) } },
      backup: { enabled: false, last: null },
    });
    expect(health.database.sizeBytes).toBeGreaterThan(0);
    expect(JSON.stringify(health)).not.toContain(t.dir); // no file paths for anonymous callers
  });

  it('is a 500, not "ok", when the database is gone', async () => {
    t = await buildTestApp();
    t.app.db.close();
    expect((await t.app.inject('/api/health')).statusCode).toBe(500);
  });
});

describe('the log: one readable line per request for a person, JSON for machines', () => {
  const at = new Date(2026, 10, 28, 12, 1, 2).getTime(); // local time, as the terminal shows it

  it('formats a request as time, method, path, status and milliseconds', () => {
    const line = JSON.stringify({ level: 30, time: at, reqId: 'req-1', req: { method: 'GET', url: '/api/policies/x/ranking' }, res: { statusCode: 200 }, responseTime: 3.14159, msg: 'request completed' });
    expect(formatLogLine(line)).toBe('12:01:02 GET /api/policies/x/ranking 200 3.1 ms\n');
  });

  it('formats other records with their level, message, fields and an error’s stack', () => {
    expect(formatLogLine(JSON.stringify({ level: 40, time: at, pid: 1, hostname: 'h', msg: 'client/dist not built', clientDist: '/srv/dist' })))
      .toBe('12:01:02 WARN  client/dist not built clientDist=/srv/dist\n');
    expect(formatLogLine(JSON.stringify({ level: 50, time: at, msg: 'boom', err: { message: 'x', stack: 'Error: x\n    at here' } })))
      .toBe('12:01:02 ERROR boom\nError: x\n    at here\n');
    expect(formatLogLine('not json')).toBe('not json\n');
  });

  it('LOG_FORMAT picks the format; without it, a terminal gets lines and a pipe or journald gets JSON', () => {
    expect(readConfig({}, true).logFormat).toBe('pretty');
    expect(readConfig({}, false).logFormat).toBe('json');
    expect(readConfig({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(readConfig({ LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(() => readConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });

  it.each([
    ['pretty', /^\d\d:\d\d:\d\d GET \/api\/health\?probe=once 200 \d+\.\d ms$/],
    ['json', /^\{.*"req":\{"method":"GET","url":"\/api\/health\?probe=once".*"res":\{"statusCode":200\}.*"msg":"request completed"\}$/],
  ])('the real server with LOG_FORMAT=%s logs one record per request', async (format, pattern) => {
    const dir = await mkdtemp(join(tmpdir(), 'scoreboard-log-'));
    const server = await startServer({ DATABASE_PATH: join(dir, 'db.sqlite'), DEMO_DATA: '0', LOG_LEVEL: 'info', LOG_FORMAT: format });
    try {
      await fetch(`${server.base}/api/health?probe=once`);
      const lines = () => server.output().split('\n').filter((l) => l.includes('/api/health?probe=once'));
      for (let i = 0; i < 50 && lines().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 200)); // a second record, if there were one, would be here by now
      expect(lines()).toHaveLength(1);
      expect(lines()[0]).toMatch(pattern);
      if (format === 'pretty') expect(server.output()).toMatch(/^\d\d:\d\d:\d\d INFO {2}工业稳增长考核看板 [\d.]+ ready/m);
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('configuration of SPEC.md §18', () => {
  it('BACKUP_* and PUBLIC_URL are read and checked, naming the variable', () => {
    expect(readConfig({}).backups).toBeNull();
    expect(readConfig({ BACKUP_DIR: '/var/backups/scoreboard' }).backups).toEqual({ dir: '/var/backups/scoreboard', everyMs: 86_400_000, keep: 14 });
    expect(readConfig({ BACKUP_DIR: 'b', BACKUP_EVERY: '30m', BACKUP_KEEP: '48' }).backups).toEqual({ dir: 'b', everyMs: 1_800_000, keep: 48 });
    expect(() => readConfig({ BACKUP_DIR: 'b', BACKUP_EVERY: 'daily' })).toThrow(/BACKUP_EVERY: a duration such as 24h/);
    expect(() => readConfig({ BACKUP_DIR: 'b', BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP/);
    expect(readConfig({ PUBLIC_URL: 'https://kanban.lz.gov.cn/' }).publicUrl).toBe('https://kanban.lz.gov.cn');
    expect(() => readConfig({ PUBLIC_URL: 'kanban.lz.gov.cn' })).toThrow(/PUBLIC_URL/);
  });
});
