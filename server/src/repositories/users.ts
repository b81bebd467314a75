import type { Database } from 'better-sqlite3';
import type { Role, User } from '@scoreboard/shared';

export interface UserRow {
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  password_salt: string;
  created_at: string;
  disabled: 0 | 1;
}

export function toUser(row: UserRow): User {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    createdAt: row.created_at,
    disabled: row.disabled === 1,
  };
}

export function createUsersRepository(db: Database) {
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  const find = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const list = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at, username');
  const insert = db.prepare<[UserRow]>(
    `INSERT INTO users (username, display_name, role, password_hash, password_salt, created_at, disabled)
     VALUES (@username, @display_name, @role, @password_hash, @password_salt, @created_at, @disabled)`,
  );
  const update = db.prepare<[UserRow]>(
    `UPDATE users SET display_name = @display_name, role = @role, password_hash = @password_hash,
       password_salt = @password_salt, disabled = @disabled WHERE username = @username`,
  );
  return {
    count: () => count.get()!.n,
    find: (username: string) => find.get(username),
    list: () => list.all(),
    insert: (row: UserRow) => void insert.run(row),
    update: (row: UserRow) => void update.run(row),
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
