import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { healthSchema } from '@scoreboard/shared';
import { readConfig } from '../../server/src/config';
import type {} from '../../server/src/plugins/db'; // app.db
import { buildTestApp, type TestApp } from '../helpers/app';
import { ROOT } from '../support/realServer';

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
