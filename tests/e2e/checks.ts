import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * In-page checks every page must pass (SPEC §16). The callbacks run in the browser; tests/ compiles
 * without the DOM library, so they name the little of the DOM they touch.
 */
interface Rect {
  width: number;
  height: number;
  right: number;
}
interface El {
  tagName: string;
  id: string;
  className: unknown;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  closest(selector: string): El | null;
  getBoundingClientRect(): Rect;
  getClientRects(): { length: number };
  getAttribute(name: string): string | null;
}
interface TextNode {
  textContent: string | null;
  parentElement: El | null;
}
interface Win {
  innerWidth: number;
  document: {
    body: unknown;
    documentElement: { scrollWidth: number };
    querySelectorAll(selector: string): ArrayLike<El>;
    createTreeWalker(root: unknown, whatToShow: number): { nextNode(): TextNode | null };
  };
  getComputedStyle(el: El): { overflowX: string; visibility: string };
  axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

// Evaluated through the debugging protocol, which the page's Content-Security-Policy does not
// govern: the pages are checked with their real CSP in force (a <script> tag would be refused).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The page's width against the window's: no sideways scrolling of the page itself. */
export function widths(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => {
    const w = globalThis as unknown as Win;
    return { scrollWidth: w.document.documentElement.scrollWidth, innerWidth: w.innerWidth };
  });
}

/**
 * Boxes that clip their content sideways (overflow hidden or clip, content wider than the box):
 * something cut off. Scrolling boxes (a table's own region) are fine: they can be scrolled.
 */
export function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as Win;
    const out: string[] = [];
    for (const el of Array.from(w.document.querySelectorAll('body *'))) {
      // hidden on purpose: screen-reader text, the file input behind its label, drawings
      if (el.closest('.sr-only, .visually-hidden-input, canvas, svg, [aria-hidden="true"]') || el.getClientRects().length === 0) continue;
      const style = w.getComputedStyle(el);
      if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        out.push(`${el.tagName.toLowerCase()}.${String(el.className)} ${el.scrollWidth} > ${el.clientWidth}: ${(el.textContent ?? '').trim().slice(0, 40)}`);
      }
    }
    return out;
  });
}

/**
 * axe-core's WCAG 2.1 A and AA rules on the whole page, as the failure to show: rule, impact, what
 * it means, and each element it found with axe's summary of what to fix.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const w = globalThis as unknown as Win;
    const result = await w.axe.run(w.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}): ${v.help}\n      at ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`),
  );
}

/**
 * Controls smaller than 44 × 44 CSS pixels on a phone (WCAG 2.5.5): buttons, selects, inputs,
 * disclosure summaries, navigation and button-like links. Links inside running text are exempt.
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as Win;
    const selector = 'button, select, input:not([type="hidden"]):not(.visually-hidden-input), summary, a.button, nav a, .rank-card-unit a, .screen-exit, .live-action';
    const out: string[] = [];
    for (const el of Array.from(w.document.querySelectorAll(selector))) {
      if (el.getClientRects().length === 0 || w.getComputedStyle(el).visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.height < 43.5 || r.width < 43.5) {
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  });
}

/**
 * Chinese text on an English page that is not marked as Chinese (SPEC §16: in English every label
 * is English). Names and data keep their Chinese, marked lang="zh-CN" (WCAG 3.1.2), so what this
 * finds is a label still in Chinese. `allowed` names elements whose words the server still gives
 * in Chinese, on purpose and named by the page table.
 */
export function unmarkedChinese(page: Page, allowed?: string): Promise<string[]> {
  return page.evaluate((allowedSelector) => {
    const w = globalThis as unknown as Win;
    const walker = w.document.createTreeWalker(w.document.body, 4 /* NodeFilter.SHOW_TEXT */);
    const out = new Set<string>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (!el || !/\p{Script=Han}/u.test(text)) continue;
      if (el.closest('[lang^="zh"], noscript, script, style') || el.getClientRects().length === 0) continue;
      if (allowedSelector && el.closest(allowedSelector)) continue;
      out.add(`${el.tagName.toLowerCase()}: ${text.slice(0, 60)}`);
    }
    return [...out];
  }, allowed ?? null);
}
