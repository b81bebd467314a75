import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signedInContext, useBrowser } from './browser';
import { csv } from './files';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

/** The little of the DOM the in-page checks use (tests/ compiles without the DOM library). */
interface DomElement {
  id: string;
  tagName: string;
  textContent: string | null;
  outerHTML: string;
  labels?: ArrayLike<DomElement> | null;
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
  getClientRects(): { length: number };
}
interface DomDocument {
  activeElement: DomElement | null;
  body: DomElement;
  getElementById(id: string): DomElement | null;
}

/** What has focus, in words: "nav a 排名", "select #month-select", "input #upload-file". */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as { document: DomDocument };
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const where = el.closest('nav') ? 'nav ' : '';
    const id = el.id ? ` #${el.id}` : '';
    return `${where}${el.tagName.toLowerCase()}${id} ${(el.textContent ?? '').trim().slice(0, 30)}`.trim();
  });
}

/** Presses Tab up to `max` times and lists every element that took focus, in order. */
async function tabThrough(page: Page, max: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused(page));
  }
  return seen;
}

/**
 * Every visible form control and link on the page with no accessible name: aria-label,
 * aria-labelledby, a <label>, or (buttons, links) its own text — what a screen reader announces.
 */
function unnamedControls(page: Page): Promise<string[]> {
  return page.locator('input:not([type=hidden]), select, textarea, button, a[href]').evaluateAll((nodes) => {
    const { document } = globalThis as unknown as { document: DomDocument };
    return (nodes as unknown as DomElement[])
      .filter((el) => el.getClientRects().length > 0 || el.id === 'upload-file')
      .filter((el) => {
        const text = (s: string | null | undefined) => (s ?? '').trim();
        const byIds = text(el.getAttribute('aria-labelledby'))
          .split(/\s+/)
          .map((id) => text(document.getElementById(id)?.textContent))
          .join('');
        const labels = el.labels ? Array.from(el.labels).map((l) => text(l.textContent)).join('') : '';
        const own = el.tagName === 'BUTTON' || el.tagName === 'A' ? text(el.textContent) : '';
        return !(text(el.getAttribute('aria-label')) || byIds || labels || own);
      })
      .map((el) => el.outerHTML.slice(0, 160));
  });
}

describe('language and keyboard', () => {
  it('the English switch changes the labels and is remembered after a reload', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '排名' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    const navEn = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await navEn.getByRole('link').allInnerTexts()).toEqual(['Ranking', 'Industries', 'Uploads', 'Subsidies', 'Awards', 'Wall screen', 'Scenarios', 'Admin']);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('County composite score ranking');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await navEn.getByRole('link', { name: 'Ranking' }).waitFor();
    expect(await page.getByTestId('as-of-month').innerText()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByLabel('Month', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '中文' }).click();
    await nav.getByRole('link', { name: '排名' }).waitFor();
    await context.close();
  });

  it('in English every request says so (Accept-Language: en), and the server\'s refusals read in English', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl, undefined, '/uploads');
    await page.evaluate("localStorage.setItem('scoreboard.lang', 'en')");
    await page.reload();
    await page.getByLabel('Kind').waitFor();
    // The upload itself (a refused file: the 422's words are the upload reader's, issue 13).
    const sent = page.waitForRequest((r) => r.url().includes('/api/uploads?dryRun=true') && r.method() === 'POST');
    await page.setInputFiles('#upload-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: csv([['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）'], ['柳北', '13', '100', '100']]) });
    expect((await sent).headers()['accept-language']).toBe('en');
    await page.getByTestId('upload-errors').waitFor();

    // A refusal of the server's own: the user exists already.
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByLabel('Username', { exact: true }).fill('admin');
    await page.getByLabel('Name', { exact: true }).fill('Someone');
    await page.getByLabel(/^Initial password/).fill('river-stone-4242');
    const created = page.waitForRequest((r) => r.url().endsWith('/api/users') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Create user' }).click();
    expect((await created).headers()['accept-language']).toBe('en');
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toContain('The username "admin" is taken');
    await page.evaluate("localStorage.setItem('scoreboard.lang', 'zh-CN')");
    await context.close();
  });

  it('keyboard only: Tab reaches the main navigation, the month selector and the upload controls', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl);
    await page.getByTestId('ranking-table').locator('tbody tr').first().waitFor();
    const onRanking = await tabThrough(page, 16);
    for (const name of ['排名', '产业', '数据上传', '企业补助', '奖励', '大屏', '方案比较', '管理']) expect(onRanking).toContain(`nav a ${name}`);
    expect(onRanking.some((f) => f.startsWith('select #month-select'))).toBe(true);
    // The skip link comes first and lands on the content.
    expect(onRanking[0]).toMatch(/^a /);

    // Enter on a focused navigation link goes there; then Tab reaches every upload control.
    await page.getByRole('link', { name: '数据上传' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('数据类型').waitFor();
    const onUploads = await tabThrough(page, 16);
    expect(onUploads.some((f) => f.startsWith('select #upload-kind'))).toBe(true);
    expect(onUploads.some((f) => f.startsWith('a ') && f.includes('下载模板'))).toBe(true);
    expect(onUploads.some((f) => f.startsWith('input #upload-file'))).toBe(true);
    await context.close();
  });

  it('every form control on /uploads, /admin and /login has an accessible name', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl);
    await page.getByRole('link', { name: '数据上传' }).click();
    // A preview, so the commit button and the changes table are on the page too (nothing is committed).
    await page.setInputFiles('#upload-file', { name: '预览.csv', mimeType: 'text/csv', buffer: csv([['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）'], ['城中区', '9', '594028', '86500']]) });
    await page.getByTestId('upload-result').waitFor();
    await page.getByTestId('batches-table').locator('tbody tr').first().waitFor();
    expect(await unnamedControls(page)).toEqual([]);

    await page.getByRole('link', { name: '管理' }).click();
    await page.getByTestId('users-table').locator('tbody tr').first().waitFor();
    // the budget form waits for its own query (the awards), which may land after the users table
    await page.locator('#budget-total').waitFor();
    expect(await page.locator('#budget-total').count()).toBe(1);
    expect(await unnamedControls(page)).toEqual([]);
    await context.close();

    const anonymous = await chromium.current.newContext({ locale: 'zh-CN' });
    const login = await anonymous.newPage();
    await login.goto(`${baseUrl}/login`);
    await login.getByLabel('用户名').waitFor();
    expect(await unnamedControls(login)).toEqual([]);
    expect(await login.locator('input, button').count()).toBeGreaterThanOrEqual(4);
    await anonymous.close();
  });
});
