import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/realServer';
import { ADMIN, useBrowser } from './browser';
import { csv } from './files';

/**
 * The meeting-room wall screen on a display link (SPEC §16), against a server of its own whose
 * sessions go idle after 6 s and end after 16 s in all — the 2 h and 12 h of production, shortened
 * (SESSION_IDLE_MS / SESSION_MAX_MS) so both can pass within a test.
 */
const IDLE_MS = 6_000;
const MAX_MS = 16_000;
const chromium = useBrowser();
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scoreboard-display-'));
  server = await startServer({
    DATABASE_PATH: join(dir, 'display.sqlite'),
    DEMO_DATA: '1',
    ADMIN_PASSWORD: ADMIN.password,
    NODE_ENV: 'production',
    SESSION_IDLE_MS: String(IDLE_MS),
    SESSION_MAX_MS: String(MAX_MS),
  });
});
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A fresh admin session (each lasts 6 s idle here), as a script of another system would sign in. */
async function adminCookie(): Promise<string> {
  const res = await fetch(`${server.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!res.ok) throw new Error(`login: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { cookie: await adminCookie(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

describe('a display link keeps the wall screen up (SPEC §16)', () => {
  it('stays live past the idle and the absolute session limits, and stops at once when revoked', async () => {
    const created = (await api('POST', '/api/display-links', { policyId: 'liuzhou-2026-q3', label: '三楼会议室' })) as { path: string; link: { linkId: number } };

    // The wall screen: opened by its link, no password.
    const wall = await chromium.current.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const screen = await wall.newPage();
    await screen.goto(`${server.base}${created.path}`);
    const first = screen.locator('.top5 li').first();
    await first.waitFor();
    const screenLive = screen.getByTestId('live-state');
    await expect.poll(() => screenLive.innerText()).toContain('实时更新中');
    expect(await screen.getByTestId('display-label').innerText()).toContain('三楼会议室');
    expect(await first.innerText()).toContain('柳东新区');
    const opened = Date.now();

    // A person's ranking, signed in the ordinary way, left alone.
    const desk = await chromium.current.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const { hostname } = new URL(server.base);
    const cookie = await adminCookie();
    await desk.addCookies(cookie.split('; ').map((p) => ({ name: p.slice(0, p.indexOf('=')), value: p.slice(p.indexOf('=') + 1), domain: hostname, path: '/' })));
    const person = await desk.newPage();
    await person.goto(`${server.base}/`);
    await person.getByTestId('ranking-table').locator('tbody tr').first().waitFor();
    const personLive = person.getByTestId('live-state');
    await expect.poll(() => personLive.innerText()).toContain('实时更新中');

    // Idle: the person's indicator says so by itself, before any change would have found out.
    await expect.poll(() => personLive.innerText(), { timeout: IDLE_MS + 10_000 }).toContain('已退出登录');
    expect(new URL(person.url()).pathname).toBe('/'); // told, not thrown to the login page
    expect(await screenLive.innerText()).toContain('实时更新中');

    // A change lands: 融水 at 120% of both September targets goes first, on the screen at once.
    const form = new FormData();
    form.append('kind', 'unit-actuals');
    form.append('policyId', 'liuzhou-2026-q3');
    form.append('file', new Blob([csv([['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）'], ['融水县', '9', '362400', '68160']])]), '9月完成-融水.csv');
    const upload = await fetch(`${server.base}/api/uploads?dryRun=false`, { method: 'POST', headers: { cookie: await adminCookie() }, body: form });
    expect(upload.status).toBe(200);
    const batchId = ((await upload.json()) as { batch: { batchId: number } }).batch.batchId;
    await expect.poll(() => first.innerText(), { timeout: 5_000 }).toContain('融水苗族自治县');

    // Past the absolute limit since the screen opened: every session of that time is over; the
    // screen is still live, and the next change reaches it.
    await sleep(opened + MAX_MS + 1_000 - Date.now());
    expect(await screenLive.innerText()).toContain('实时更新中');
    await api('POST', `/api/uploads/${batchId}/revert`, {});
    await expect.poll(() => first.innerText(), { timeout: 5_000 }).toContain('柳东新区');
    expect(new URL(screen.url()).pathname).toBe(created.path);

    // Revoked: the screen says so at once (the server ends its stream), not at its next change.
    const revokedAt = Date.now();
    await api('DELETE', `/api/display-links/${created.link.linkId}`);
    await screen.getByTestId('display-revoked').waitFor({ timeout: 3_000 });
    expect(Date.now() - revokedAt).toBeLessThan(3_000);
    expect(await screenLive.innerText()).toContain('显示链接已撤销');
    // …and stays so on a reload
    await screen.reload();
    await screen.getByTestId('display-revoked').waitFor();

    const links = (await api('GET', '/api/display-links')) as { links: Array<{ revokedAt: string | null; lastSeenAt: string | null }> };
    expect(links.links[0]!.revokedAt).not.toBeNull();
    expect(links.links[0]!.lastSeenAt).not.toBeNull();
    await wall.close();
    await desk.close();
  });
});
