import { describe, expect, inject, it } from 'vitest';
import { logIn, signedInContext, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

describe('/admin: users and roles (SPEC.md §10)', () => {
  it('an admin creates a statistician, who signs in and sees upload controls but no leader or admin controls', async () => {
    const admin = await signedInContext(chromium.current, baseUrl);
    await admin.page.getByRole('link', { name: '管理' }).click();
    const username = `tongji${Date.now() % 100_000}`;
    const password = 'Ceshi-2026-liuzhou';
    await admin.page.getByLabel('用户名', { exact: true }).fill(username);
    await admin.page.getByLabel('姓名', { exact: true }).fill('统计员小韦');
    await admin.page.getByLabel('角色', { exact: true }).selectOption('statistician');
    await admin.page.getByLabel(/^初始密码/).fill(password);
    await admin.page.getByRole('button', { name: '新建用户' }).click();
    const userRow = admin.page.getByTestId('users-table').locator('tbody tr', { hasText: username });
    await userRow.waitFor();
    expect(await userRow.locator('select').inputValue()).toBe('statistician');
    await admin.context.close();

    // The new user signs in through the form, as a person would.
    const context = await chromium.current.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await logIn(page, baseUrl, { username, password });
    expect(await page.getByTestId('current-user').innerText()).toBe('统计员小韦（统计人员）');
    await page.getByTestId('ranking-table').locator('tbody tr').first().waitFor();
    expect(await page.getByRole('button', { name: '一票否决' }).count()).toBe(0); // leader only
    expect(await page.getByRole('link', { name: '管理' }).count()).toBe(0); // admin only
    await page.getByRole('link', { name: '数据上传' }).click();
    await page.getByLabel('数据类型').waitFor();
    expect(await page.locator('#upload-file').count()).toBe(1);
    // The history loads after the form: wait for it, then count its revert buttons.
    const reverts = page.getByTestId('batches-table').getByRole('button', { name: '撤销' });
    await reverts.first().waitFor();
    expect(await reverts.count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: '奖励' }).click();
    await page.getByTestId('final-state').waitFor();
    expect(await page.getByRole('button', { name: '定稿' }).count()).toBe(0); // leader only
    await context.close();
  });
});
