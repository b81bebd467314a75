import { describe, expect, inject, it } from 'vitest';
import { signedInContext, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const chromium = useBrowser();

// The Q4 example's November figures (data/demo/liuzhou-2026-q4/README.md): no other browser test
// changes them, so the amounts worked by hand in tests/api/outlook.test.ts hold here too.
const Q4 = 'liuzhou-2026-q4';

describe('差多少 on the unit page (SPEC §15)', () => {
  it('the ranking row links to the unit’s outlook, which says in sentences what each indicator takes', async () => {
    const { context, page } = await signedInContext(chromium.current, baseUrl, undefined, `/?policy=${Q4}`);
    const table = page.getByTestId('ranking-table');
    await table.locator('tbody tr').first().waitFor();
    await table.locator('tr[data-unit="LZ-BB"]').getByTestId('outlook-link').click();
    await page.waitForURL((url) => url.pathname === '/units/LZ-BB' && url.searchParams.get('policy') === Q4 && url.hash === '#outlook');

    const outlook = page.getByTestId('outlook');
    await outlook.getByTestId('outlook-standing').waitFor();
    expect(await outlook.getByTestId('outlook-standing').innerText()).toBe(
      '截至11月（序时进度 66.7%）：综合评分 92.00，第 6 名（共 12 个单位参与排名），未达 100 分，不获奖。',
    );
    expect(await outlook.getByTestId('outlook-score').innerText()).toBe('综合评分 = 42 + 40 + 10 = 92，四舍五入保留 2 位小数：92.00');
    const gaps = (id: string) => outlook.locator(`[data-indicator="${id}"]`).getByTestId('outlook-gaps').locator('li').allInnerTexts();
    expect(await gaps('newfirms')).toEqual([
      '截至11月，新增规上工业企业数还需完成 1 个即可完成2026年四季度目标（目标 5 个，已完成 4 个）。',
      '新增规上工业企业数再增加 3 个（其他数据不变），可升至第 3 名。',
      '新增规上工业企业数再增加 3 个（其他数据不变），可进入获奖名次（第 3 名，奖励 300 万元）。',
    ]);
    expect(await gaps('investment')).toEqual([
      '截至11月，工业投资还需完成 106,900.00 万元即可完成2026年四季度目标（目标 320,700 万元，已完成 213,800 万元）。',
      '仅增加工业投资（其他数据不变）无法提升名次。',
      '工业投资再增加 34,186.62 万元（其他数据不变），可进入获奖名次（第 6 名，奖励 100 万元）。',
    ]);
    // the worked formula with the unit's own numbers: 序时进度 2/3 of the period target
    const formula = await outlook.locator('[data-indicator="investment"] .outlook-formula li').allInnerTexts();
    expect(formula[0]).toBe('序时目标 = 全期目标 320,700 × 序时进度 2/3（66.7%）= 213,800');
    expect(formula[2]).toBe('完成率 ≥ 100%：40 + (100 − 100) × 0.5 = 40 分（加分最多 8 分）');

    // the same in English, with the period's own English name
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => gaps('newfirms')).toEqual([
      'As of M11, New above-size industrial enterprises needs 1 more to meet the Q4 2026 target (5; 4 so far).',
      'With 3 more New above-size industrial enterprises (all else as it is), the unit rises to rank 3.',
      'With 3 more New above-size industrial enterprises (all else as it is), the unit reaches a paid place (rank 3, 300 (10k yuan)).',
    ]);
    await page.getByRole('button', { name: '中文' }).click();
    await context.close();
  });
});
