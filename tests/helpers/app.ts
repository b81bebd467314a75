import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Role } from '@scoreboard/shared';
import { buildApp, type AppOptions } from '../../server/src/app';
// The app's decorations (app.services, app.events) are declared in these modules.
import type {} from '../../server/src/services';
import type {} from '../../server/src/plugins/sse';

export const POLICY_ID = 'liuzhou-2026-q3';
export const TEST_PASSWORD = 'correct-horse-battery-9';

export interface TestApp {
  app: FastifyInstance;
  dir: string;
  databasePath: string;
  /** moves the session clock forward */
  advance(ms: number): void;
  /** a `cookie` header of a fresh session for the user of that role (username = role) */
  login(role: Role): Promise<{ cookie: string }>;
  close(): Promise<void>;
}

/**
 * A real app over a real SQLite file in a fresh temporary directory, with one user per role
 * (username = role name). Each test builds its own: nothing is shared between tests.
 */
export async function buildTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const dir = await mkdtemp(join(tmpdir(), 'scoreboard-api-'));
  const databasePath = join(dir, 'scoreboard.sqlite');
  let offset = 0;
  const app = await buildApp({
    databasePath,
    adminPassword: TEST_PASSWORD,
    demoData: false,
    clientDist: join(dir, 'no-client'),
    now: () => Date.now() + offset,
    ...options,
  });
  const existing = new Set(app.services.users.list().map((u) => u.username));
  for (const role of ['viewer', 'statistician', 'leader'] as const) {
    if (!existing.has(role)) {
      await app.services.users.create('test', { username: role, displayName: `测试${role}`, role, password: TEST_PASSWORD });
    }
  }
  return {
    app,
    dir,
    databasePath,
    advance: (ms) => void (offset += ms),
    async login(role) {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username: role, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.statusCode} ${res.body}`);
      const sid = res.cookies.find((c) => c.name === 'sid');
      if (!sid) throw new Error('no sid cookie');
      return { cookie: `sid=${sid.value}` };
    },
    async close() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
