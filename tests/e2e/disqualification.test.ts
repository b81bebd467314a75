import { describe, expect, inject, it } from 'vitest';
import { createUser } from './api';
import { signedInContext, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

describe('一票否决 in the chromium.current (SPEC.md §4)', () => {
  it('a leader strikes the first unit out with a reason, its place and award pass down; lifting it restores them', async () => {
    const leader = await createUser(baseUrl, 'leader');
    const { context, page } = await signedInContext(chromium.current, baseUrl, leader);
    const table = page.getByTestId('ranking-table');
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    // Whoever leads now (other files may have moved the figures): the first and second rows.
    const firstId = (await rows.nth(0).getAttribute('data-unit'))!;
    const secondId = (await rows.nth(1).getAttribute('data-unit'))!;
    const first = table.locator(`tbody tr[data-unit="${firstId}"]`);
    const second = table.locator(`tbody tr[data-unit="${secondId}"]`);
    const firstName = await first.locator('th a').first().innerText(); // the unit's name (the 差多少 link follows)
    const topAward = await first.locator('.award-badge').innerText();
    expect(topAward).toContain('800');
    const rankOf = (row: typeof first) => row.locator('td').first().innerText();

    const reason = `发生较大安全生产事故（e2e ${Date.now() % 10_000}）`;
    await first.getByRole('button', { name: '一票否决' }).click();
    await first.getByLabel('否决理由').fill(reason);
    await first.getByRole('button', { name: '确认' }).click();

    // Arrives by the server's event: struck out, with its reason, unranked, no award.
    await expect.poll(() => first.getAttribute('class')).toContain('row-disqualified');
    expect(await first.locator('a.struck').innerText()).toBe(firstName);
    expect(await first.locator('.chip-disqualified').innerText()).toBe(`一票否决：${reason}`);
    expect(await first.locator('td.score').getAttribute('class')).toContain('struck'); // keeps its score, struck
    expect((await rankOf(first)).trim()).toBe('—');
    expect(await first.locator('.award-badge').count()).toBe(0);
    // The second unit takes first place and the 800 万元, and the server says it rose one place.
    expect((await rankOf(second)).trim()).toBe('1');
    expect(await second.locator('.award-badge').innerText()).toBe(topAward);
    const movement = (row: typeof first) => row.locator('td.movement [aria-hidden="true"]').innerText();
    expect(await movement(second)).toBe('▲1');
    expect(await second.locator('td.movement .sr-only').textContent()).toBe('上升 1 位'); // in words too
    expect(await rows.first().getAttribute('data-unit')).toBe(secondId);

    // Lifting it asks first, then restores the place and the award.
    await first.getByRole('button', { name: '撤销否决' }).click();
    await first.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => rows.first().getAttribute('data-unit')).toBe(firstId);
    expect(await first.getAttribute('class')).toBeNull();
    expect((await rankOf(first)).trim()).toBe('1');
    expect(await first.locator('.award-badge').innerText()).toBe(topAward);
    expect(await movement(second)).toBe('▼1');
    await context.close();
  });
});
