import { afterAll, describe, expect, inject, it } from 'vitest';
import { startReceiver } from '../helpers/receiver';
import { signedInContext, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();
const receiver = await startReceiver(() => ({ status: 200 }));
afterAll(() => receiver.close());

describe('/admin: backups and notifications (SPEC.md §18)', () => {
  it('shows the last scheduled backup, and backs up on request', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl);
    await page.getByRole('link', { name: '管理' }).click();
    const card = page.getByTestId('backup-status');
    await expect.poll(() => card.getByTestId('backup-last').innerText()).toMatch(/^最近一次备份成功：\d{4}-\d\d-\d\d \d\d:\d\d，\d+ KB。$/);
    const rows = card.locator('tbody tr');
    const before = await rows.count();
    await card.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => rows.count()).toBe(before + 1);
    await context.close();
  });

  it('an admin adds a JSON target, sends a test that arrives, sees it in the log, and deletes the target', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl);
    await page.getByRole('link', { name: '管理' }).click();
    const panel = page.getByTestId('webhooks-panel');
    await panel.getByLabel('类型').selectOption('json');
    await panel.getByLabel(/^名称/).fill('统计局系统');
    await panel.getByLabel('Webhook 地址').fill(`${receiver.base}/hooks/scoreboard?token=abcdef123456`);
    await panel.getByLabel(/^签名密钥/).fill('e2e-shared-secret');
    await panel.getByLabel('上传被拒绝').check();
    await panel.getByRole('button', { name: '添加通知目标' }).click();

    const row = panel.getByTestId('webhooks-table').locator('tbody tr', { hasText: '统计局系统' });
    await row.waitFor();
    // the secret never comes back; the token in the address is masked
    expect(await row.innerText()).toContain('token=****3456');
    expect(await page.content()).not.toContain('e2e-shared-secret');

    await row.getByRole('button', { name: '发送测试' }).click();
    await expect.poll(() => panel.getByTestId('webhook-test-result').innerText()).toBe('测试消息已送达。');
    expect(receiver.received.at(-1)!.json).toMatchObject({ event: 'test', policyId: 'liuzhou-2026-q3' });
    expect(receiver.received.at(-1)!.headers['x-scoreboard-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const logRow = panel.getByTestId('deliveries-table').locator('tbody tr').first();
    await expect.poll(() => logRow.innerText()).toMatch(/统计局系统\s+测试消息\s+已送达\s+1/);

    await row.getByRole('button', { name: '删除' }).click();
    await panel.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => panel.getByTestId('webhooks-table').count()).toBe(0);
    await context.close();
  });
});
