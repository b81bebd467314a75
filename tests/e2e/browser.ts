import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiLogin } from './api';

/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const ADMIN: { username: string; password: string } = { username: 'admin', password: process.env.E2E_ADMIN_PASSWORD ?? 'Ceshi-2026-liuzhou' };

/** Signs in through the login form, as a person would, and waits for the ranking. */
export async function logIn(page: Page, baseUrl: string, who: { username: string; password: string } = ADMIN, target = '/'): Promise<void> {
  await page.goto(`${baseUrl}${target}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * A fresh context (its own cookie jar and cache) holding the user's session cookie, on the ranking.
 * The login form itself is tested once in ranking.test.ts; elsewhere the cookie saves the rate limit.
 */
export async function signedInContext(browser: Browser, baseUrl: string, who = ADMIN, target = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const cookie = await apiLogin(baseUrl, who);
  const { hostname } = new URL(baseUrl);
  await context.addCookies(
    cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: hostname, path: '/' };
    }),
  );
  const page = await context.newPage();
  await page.goto(`${baseUrl}${target}`);
  return { context, page };
}

/** One Chromium per test file: launched before its tests, closed after them. */
export function useBrowser(): { readonly current: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get current(): Browser {
      if (!browser) throw new Error('Chromium was not launched');
      return browser;
    },
  };
}
