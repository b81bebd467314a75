import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { migrate } from '../db/migrate';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database.Database;
  }
}

export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // WAL lets readers (dashboards) proceed while an upload commits; busy_timeout waits out a
  // concurrent writer (e.g. a backup) instead of failing with SQLITE_BUSY.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on a power cut. A committed
  // upload or finalization that decides who is paid must survive one; commits are rare, so the
  // extra fsync per commit costs nothing anyone waits for.
  db.pragma('synchronous = FULL');
  return db;
}

async function dbPlugin(app: FastifyInstance, options: { databasePath: string }) {
  const db = openDatabase(options.databasePath);
  const applied = migrate(db);
  if (applied.length) app.log.info({ applied }, 'database migrations applied');
  app.decorate('db', db);
  app.addHook('onClose', async () => {
    db.close();
  });
}

export default fp(dbPlugin, { name: 'db' });
