import { describe, expect, it } from 'vitest';
import { applyBudget, evaluateSubsidies, presentBudget, presentSubsidies, rat, yuanToFen, type ApplicationInput } from '../src';
import { liuzhou } from './fixtures';

const { policy } = liuzhou();
let seq = 0;
function app(over: Partial<ApplicationInput> & { cost: string }): ApplicationInput {
  const { cost, ...rest } = over;
  seq += 1;
  return {
    applicationId: `A${seq}`,
    enterpriseName: '柳州示例机械有限公司',
    creditCode: '91450200MA5K000017',
    aboveSize: true,
    kind: 'exhibition',
    item: '2026 中国—东盟博览会',
    date: '2026-08-15',
    costFen: yuanToFen(cost),
    certType: null,
    declaration: true,
    ...rest,
  };
}
const run = (applications: ApplicationInput[], blacklist: string[] = [], budgetTotalWan: number | null = null, countyWan = 0) =>
  evaluateSubsidies({ policy, applications, blacklist: new Set(blacklist), countyWan, budgetTotalWan });

describe('subsidy grants (SPEC §6)', () => {
  it.each([
    ['237000.00', 10],
    ['179000.00', 8],
    ['19999.99', 0],
  ])('an exhibition costing %s yuan is granted %i 万元', (cost, wan) => {
    const r = run([app({ cost })]);
    expect(r.applications[0]!.eligible).toBe(true);
    expect(r.grants[0]!.computedWan).toBe(wan);
  });

  it('two certifications of 60,000.00 each → 5 万元 (per-enterprise cap)', () => {
    const r = run([
      app({ cost: '60000.00', kind: 'certification', aboveSize: false, certType: 'CE' }),
      app({ cost: '60000.00', kind: 'certification', aboveSize: false, certType: 'UL' }),
    ]);
    expect(r.grants).toHaveLength(1);
    expect(r.grants[0]).toMatchObject({ kind: 'certification', eligibleCostFen: 12_000_000, computedWan: 5, grantedWan: 5 });
    expect(presentSubsidies(r).grants[0]).toMatchObject({ eligibleCostYuan: '120000.00' });
  });

  it('exhibitions of 150,000.00 and 100,000.00 by one enterprise → 10 万元', () => {
    const r = run([app({ cost: '150000.00' }), app({ cost: '100000.00' })]);
    expect(presentSubsidies(r).grants[0]).toMatchObject({ eligibleCostYuan: '250000.00', computedWan: 10 });
  });

  it('own events are capped at 15 万元', () => {
    expect(run([app({ cost: '400000.00', kind: 'event' })]).grants[0]!.computedWan).toBe(15);
  });

  it('lists every reason an application fails, not just the first', () => {
    const r = run(
      [app({ cost: '50000.00', aboveSize: false, date: '2025-12-31', declaration: null })],
      ['91450200MA5K000017'],
    );
    expect(r.applications[0]!.eligible).toBe(false);
    expect(r.applications[0]!.reasons).toEqual(['not_above_size', 'date_outside_window', 'joint_punishment', 'missing_declaration']);
    expect(r.grants).toEqual([]);
  });

  it('does not ask certifications to be 规上, and accepts the window ends', () => {
    const r = run([
      app({ cost: '10000.00', kind: 'certification', aboveSize: false, date: '2026-01-01' }),
      app({ cost: '10000.00', creditCode: '91450200MA5K00002X', date: '2026-09-30' }),
      app({ cost: '10000.00', creditCode: '91450200MA5K00003T', date: '2026-10-01' }),
    ]);
    expect(r.applications.map((a) => a.eligible)).toEqual([true, true, false]);
  });
});

describe('budget (SPEC §7)', () => {
  it('with no budget set, pays grants as computed', () => {
    const b = applyBudget({ totalWan: null, countyWan: 2000, computedWan: [10, 8] });
    expect(b.grantedWan).toEqual([10, 8]);
    expect(presentBudget(b.summary)).toMatchObject({
      totalWan: null, paidWan: 2018, remainingWan: null, factor: 1, factorFraction: '1', scaled: false, overBudget: false, shortfallWan: null,
    });
  });

  it('scales every grant by available ÷ computed and rounds each down', () => {
    // available = 2,010 − 2,000 = 10 of 18 computed: the factor is 5/9 exactly
    const b = applyBudget({ totalWan: 2010, countyWan: 2000, computedWan: [10, 8] });
    expect(b.grantedWan).toEqual([5, 4]); // ⌊10 × 10 ÷ 18⌋, ⌊8 × 10 ÷ 18⌋
    expect(b.summary.factor).toEqual(rat(5n, 9n));
    expect(presentBudget(b.summary)).toMatchObject({
      subsidiesWan: 9, paidWan: 2009, remainingWan: 1, factor: 0.555556, factorFraction: '5/9', factorText: '0.5556', scaled: true,
    });
  });

  it('a factor of 41/80 is 0.5125 exactly — not the 0.512499 a float floor printed', () => {
    // available 41 of 80 computed; 0.5125 × 1e6 is 512499.99999999994 as a double
    const b = applyBudget({ totalWan: 2041, countyWan: 2000, computedWan: [40, 40] });
    expect(b.summary.factor).toEqual(rat(41n, 80n));
    expect(b.grantedWan).toEqual([20, 20]); // ⌊40 × 41 ÷ 80⌋ = ⌊20.5⌋
    expect(presentBudget(b.summary)).toMatchObject({ factor: 0.5125, factorFraction: '41/80', factorText: '0.5125' });
  });

  it('county awards above the budget are an error state, not a silently negative remainder', () => {
    const b = applyBudget({ totalWan: 1500, countyWan: 2000, computedWan: [10] });
    expect(b.grantedWan).toEqual([0]);
    expect(b.summary).toMatchObject({ overBudget: true, shortfallWan: 500, remainingWan: -500, subsidiesWan: 0, scaled: true });
    expect(presentBudget(b.summary)).toMatchObject({ factor: 0, factorFraction: '0', overBudget: true, shortfallWan: 500 });
  });

  it('county awards exactly at the budget are not over it: grants get nothing, nothing is short', () => {
    const b = applyBudget({ totalWan: 2000, countyWan: 2000, computedWan: [10] });
    expect(b.summary).toMatchObject({ overBudget: false, shortfallWan: null, remainingWan: 0, subsidiesWan: 0 });
  });
});

describe('applications whose kind the policy does not pay', () => {
  it('are ineligible with the reason kind_not_in_policy, never with an empty list', () => {
    const r = run([app({ cost: '50000.00', kind: 'training' })]);
    expect(r.applications[0]).toMatchObject({ eligible: false, reasons: ['kind_not_in_policy'] });
    expect(r.grants).toEqual([]);
    expect(presentSubsidies(r).applications[0]).toMatchObject({ kind: 'training', costYuan: '50000.00', eligible: false, reasons: ['kind_not_in_policy'] });
  });
});
