import { describe, expect, inject, it } from 'vitest';
import { createUser } from './api';
import { signedInContext, useBrowser } from './browser';
import { csv, unitActualsXlsx } from './files';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

describe('uploads', () => {
  it('an upload in one tab refreshes the ranking in another, without a reload', async () => {
    const statistician = await createUser(baseUrl, 'statistician');
    const watcher = await signedInContext(chromium.current, baseUrl);
    const uploader = await signedInContext(chromium.current, baseUrl, statistician);
    const ranking = watcher.page.getByTestId('ranking-table');
    await ranking.locator('tbody tr').first().waitFor();
    await watcher.page.getByTestId('live-state').filter({ hasText: '实时更新中' }).waitFor();
    await watcher.page.evaluate(() => Object.assign(globalThis, { e2eNoReload: true })); // gone after a reload
    const revisionBefore = Number(await watcher.page.getByTestId('revision').innerText());

    // 融水: 120% of both September targets (302,000 / 56,800 万元) → 60 + 60 = 120.00, first place.
    await uploader.page.getByRole('link', { name: '数据上传' }).click();
    await uploader.page.getByLabel('数据类型').selectOption('unit-actuals');
    const file = await unitActualsXlsx([['融水县', 9, 362400, 68160]]);
    await uploader.page.setInputFiles('#upload-file', { name: '9月完成-融水.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    const changes = uploader.page.getByTestId('changes-table');
    await changes.waitFor();
    const changeText = await changes.innerText();
    expect(changeText).toContain('融水');
    expect(changeText).toMatch(/267,?270/); // old
    expect(changeText).toMatch(/362,?400/); // new
    // A preview changes nothing yet.
    expect(Number(await watcher.page.getByTestId('revision').innerText())).toBe(revisionBefore);
    await uploader.page.getByRole('button', { name: '确认提交' }).click();
    await uploader.page.getByText(/已提交，批次号 \d+/).waitFor();

    const first = ranking.locator('tbody tr').first();
    await expect.poll(() => first.innerText(), { timeout: 5_000 }).toContain('融水苗族自治县');
    expect(await first.innerText()).toContain('120.00');
    expect(await first.locator('.award-badge').innerText()).toContain('800');
    expect(await first.innerText()).toContain('▲11'); // was 12th
    expect(await watcher.page.evaluate(() => (globalThis as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
    expect(Number(await watcher.page.getByTestId('revision').innerText())).toBeGreaterThan(revisionBefore);

    // The batch can be reverted (confirmed first), and the ranking falls back by itself.
    const batchRow = uploader.page.getByTestId('batches-table').locator('tbody tr', { hasText: '9月完成-融水.xlsx' });
    await batchRow.getByRole('button', { name: '撤销' }).click();
    await batchRow.getByRole('button', { name: '确认' }).click();
    await batchRow.getByText(/已撤销/).waitFor();
    await expect.poll(() => first.innerText(), { timeout: 5_000 }).toContain('柳东新区');
    await watcher.context.close();
    await uploader.context.close();
  });

  it('an erroneous file shows every error with its sheet, row and column, and commits nothing', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl);
    await page.goto(`${baseUrl}/uploads`);
    await page.getByLabel('数据类型').selectOption('unit-actuals');
    const file = csv([
      ['9月完成情况'],
      ['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）'],
      ['城中区', '9', '594028', '86500'],
      ['鱼峰区', '9', '一百万', '229432'],
      ['不存在县', '9', '1000', '100'],
    ]);
    await page.setInputFiles('#upload-file', { name: '有错误.csv', mimeType: 'text/csv', buffer: file });
    const errors = page.getByTestId('upload-errors');
    await errors.waitFor();
    const headers = await errors.locator('thead th').allInnerTexts();
    expect(headers).toEqual(['工作表', '行', '列', '单元格内容', '说明']);
    const rows = await errors.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const notANumber = rows.find((r) => r[3] === '一百万');
    expect(notANumber?.[1]).toBe('4'); // the spreadsheet's own row number
    expect(notANumber?.[2]).toContain('规上工业总产值');
    const unknownUnit = rows.find((r) => r[3] === '不存在县');
    expect(unknownUnit?.[1]).toBe('5');
    expect(unknownUnit?.[2]).toBe('单位');
    expect(await page.getByRole('button', { name: '确认提交' }).count()).toBe(0);
    expect(await page.getByTestId('batches-table').innerText()).not.toContain('有错误.csv');
    await context.close();
  });
});
