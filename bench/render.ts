import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Time from navigation start to the ranking table showing all its rows, in Debian's Chromium,
 * against the same browser loading a trivial page (/api/health) in the same run: medians of five
 * full navigations each. Null when Chromium is not installed.
 */
export async function measureRender(base: string, cookie: string, rows: number): Promise<{ rankingMs: number; blankMs: number } | null> {
  if (!existsSync(CHROMIUM)) return null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext();
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const time = async (path: string, ready: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        await page.goto(`${base}${path}`);
        await ready();
        samples.push(await page.evaluate(() => performance.now()));
      }
      return median(samples);
    };
    await time('/', () => page.getByTestId('ranking-table').locator('tbody tr').nth(rows - 1).waitFor()); // warm the HTTP cache as a returning official's browser is
    const rankingMs = await time('/', () => page.getByTestId('ranking-table').locator('tbody tr').nth(rows - 1).waitFor());
    const blankMs = await time('/api/health', () => page.waitForLoadState('load'));
    return { rankingMs, blankMs };
  } finally {
    await browser.close();
  }
}
