import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { subsidyCsv } from '../support/generate';
import { login, multipart, request } from '../support/http';
import { startServer, type RunningServer } from '../support/realServer';

/**
 * SQLite promises that a committed transaction survives a crash and an uncommitted one leaves no
 * trace. This kills the real server with SIGKILL at moments spread over a large commit, again and
 * again, and checks after each kill: integrity_check ok, every batch whole (its entries all there)
 * or absent, nothing that was there before changed.
 */
const PASSWORD = 'crash-test-2026';
const ROWS = 30_000;
const dir = mkdtempSync(join(tmpdir(), 'scoreboard-crash-'));
const databasePath = join(dir, 'crash.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface State { batches: Array<{ batch_id: number; keys: number; entries: number }>; integrity: string }
function inspect(): State {
  const db = new Database(databasePath);
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const batches = db
      .prepare('SELECT b.batch_id, b.keys, (SELECT count(*) FROM entries e WHERE e.batch_id = b.batch_id) AS entries FROM batches b ORDER BY b.batch_id')
      .all() as State['batches'];
    return { integrity, batches };
  } finally {
    db.close();
  }
}

function sendUpload(server: RunningServer, cookie: string, tag: string): Promise<unknown> {
  const { body, contentType } = multipart(
    { kind: 'subsidy-applications', policyId: 'liuzhou-2026-q3' },
    { name: `${tag}.csv`, data: subsidyCsv(ROWS, tag), type: 'text/csv' },
  );
  return request(`${server.base}/api/uploads?dryRun=false`, {
    method: 'POST',
    headers: { cookie, 'content-type': contentType, 'content-length': String(body.length) },
    body,
  }).catch((e: unknown) => e); // the socket dies with the server
}

describe('crash safety', () => {
  it('a kill -9 at any moment of a large commit leaves the whole batch or none of it', async () => {
    // A reference commit, timed, on a database that also holds the demo data.
    let server = await startServer({ DATABASE_PATH: databasePath, DEMO_DATA: '1', ADMIN_PASSWORD: PASSWORD });
    let cookie = await login(server.base, 'admin', PASSWORD);
    const t0 = performance.now();
    const first = (await sendUpload(server, cookie, 'REF')) as { status: number };
    const full = performance.now() - t0;
    expect(first.status).toBe(200);
    await server.stop();
    let before = inspect();
    expect(before.integrity).toBe('ok');

    const outcomes: string[] = [];
    for (const fraction of [0.3, 0.6, 0.8, 0.9, 0.95, 1.0, 1.1]) {
      server = await startServer({ DATABASE_PATH: databasePath, DEMO_DATA: '0' });
      cookie = await login(server.base, 'admin', PASSWORD);
      void sendUpload(server, cookie, `K${Math.round(fraction * 100)}`);
      await new Promise((r) => setTimeout(r, full * fraction));
      server.child.kill('SIGKILL');
      await new Promise((r) => server.child.once('exit', r));

      const after = inspect();
      expect(after.integrity).toBe('ok');
      for (const b of after.batches) expect(b.entries, `batch ${b.batch_id} is whole`).toBe(b.keys);
      // nothing that was there before changed
      expect(after.batches.slice(0, before.batches.length)).toEqual(before.batches);
      const added = after.batches.length - before.batches.length;
      expect([0, 1]).toContain(added);
      outcomes.push(added ? 'committed' : 'absent');
      before = after;
    }
    // The kills landed on both sides of the commit at least once.
    expect(outcomes).toContain('absent');
  }, 240_000);

  it('SIGTERM lets the request in flight finish, then closes the database', async () => {
    const server = await startServer({ DATABASE_PATH: databasePath, DEMO_DATA: '0' });
    const cookie = await login(server.base, 'admin', PASSWORD);
    const pending = sendUpload(server, cookie, 'TERM');
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((r) => server.child.once('exit', (code) => r(code)));
    server.child.kill('SIGTERM');
    const res = (await pending) as { status: number; body: Buffer };
    expect(res.status).toBe(200);
    expect(await exited).toBe(0);
    const state = inspect();
    expect(state.integrity).toBe('ok');
    const last = state.batches.at(-1)!;
    expect(last.entries).toBe(ROWS);
  }, 120_000);
});
