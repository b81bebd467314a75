import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { commitUpload, createUser } from './api';
import { launchBrowser, signedInContext } from './browser';
import { csv } from './files';
import { readPdf } from './pdfText';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('awards: finalize, revise, print', () => {
  it('finalize (leader, confirmed), then an upload shows "revised after finalization" and the table stays frozen', async () => {
    const leader = await createUser(baseUrl, 'leader');
    const { context, page } = await signedInContext(browser, baseUrl, leader);
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
    await context.close();
  });

  it('/awards/print holds the award amounts on one A4 page, in figures and in capitals', async () => {
    const { context, page } = await signedInContext(browser, baseUrl);
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
    for (const words of ['贰仟万元整', '制表人', '审核人', '分管领导', '盖章', '征求意见稿', '柳东新区']) expect(flat).toContain(words);
    await context.close();
  });
});
