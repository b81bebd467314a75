import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signedInContext, useBrowser } from './browser';
import { csv } from './files';

/** Screenshots of every page for the README (docs/screenshots/*.png), taken from the real app. */
const baseUrl = inject('baseUrl');
const OUT = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const chromium = useBrowser();
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(700); // chart animations settle
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage });
  expect(statSync(path).size).toBeGreaterThan(10_000);
}

describe('screenshots for the README', () => {
  it('captures each page', async () => {
    const login = await chromium.current.newPage({ viewport: { width: 1280, height: 720 } });
    await login.goto(`${baseUrl}/login`);
    await login.getByLabel('用户名').waitFor();
    await shoot(login, 'login', false);
    await login.close();

    const { context, page } = await signedInContext(chromium.current, baseUrl);
    const pages: Array<[string, string, string]> = [
      ['ranking', '/', '[data-testid="ranking-table"] tbody tr'],
      ['industries', '/industries', '[data-testid="industry-grid"] li'],
      ['unit', '/units/450202', 'h1'],
      ['subsidies', '/subsidies', '[data-testid="applications-table"] tbody tr'],
      ['awards', '/awards', '[data-testid="county-awards"] tbody tr'],
      ['awards-print', '/awards/print', '[data-testid="print-page"]'],
    ];
    for (const [name, path, ready] of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator(ready).first().waitFor();
      await shoot(page, name);
    }

    // By the navigation: the server does not (yet) answer a reload of /admin with the app.
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: '管理' }).click();
    await page.getByTestId('users-table').locator('tbody tr').first().waitFor();
    await shoot(page, 'admin');

    await page.goto(`${baseUrl}/uploads`);
    await page.setInputFiles('#upload-file', {
      name: '示例-有错误.csv',
      mimeType: 'text/csv',
      buffer: csv([['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）'], ['城中区', '9', '59万', '86500'], ['柳北', '13', '100', '100']]),
    });
    await page.getByTestId('upload-errors').waitFor();
    await shoot(page, 'uploads');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${baseUrl}/screen`);
    await page.locator('.top5 li').first().waitFor();
    await shoot(page, 'screen', false);
    await page.keyboard.press('ArrowRight');
    await page.locator('.screen-industries li').first().waitFor();
    await shoot(page, 'screen-industries', false);
    await context.close();
  });
});
