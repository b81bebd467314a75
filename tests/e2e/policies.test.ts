import { describe, expect, inject, it } from 'vitest';
import { apiLogin } from './api';
import { signedInContext, useBrowser } from './browser';
import { readPdf } from './pdfText';

/**
 * Several policies side by side (SPEC §13, issue 9): the pages draw places, lines and indicator
 * columns from the policy chosen in the switcher; links name their policy; a link without one opens
 * the default (the newest in force: Q3); a change to one policy refreshes only its dashboards.
 */
const baseUrl = inject('baseUrl');
const chromium = useBrowser();
const Q4 = 'liuzhou-2026-q4';

describe('switching between the Q3 policy and the example Q4 draft', () => {
  it('Q3 → Q4: three indicator columns, six award places, its own status, links that keep the choice', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl);
    const table = page.getByTestId('ranking-table');
    await table.locator('tbody tr').first().waitFor();
    // a link without ?policy= opens the default policy: Q3, in force, two indicators
    expect(await page.getByTestId('policy-switcher').inputValue()).toBe('liuzhou-2026-q3');
    expect(await table.locator('thead th.group').allInnerTexts()).toEqual(['规上工业总产值（万元）', '工业投资（万元）']);
    const q3Badges = await page.getByTestId('policy-badges').first().innerText();
    expect(q3Badges).toContain('正式');
    expect(q3Badges).toContain('已过有效期');

    await page.getByTestId('policy-switcher').selectOption(Q4);
    await page.waitForURL((url) => url.searchParams.get('policy') === Q4);
    await expect.poll(() => table.locator('thead th.group').allInnerTexts()).toEqual([
      '规上工业总产值（万元）', '工业投资（万元）', '新增规上工业企业数（个）',
    ]);
    expect(await page.getByTestId('as-of-month').innerText()).toBe('截至 11 月');
    const q4Badges = await page.getByTestId('policy-badges').first().innerText();
    expect(q4Badges).toContain('征求意见稿');
    expect(q4Badges).toContain('示例');
    // 阳和 ranks 6th at 92.00, under the 100-point line: ranked, not paid, and the table says why
    const yanghe = table.locator('tbody tr[data-unit="LZ-BB"]');
    expect(await yanghe.innerText()).toContain('未达 100 分，不获奖');

    // the navigation keeps the policy: the award table pays six places, 600 … 100 万元
    await page.getByRole('link', { name: '奖励', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/awards' && url.searchParams.get('policy') === Q4);
    const rules = page.getByTestId('award-rules');
    await rules.waitFor();
    expect(await rules.innerText()).toContain('奖励 6 个名次：600 / 400 / 300 / 200 / 150 / 100 万元');
    expect(await rules.innerText()).toContain('综合评分不低于 100 分方可获奖');
    expect(await page.getByTestId('county-total').innerText()).toBe('1,650');

    // the wall screen follows the chosen policy: six places, the tie at 4th included
    await page.goto(`${baseUrl}/screen?policy=${Q4}`);
    const places = page.locator('.top5 li');
    await places.first().waitFor();
    expect(await places.count()).toBe(6);
    expect(await page.getByRole('heading', { name: /获奖名次（前 6 名）/ }).count()).toBe(1);
    await context.close();
  });

  it('prints the Q4 draft with its 征求意见稿 watermark and 示例 mark, three indicator columns and 壹仟陆佰伍拾万元整', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl, undefined, `/awards/print?policy=${Q4}`);
    await page.getByTestId('print-page').waitFor();
    expect(await page.getByTestId('print-capitals').innerText()).toBe('壹仟陆佰伍拾万元整');
    await page.emulateMedia({ media: 'print' });
    const { pages, text } = readPdf(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    expect(pages).toBe(1);
    const flat = text.replace(/\s+/g, '');
    for (const words of ['征求意见稿', '示例', '新增规上工业企业数', '第1名', '壹仟陆佰伍拾万元整', '综合评分不低于100分方可获奖']) expect(flat).toContain(words);
    await context.close();
  });

  it('a change to Q4 refreshes the Q4 dashboard and leaves the Q3 one alone', async () => {
    const q3 = await signedInContext(chromium.current, baseUrl);
    const q4 = await signedInContext(chromium.current, baseUrl, undefined, `/?policy=${Q4}`);
    for (const { page } of [q3, q4]) await page.getByTestId('ranking-table').locator('tbody tr').first().waitFor();
    await expect.poll(() => q3.page.getByTestId('live-state').innerText()).toContain('实时');
    await expect.poll(() => q4.page.getByTestId('live-state').innerText()).toContain('实时');
    const rankingRequests = { q3: 0, q4: 0 };
    q3.page.on('request', (r) => void (r.url().includes('/ranking') && rankingRequests.q3++));
    q4.page.on('request', (r) => void (r.url().includes('/ranking') && rankingRequests.q4++));

    const cookie = await apiLogin(baseUrl);
    const url = `${baseUrl}/api/policies/${Q4}/units/450222/disqualification`;
    const put = await fetch(url, { method: 'PUT', headers: { cookie, 'content-type': 'application/json', origin: baseUrl }, body: JSON.stringify({ reason: '示例：切换测试' }) });
    expect(put.status).toBe(200);
    // the chip with the reason, not the words 一票否决: an admin's row has a 一票否决 button already
    const chip = q4.page.getByTestId('ranking-table').locator('tbody tr[data-unit="450222"] .chip-disqualified');
    await expect.poll(() => chip.count()).toBe(1);
    expect(await chip.innerText()).toContain('示例：切换测试');
    expect(rankingRequests.q4).toBeGreaterThan(0);
    expect(rankingRequests.q3).toBe(0);
    const del = await fetch(url, { method: 'DELETE', headers: { cookie, origin: baseUrl } });
    expect(del.status).toBe(200);
    await q3.context.close();
    await q4.context.close();
  });
});
