import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createdDisplayLinkSchema, displayLinksSchema } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { nextEvent, openStream as open } from '../helpers/sse';

const Q4 = 'liuzhou-2026-q4';
const HOUR = 60 * 60 * 1000;

let t: TestApp;
let base: string;
let admin: { cookie: string };
beforeEach(async () => {
  // Short session limits so a session's end can be watched (the guard sweeps every quarter of them).
  t = await buildTestApp({ sessionLimits: { idleMs: 4_000, absoluteMs: 20_000 } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  admin = await t.login('admin');
});
afterEach(async () => {
  await t.close();
});

async function makeLink(policyId = POLICY_ID, label = '三楼会议室') {
  const res = await t.app.inject({ method: 'POST', url: '/api/display-links', headers: admin, payload: { policyId, label } });
  expect(res.statusCode).toBe(201);
  return createdDisplayLinkSchema.parse(res.json());
}

/** Opens a display link as its wall screen does: the token for the display cookie. */
async function openDisplay(token: string): Promise<Record<string, string>> {
  const res = await t.app.inject({ method: 'POST', url: '/api/display/session', payload: { token } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'display');
  expect(cookie).toMatchObject({ httpOnly: true, path: '/api', sameSite: 'Lax' });
  return { cookie: `display=${cookie!.value}`, 'x-display': '1' };
}

describe('display links (SPEC §16): made by an admin, shown once, audited', () => {
  it('an admin makes one for a policy; the token is shown once and only its hash is kept', async () => {
    const created = await makeLink();
    expect(created.path).toBe(`/display/${created.token}`);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(created.link).toMatchObject({ policyId: POLICY_ID, label: '三楼会议室', createdBy: 'admin', revokedAt: null, lastSeenAt: null, connected: 0 });

    const list = displayLinksSchema.parse((await t.app.inject({ url: '/api/display-links', headers: admin })).json());
    expect(list.links.map((l) => l.linkId)).toEqual([created.link.linkId]);
    expect(JSON.stringify(list)).not.toContain(created.token);
    const stored = t.app.db.prepare('SELECT * FROM display_links').all() as Array<Record<string, unknown>>;
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const audit = t.app.services.audit.list(10).find((e) => e.action === 'display.create');
    expect(audit).toMatchObject({ actor: 'admin', target: `display:${created.link.linkId}`, after: { policyId: POLICY_ID, label: '三楼会议室' } });
  });

  it('only an admin makes, lists or revokes them; an unknown policy is a 404', async () => {
    const leader = await t.login('leader');
    expect((await t.app.inject({ method: 'POST', url: '/api/display-links', headers: leader, payload: { policyId: POLICY_ID, label: 'x' } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/display-links', headers: leader })).statusCode).toBe(403);
    const missing = await t.app.inject({ method: 'POST', url: '/api/display-links', headers: admin, payload: { policyId: 'no-such', label: 'x' } });
    expect(missing.json()).toMatchObject({ code: 'policy_not_found' });
  });
});

describe('what a display link opens', () => {
  it('the wall screen\'s reads of its own policy, and nothing else', async () => {
    const { token } = await makeLink();
    const display = await openDisplay(token);
    for (const path of ['', '/registry', '/ranking', '/industries']) {
      expect((await t.app.inject({ url: `/api/policies/${POLICY_ID}${path}`, headers: display })).statusCode, path).toBe(200);
    }
    const list = await t.app.inject({ url: '/api/policies', headers: display });
    expect(list.json()).toMatchObject({ defaultPolicyId: POLICY_ID, policies: [{ policyId: POLICY_ID }] });
    expect(list.json<{ policies: unknown[] }>().policies).toHaveLength(1);
    expect((await t.app.inject({ url: '/api/display/session', headers: display })).json()).toMatchObject({ policyId: POLICY_ID, label: '三楼会议室' });

    // another policy's screen: refused by name
    const other = await t.app.inject({ url: `/api/policies/${Q4}/ranking`, headers: display });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'display_scope' });
    // every other read and every write: the display cookie counts for nothing there
    for (const url of [`/api/policies/${POLICY_ID}/subsidies`, `/api/policies/${POLICY_ID}/awards`, `/api/policies/${POLICY_ID}/awards.xlsx`, '/api/uploads', '/api/users', '/api/audit', '/api/session', '/api/display-links']) {
      expect((await t.app.inject({ url, headers: display })).statusCode, url).toBe(401);
    }
    const write = await t.app.inject({ method: 'PUT', url: `/api/policies/${POLICY_ID}/budget`, headers: display, payload: { totalWan: 1 } });
    expect(write.statusCode).toBe(401);
    // without the x-display mark a request is a person's, and the display cookie is not a session
    expect((await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking`, headers: { cookie: display.cookie! } })).statusCode).toBe(401);
    // an unknown token opens nothing
    const bad = await t.app.inject({ method: 'POST', url: '/api/display/session', payload: { token: 'x'.repeat(43) } });
    expect(bad.json()).toMatchObject({ code: 'display_not_found' });
  });

  it('is free of the session limits: 13 hours on, the person is signed out and the screen still reads', async () => {
    const { token } = await makeLink();
    const display = await openDisplay(token);
    const viewer = await t.login('viewer');
    t.advance(13 * HOUR);
    expect((await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking`, headers: viewer })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking`, headers: display })).statusCode).toBe(200);
  });

  it('keeps its last-seen time, written at most once a minute', async () => {
    const { token, link } = await makeLink();
    const display = await openDisplay(token);
    const lastSeen = async () => displayLinksSchema.parse((await t.app.inject({ url: '/api/display-links', headers: admin })).json());
    const first = (await lastSeen()).links[0]!.lastSeenAt;
    expect(first).not.toBeNull();
    await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking`, headers: display });
    expect((await lastSeen()).links[0]!.lastSeenAt).toBe(first);
    t.advance(61_000);
    admin = await t.login('admin'); // the admin's own session went idle meanwhile; the screen's did not
    await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking`, headers: display });
    const later = (await lastSeen()).links.find((l) => l.linkId === link.linkId)!.lastSeenAt!;
    expect(Date.parse(later) - Date.parse(first!)).toBeGreaterThanOrEqual(61_000);
  });
});

describe('the live streams tell the truth', () => {
  it('a display\'s stream carries its own policy\'s changes, and ends with "revoked" the moment it is revoked', async () => {
    const { token, link } = await makeLink();
    const display = await openDisplay(token);
    const stream = await open(`${base}/api/events?display=1`, { cookie: display.cookie! });
    expect(stream.statusCode).toBe(200);
    const listed = displayLinksSchema.parse((await t.app.inject({ url: '/api/display-links', headers: admin })).json());
    expect(listed.links[0]!.connected).toBe(1);

    // a change to another policy is not its business; its own policy's is
    const change = nextEvent(stream);
    await t.app.inject({ method: 'PUT', url: `/api/policies/${Q4}/budget`, headers: admin, payload: { totalWan: 9000 } });
    await t.app.inject({ method: 'PUT', url: `/api/policies/${POLICY_ID}/budget`, headers: admin, payload: { totalWan: 9000 } });
    expect(await change).toMatchObject({ event: 'change', data: { policyId: POLICY_ID, kind: 'budget' } });

    const revoked = nextEvent(stream);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/display-links/${link.linkId}`, headers: admin });
    expect(res.json()).toMatchObject({ linkId: link.linkId, revokedBy: 'admin', connected: 0 });
    const event = await revoked;
    expect(event.event).toBe('revoked');
    await event.ended; // the server closed it

    const next = await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking`, headers: display });
    expect(next.statusCode).toBe(401);
    expect(next.json()).toMatchObject({ code: 'display_revoked' });
    expect((await t.app.inject({ method: 'POST', url: '/api/display/session', payload: { token } })).json()).toMatchObject({ code: 'display_revoked' });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/display-links/${link.linkId}`, headers: admin })).statusCode).toBe(409);
    expect(t.app.services.audit.list(10).find((e) => e.action === 'display.revoke')).toMatchObject({ actor: 'admin', target: `display:${link.linkId}` });
  });

  it('a person\'s stream ends with "session-ended" when the session goes idle, before any change', async () => {
    const viewer = await t.login('viewer');
    const stream = await open(`${base}/api/events`, viewer);
    expect(stream.statusCode).toBe(200);
    const ended = nextEvent(stream);
    t.advance(5_000); // past the 4 s idle limit; the guard looks every second
    const event = await ended;
    expect(event.event).toBe('session-ended');
    await event.ended;
  });

  it('a person\'s stream ends at once when they sign out', async () => {
    const viewer = await t.login('viewer');
    const stream = await open(`${base}/api/events`, viewer);
    const ended = nextEvent(stream);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/session', headers: viewer })).statusCode).toBe(204);
    expect((await ended).event).toBe('session-ended');
  });

  it('watching a session does not keep it alive; a request does', async () => {
    const viewer = await t.login('viewer');
    const stream = await open(`${base}/api/events`, viewer);
    const ended = nextEvent(stream);
    // (the test clock runs on real time too: 1.5 s moved + 1.2 s waited ≈ 2.7 s of the 4 s limit)
    t.advance(1_500);
    await new Promise((r) => setTimeout(r, 1_200)); // a sweep or two: still alive
    expect(t.app.events.size).toBe(1);
    expect((await t.app.inject({ url: '/api/session', headers: viewer })).statusCode).toBe(200); // activity
    t.advance(1_500);
    await new Promise((r) => setTimeout(r, 1_200)); // ≈ 2.7 s after the request: alive
    expect(t.app.events.size).toBe(1);
    t.advance(3_000);
    expect((await ended).event).toBe('session-ended');
  });
});
