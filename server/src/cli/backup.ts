/**
 * npm run backup -- <file>
 *
 * An online backup of the live database through SQLite's backup API (better-sqlite3's
 * db.backup): safe while the server serves and writes, because it copies a consistent snapshot
 * page by page under SQLite's own locking. The copy is checked with PRAGMA integrity_check.
 * Restore: stop the server, replace DATABASE_PATH with the backup (and delete any -wal/-shm files
 * beside it), start again — see README "Backups".
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export async function backupDatabase(source: string, target: string): Promise<{ pages: number; integrity: string }> {
  if (!existsSync(source)) throw new Error(`数据库文件不存在：${source}`);
  if (existsSync(target)) throw new Error(`备份文件已存在，不会覆盖：${target}`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    let pages = 0;
    await db.backup(target, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return 1000; // pages per step: lets the server's writes interleave
      },
    });
    const copy = new Database(target, { readonly: true });
    try {
      const integrity = String(copy.pragma('integrity_check', { simple: true }));
      if (integrity !== 'ok') throw new Error(`备份文件完整性检查失败：${integrity}`);
      return { pages, integrity };
    } finally {
      copy.close();
    }
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) {
    console.error('用法 usage: npm run backup -- <backup-file.sqlite>   (DATABASE_PATH selects the live database)');
    process.exit(2);
  }
  const source = resolve(process.env.DATABASE_PATH ?? 'var/scoreboard.sqlite');
  const { pages } = await backupDatabase(source, resolve(target));
  console.log(`backup ok: ${source} → ${resolve(target)} (${pages} pages, integrity_check ok)`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
