import type { Database } from 'better-sqlite3';

/** Failed-login times per limiter key (migration 010), so the limit survives a restart. */
export function createLoginFailuresRepository(db: Database) {
  const since = db.prepare<[number], { key: string; at: number }>('SELECT key, at FROM login_failures WHERE at > ? ORDER BY at');
  const insert = db.prepare<[string, number]>('INSERT INTO login_failures (key, at) VALUES (?, ?)');
  const removeKey = db.prepare<[string]>('DELETE FROM login_failures WHERE key = ?');
  const removeOne = db.prepare<[string, number]>('DELETE FROM login_failures WHERE rowid = (SELECT rowid FROM login_failures WHERE key = ? AND at = ? LIMIT 1)');
  const removeBefore = db.prepare<[number]>('DELETE FROM login_failures WHERE at <= ?');
  return {
    /** Every failure after `after`, oldest first; forgets the older ones. */
    load(after: number): Array<{ key: string; at: number }> {
      removeBefore.run(after);
      return since.all(after);
    },
    add: (key: string, at: number) => void insert.run(key, at),
    removeKey: (key: string) => void removeKey.run(key),
    removeOne: (key: string, at: number) => void removeOne.run(key, at),
    removeBefore: (at: number) => void removeBefore.run(at),
  };
}
export type LoginFailuresRepository = ReturnType<typeof createLoginFailuresRepository>;
