/**
 * npm run backup -- <file>
 *
 * An online backup of the live database (DATABASE_PATH) through SQLite's backup API: safe while the
 * server serves and writes, because it copies a consistent snapshot page by page under SQLite's own
 * locking. The copy is checked with PRAGMA integrity_check before it gets its name. The same code
 * makes the server's scheduled backups (BACKUP_DIR, services/backups.ts). Restore: npm run restore.
 */
import { resolve } from 'node:path';
import { backupDatabase } from '../services/backups';

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) {
    console.error('用法 usage: npm run backup -- <backup-file.sqlite>   (DATABASE_PATH selects the live database)');
    process.exit(2);
  }
  const source = resolve(process.env.DATABASE_PATH || 'var/scoreboard.sqlite');
  const { pages, sizeBytes } = await backupDatabase(source, resolve(target));
  console.log(`backup ok: ${source} → ${resolve(target)} (${pages} pages, ${sizeBytes} bytes, integrity_check ok)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
