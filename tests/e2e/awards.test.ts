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
    // the factor is exact: its 4-decimal text beside the fraction in lowest terms (≈ when 4 places are not all of it)
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    const g = gcd(available, totals.computedWan);
    const decimal = (available / totals.computedWan).toFixed(4);
    const exact = (available * 10_000) % totals.computedWan === 0;
    expect(await stat('补助系数')).toBe(`${exact ? '' : '≈'}${decimal}（${available / g}/${totals.computedWan / g}）`);
    expect(await stat('合计支出')).toBe(`${paid.toLocaleString('en-US')}万元`);
    expect(await stat('剩余')).toBe(`${(budgetWan - paid).toLocaleString('en-US')}万元`);
    expect(await page.getByText(/超预算，按系数 ≈?0\.\d{4}（\d+\/\d+） 等比例压减/).count()).toBe(1);

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
    await page.getByTestId('ranking-table').waitFor(); // the banner read below is the ranking's, not the awards'
    expect(await page.getByTestId('revised-warning').innerText()).toContain('定稿后数据已修订');
    await context.close();
  });

  it('after finalization /admin edits the budget in force, not the frozen one; awards above a budget are an error', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl, undefined, '/admin');
    const setting = page.getByTestId('budget-setting');
    await expect.poll(() => setting.innerText()).toContain('当前未设定预算总额');
    const save = async (value: string) => {
      await page.getByLabel('预算总额（万元，留空为未设定）').fill(value);
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    };
    await save('2100');
    await page.reload();
    await expect.poll(() => setting.innerText()).toContain('当前预算总额：2,100万元（管理员设定');
    expect(await page.getByLabel('预算总额（万元，留空为未设定）').inputValue()).toBe('2100');
    expect((await getJson<{ final: boolean; budget: { totalWan: number | null } }>(`${POLICY}/awards`)).budget.totalWan).toBeNull(); // frozen
    await save('');

    // The Q4 example is not final: a budget below its county awards is shown as an error on /awards.
    const Q4 = '/api/policies/liuzhou-2026-q4';
    const { budget } = await getJson<{ budget: { countyWan: number } }>(`${Q4}/awards`);
    await page.goto(`${baseUrl}/admin?policy=liuzhou-2026-q4`);
    await save(String(budget.countyWan - 100));
    await page.goto(`${baseUrl}/awards?policy=liuzhou-2026-q4`);
    const alert = page.getByTestId('over-budget');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('缺口 100万元');
    expect(await page.getByTestId('budget').innerText()).toContain('缺口 100万元');
    await page.goto(`${baseUrl}/admin?policy=liuzhou-2026-q4`);
    await save('');
    await context.close();
  });

  it('finalizing the Q4 example (December missing) is refused: the page names the units and month and asks for a reason', async () => {
    const leader = await createUser(baseUrl, 'leader');
    const { context, page } = await signedInContext(chromium.current, baseUrl, leader, '/awards?policy=liuzhou-2026-q4');
    await page.getByRole('button', { name: '定稿' }).click();
    await page.getByRole('button', { name: '确认' }).click();
    const refused = page.getByTestId('period-incomplete');
    await refused.waitFor();
    expect(await page.getByRole('alert').first().innerText()).toContain('12 个单位缺少 12月');
    expect(await refused.locator('li').count()).toBe(12);
    expect(await refused.locator('li').first().innerText()).toBe('城中区：缺 12月 产值完成、投资完成、新增规上企业完成');
    expect(await page.getByLabel('如确需现在定稿，请写明理由（将记入定稿表、打印件和操作日志）').count()).toBe(1);
    expect(await page.getByTestId('final-state').innerText()).toContain('未定稿'); // nothing was frozen
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
    // Q3 is in force since issue 9: no 征求意见稿 watermark (the draft Q4 example has one)
    expect(flat).not.toContain('征求意见稿');
    // the notes under the table: points rounded for display, the score the rounded exact sum; the tie split
    expect(flat).toContain('综合评分为各指标精确得分之和四舍五入保留2位小数');
    expect(flat).toContain('三江侗族自治县与城中区同分，按产值完成率区分：96.00%对97.00%');
    await page.goto(`${baseUrl}/awards/print?policy=liuzhou-2026-q4`);
    await page.getByTestId('print-page').waitFor();
    expect(await page.locator('.watermark').innerText()).toBe('征求意见稿');
    expect(await page.locator('.print-header h1').innerText()).toContain('示例');
    await context.close();
  });
});
