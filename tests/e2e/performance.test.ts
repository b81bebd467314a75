import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { signedInContext, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

// The render time is measured by npm run bench (a timed test would fail on a busy machine);
// the byte budget is a size, so it is asserted here.
describe('first-load budget (issue 5, item 11)', () => {
  it('the first load of / ships at most 350 KiB of gzipped JavaScript, charts included', async () => {
    // A fresh context: a cold chromium.current cache when / loads.
    const { context, page } = await signedInContext(chromium.current, baseUrl, undefined, '/api/health'); // no app JS yet
    const scripts = new Map<string, number>();
    page.on('response', async (res) => {
      if (res.request().resourceType() !== 'script') return;
      const body = await res.body().catch(() => null);
      if (body) scripts.set(res.url(), gzipSync(body, { level: 9 }).length);
    });
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('ranking-table').waitFor();
    await page.locator('.echart canvas').first().waitFor();
    await page.waitForLoadState('networkidle');
    const kib = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
    expect(scripts.size).toBeGreaterThan(1);
    expect([...scripts.keys()].some((u) => /echarts/.test(u))).toBe(true); // the chart chunk is counted
    expect(kib).toBeLessThanOrEqual(350);
    await context.close();
  });
});
