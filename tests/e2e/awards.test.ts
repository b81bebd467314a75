import { describe, expect, inject, it } from 'vitest';
import { apiLogin, commitUpload, createUser } from './api';
import { signedInContext, useBrowser } from './browser';
import { csv } from './files';
import { readPdf } from './pdfText';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

const POLICY = '/api/policies/liuzhou-2026-q3';
async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: await apiLogin(baseUrl) } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

describe('awards: budget, finalize, revise, print', () => {
  // First in this file: once finalized, /awards shows the frozen snapshot and its budget.
  it('an admin sets the budget in /admin; /awards shows the factor, the total paid and what remains', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl);
    // The numbers the page must show, from SPEC §7 over the live grants (another file may have
    // added a claim): county awards stand; each grant is ⌊computed × available ÷ total computed⌋.
    const budgetWan = 2100;
    const { grants, totals } = await getJson<{ grants: Array<{ computedWan: number }>; totals: { computedWan: number } }>(`${POLICY}/subsidies`);
    const { budget } = await getJson<{ budget: { countyWan: number; totalWan: number | null } }>(`${POLICY}/awards`);
    expect(budget.totalWan).toBeNull();
    expect(budget.countyWan).toBe(2000);
    const available = budgetWan - budget.countyWan;
    expect(totals.computedWan).toBeGreaterThan(available); // so the grants are scaled
    const granted = grants.reduce((sum, g) => sum + Math.floor((g.computedWan * available) / totals.computedWan), 0);
    const paid = budget.countyWan + granted;

    await page.getByRole('link', { name: '管理' }).click();
    await page.getByLabel('预算总额（万元，留空为未设定）').fill(String(budgetWan));
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();

    await page.getByRole('link', { name: '奖励' }).click();
    const summary = page.getByTestId('budget');
    await summary.waitFor();
    const stat = async (label: string) => summary.locator('.stat', { has: page.getByText(label, { exact: true }) }).locator('dd').innerText();
    expect(await stat('预算总额')).toBe('2,100万元');
    expect(await stat('补助系数')).toBe((available / totals.computedWan).toFixed(4));
    expect(await stat('合计支出')).toBe(`${paid.toLocaleString('en-US')}万元`);
    expect(await stat('剩余')).toBe(`${(budgetWan - paid).toLocaleString('en-US')}万元`);
    expect(await page.getByText(/超预算，按系数 0\.\d{4} 等比例压减/).count()).toBe(1);

    // Back to no budget, so the finalize below freezes the file's own setting.
    await page.getByRole('link', { name: '管理' }).click();
    await page.getByLabel('预算总额（万元，留空为未设定）').fill('');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    expect((await getJson<{ budget: { totalWan: number | null } }>(`${POLICY}/awards`)).budget.totalWan).toBeNull();
    await context.close();
  });

  it('finalize (leader, confirmed), then an upload shows "revised after finalization" and the table stays frozen', async () => {
    const leader = await createUser(baseUrl, 'leader');
    const { context, page } = await signedInContext(chromium.current, baseUrl, leader);
    await page.goto(`${baseUrl}/awards`);
    const state = page.getByTestId('final-state');
    await state.waitFor();
    if (!(await state.innerText()).includes('已定稿')) {
      await page.getByRole('button', { name: '定稿' }).click();
      await page.getByRole('button', { name: '确认' }).click();
    }
    await expect.poll(() => state.innerText()).toContain('已定稿');
    const frozen = await page.getByTestId('county-awards').locator('tbody').innerText();
    expect(await page.getByTestId('county-total').innerText()).toBe('2,000');

    // 城中区 jumps to 130% of its output target after finalization (a unique figure each run).
    const output = 796_120 + (Date.now() % 1000);
    await commitUpload(baseUrl, 'unit-actuals', `定稿后修订-${output}.csv`, csv([['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）'], ['城中区', '9', String(output), '86500']]));
    await page.getByTestId('revised-warning').waitFor({ timeout: 5_000 }); // arrives by server event, no reload
    expect(await page.getByTestId('revised-warning').innerText()).toContain('定稿后数据已修订');
    expect(await page.getByTestId('county-awards').locator('tbody').innerText()).toBe(frozen);
    // The ranking says so too, with the same banner (issue 5).
    await page.getByRole('link', { name: '排名' }).click();
    expect(await page.getByTestId('revised-warning').innerText()).toContain('定稿后数据已修订');
    await context.close();
  });

  it('/awards/print holds the award amounts on one A4 page, in figures and in capitals', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl);
    // Count window.print calls instead of opening the print dialog.
    await page.addInitScript(() => {
      const w = globalThis as unknown as { e2ePrints: number; print: () => void };
      w.e2ePrints = 0;
      w.print = () => {
        w.e2ePrints += 1;
      };
    });
    const prints = () => page.evaluate(() => (globalThis as unknown as { e2ePrints: number }).e2ePrints);
    await page.goto(`${baseUrl}/awards/print`);
    await page.getByTestId('print-page').waitFor();
    expect(await page.locator('nav').count()).toBe(0); // plain: no navigation
    expect(await prints()).toBe(0); // never prints by itself
    await page.getByRole('button', { name: '打印' }).click();
    expect(await prints()).toBe(1);
    expect(await page.getByTestId('print-capitals').innerText()).toBe('贰仟万元整');

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const { pages, text } = readPdf(pdf);
    expect(pages).toBe(1);
    const flat = text.replace(/\s+/g, '');
    for (const amount of ['800', '500', '350', '200', '150', '2,000']) expect(flat).toContain(amount);
    for (const words of ['贰仟万元整', '制表人', '审核人', '分管领导', '盖章', '柳东新区']) expect(flat).toContain(words);
    // Q3 is in force (since policies became data): no 征求意见稿 watermark; the Q4 draft has one.
    expect(flat).not.toContain('征求意见稿');
    await page.goto(`${baseUrl}/awards/print?policy=liuzhou-2026-q4`);
    await page.getByTestId('print-page').waitFor();
    expect(await page.locator('.watermark').innerText()).toBe('征求意见稿');
    expect(await page.locator('.print-header h1').innerText()).toContain('示例');
    await context.close();
  });
});
