import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { nextEvent, openStream as open } from '../helpers/sse';
import { postUpload } from '../helpers/uploads';
import { createEventBroadcaster } from '../../server/src/plugins/sse';

let t: TestApp;
let base: string;
beforeEach(async () => {
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});
afterEach(async () => {
  await t.close();
});

/** The next `change` event of a real HTTP stream. */
const nextChange = async (stream: IncomingMessage): Promise<ChangeEvent> => (await nextEvent(stream, 'change')).data as ChangeEvent;

describe('server-sent events (SPEC.md §9)', () => {
  it('pushes a change event within a second of a commit, to a real listening server', async () => {
    const anonymous = await open(`${base}/api/events`);
    expect(anonymous.statusCode).toBe(401);
    anonymous.resume();
    const viewer = await t.login('viewer');
    const stream = await open(`${base}/api/events`, viewer);
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(t.app.events.size).toBe(1);

    const stat = await t.login('statistician');
    const up = await postUpload(t, stat.cookie, {
      kind: 'unit-targets', fileName: 't.csv', data: '单位,规上工业总产值目标（万元）,工业投资目标（万元）\n城中区,60000,10000\n', dryRun: false,
    });
    expect(up.statusCode).toBe(200);
    // how fast it arrives is measured by npm run bench (SSE p50/p99), not by a timed test
    const event = await nextChange(stream);
    expect(event).toEqual({ policyId: POLICY_ID, revision: 1, kind: 'unit-targets' });

    const leader = await t.login('leader');
    await t.app.inject({ method: 'PUT', url: `/api/policies/${POLICY_ID}/units/450202/disqualification`, headers: leader, payload: { reason: '安全事故' } });
    expect(await nextChange(stream)).toEqual({ policyId: POLICY_ID, revision: 2, kind: 'disqualification' });

    stream.destroy(); // the browser tab closes
    await expect.poll(() => t.app.events.size).toBe(0); // cleaned up on close
  });
});

describe('the broadcaster', () => {
  it('sends a heartbeat comment from one shared timer, and forgets closed streams', async () => {
    const events = createEventBroadcaster(50); // 15 s in the app; 50 ms here
    const server = createServer((_req, res) => events.attach(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const [a, b] = await Promise.all([open(url), open(url)]);
      expect(events.size).toBe(2);
      const heartbeat = await new Promise<string>((resolve) => {
        a.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes(': heartbeat')) resolve(chunk.toString());
        });
      });
      expect(heartbeat).toMatch(/^: heartbeat \d{4}-/);
      a.destroy();
      b.destroy();
      await expect.poll(() => events.size).toBe(0);
    } finally {
      events.closeAll();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
