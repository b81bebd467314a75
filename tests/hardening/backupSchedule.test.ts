import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupsSchema, healthSchema } from '@scoreboard/shared';
import { listScheduledBackups, parseDuration } from '../../server/src/services/backups';
import { buildTestApp, type TestApp } from '../helpers/app';
import { login, request } from '../support/http';
import { ROOT, startServer } from '../support/realServer';

const dir = mkdtempSync(join(tmpdir(), 'scoreboard-schedule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function until<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      journalMode: db.pragma('journal_mode', { simple: true }),
      users: (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n,
      batches: (db.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('BACKUP_EVERY', () => {
  it.each([
    ['24h', 86_400_000], ['30m', 1_800_000], ['10s', 10_000], ['7d', 604_800_000], [' 2h ', 7_200_000],
    ['0s', null], ['24', null], ['1.5h', null], ['daily', null], ['-1h', null],
  ])('%j → %j ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});

describe('scheduled backups inside the server', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('backs up on the schedule, each copy checked and self-contained, keeping the newest BACKUP_KEEP', async () => {
    const backupDir = join(dir, 'scheduled');
    mkdirSync(backupDir);
    writeFileSync(join(backupDir, 'by-hand-2026-10-08.sqlite'), 'a manual backup the schedule must not prune');
    t = await buildTestApp({ demoData: true, backups: { dir: backupDir, everyMs: 200, keep: 2 } });
    const admin = await t.login('admin');

    // at least four runs: the first at once (the directory held no scheduled backup), then every 200 ms
    const made = new Set<string>();
    await until('four scheduled backups', () => {
      const last = t.app.services.backups.status().last;
      if (last?.file) made.add(last.file);
      return made.size >= 4;
    });
    await t.app.services.backups.stop(); // nothing changes under the checks below

    const kept = listScheduledBackups(backupDir);
    expect(kept).toHaveLength(2);
    expect(kept[0]!.at > kept[1]!.at).toBe(true); // newest first
    expect(readdirSync(backupDir).sort()).toEqual(['by-hand-2026-10-08.sqlite', ...kept.map((k) => k.file)].sort()); // no -wal, -shm or .partial
    for (const backup of kept) {
      // the demo data (five files for each of the two shipped policies) and the four users, in one
      // file that needs nothing beside it
      expect(inspect(join(backupDir, backup.file))).toEqual({ integrity: 'ok', journalMode: 'delete', users: 4, batches: 10 });
    }

    const health = healthSchema.parse((await t.app.inject({ url: '/api/health' })).json());
    expect(health.backup).toMatchObject({ enabled: true, everySeconds: 0.2, keep: 2, last: { ok: true, sizeBytes: kept[0]!.sizeBytes } });
    expect(JSON.stringify(health)).not.toContain(backupDir); // anyone may call health: no paths in it
    const listed = backupsSchema.parse((await t.app.inject({ url: '/api/backups', headers: admin })).json());
    expect(listed.files.map((f) => f.file)).toEqual(kept.map((k) => k.file));
    expect(listed).toMatchObject({ enabled: true, dir: backupDir, last: { ok: true, file: kept[0]!.file, error: null } });
    expect((await t.app.inject({ url: '/api/backups', headers: await t.login('leader') })).statusCode).toBe(403);
  });

  it('a failed backup is reported (health, /api/backups) and the server carries on', async () => {
    const notADirectory = join(dir, 'not-a-directory');
    writeFileSync(notADirectory, '');
    const app = await buildTestApp({ backups: { dir: notADirectory, everyMs: 3_600_000, keep: 3 } });
    try {
      const last = await until('the first run', () => app.app.services.backups.status().last);
      expect(last).toMatchObject({ ok: false, file: null });
      expect(last.error).toMatch(/ENOTDIR|EEXIST/);
      const listed = backupsSchema.parse((await app.app.inject({ url: '/api/backups', headers: await app.login('admin') })).json());
      expect(listed.last).toEqual(last);
      const health = healthSchema.parse((await app.app.inject({ url: '/api/health' })).json());
      expect(health.status).toBe('ok');
      expect(health.backup.last).toMatchObject({ ok: false });
      // the next try is an interval later, not a tight loop
      expect(Date.parse(health.backup.nextAt!) - Date.now()).toBeGreaterThan(3_500_000);
    } finally {
      await app.close();
    }
  });

  it('after a restart the newest backup on disk is the last result, and the next is due an interval after it', async () => {
    const backupDir = join(dir, 'restart');
    const first = await buildTestApp({ backups: { dir: backupDir, everyMs: 3_600_000, keep: 3 } });
    const made = await until('the first backup', () => first.app.services.backups.status().last);
    await first.close();

    const again = await buildTestApp({ backups: { dir: backupDir, everyMs: 3_600_000, keep: 3 } });
    try {
      const status = again.app.services.backups.status();
      expect(status.last).toMatchObject({ ok: true, file: made.file, at: made.at });
      expect(Date.parse(status.nextAt!)).toBe(Date.parse(made.at) + 3_600_000);
      expect(listScheduledBackups(backupDir)).toHaveLength(1); // no second backup at start
    } finally {
      await again.close();
    }
  });

  it('POST /api/backups backs up now (admin), and says so when backups are off', async () => {
    const app = await buildTestApp({ backups: { dir: join(dir, 'now'), everyMs: 3_600_000, keep: 5 } });
    const off = await buildTestApp();
    try {
      await until('the first backup', () => app.app.services.backups.status().last);
      const admin = await app.login('admin');
      const res = await app.app.inject({ method: 'POST', url: '/api/backups', headers: admin });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ok: true, error: null });
      expect(listScheduledBackups(join(dir, 'now'))).toHaveLength(2);
      const audit = (await app.app.inject({ url: '/api/audit', headers: admin })).json<{ entries: { action: string }[] }>();
      expect(audit.entries[0]).toMatchObject({ action: 'backup.run' });

      const refused = await off.app.inject({ method: 'POST', url: '/api/backups', headers: await off.login('admin') });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'backups_off' });
      expect(healthSchema.parse((await off.app.inject({ url: '/api/health' })).json()).backup).toEqual({
        enabled: false, everySeconds: null, keep: null, nextAt: null, last: null,
      });
    } finally {
      await app.close();
      await off.close();
    }
  });
});

function restore(backup: string, databasePath: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/restore.ts', backup], {
    cwd: ROOT, env: { ...process.env, DATABASE_PATH: databasePath }, encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('npm run restore', () => {
  it('refuses while the server runs; with it stopped, restores the backup, keeps the old database and checks', async () => {
    const live = join(dir, 'live', 'scoreboard.sqlite');
    const backupDir = join(dir, 'live-backups');
    const password = 'Restore-test-2026';
    const server = await startServer({ DATABASE_PATH: live, DEMO_DATA: '1', ADMIN_PASSWORD: password, BACKUP_DIR: backupDir, BACKUP_EVERY: '1h' });
    let backupFile: string;
    try {
      const cookie = await login(server.base, 'admin', password);
      backupFile = join(backupDir, (await until('the first backup', () => listScheduledBackups(backupDir)[0])).file);
      // a change after the backup, which the restore will take back
      const dq = await request(`${server.base}/api/policies/liuzhou-2026-q3/units/450202/disqualification`, {
        method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ reason: '恢复测试' }),
      });
      expect(dq.status).toBe(200);

      const refused = restore(backupFile, live);
      expect(refused.status).toBe(1);
      expect(refused.output).toContain('正在使用数据库');
      expect((await request(`${server.base}/api/health`)).status).toBe(200); // untouched
    } finally {
      await server.stop();
    }

    const restored = restore(backupFile, live);
    expect(restored.status, restored.output).toBe(0);
    expect(restored.output).toContain('恢复完成 restore ok');
    expect(restored.output).toContain('integrity_check: ok');
    const kept = readdirSync(join(dir, 'live')).filter((f) => f.includes('.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(existsSync(`${live}-wal`)).toBe(false);
    // the old database is kept whole, with the change made after the backup
    const old = new Database(join(dir, 'live', kept[0]!), { readonly: true });
    expect(old.prepare('SELECT reason FROM disqualifications').all()).toEqual([{ reason: '恢复测试' }]);
    old.close();

    const again = await startServer({ DATABASE_PATH: live, DEMO_DATA: '0' });
    try {
      const cookie = await login(again.base, 'admin', password);
      const ranking = JSON.parse((await request(`${again.base}/api/policies/liuzhou-2026-q3/ranking`, { headers: { cookie } })).body.toString()) as {
        rows: { unitId: string; disqualified: unknown }[];
      };
      expect(ranking.rows.find((r) => r.unitId === '450202')!.disqualified).toBeNull();
    } finally {
      await again.stop();
    }
  }, 120_000);

  it('refuses a file that is not a sound scoreboard database, and changes nothing', () => {
    const target = join(dir, 'target.sqlite');
    const db = new Database(target);
    db.exec('CREATE TABLE keep_me (x); INSERT INTO keep_me VALUES (1)');
    db.close();
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 7));
    const other = join(dir, 'other.sqlite');
    const foreignDb = new Database(other);
    foreignDb.exec('CREATE TABLE t (x)');
    foreignDb.close();

    const bad = restore(garbage, target);
    expect(bad.status).toBe(1);
    expect(bad.output).toMatch(/file is not a database|完整性检查失败/);
    const foreign = restore(other, target);
    expect(foreign.status).toBe(1);
    expect(foreign.output).toContain('不是本系统的数据库（缺少表 migrations）');
    expect(readdirSync(dir).filter((f) => f.startsWith('target.sqlite'))).toEqual(['target.sqlite']);
    const still = new Database(target, { readonly: true });
    expect(still.prepare('SELECT x FROM keep_me').all()).toEqual([{ x: 1 }]);
    still.close();
    expect(restore(join(dir, 'missing.sqlite'), target).output).toContain('备份文件不存在');
  });
});
