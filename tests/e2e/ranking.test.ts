import { describe, expect, inject, it } from 'vitest';
import { createUser } from './api';
import { logIn, signedInContext, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

describe('signing in and the live ranking', () => {
  it('sends a signed-out visitor to /login and back to the page asked for', async () => {
    const context = await chromium.current.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/industries`);
    await page.waitForURL(/\/login\?next=%2Findustries/);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('用户名或密码错误');
    await logIn(page, baseUrl, undefined, '/industries');
    expect(new URL(page.url()).pathname).toBe('/industries');
    await page.getByTestId('industry-grid').waitFor();
    expect(await page.getByTestId('industry-grid').locator('li').count()).toBe(10);
    await context.close();
  });

  it('shows all 12 units with month, time progress, awards and indicator detail', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl);
    const table = page.getByTestId('ranking-table');
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(12);
    expect(await page.getByTestId('as-of-month').innerText()).toBe('截至 9 月');
    expect(await page.getByTestId('time-progress').innerText()).toBe('100.0%');
    const units = await table.locator('tbody tr th').allInnerTexts();
    for (const name of ['城中区', '鱼峰区', '柳南区', '柳北区', '柳江区', '柳城县', '鹿寨县', '融安县', '融水苗族自治县', '三江侗族自治县', '柳东新区', '阳和工业新区（北部生态新区）']) {
      expect(units.some((u) => u.includes(name)), name).toBe(true);
    }
    // The awards of the five tiers, 800 / 500 / 350 / 200 / 150 万元, one each (no ties in the demo).
    const awards = (await table.locator('tbody tr td .award-badge').allInnerTexts()).map((a) => a.replace(/\D/g, ''));
    expect(awards.sort((a, b) => Number(b) - Number(a))).toEqual(['800', '500', '350', '200', '150']);
    // Completion rates as officials write them.
    expect(await table.innerText()).toMatch(/\d+\.\d{2}%/);
    await context.close();
  });

  it('shows a viewer no upload, revert or 一票否决 controls', async () => {
    const viewer = await createUser(baseUrl, 'viewer');
    const { context, page } = await signedInContext(chromium.current, baseUrl, viewer);
    await page.getByTestId('ranking-table').locator('tbody tr').first().waitFor();
    expect(await page.getByRole('button', { name: '一票否决' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '管理' }).count()).toBe(0);
    await page.getByRole('link', { name: '数据上传' }).click();
    await page.getByText('上传与撤销需要统计人员及以上角色').waitFor();
    expect(await page.locator('#upload-file').count()).toBe(0);
    await context.close();
  });
});
