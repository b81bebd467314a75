import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiLogin } from './api';
import { useBrowser } from './browser';
import { csv } from './files';

/**
 * Screenshots of every page for the README (docs/screenshots/*.png), taken from the real app —
 * and only written when what they show changed, so a test run leaves the tree clean:
 * - the page's clock is fixed (10:00 on 2026-11-28 in Liuzhou) and every timestamp the API
 *   answers is that moment too (uploads, updates, users were made at the run's own time), backup
 *   file names included; the run's temporary data folder reads as /var/lib/scoreboard;
 * - charts draw without animation (reduced motion), so nothing is caught half-drawn;
 * - a new screenshot replaces the committed one only when their pixels differ.
 */
const baseUrl = inject('baseUrl');
const OUT = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const chromium = useBrowser();
const MOMENT = new Date('2026-11-28T02:00:00.000Z');
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** a scheduled backup's file name carries the moment it was made */
const BACKUP_FILE = /scoreboard-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(\.\d+)?Z\.sqlite/g;
/** the run's own data folder (mkdtemp): the admin page names the backup folder in it */
const RUN_FOLDER = /\/tmp\/scoreboard-e2e-[^/\s]+/g;

/** A timestamp, a backup's file name or the run's folder, as they would be at MOMENT on a server. */
function stableText(value: string): string {
  if (ISO_TIME.test(value)) return MOMENT.toISOString();
  return value.replace(BACKUP_FILE, `scoreboard-${MOMENT.toISOString().replace(/:/g, '-')}.sqlite`).replace(RUN_FOLDER, '/var/lib/scoreboard');
}

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

interface ContextOptions {
  viewport: { width: number; height: number };
  signedIn: boolean;
  isMobile?: boolean;
}

/** A browser context whose pages look the same on every run. */
async function stableContext(browser: Browser, options: ContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.viewport,
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
  });
  await context.clock.setFixedTime(MOMENT);
  await context.route('**/api/**', async (route) => {
    const request = route.request();
    // the event stream stays untouched (it never ends); writes go through as they are
    if (request.method() !== 'GET' || new URL(request.url()).pathname === '/api/events') return route.fallback();
    const response = await route.fetch();
    if (!(response.headers()['content-type'] ?? '').includes('application/json')) return route.fulfill({ response });
    const json: unknown = JSON.parse(await response.text(), (_key, value: unknown) => (typeof value === 'string' ? stableText(value) : value));
    return route.fulfill({ response, json });
  });
  if (options.signedIn) {
    const cookie = await apiLogin(baseUrl);
    const { hostname } = new URL(baseUrl);
    await context.addCookies(cookie.split('; ').map((p) => ({ name: p.slice(0, p.indexOf('=')), value: p.slice(p.indexOf('=') + 1), domain: hostname, path: '/' })));
  }
  return context;
}

interface Canvasish {
  getContext(kind: '2d'): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
}
interface ImageGlobals {
  createImageBitmap(blob: unknown): Promise<{ width: number; height: number }>;
  OffscreenCanvas: new (w: number, h: number) => Canvasish;
  Blob: new (parts: unknown[], options: { type: string }) => unknown;
  Uint8Array: typeof Uint8Array;
  atob(data: string): string;
}

/** Whether two PNGs show the same pixels, decoded by the browser itself. */
async function samePixels(browser: Browser, a: Buffer, b: Buffer): Promise<boolean> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ([pngA, pngB]) => {
        const g = globalThis as unknown as ImageGlobals;
        const decode = async (base64: string) => {
          const bytes = g.Uint8Array.from(g.atob(base64), (c) => c.charCodeAt(0));
          const bitmap = await g.createImageBitmap(new g.Blob([bytes], { type: 'image/png' }));
          const canvas = new g.OffscreenCanvas(bitmap.width, bitmap.height);
          const ctx = canvas.getContext('2d');
          ctx.drawImage(bitmap, 0, 0);
          return { width: bitmap.width, height: bitmap.height, data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data };
        };
        const [x, y] = [await decode(pngA), await decode(pngB)];
        if (x.width !== y.width || x.height !== y.height) return false;
        for (let i = 0; i < x.data.length; i++) if (x.data[i] !== y.data[i]) return false;
        return true;
      },
      [a.toString('base64'), b.toString('base64')] as const,
    );
  } finally {
    await page.close();
  }
}

const written: string[] = [];

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState('networkidle');
  const live = page.getByTestId('live-state');
  if (await live.count()) await expect.poll(() => live.first().innerText()).toMatch(/实时更新中/);
  await page.waitForTimeout(300); // the last paint of a chart after its data
  const png = await page.screenshot({ fullPage });
  expect(png.length).toBeGreaterThan(10_000);
  const path = join(OUT, `${name}.png`);
  if (existsSync(path) && (await samePixels(chromium.current, readFileSync(path), png))) return;
  writeFileSync(path, png);
  written.push(name);
}

// Under load (two cores shared) a group of screenshots can take most of a minute.
const SLOW = { timeout: 150_000 };

describe('screenshots for the README, each written only when it changed', () => {
  afterAll(() => {
    // which files a run rewrote
    if (written.length) console.log(`screenshots rewritten: ${written.join(', ')}`);
  });

  it('the login page and every desktop page', SLOW, async () => {
    const anonymous = await stableContext(chromium.current, { viewport: { width: 1280, height: 720 }, signedIn: false });
    const login = await anonymous.newPage();
    await login.goto(`${baseUrl}/login`);
    await login.getByLabel('用户名').waitFor();
    await shoot(login, 'login', false);
    await anonymous.close();

    const desktop = await stableContext(chromium.current, { viewport: { width: 1440, height: 900 }, signedIn: true });
    const page = await desktop.newPage();
    const pages: Array<[string, string, string]> = [
      ['ranking', '/', '[data-testid="ranking-table"] tbody tr'],
      ['industries', '/industries', '[data-testid="industry-grid"] li'],
      ['unit', '/units/450202', '[data-batch]'],
      ['subsidies', '/subsidies', '[data-testid="applications-table"] tbody tr'],
      ['awards', '/awards', '[data-testid="county-awards"] tbody tr'],
      ['awards-print', '/awards/print', '[data-testid="print-page"]'],
      ['admin', '/admin', '[data-testid="users-table"] tbody tr'],
    ];
    for (const [name, path, ready] of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator(ready).first().waitFor();
      await shoot(page, name);
    }

    await page.goto(`${baseUrl}/uploads`);
    await page.setInputFiles('#upload-file', {
      name: '示例-有错误.csv',
      mimeType: 'text/csv',
      buffer: csv([['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）'], ['城中区', '9', '59万', '86500'], ['柳北', '13', '100', '100']]),
    });
    await page.getByTestId('upload-errors').waitFor();
    await shoot(page, 'uploads');
    await desktop.close();
  });

  it('the wall screen at 1920 × 1080, both views', SLOW, async () => {
    const wall = await stableContext(chromium.current, { viewport: { width: 1920, height: 1080 }, signedIn: true });
    const page = await wall.newPage();
    await page.goto(`${baseUrl}/screen`);
    await page.locator('.top5 li').first().waitFor();
    await shoot(page, 'screen', false);
    await page.keyboard.press('ArrowRight');
    await page.locator('.screen-industries li').first().waitFor();
    await shoot(page, 'screen-industries', false);
    await wall.close();
  });

  it('on a phone (SPEC §16): the ranking and its cards, the menu open, the award table', SLOW, async () => {
    const phone = await stableContext(chromium.current, { viewport: { width: 390, height: 844 }, signedIn: true, isMobile: true });
    const mobile = await phone.newPage();
    await mobile.goto(`${baseUrl}/`);
    await mobile.getByTestId('ranking-cards').locator('li').first().waitFor();
    await shoot(mobile, 'phone-ranking', false);
    await mobile.locator('.rank-card-detail summary').first().click();
    await mobile.getByTestId('ranking-cards').scrollIntoViewIfNeeded();
    await shoot(mobile, 'phone-ranking-cards', false);
    await mobile.evaluate('window.scrollTo(0, 0)');
    await mobile.locator('.menu-button').click();
    await mobile.getByTestId('app-menu').locator('nav').waitFor();
    await shoot(mobile, 'phone-menu', false);
    await mobile.goto(`${baseUrl}/awards`);
    await mobile.getByTestId('county-awards').locator('tbody tr').first().waitFor();
    await shoot(mobile, 'phone-awards', false);
    await phone.close();

    if (written.length) console.log(`screenshots rewritten: ${written.join(', ')}`);
  });
});
