import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config';
import { request } from '../support/http';
import { startServer } from '../support/realServer';

describe('SESSION_IDLE_MS / SESSION_MAX_MS (for tests that watch a session end)', () => {
  it('are unset by default (2 h / 12 h apply), read as milliseconds when set, and refused below a second', () => {
    expect(readConfig({}).sessionLimits).toEqual({ idleMs: undefined, absoluteMs: undefined });
    expect(readConfig({ SESSION_IDLE_MS: '8000', SESSION_MAX_MS: '30000' }).sessionLimits).toEqual({ idleMs: 8000, absoluteMs: 30000 });
    expect(() => readConfig({ SESSION_IDLE_MS: '10' })).toThrow(/SESSION_IDLE_MS/);
  });
});

describe('TRUST_PROXY (issue 6)', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['127.0.0.1', '127.0.0.1'],
    ['10.0.0.0/8, 192.168.1.5', '10.0.0.0/8,192.168.1.5'],
    ['loopback', 'loopback'],
  ])('%j → %j', (value, expected) => {
    expect(readConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('refuses a value that is none of those, naming the variable', () => {
    expect(() => readConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('reaches the running server: behind the named proxy, X-Forwarded-Proto https makes the cookie Secure', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scoreboard-proxy-'));
    const password = 'proxy-test-2026';
    const server = await startServer({ DATABASE_PATH: join(dir, 'db.sqlite'), DEMO_DATA: '0', ADMIN_PASSWORD: password, TRUST_PROXY: '127.0.0.1' });
    try {
      const login = (headers: Record<string, string>) =>
        request(`${server.base}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ username: 'admin', password }),
        });
      const viaTls = await login({ 'x-forwarded-proto': 'https' });
      expect(viaTls.status).toBe(200);
      expect(String(viaTls.headers['set-cookie'])).toMatch(/; Secure/);
      const plain = await login({});
      expect(String(plain.headers['set-cookie'])).not.toMatch(/; Secure/);
      expect(String(plain.headers['set-cookie'])).toMatch(/; HttpOnly; SameSite=Lax/);
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
