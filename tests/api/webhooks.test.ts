import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookDeliveriesSchema, webhookJsonPayloadSchema, type WebhookDelivery } from '@scoreboard/shared';
import { buildApp } from '../../server/src/app';
import { buildTestApp, POLICY_ID, TEST_PASSWORD, type TestApp } from '../helpers/app';
import { startReceiver, type Receiver } from '../helpers/receiver';
import { postUpload } from '../helpers/uploads';

/**
 * Notifications (SPEC.md §18) against receivers started here on 127.0.0.1: a 企业微信 robot, a 钉钉
 * robot that checks the signature the way DingTalk does, a plain JSON endpoint, and ones that are
 * down, hang or fail before they succeed.
 */
const PUBLIC_URL = 'https://kanban.lz.example.gov.cn';
// 融安县's September output at 122% of its quarter target (335,600 万元): 50 + 10 (the cap) + its
// investment's 48.6 = 108.60, third
const RONGAN_UP = '单位,月份,规上工业总产值（万元）,工业投资（万元）\n融安县,9,410000,\n';
const FAST_RETRY = { baseDelayMs: 100, factor: 3, maxAttempts: 3, timeoutMs: 1_000 };

let t: TestApp | null = null;
const receivers: Receiver[] = [];
afterEach(async () => {
  await t?.close();
  t = null;
  for (const r of receivers.splice(0)) await r.close();
});
async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

async function addWebhook(app: TestApp, body: Record<string, unknown>) {
  const res = await app.app.inject({ method: 'POST', url: '/api/webhooks', headers: await app.login('admin'), payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ webhookId: number; url: string; hasSecret: boolean }>();
}
async function deliveries(app: TestApp): Promise<WebhookDelivery[]> {
  const res = await app.app.inject({ url: '/api/webhooks/deliveries', headers: await app.login('admin') });
  return webhookDeliveriesSchema.parse(res.json()).deliveries;
}
async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** The deliveries that satisfy `test`, or null while there are none (for until). */
async function deliveriesWhere(app: TestApp, test: (d: WebhookDelivery) => boolean): Promise<WebhookDelivery[] | null> {
  const found = (await deliveries(app)).filter(test);
  return found.length ? found : null;
}
const markdownOf = (body: unknown) => (body as { markdown: { content?: string; text?: string } }).markdown;

describe('webhook targets: admin only, secrets go in and never come out', () => {
  it('adds, lists and deletes targets; the secret and the robot key are never returned', async () => {
    t = await buildTestApp();
    const admin = await t.login('admin');
    const wecom = await addWebhook(t, {
      kind: 'wecom', name: '工信局群', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa', events: ['awards.changed'],
    });
    expect(wecom).toMatchObject({ kind: 'wecom', name: '工信局群', hasSecret: false, url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****5aaa' });
    const ding = await addWebhook(t, {
      kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=a1b2c3d4e5f6secret-token', secret: 'SEC-very-secret-signing-key', events: ['awards.finalized', 'upload.refused'],
    });
    expect(ding).toMatchObject({ hasSecret: true, url: 'https://oapi.dingtalk.com/robot/send?access_token=****oken' });

    const list = await t.app.inject({ url: '/api/webhooks', headers: admin });
    expect(list.json<{ webhooks: unknown[] }>().webhooks).toHaveLength(2);
    const audit = await t.app.inject({ url: '/api/audit', headers: admin });
    for (const body of [list.body, audit.body, JSON.stringify(wecom), JSON.stringify(ding)]) {
      expect(body).not.toContain('SEC-very-secret-signing-key');
      expect(body).not.toContain('a1b2c3d4e5f6secret-token');
      expect(body).not.toContain('0ec2sifa5aaa');
    }
    const actions = audit.json<{ entries: { action: string }[] }>().entries.map((e) => e.action).filter((a) => a.startsWith('webhook.'));
    expect(actions).toEqual(['webhook.create', 'webhook.create']);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/webhooks/${wecom.webhookId}`, headers: admin })).statusCode).toBe(204);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/webhooks/${wecom.webhookId}`, headers: admin });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'webhook_not_found' });
    expect((await t.app.inject({ url: '/api/webhooks', headers: await t.login('leader') })).statusCode).toBe(403);
  });

  it.each([
    [{ kind: 'wecom', url: 'ftp://example.org/hook', events: ['awards.changed'] }, 'url'],
    [{ kind: 'wecom', url: 'not a url', events: ['awards.changed'] }, 'url'],
    [{ kind: 'slack', url: 'https://example.org/hook', events: ['awards.changed'] }, 'kind'],
    [{ kind: 'json', url: 'https://example.org/hook', events: [] }, 'events'],
    [{ kind: 'json', url: 'https://example.org/hook', events: ['upload.deleted'] }, 'events.0'],
    [{ kind: 'json', url: 'https://example.org/hook', events: ['awards.changed', 'awards.changed'] }, 'events'],
  ])('refuses %j with a 400 naming %s', async (payload, path) => {
    t = await buildTestApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/webhooks', headers: await t.login('admin'), payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ details: { path: string }[] }>().details.map((d) => d.path)).toContain(path);
  });
});

describe('deliveries', () => {
  it('企业微信: an upload that moves the paid places sends upload.committed and awards.changed as markdown', async () => {
    const robot = await receiver();
    t = await buildTestApp({ demoData: true, publicUrl: PUBLIC_URL });
    await t.app.services.notifier.idle(); // the demo data's own commits, before any target exists
    await addWebhook(t, { kind: 'wecom', url: `${robot.base}/cgi-bin/webhook/send?key=test-key-1`, events: ['upload.committed', 'awards.changed'] });

    const { cookie } = await t.login('statistician');
    const res = await postUpload(t, cookie, { kind: 'unit-actuals', fileName: '融安9月.csv', data: RONGAN_UP, dryRun: false });
    expect(res.statusCode, res.body).toBe(200);
    const revision = (await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking`, headers: { cookie } })).json<{ revision: number }>().revision;

    const [committed, changed] = await robot.waitFor(2);
    for (const r of [committed!, changed!]) {
      expect(r.method).toBe('POST');
      expect(r.url.pathname + r.url.search).toBe('/cgi-bin/webhook/send?key=test-key-1');
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(r.json).toMatchObject({ msgtype: 'markdown' });
    }
    const first = markdownOf(committed!.json).content!;
    expect(first).toContain('### 【工业稳增长考核看板】数据已上传');
    expect(first).toContain(`（第 ${revision} 版数据）`);
    expect(first).toContain('> statistician 上传「融安9月.csv」（县区月度完成，1 行）：新增 0 项，修改 1 项，未变 0 项');
    expect(first).toContain(`[打开看板查看](${PUBLIC_URL}/uploads?policy=${POLICY_ID})`);

    const second = markdownOf(changed!.json).content!;
    expect(second).toContain('奖励名次变动');
    // the places a reader checks: 融安县 third on 108.60, 柳南区 out of the paid five
    expect(second).toContain('> 融安县 进入奖励名次：第 3 名 350 万元');
    expect(second).toContain('> 柳江区：第 3 名 350 万元 → 第 4 名 200 万元');
    expect(second).toContain('> 阳和工业新区（北部生态新区）：第 4 名 200 万元 → 第 5 名 150 万元');
    expect(second).toContain('> 柳南区 退出奖励名次（原第 5 名 150 万元）');
    expect(second).toContain('> 原因：上传数据（statistician）');
    expect(second).toContain('**当前奖励名次（截至 9 月）**\n1. 柳东新区 · 110.50 分 · **800 万元**\n2. 鹿寨县 · 109.60 分 · **500 万元**\n3. 融安县 · 108.60 分 · **350 万元**');
    expect(second).toContain(`[打开看板查看](${PUBLIC_URL}/awards?policy=${POLICY_ID})`);

    const log = await deliveries(t);
    expect(log.map((d) => [d.event, d.status, d.attempts, d.revision])).toEqual([
      ['awards.changed', 'delivered', 1, revision],
      ['upload.committed', 'delivered', 1, revision],
    ]);
    // a change that moves no paid place (the budget) announces nothing
    await t.app.inject({ method: 'PUT', url: `/api/policies/${POLICY_ID}/budget`, headers: await t.login('admin'), payload: { totalWan: 3000 } });
    await t.app.services.notifier.idle();
    expect(await deliveries(t)).toHaveLength(2);
  });

  it('钉钉: the finalized table, signed with timestamp and sign as the robot checks them', async () => {
    const secret = 'SECb6f1a0c4d2e8f7a9b3c5d7e9f1a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0d2e4f6';
    const robot = await receiver((_n, request) => {
      // what DingTalk does with a 加签 robot: recompute the signature, refuse a stale timestamp
      const timestamp = Number(request.url.searchParams.get('timestamp'));
      const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
      const fresh = Math.abs(Date.now() - timestamp) < 60 * 60 * 1000;
      return request.url.searchParams.get('sign') === expected && fresh
        ? { status: 200, body: { errcode: 0, errmsg: 'ok' } }
        : { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
    });
    t = await buildTestApp({ demoData: true, publicUrl: PUBLIC_URL });
    await addWebhook(t, { kind: 'dingtalk', url: `${robot.base}/robot/send?access_token=ding-token`, secret, events: ['awards.finalized'] });

    const finalize = await t.app.inject({ method: 'POST', url: `/api/policies/${POLICY_ID}/finalize`, headers: await t.login('leader'), payload: {} });
    expect(finalize.statusCode).toBe(200);
    const [request] = await robot.waitFor(1);
    expect(request!.url.searchParams.get('access_token')).toBe('ding-token');
    // the sign travels URL-encoded (base64 has + / =)
    expect(request!.url.search).toMatch(/&sign=[\w%]+$/);
    const { title, text } = (request!.json as { markdown: { title: string; text: string } }).markdown;
    expect(title).toBe('工业稳增长考核看板：奖励表已定稿');
    expect(text).toContain('> leader 将奖励表定稿：县区奖励合计 2000 万元');
    expect(text).toContain('**定稿奖励名次（截至 9 月）**\n1. 柳东新区 · 110.50 分 · **800 万元**');
    expect(text).toContain('5. 柳南区 · 102.25 分 · **150 万元**');
    const [delivery] = await until('the delivery to be marked', () => deliveriesWhere(t!, (d) => d.status !== 'pending'));
    expect(delivery).toMatchObject({ event: 'awards.finalized', status: 'delivered', lastStatusCode: 200, lastError: null });
  });

  it('钉钉 with a wrong secret: the robot’s refusal (errcode) is a failed attempt, retried, then failed for good', async () => {
    const robot = await receiver(() => ({ status: 200, body: { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' } }));
    t = await buildTestApp({ demoData: true, webhookRetry: FAST_RETRY });
    await addWebhook(t, { kind: 'dingtalk', url: `${robot.base}/robot/send?access_token=x`, secret: 'wrong', events: ['awards.finalized'] });
    await t.app.inject({ method: 'POST', url: `/api/policies/${POLICY_ID}/finalize`, headers: await t.login('leader'), payload: {} });
    const [failed] = await until('three attempts', () => deliveriesWhere(t!, (d) => d.status === 'failed'));
    expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 200, nextAttemptAt: null });
    expect(failed!.lastError).toMatch(/^errcode 310000：sign not match/);
    expect(robot.received).toHaveLength(3);
  });

  it('json: upload.refused as the SPEC’s body, signed with X-Scoreboard-Signature', async () => {
    const secret = 'city-system-shared-secret';
    const endpoint = await receiver(() => ({ status: 204 }));
    t = await buildTestApp({ publicUrl: PUBLIC_URL });
    await addWebhook(t, { kind: 'json', url: `${endpoint.base}/hooks/scoreboard`, secret, events: ['upload.refused'] });
    const { cookie } = await t.login('statistician');
    const bad = '单位,月份,规上工业总产值（万元）,工业投资（万元）\n城中区,9,abc,100\n不存在区,9,1,1\n';
    // a preview with errors is not a refusal of a commit; the commit is
    expect((await postUpload(t, cookie, { kind: 'unit-actuals', fileName: 'bad.csv', data: bad, dryRun: true })).statusCode).toBe(422);
    expect((await postUpload(t, cookie, { kind: 'unit-actuals', fileName: 'bad.csv', data: bad, dryRun: false })).statusCode).toBe(422);

    const [request] = await endpoint.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(endpoint.received).toHaveLength(1);
    const timestamp = request!.headers['x-scoreboard-timestamp'] as string;
    expect(request!.headers['x-scoreboard-signature']).toBe(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${request!.body}`).digest('hex')}`);
    const body = webhookJsonPayloadSchema.parse(request!.json);
    expect(body).toMatchObject({ event: 'upload.refused', policyId: POLICY_ID, revision: null, top: [], link: `${PUBLIC_URL}/uploads?policy=${POLICY_ID}` });
    expect(body.summary).toMatch(/^statistician 上传「bad\.csv」（县区月度完成）被拒绝：2 处错误，未导入任何数据\n/);
    expect(body.summary).toContain('第 2 行「规上工业总产值（万元）」');
    expect(Date.parse(body.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('json: upload.committed carries the revision of the commit and the paid places', async () => {
    const endpoint = await receiver(() => ({ status: 200 }));
    t = await buildTestApp({ demoData: true });
    await addWebhook(t, { kind: 'json', url: `${endpoint.base}/in`, events: ['upload.committed'] });
    const { cookie } = await t.login('statistician');
    const res = await postUpload(t, cookie, { kind: 'unit-actuals', fileName: '融安9月.csv', data: RONGAN_UP, dryRun: false });
    const [request] = await endpoint.waitFor(1);
    expect(request!.headers['x-scoreboard-signature']).toBeUndefined(); // no secret, no signature
    const body = webhookJsonPayloadSchema.parse(request!.json);
    const ranking = (await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking`, headers: { cookie } })).json<{ revision: number }>();
    expect(res.statusCode).toBe(200);
    expect(body).toMatchObject({ event: 'upload.committed', policyId: POLICY_ID, revision: ranking.revision, month: 9, link: null });
    expect(body.top).toEqual([
      { rank: 1, unitId: 'LZ-LD', unitName: '柳东新区', score: 110.5, award: 800 },
      { rank: 2, unitId: '450223', unitName: '鹿寨县', score: 109.6, award: 500 },
      { rank: 3, unitId: '450224', unitName: '融安县', score: 108.6, award: 350 },
      { rank: 4, unitId: '450206', unitName: '柳江区', score: 105.4, award: 200 },
      { rank: 5, unitId: 'LZ-BB', unitName: '阳和工业新区（北部生态新区）', score: 104.5, award: 150 },
    ]);
  });
});

describe('a receiver that is down or slow never slows or fails a commit', () => {
  it('the commit is answered while the receiver holds the request; the hung attempt times out and is retried', async () => {
    const order: string[] = [];
    const slow = await receiver(() => {
      order.push('delivery arrived');
      return 'hang';
    });
    t = await buildTestApp({ demoData: true, webhookRetry: FAST_RETRY });
    await addWebhook(t, { kind: 'wecom', url: `${slow.base}/send?key=k`, events: ['upload.committed', 'awards.changed'] });
    const { cookie } = await t.login('statistician');

    const res = await postUpload(t, cookie, { kind: 'unit-actuals', fileName: '融安9月.csv', data: RONGAN_UP, dryRun: false });
    order.push('commit answered');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, duplicate: false });
    // the commit's answer came first; the deliveries were only queued
    expect(order).toEqual(['commit answered']);
    expect((await deliveries(t)).map((d) => [d.status, d.attempts])).toEqual([['pending', 0], ['pending', 0]]);

    // then the receiver gets the request and never answers; the attempt times out and is retried
    await slow.waitFor(1);
    expect(order).toEqual(['commit answered', 'delivery arrived']);
    const failed = await until('both deliveries to fail for good', async () => {
      const log = await deliveries(t!);
      return log.length === 2 && log.every((d) => d.status === 'failed') && log;
    });
    for (const d of failed) expect(d).toMatchObject({ attempts: 3, lastStatusCode: null, lastError: '超时：1 秒内未应答' });
    expect(slow.received).toHaveLength(6);
  });

  it('a receiver that is down (connection refused): the commit succeeds, the failure is logged with the reason', async () => {
    const down = await receiver();
    const address = down.base;
    await down.close(); // nothing listens there now
    receivers.splice(receivers.indexOf(down), 1);
    t = await buildTestApp({ demoData: true, webhookRetry: FAST_RETRY });
    await addWebhook(t, { kind: 'json', url: `${address}/in`, events: ['upload.committed'] });
    const res = await postUpload(t, (await t.login('statistician')).cookie, { kind: 'unit-actuals', fileName: '融安9月.csv', data: RONGAN_UP, dryRun: false });
    expect(res.statusCode).toBe(200);
    const [failed] = await until('the delivery to fail for good', () => deliveriesWhere(t!, (d) => d.status === 'failed'));
    expect(failed).toMatchObject({ event: 'upload.committed', attempts: 3, lastError: '无法连接：ECONNREFUSED' });
  });

  it('failures are retried with growing delays, and a later success is recorded', async () => {
    const flaky = await receiver((n) => (n < 2 ? { status: 503, body: { message: 'busy' } } : { status: 200 }));
    t = await buildTestApp({ demoData: true, webhookRetry: { ...FAST_RETRY, maxAttempts: 5 } });
    await addWebhook(t, { kind: 'json', url: `${flaky.base}/in`, events: ['upload.committed'] });
    await postUpload(t, (await t.login('statistician')).cookie, { kind: 'unit-actuals', fileName: '融安9月.csv', data: RONGAN_UP, dryRun: false });
    const [a, b, c] = await flaky.waitFor(3);
    // backoff: at least 100 ms, then at least 300 ms (base 100 ms × 3^(attempt−1))
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(100);
    expect(c!.at - b!.at).toBeGreaterThanOrEqual(300);
    const [delivered] = await until('delivery', () => deliveriesWhere(t!, (d) => d.status === 'delivered'));
    expect(delivered).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: 'HTTP 503：{"message":"busy"}' });
    expect(a!.body).toBe(c!.body); // the same message each time
  });
});

describe('send a test, restarts, logs', () => {
  it('“send a test” posts a sample message now and answers with the attempt’s outcome', async () => {
    const robot = await receiver();
    t = await buildTestApp({ demoData: true, publicUrl: PUBLIC_URL });
    const { webhookId } = await addWebhook(t, { kind: 'wecom', name: '测试群', url: `${robot.base}/send?key=k`, events: ['awards.changed'] });
    const res = await t.app.inject({ method: 'POST', url: `/api/webhooks/${webhookId}/test`, headers: await t.login('admin') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ event: 'test', status: 'delivered', attempts: 1, lastStatusCode: 200 });
    const content = markdownOf(robot.received[0]!.json).content!;
    expect(content).toContain('测试消息');
    expect(content).toContain('admin 从“系统管理”页发送的测试消息：收到即表示通知目标“测试群”配置正确。');
    expect(content).toContain('1. 柳东新区 · 110.50 分 · **800 万元**');

    // with the robot gone the answer says what went wrong, and it stays queued for a retry
    await robot.close();
    receivers.splice(0);
    const down = await t.app.inject({ method: 'POST', url: `/api/webhooks/${webhookId}/test`, headers: await t.login('admin') });
    expect(down.json()).toMatchObject({ status: 'pending', attempts: 1, lastError: '无法连接：ECONNREFUSED' });
  });

  it('a delivery pending at shutdown is sent after the restart, and paid places are not announced twice', async () => {
    let up = false;
    const robot = await receiver(() => (up ? { status: 200, body: { errcode: 0, errmsg: 'ok' } } : { status: 500 }));
    t = await buildTestApp({ demoData: true, webhookRetry: { ...FAST_RETRY, baseDelayMs: 60_000 } });
    await addWebhook(t, { kind: 'wecom', url: `${robot.base}/send?key=k`, events: ['awards.changed'] });
    await postUpload(t, (await t.login('statistician')).cookie, { kind: 'unit-actuals', fileName: '融安9月.csv', data: RONGAN_UP, dryRun: false });
    await robot.waitFor(1);
    const [pending] = await until('the first attempt', () => deliveriesWhere(t!, (d) => d.attempts === 1));
    expect(pending).toMatchObject({ status: 'pending', lastStatusCode: 500 });
    await t.app.close();

    up = true;
    // the same database, restarted; the next attempt is due in a minute, so move the clock
    const restarted = await buildApp({
      databasePath: t.databasePath, adminPassword: TEST_PASSWORD, clientDist: t.dir, webhookRetry: FAST_RETRY, now: () => Date.now() + 61_000,
    });
    try {
      await robot.waitFor(2);
      await until('delivered', async () => {
        const log = restarted.services.webhooks.deliveries(10);
        return log[0]?.status === 'delivered' && log;
      });
      await new Promise((r) => setTimeout(r, 300));
      // one delivery only: the restart did not announce the same paid places again
      expect(restarted.services.webhooks.deliveries(10)).toHaveLength(1);
      expect(robot.received).toHaveLength(2);
    } finally {
      await restarted.close();
      t = { ...t, close: async () => undefined } as TestApp; // already closed
    }
  });

  it('neither the secret nor the robot key appears in the log, even when deliveries fail', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString()); done(); } });
    const robot = await receiver(() => ({ status: 500, body: { error: 'no' } }));
    t = await buildTestApp({ demoData: true, webhookRetry: FAST_RETRY, logger: { level: 'trace', stream: sink } });
    await addWebhook(t, { kind: 'dingtalk', url: `${robot.base}/robot/send?access_token=TOKEN-abc123-SECRET`, secret: 'SEC-never-in-a-log', events: ['awards.finalized'] });
    await t.app.inject({ method: 'POST', url: `/api/policies/${POLICY_ID}/finalize`, headers: await t.login('leader'), payload: {} });
    await until('three attempts', () => deliveriesWhere(t!, (d) => d.status === 'failed'));
    const log = lines.join('');
    expect(log).toContain('webhook delivery failed for good');
    expect(log).toContain('POST'); // request lines are there
    expect(log).not.toContain('SEC-never-in-a-log');
    expect(log).not.toContain('TOKEN-abc123-SECRET');
    expect(log).not.toContain('sign=');
  });
});
