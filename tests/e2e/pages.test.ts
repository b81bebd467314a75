import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiLogin } from './api';
import { useBrowser } from './browser';
import { axeViolations, clipped, smallTargets, unmarkedChinese, widths } from './checks';
import { PAGES, type PageCase } from './pages';

/**
 * SPEC §16 on every page (tests/e2e/pages.ts lists them): at 390 × 844 (a phone), 768 × 1024 (a
 * tablet, where the menu is folded but the tables are not cards) and 1366 × 768 (a desktop), in
 * Chinese and in English, signed in as admin so every control is present — the
 * page never scrolls sideways and nothing is cut off, axe-core finds zero WCAG 2.1 A/AA
 * violations, on the phone every control is at least 44 × 44, and in English no word is left in
 * Chinese but names and data (marked as Chinese).
 */
const baseUrl = inject('baseUrl');
const chromium = useBrowser();

const VIEWPORTS = [
  { device: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { device: 'tablet', viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true },
  { device: 'desktop', viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false },
] as const;
const LANGS = [
  { lang: 'zh', stored: 'zh-CN', locale: 'zh-CN' },
  { lang: 'en', stored: 'en', locale: 'en-US' },
] as const;

let displayToken = '';
beforeAll(async () => {
  // one display link for the display page (and a row in /admin's display-links table)
  const cookie = await apiLogin(baseUrl);
  const res = await fetch(`${baseUrl}/api/display-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ policyId: 'liuzhou-2026-q3', label: '三楼会议室' }),
  });
  if (res.status !== 201) throw new Error(`display link: ${res.status} ${await res.text()}`);
  displayToken = ((await res.json()) as { token: string }).token;
});

/** A context per device and language, with the language chosen as a person would have chosen it. */
async function newContext(browser: Browser, v: (typeof VIEWPORTS)[number], l: (typeof LANGS)[number], signedIn: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: v.viewport, isMobile: v.isMobile, hasTouch: v.hasTouch, locale: l.locale, timezoneId: 'Asia/Shanghai' });
  await context.addInitScript(`try { localStorage.setItem('scoreboard.lang', '${l.stored}') } catch {}`);
  if (signedIn) {
    const cookie = await apiLogin(baseUrl);
    const { hostname } = new URL(baseUrl);
    await context.addCookies(cookie.split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), domain: hostname, path: '/' })));
  }
  return context;
}

async function openPage(contexts: { admin: BrowserContext; anonymous: BrowserContext }, c: PageCase): Promise<Page> {
  const page = await (c.role === 'anonymous' ? contexts.anonymous : contexts.admin).newPage();
  await page.goto(`${baseUrl}${c.path.replace('{display}', displayToken)}`);
  await page.locator(c.ready).first().waitFor();
  await c.prepare?.(page);
  await page.waitForLoadState('networkidle');
  return page;
}

for (const v of VIEWPORTS) {
  for (const l of LANGS) {
    describe(`every page on a ${v.device} in ${l.lang === 'zh' ? 'Chinese' : 'English'}`, () => {
      let contexts: { admin: BrowserContext; anonymous: BrowserContext };
      beforeAll(async () => {
        contexts = { admin: await newContext(chromium.current, v, l, true), anonymous: await newContext(chromium.current, v, l, false) };
      });
      afterAll(async () => {
        await contexts.admin.close();
        await contexts.anonymous.close();
      });

      it.each(PAGES)('$name ($path)', async (c) => {
        const page = await openPage(contexts, c);
        try {
          const { scrollWidth, innerWidth } = await widths(page);
          expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
          expect(await clipped(page), 'content cut off').toEqual([]);
          expect(await axeViolations(page), 'axe WCAG 2.1 A/AA violations').toEqual([]);
          if (v.device !== 'desktop') expect(await smallTargets(page), 'touch targets under 44 × 44').toEqual([]);
          expect(await page.locator('html').getAttribute('lang')).toBe(l.stored);
          if (l.lang === 'en') expect(await unmarkedChinese(page, c.serverChinese), 'Chinese words on the English page').toEqual([]);
        } finally {
          await page.close();
        }
      });
    });
  }
}
