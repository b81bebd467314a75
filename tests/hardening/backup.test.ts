import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../server/src/services/backups';
import { subsidyCsv } from '../support/generate';
import { login, multipart, request } from '../support/http';
import { startServer } from '../support/realServer';

const PASSWORD = 'backup-test-2026';
const dir = mkdtempSync(join(tmpdir(), 'scoreboard-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ranking(base: string, cookie: string): Promise<unknown> {
  const res = await request(`${base}/api/policies/liuzhou-2026-q3/ranking`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const body = JSON.parse(res.body.toString()) as { rows: unknown[]; month: number; revision: number };
  return { month: body.month, revision: body.revision, rows: body.rows };
}

describe('backup and restore', () => {
  it('an online backup taken while the server writes restores to the same ranking', async () => {
    const live = join(dir, 'live.sqlite');
    const server = await startServer({ DATABASE_PATH: live, DEMO_DATA: '1', ADMIN_PASSWORD: PASSWORD });
    const cookie = await login(server.base, 'admin', PASSWORD);
    const expected = await ranking(server.base, cookie);

    // A write in flight while the backup runs: the backup holds a consistent state.
    const { body, contentType } = multipart(
      { kind: 'subsidy-applications', policyId: 'liuzhou-2026-q3' },
      { name: 'during-backup.csv', data: subsidyCsv(20_000, 'BAK'), type: 'text/csv' },
    );
    const writing = request(`${server.base}/api/uploads?dryRun=false`, {
      method: 'POST', headers: { cookie, 'content-type': contentType }, body,
    });
    const target = join(dir, 'backup.sqlite');
    const result = await backupDatabase(live, target);
    expect(result.integrity).toBe('ok');
    expect((await writing).status).toBe(200);
    await server.stop();

    // Restore: start a server on the backup file.
    const restored = await startServer({ DATABASE_PATH: target, DEMO_DATA: '0' });
    try {
      const again = await ranking(restored.base, await login(restored.base, 'admin', PASSWORD));
      // The subsidy upload does not move the county ranking; revision may include it or not.
      expect((again as { rows: unknown }).rows).toEqual((expected as { rows: unknown }).rows);
      expect((again as { rows: unknown[] }).rows).toHaveLength(12);
    } finally {
      await restored.stop();
    }
  }, 180_000);

  it('refuses to overwrite an existing file', async () => {
    const live = join(dir, 'live.sqlite');
    await expect(backupDatabase(live, live)).rejects.toThrow('备份文件已存在');
  });
});
