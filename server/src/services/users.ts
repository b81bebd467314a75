import type { Role, User } from '@scoreboard/shared';
import { conflict, notFound } from '../httpError';
import { msg, type Localized } from '../i18n/messages';
import type { AuditRepository } from '../repositories/audit';
import { toUser, type UsersRepository, type UserRow } from '../repositories/users';
import type { Database } from 'better-sqlite3';
import type { SessionsRepository } from '../repositories/sessions';
import { assertPasswordPolicy, passwordProblems } from './passwordPolicy';
import { generatePassword, hashPassword } from './passwords';

export interface UsersServiceDeps {
  db: Database;
  users: UsersRepository;
  sessions: Pick<SessionsRepository, 'removeForUser'>;
  audit: Pick<AuditRepository, 'append'>;
}

export function createUsersService({ db, users, sessions, audit }: UsersServiceDeps) {
  async function create(actor: string, input: { username: string; displayName: string; role: Role; password: string }): Promise<User> {
    if (users.find(input.username)) throw conflict('user_exists', msg('user_exists', { username: input.username }));
    // Here, not in the route: every way a user comes to exist (API, first start) meets the policy.
    assertPasswordPolicy(input.password, input.username);
    const { hash, salt } = await hashPassword(input.password);
    const row: UserRow = {
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      password_hash: hash,
      password_salt: salt,
      created_at: new Date().toISOString(),
      disabled: 0,
    };
    db.transaction(() => {
      users.insert(row);
      audit.append({ actor, action: 'user.create', target: `user:${row.username}`, after: toUser(row) });
    })();
    return toUser(row);
  }

  async function update(
    actor: string,
    username: string,
    patch: { role?: Role; displayName?: string; password?: string; disabled?: boolean },
  ): Promise<User> {
    const before = users.find(username);
    if (!before) throw notFound('user_not_found', msg('user_not_found', { username }));
    if (patch.password !== undefined) assertPasswordPolicy(patch.password, username);
    const secret = patch.password ? await hashPassword(patch.password) : null;
    const after: UserRow = {
      ...before,
      role: patch.role ?? before.role,
      display_name: patch.displayName ?? before.display_name,
      password_hash: secret?.hash ?? before.password_hash,
      password_salt: secret?.salt ?? before.password_salt,
      disabled: patch.disabled === undefined ? before.disabled : patch.disabled ? 1 : 0,
    };
    const activeAdmins = users.list().filter((u) => u.role === 'admin' && !u.disabled);
    const losesAdmin = before.role === 'admin' && !before.disabled && (after.role !== 'admin' || after.disabled === 1);
    if (losesAdmin && activeAdmins.length <= 1) {
      throw conflict('last_admin', msg('last_admin'));
    }
    db.transaction(() => {
      users.update(after);
      // A new password, a new role or a disabled account ends the user's open sessions.
      if (secret || patch.role || patch.disabled) sessions.removeForUser(username);
      audit.append({
        actor,
        action: 'user.update',
        target: `user:${username}`,
        before: toUser(before),
        after: { ...toUser(after), passwordChanged: secret !== null },
      });
    })();
    return toUser(after);
  }

  /**
   * First start (SPEC.md §11): with no user at all, create `admin` with ADMIN_PASSWORD, or with a
   * random password that the caller prints once. With demo data and a given password outside
   * production, also viewer / statistician / leader with the same password, for trying each role.
   * A given password that breaks the policy stops the start, naming every rule it breaks; it is
   * checked only when it is used, so an old ADMIN_PASSWORD left in the environment of a running
   * installation never stops an upgrade.
   */
  async function bootstrap(options: { adminPassword?: string; demoUsers: boolean }): Promise<{ generatedPassword: string | null }> {
    if (users.count() > 0) return { generatedPassword: null };
    const demo: [string, string, Role][] = options.demoUsers && options.adminPassword
      ? [['viewer', '演示·查看', 'viewer'], ['statistician', '演示·统计员', 'statistician'], ['leader', '演示·领导', 'leader']]
      : [];
    if (options.adminPassword !== undefined) {
      for (const username of ['admin', ...demo.map(([name]) => name)]) {
        const problems = passwordProblems(options.adminPassword, username);
        if (problems.length > 0) throw new WeakAdminPasswordError(username, problems);
      }
    }
    const password = options.adminPassword ?? generatePassword((p) => passwordProblems(p, 'admin').length === 0);
    await create('system', { username: 'admin', displayName: '系统管理员', role: 'admin', password });
    for (const [username, displayName, role] of demo) await create('system', { username, displayName, role, password });
    return { generatedPassword: options.adminPassword ? null : password };
  }

  return { create, update, bootstrap, list: () => users.list().map(toUser) };
}
export type UsersService = ReturnType<typeof createUsersService>;

/** ADMIN_PASSWORD breaks the password policy: the server does not start (server.ts prints this). */
export class WeakAdminPasswordError extends Error {
  constructor(username: string, problems: readonly Localized[]) {
    super(
      `ADMIN_PASSWORD 不符合密码规则（用于账号 ${username}）：${problems.map((p) => p.zh).join('；')}。` +
        '请设置至少 10 个字符、同时包含字母和数字、不含用户名且不常见的密码。\n' +
        `ADMIN_PASSWORD breaks the password policy (for user ${username}): ${problems.map((p) => p.en).join('; ')}. ` +
        'Use at least 10 characters, letters and digits, not containing the user name, not a well-known password.',
    );
    this.name = 'WeakAdminPasswordError';
  }
}
