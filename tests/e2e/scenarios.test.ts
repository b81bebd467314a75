import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { apiLogin, createUser } from './api';
import { signedInContext, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

/**
 * /scenarios (SPEC §14) on the example Q4 policy, which no other browser test changes. November,
 * worked by hand in data/demo/liuzhou-2026-q4/README.md; with a bonus of 1 per point (cap 8) on
 * output and investment:
 *   鹿寨  106% → 46, 104% → 44, 3rd by count → 16: 106   (was 101, 3rd, 300 万元)
 *   柳南  106% → 46, 106% → 46, 4th by count → 14: 106   (was 100, 4th tied, 175 万元)
 * Equal scores are split by the output rate (equal), then investment (106 > 104): 柳南 and 融安 share
 * 3rd and 4th, (300 + 200) ÷ 2 = 250 each; 鹿寨 falls to 5th, 150 万元.
 */
const Q4 = 'liuzhou-2026-q4';
// one leader for the file: sign-ins are rate-limited
let leaderUser: ReturnType<typeof createUser> | undefined;
const leaderOnce = () => (leaderUser ??= createUser(baseUrl, 'leader'));

describe('/scenarios', () => {
  it('a leader changes the bonus per point and sees the award column change', async () => {
    const leader = await leaderOnce();
    const { context, page } = await signedInContext(chromium.current, baseUrl, leader, `/scenarios?policy=${Q4}`);
    const table = page.getByTestId('scenario-comparison');
    const cell = (unitId: string, testId: string) => table.locator(`tr[data-unit="${unitId}"]`).getByTestId(testId).innerText();
    await table.locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('scenario-summary').innerText()).toContain('完全相同');
    expect([await cell('450223', 'award-after'), await cell('450204', 'award-after')]).toEqual(['300', '175']);

    await page.getByLabel('产值 · 超目标每个百分点加分').fill('1');
    await page.getByLabel('投资 · 超目标每个百分点加分').fill('1');
    await page.getByRole('button', { name: '计算对比' }).click();

    await expect.poll(() => cell('450223', 'award-after')).toBe('150');
    expect([await cell('450223', 'award-before'), await cell('450223', 'award-diff')]).toEqual(['300', '−150']);
    expect([await cell('450204', 'award-after'), await cell('450204', 'award-diff')]).toEqual(['250', '+75']);
    expect([await cell('450224', 'award-after'), await cell('450224', 'award-diff')]).toEqual(['250', '+75']);
    expect(await table.locator('tr[data-unit="450223"]').innerText()).toContain('▼2'); // 3rd → 5th
    expect(await page.getByTestId('scenario-summary').innerText()).toMatch(/\d+ 个单位的名次、综合评分或奖励有变化/);
    expect(await page.getByTestId('changed-settings').innerText()).toContain('产值 · 超目标每个百分点加分：0.5 → 1');
    // the county total stays 1,650: the tiers paid are the same, to other units
    expect(await page.getByTestId('scenario-totals').locator('tbody tr').first().innerText()).toMatch(/县区奖励\s+1,650\s+1,650\s+0/);

    // For the README: the comparison and the stability chart as a leader sees them.
    await page.getByRole('img', { name: /名次范围横向条形图/ }).locator('canvas').waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(700); // chart animations settle
    const out = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, 'scenarios.png'), fullPage: true });
    expect(statSync(join(out, 'scenarios.png')).size).toBeGreaterThan(10_000);

    // the comparison as a workbook, from the page's own draft
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出对比 XLSX' }).click()]);
    expect(download.suggestedFilename()).toBe(`${Q4}-scenario.xlsx`);
    expect(statSync((await download.path())!).size).toBeGreaterThan(5_000);
    await context.close();
  });

  it('a word in a number field is refused beside the field, and nothing is computed or stored', async () => {
    const leader = await leaderOnce();
    const { context, page } = await signedInContext(chromium.current, baseUrl, leader, `/scenarios?policy=${Q4}`);
    await page.getByTestId('scenario-comparison').locator('tbody tr').first().waitFor();
    const cap = page.getByLabel('投资 · 加分上限');
    await cap.fill('八分');
    await page.getByRole('button', { name: '计算对比' }).click();
    await page.getByTestId('scenario-invalid').waitFor();
    expect(await page.getByTestId('scenario-invalid').innerText()).toContain('投资 · 加分上限');
    expect(await cap.getAttribute('aria-invalid')).toBe('true');
    const saved = await fetch(`${baseUrl}/api/policies/${Q4}/scenarios`, { headers: { cookie: await apiLogin(baseUrl) } });
    expect(((await saved.json()) as { scenarios: unknown[] }).scenarios).toEqual([]);
    await context.close();
  });

  it('saves a named scenario, lists it with the stability view counting it, and deletes it', async () => {
    const leader = await leaderOnce();
    const { context, page } = await signedInContext(chromium.current, baseUrl, leader, `/scenarios?policy=${Q4}`);
    await page.getByTestId('scenario-comparison').locator('tbody tr').first().waitFor();
    await page.getByLabel('获奖条件').selectOption('none');
    await page.getByRole('button', { name: '计算对比' }).click();
    await expect.poll(() => page.getByTestId('scenario-comparison').locator('tr[data-unit="LZ-BB"]').getByTestId('award-after').innerText()).toBe('100');
    await page.getByLabel('方案名称').fill('无 100 分线（浏览器测试）');
    await page.getByRole('button', { name: '保存方案' }).click();
    await page.getByText('已保存方案“无 100 分线（浏览器测试）”').waitFor();
    const saved = page.getByTestId('saved-scenarios');
    await saved.getByText('无 100 分线（浏览器测试）').waitFor();
    expect(await saved.innerText()).toContain('获奖条件');
    // 1 (the rule in force) + 17 standard + 1 saved
    await expect.poll(() => page.getByText('共比较 19 种规则').count()).toBe(1);
    expect(await page.getByRole('img', { name: /名次范围横向条形图/ }).count()).toBe(1);

    await saved.getByRole('button', { name: '删除' }).click();
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('尚未保存方案。').waitFor();
    await context.close();
  });

  it('fits a phone: no horizontal scrolling of the page, every control named', async () => {
    const leader = await leaderOnce();
    const { context, page } = await signedInContext(chromium.current, baseUrl, leader, `/scenarios?policy=${Q4}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('scenario-comparison').locator('tbody tr').first().waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const unnamed = await page.locator('main input, main select, main button').evaluateAll((nodes) =>
      (nodes as unknown as { labels: ArrayLike<{ textContent: string | null }> | null; getAttribute(n: string): string | null; textContent: string | null; outerHTML: string; tagName: string }[])
        .filter((el) => !(el.getAttribute('aria-label') || (el.labels && el.labels.length > 0) || (el.tagName === 'BUTTON' && (el.textContent ?? '').trim())))
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
    await context.close();
  });
});
