import type { Database } from 'better-sqlite3';

export interface SessionRow {
  session_id: string;
  username: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export function createSessionsRepository(db: Database) {
  const insert = db.prepare<[SessionRow]>(
    `INSERT INTO sessions (session_id, username, created_at, last_seen_at, expires_at)
     VALUES (@session_id, @username, @created_at, @last_seen_at, @expires_at)`,
  );
  const find = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE session_id = ?');
  const touch = db.prepare<[number, string]>('UPDATE sessions SET last_seen_at = ? WHERE session_id = ?');
  const remove = db.prepare<[string]>('DELETE FROM sessions WHERE session_id = ?');
  const removeForUser = db.prepare<[string]>('DELETE FROM sessions WHERE username = ?');
  const removeExpired = db.prepare<[number, number]>(
    'DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?',
  );
  return {
    insert: (row: SessionRow) => void insert.run(row),
    find: (sessionId: string) => find.get(sessionId),
    touch: (sessionId: string, at: number) => void touch.run(at, sessionId),
    remove: (sessionId: string) => void remove.run(sessionId),
    removeForUser: (username: string) => void removeForUser.run(username),
    removeExpired: (now: number, idleBefore: number) => removeExpired.run(now, idleBefore).changes,
  };
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
