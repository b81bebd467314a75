/**
 * npm run restore -- <backup-file.sqlite>
 *
 * Puts a backup in place of the database at DATABASE_PATH, with the server stopped:
 *  1. no process may be using DATABASE_PATH — a running server holds a lock on it (instanceLock.ts),
 *     and this command holds the same lock while it works, so a server cannot start half-way;
 *  2. the backup is copied in beside the database under a temporary name, and that copy must pass
 *     PRAGMA integrity_check and be a scoreboard database — otherwise nothing is changed;
 *  3. the database being replaced is kept beside it as <name>.before-restore-<time> (its WAL folded
 *     in first), so a restore never loses what was there;
 *  4. the checked copy is renamed over DATABASE_PATH (never a half-copied file under the real
 *     name), stale -wal/-shm files are removed, and what it holds is summarised.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { acquireDatabaseLock } from '../instanceLock';
import { integrityCheck } from '../services/backups';

export interface RestoreReport {
  databasePath: string;
  backup: string;
  previousKeptAs: string | null;
  integrity: string;
  users: number;
  batches: number;
  latestUpload: string | null;
  auditEntries: number;
  finalized: string[];
  migrations: string[];
}

function summarise(file: string): Omit<RestoreReport, 'databasePath' | 'backup' | 'previousKeptAs' | 'integrity'> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name));
    for (const table of ['migrations', 'users', 'batches', 'audit', 'finalizations']) {
      if (!tables.has(table)) throw new Error(`不是本系统的数据库（缺少表 ${table}）：${file}`);
    }
    const counts = db
      .prepare<[], { users: number; batches: number; audit: number; latest: string | null }>(
        'SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM batches) AS batches, (SELECT count(*) FROM audit) AS audit, (SELECT max(uploaded_at) FROM batches) AS latest',
      )
      .get()!;
    return {
      users: counts.users,
      batches: counts.batches,
      latestUpload: counts.latest,
      auditEntries: counts.audit,
      finalized: db.prepare<[], { policy_id: string }>('SELECT policy_id FROM finalizations ORDER BY policy_id').all().map((r) => r.policy_id),
      migrations: db.prepare<[], { name: string }>('SELECT name FROM migrations ORDER BY name').all().map((r) => r.name),
    };
  } finally {
    db.close();
  }
}

const stamp = (at: Date) => at.toISOString().replace(/:/g, '-');

export async function restoreDatabase(options: { backup: string; databasePath: string; now?: () => Date }): Promise<RestoreReport> {
  const backup = resolve(options.backup);
  const databasePath = resolve(options.databasePath);
  if (!existsSync(backup)) throw new Error(`备份文件不存在：${backup}`);
  if (backup === databasePath) throw new Error('备份文件就是当前数据库，无需恢复');
  mkdirSync(dirname(databasePath), { recursive: true });
  const lock = await acquireDatabaseLock(databasePath); // throws DatabaseInUseError while a server runs
  const incoming = `${databasePath}.restoring`;
  try {
    // Check the very bytes that will be put in place, on a copy: the backup file is only read.
    copyFileSync(backup, incoming);
    const copy = new Database(incoming);
    copy.pragma('journal_mode = DELETE'); // a copy of a WAL-mode file must stand alone
    copy.close();
    const integrity = await integrityCheck(incoming);
    if (integrity !== 'ok') throw new Error(`备份文件完整性检查失败（integrity_check），未做任何改动：${integrity}`);
    const summary = summarise(incoming); // refuses a file that is not a scoreboard database

    let previousKeptAs: string | null = null;
    if (existsSync(databasePath)) {
      // Fold a WAL left by a crash into the file, so the kept copy is whole on its own.
      const current = new Database(databasePath);
      current.pragma('wal_checkpoint(TRUNCATE)');
      current.close();
      previousKeptAs = `${databasePath}.before-restore-${stamp(options.now?.() ?? new Date())}`;
      renameSync(databasePath, previousKeptAs);
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(databasePath + suffix, { force: true });
    renameSync(incoming, databasePath);
    return { databasePath, backup, previousKeptAs, integrity, ...summary };
  } finally {
    rmSync(incoming, { force: true });
    rmSync(`${incoming}-journal`, { force: true });
    await lock.release();
  }
}

async function main(): Promise<void> {
  const backup = process.argv[2];
  if (!backup) {
    console.error('用法 usage: npm run restore -- <backup-file.sqlite>   (DATABASE_PATH selects the database to replace; stop the server first)');
    process.exit(2);
  }
  const report = await restoreDatabase({ backup, databasePath: process.env.DATABASE_PATH || 'var/scoreboard.sqlite' });
  console.log(
    [
      `恢复完成 restore ok: ${report.backup} → ${report.databasePath}`,
      `  integrity_check: ${report.integrity}`,
      `  原数据库已保留 previous database kept as: ${report.previousKeptAs ?? '(none: there was no database)'}`,
      `  用户 users ${report.users} · 上传批次 batches ${report.batches} (latest ${report.latestUpload ?? '—'}) · 操作日志 audit entries ${report.auditEntries}`,
      `  已定稿 finalized: ${report.finalized.join(', ') || '—'}`,
      `  迁移 migrations: ${report.migrations.join(', ')} (newer ones are applied when the server starts)`,
      '现在可以启动服务器 start the server now (systemctl start scoreboard).',
    ].join('\n'),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
