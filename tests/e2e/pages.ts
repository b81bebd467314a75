import type { Page } from 'playwright-core';
import { csv } from './files';

/**
 * Every page of the dashboard, for the checks every page must pass (SPEC §16, pages.test.ts): at
 * 390 × 844 and on a desktop, in Chinese and in English — no sideways scrolling, nothing cut off,
 * zero axe WCAG 2.1 A/AA violations, 44-pixel touch targets on the phone.
 *
 * A new page is one new line here: its path, who opens it, and what shows it is ready (a CSS
 * selector); `prepare` brings out what only shows after a step (an upload's errors, a menu).
 */
export interface PageCase {
  name: string;
  /** `{display}` stands for a display link's token, made by the test */
  path: string;
  /** admin: signed in as admin (every control present); anonymous: no session; display: a display link */
  role: 'admin' | 'anonymous' | 'display';
  /** a CSS selector that shows the page is ready */
  ready: string;
  prepare?: (page: Page) => Promise<void>;
  /**
   * Elements whose words the server gives in Chinese even to an English request, allowed on the
   * English pages: the upload reader's messages and change labels (issue 13 words them in English;
   * remove this when it lands).
   */
  serverChinese?: string;
}

const UNIT_ACTUALS = ['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）'];

/** A preview of a clean file: the summary, the changes table and the commit button (nothing committed). */
async function uploadPreview(page: Page): Promise<void> {
  await page.setInputFiles('#upload-file', { name: '预览.csv', mimeType: 'text/csv', buffer: csv([UNIT_ACTUALS, ['城中区', '9', '594028', '86500']]) });
  await page.getByTestId('changes-table').waitFor();
}

/** A refused file: the error list with sheet, row and column. */
async function uploadErrors(page: Page): Promise<void> {
  await page.setInputFiles('#upload-file', { name: '有错误.csv', mimeType: 'text/csv', buffer: csv([UNIT_ACTUALS, ['城中区', '9', '59万', '86500'], ['柳北', '13', '100', '100']]) });
  await page.getByTestId('upload-errors').waitFor();
}

/** The phone's menu open (on a wide screen there is no button: everything shows) and a card's detail. */
async function menuAndDetail(page: Page): Promise<void> {
  const menu = page.locator('.menu-button');
  if (await menu.isVisible()) {
    await menu.click();
    await page.getByTestId('app-menu').locator('nav').waitFor();
  }
  const detail = page.locator('.rank-card-detail summary').first();
  if (await detail.isVisible()) await detail.click();
}

/** A draft with the bonus at 1 a point: both rankings, changed rows marked, the totals, the stability chart. */
async function scenarioChanged(page: Page): Promise<void> {
  const bonus = page.getByTestId('indicator-output').locator('input').nth(1);
  await bonus.fill('1');
  await page.locator('form button[type="submit"]').first().click();
  await page.locator('[data-testid="scenario-comparison"] tr.row-changed').first().waitFor();
}

const RANKING_READY = '[data-testid="ranking-table"] tbody tr, [data-testid="ranking-cards"] li';

export const PAGES: PageCase[] = [
  { name: 'ranking', path: '/', role: 'admin', ready: RANKING_READY },
  { name: 'ranking, menu and a detail open', path: '/', role: 'admin', ready: RANKING_READY, prepare: menuAndDetail },
  { name: 'industries', path: '/industries', role: 'admin', ready: '[data-testid="industries-table"] tbody tr' },
  { name: 'unit', path: '/units/450202', role: 'admin', ready: '[data-batch]' },
  { name: 'unit of the Q4 draft, its outlook', path: '/units/LZ-BB?policy=liuzhou-2026-q4', role: 'admin', ready: '#outlook li' },
  { name: 'ranking of the Q4 draft (three indicators)', path: '/?policy=liuzhou-2026-q4', role: 'admin', ready: RANKING_READY },
  { name: 'uploads, a preview', path: '/uploads', role: 'admin', ready: '[data-testid="batches-table"] tbody tr', prepare: uploadPreview },
  { name: 'uploads, a refused file', path: '/uploads', role: 'admin', ready: '[data-testid="batches-table"] tbody tr', prepare: uploadErrors },
  { name: 'subsidies', path: '/subsidies', role: 'admin', ready: '[data-testid="applications-table"] tbody tr' },
  { name: 'awards', path: '/awards', role: 'admin', ready: '[data-testid="county-awards"] tbody tr' },
  { name: 'print', path: '/awards/print', role: 'admin', ready: '[data-testid="print-page"] tbody tr' },
  { name: 'wall screen', path: '/screen', role: 'admin', ready: '.top5 li' },
  { name: 'wall screen on a display link', path: '/display/{display}', role: 'display', ready: '.top5 li' },
  { name: 'admin', path: '/admin', role: 'admin', ready: '[data-testid="display-links-table"] tbody tr' },
  { name: 'scenarios', path: '/scenarios?policy=liuzhou-2026-q4', role: 'admin', ready: '[data-testid="scenario-comparison"] tbody tr', prepare: scenarioChanged },
  { name: 'login', path: '/login', role: 'anonymous', ready: '#username' },
];
