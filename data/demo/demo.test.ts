import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toRational } from '@scoreboard/shared';
import { EXPECTED_PATH, OUTPUT_DIR, buildDemoFiles, loadPolicyAndRegistry } from './lib/build';
import { gb11714CheckChar, gb32100CheckChar, isValidCreditCode } from './lib/creditCode';
import { parseCsv } from './lib/csv';
import { rankMonth } from './lib/rankUnits';
import { selfCheck } from './lib/selfCheck';
import { buildQ4DemoFiles, Q4_POLICY_ID } from './lib/q4';

const { policy, registry } = loadPolicyAndRegistry();
const files = buildDemoFiles();
const expected = selfCheck(files, policy, registry);

describe('the committed demo files', () => {
  it('are exactly what the generator writes today (re-run generate.ts after changing the design)', () => {
    for (const [name, text] of files) expect(readFileSync(join(OUTPUT_DIR, name), 'utf8'), name).toBe(text);
    expect(JSON.parse(readFileSync(EXPECTED_PATH, 'utf8'))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('include the example Q4 draft\'s five files, exactly as the generator writes them', () => {
    const q4 = buildQ4DemoFiles();
    expect([...q4.keys()].sort()).toEqual(['credit-blacklist.csv', 'industry-output.csv', 'subsidy-applications.csv', 'unit-actuals.csv', 'unit-targets.csv']);
    for (const [name, text] of q4) expect(readFileSync(join(OUTPUT_DIR, '..', Q4_POLICY_ID, name), 'utf8'), name).toBe(text);
  });

  it('are reproducible: two runs give the same bytes', () => {
    expect(buildDemoFiles()).toEqual(files);
  });

  it('start with a BOM, a title row and a 单位 note row, and end lines with CRLF', () => {
    const text = files.get('unit-targets.csv')!;
    expect(text.startsWith('\uFEFF示例数据（非真实数据，仅供演示）—— 2026年三季度各县区（新区）工业稳增长任务目标,,\r\n单位：万元,,\r\n')).toBe(true);
    expect(parseCsv(text)[2]).toEqual(['单位', '规上工业总产值目标（万元）', '工业投资目标（万元）']);
  });
});

describe('expected month-9 ranking', () => {
  const m9 = expected.ranking.find((m) => m.month === 9)!;
  it('ranks all twelve units with the designed scores and the 800/500/350/200/150 awards', () => {
    expect(m9.rows.map((r) => [r.rank, r.unitId, r.score, r.award])).toEqual([
      [1, 'LZ-LD', '110.50', 800], [2, '450223', '109.60', 500], [3, '450206', '105.40', 350],
      [4, 'LZ-BB', '104.50', 200], [5, '450204', '102.25', 150], [6, '450224', '100.60', 0],
      [7, '450205', '99.95', 0], [8, '450202', '98.50', 0], [9, '450226', '98.50', 0],
      [10, '450203', '95.80', 0], [11, '450222', '93.25', 0], [12, '450225', '87.25', 0],
    ]);
    expect(m9.rows.some((r) => r.tied)).toBe(false);
  });

  it('leaves 融水 unranked in August for its blank investment figure', () => {
    const m8 = expected.ranking.find((m) => m.month === 8)!;
    expect(m8.waiting).toBe(1);
    expect(m8.rows.find((r) => r.unitId === '450225')).toMatchObject({ rank: null, missing: ['investment.actual'] });
    expect(m8.timeProgress).toBe('66.7');
  });

  it('scores the SPEC §4 worked example 96.00 (61,200 of 60,000; 9,000 of 10,000)', () => {
    const targets = new Map([['450202', { output: toRational('60000'), investment: toRational('10000') }]]);
    const actuals = new Map([['450202', { output: toRational('61200'), investment: toRational('9000') }]]);
    const one = { ...policy, units: ['450202'] };
    expect(rankMonth(9, targets, actuals, one, registry).rows[0]).toMatchObject({ score: '96.00', rates: { output: '102.00', investment: '90.00' } });
    // time progress: in August the same actuals are measured against two thirds of the targets
    expect(rankMonth(8, targets, actuals, one, registry).rows[0]!.rates.output).toBe('153.00');
  });
});

describe('expected industry statuses at month 9', () => {
  it('mixes met, not met and no target as designed', () => {
    expect(Object.fromEntries(expected.industries.map((i) => [i.industryId, i.status]))).toEqual({
      'ai-robotics': 'met', nev: 'not_met', steel: 'met', equipment: 'met', 'low-altitude': 'not_met',
      'new-energy': 'met', 'green-food': 'met', 'green-chem': 'not_met', 'forest-paper': 'met', other: 'no_target',
    });
  });

  it('uses the reported rate where given and computes it where blank', () => {
    const chem = expected.industries.find((i) => i.industryId === 'green-chem')!.series.at(-1)!;
    expect(chem.computed).toBe(true);
    const food = expected.industries.find((i) => i.industryId === 'green-food')!.series.at(-1)!;
    expect(food).toEqual({ month: 9, growth: '6.00', computed: false });
    const steel = expected.industries.find((i) => i.industryId === 'steel')!.series.slice(5).map((s) => s.growth);
    expect(steel).toEqual(['-7.90', '-7.10', '-6.20', '-5.40']);
  });
});

describe('expected subsidies', () => {
  const grant = (name: string, kind: string): number | undefined =>
    expected.grants.find((g) => g.enterpriseName === name && g.kind === kind)?.computedWan;

  it('pays the SPEC §6 worked examples 10, 8, 0, 5 and 10 万元', () => {
    expect(grant('柳州示例机械有限公司', 'exhibition')).toBe(10); // 237,000.00
    expect(grant('柳州示例汽车零部件有限公司', 'exhibition')).toBe(8); // 179,000.00
    expect(grant('柳州示例电子科技有限公司', 'exhibition')).toBe(0); // 19,999.99
    expect(grant('柳州示例精密仪器有限公司', 'certification')).toBe(5); // 2 × 60,000.00
    expect(grant('柳州示例智能装备有限公司', 'exhibition')).toBe(10); // 150,000.00 + 100,000.00
    expect(expected.totals.subsidiesComputedWan).toBe(137);
  });

  it('lists every reason of the application with several faults', () => {
    expect(expected.applications.find((a) => a.applicationId === 'SQ2026-025')!.reasons).toEqual([
      'not_above_size', 'date_outside_window', 'missing_declaration',
    ]);
    expect(expected.applications.filter((a) => !a.eligible)).toHaveLength(9);
  });

  it('scales grants for a 2,100 万元 budget by ⌊computed × 100 ÷ 137⌋', () => {
    expect(expected.budgetExample).toMatchObject({ availableWan: 100, factor: '100/137', grantedTotalWan: 86 });
    expect(expected.budgetExample.grantedWan[0]).toBe(7); // ⌊10 × 100 ÷ 137⌋
  });
});

describe('credit codes (GB 32100-2015)', () => {
  it('agree with published valid codes', () => {
    for (const code of ['91350100M000100Y43', '91110000802100433B', '91440300708461136T']) {
      expect(gb32100CheckChar(code.slice(0, 17))).toBe(code[17]);
      expect(gb11714CheckChar(code.slice(8, 16))).toBe(code[16]);
    }
  });

  it('reject a code with one character changed', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4I')).toBe(false);
  });
});

describe('the self-check', () => {
  it('refuses files whose month-9 top six are within 0.5 points', () => {
    const tampered = new Map(files);
    // 鹿寨's September output 735,000 of 726,800.5 (101.13%) scores 105.66, 0.26 above 柳江
    const text = tampered.get('unit-actuals.csv')!.replace(/^鹿寨,9,[^,]+,/m, '鹿寨,9,735000,');
    expect(text).not.toBe(tampered.get('unit-actuals.csv'));
    tampered.set('unit-actuals.csv', text);
    expect(() => selfCheck(tampered, policy, registry)).toThrow(/within 0\.5/);
  });

  it('refuses a file without its BOM', () => {
    const tampered = new Map(files);
    tampered.set('credit-blacklist.csv', tampered.get('credit-blacklist.csv')!.slice(1));
    expect(() => selfCheck(tampered, policy, registry)).toThrow(/no BOM/);
  });
});
