import { describe, expect, inject, it } from 'vitest';
import { creditCodeCheckChar } from '@scoreboard/shared';
import { commitUpload } from './api';
import { signedInContext, useBrowser } from './browser';
import { csv } from './files';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

describe('untrusted text', () => {
  it('an enterprise named <img src=x onerror=alert(1)> renders literally, and no dialog opens', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const first17 = '91450200MA5KE2E0X';
    const code = first17 + creditCodeCheckChar(first17);
    await commitUpload(baseUrl, 'subsidy-applications', `xss-${Date.now()}.csv`, csv([
      ['申报编号', '企业名称', '统一社会信用代码', '是否规上', '类别', '项目名称', '日期', '申报费用（元）', '认证类型', '信用承诺'],
      ['E2E-XSS-1', name, code, '是', '展会', '<script>alert(2)</script>', '2026-05-01', '100000.00', '', '是'],
    ]));
    const { context, page } = await signedInContext(chromium.current, baseUrl);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${baseUrl}/subsidies`);
    const cell = page.getByTestId('applications-table').locator('tbody th', { hasText: name });
    await cell.waitFor();
    expect(await cell.innerText()).toBe(name);
    expect(await page.getByTestId('applications-table').innerText()).toContain('<script>alert(2)</script>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
