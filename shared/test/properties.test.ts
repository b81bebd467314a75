import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBudget, evaluateSubsidies, FEN_PER_WAN, grantWan, presentRankResult, rankUnits, type UnitFigures } from '../src';
import { liuzhou } from './fixtures';

const { policy, registry } = liuzhou();
const tierTotal = policy.countyAward.awards.tiersWan.reduce((s, t) => s + t, 0);

// Rates drawn from a small set so that ties are common.
const figure = fc.record({
  out: fc.constantFrom('9000', '10000', '10200', '11000', '12000', '8000'),
  inv: fc.constantFrom('900', '1000', '1100', '950', '1200'),
  missing: fc.integer({ min: 0, max: 4 }).map((n) => n === 0), // one unit in five lacks data
});
const figuresArb = fc.array(figure, { minLength: 12, maxLength: 12 }).map((fs) =>
  Object.fromEntries(
    fs.map((f, i): [string, UnitFigures] => [
      policy.units[i]!,
      { targets: { output: '10000', investment: '1000' }, actuals: f.missing ? {} : { 9: { output: f.out, investment: f.inv } } },
    ]),
  ),
);
const disqArb = fc.subarray([...policy.units], { maxLength: 3 }).map((ids) =>
  Object.fromEntries(ids.map((u) => [u, { reason: '一票否决' }])),
);

describe('ranking properties', () => {
  it('never pays more than the tier total, and pays it all when five or more units are ranked', () => {
    fc.assert(
      fc.property(figuresArb, disqArb, (figures, disqualified) => {
        const r = presentRankResult(rankUnits({ policy, registry, figures, disqualified }), policy);
        const paid = r.rows.reduce((s, x) => s + x.award, 0);
        expect(paid).toBeLessThanOrEqual(tierTotal);
        const ranked = r.rows.filter((x) => x.rank !== null).length;
        if (ranked >= 5) expect(tierTotal - paid).toBeLessThan(5); // only round-down crumbs of shared tiers
      }),
    );
  });

  it('does not depend on the order the units are listed in', () => {
    fc.assert(
      fc.property(figuresArb, disqArb, fc.integer(), (figures, disqualified, seed) => {
        const shuffled = [...policy.units].sort((a, b) => ((a.charCodeAt(4) * seed) % 7) - ((b.charCodeAt(4) * seed) % 7));
        const a = presentRankResult(rankUnits({ policy, registry, figures, disqualified }), policy);
        const b = presentRankResult(rankUnits({ policy: { ...policy, units: shuffled }, registry, figures, disqualified }), policy);
        const byUnit = (rows: typeof a.rows) =>
          Object.fromEntries(rows.map((x) => [x.unitId, [x.rank, x.award, x.tied, x.score]]));
        expect(byUnit(b.rows)).toEqual(byUnit(a.rows));
      }),
    );
  });
});

describe('grant and budget properties', () => {
  const rule = policy.subsidies.kinds[0]!;
  it('a grant is whole 万元, never above its cap nor above half its cost', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 5 }), (costs) => {
        const g = grantWan(costs, rule);
        expect(Number.isInteger(g)).toBe(true);
        expect(g).toBeLessThanOrEqual(rule.capWan);
        expect(g * FEN_PER_WAN * 2).toBeLessThanOrEqual(costs.reduce((s, c) => s + c, 0));
      }),
    );
  });

  it('budget scaling never pays subsidies beyond what the budget leaves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 3000 }),
        (computed, totalWan) => {
          const b = applyBudget({ totalWan, countyWan: tierTotal, computedWan: computed });
          const available = Math.max(0, totalWan - tierTotal);
          expect(b.summary.subsidiesWan).toBeLessThanOrEqual(available);
          b.grantedWan.forEach((g, i) => expect(g).toBeLessThanOrEqual(computed[i]!));
          if (!b.summary.scaled) expect(b.grantedWan).toEqual(computed);
        },
      ),
    );
  });

  it('evaluated grants add up to the totals reported', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50_000_000 }), { maxLength: 20 }), fc.option(fc.integer({ min: 2000, max: 2100 })), (costs, total) => {
        const applications = costs.map((c, i) => ({
          applicationId: `A${i}`, enterpriseName: `示例企业${i % 4}`, creditCode: `91450200MA5K00${String(i % 4).padStart(4, '0')}`,
          aboveSize: true, kind: 'exhibition' as const, item: '展会', date: '2026-05-01', costFen: c, certType: null, declaration: true,
        }));
        const r = evaluateSubsidies({ policy, applications, blacklist: new Set(), countyWan: tierTotal, budgetTotalWan: total });
        expect(r.totals.grantedWan).toBe(r.grants.reduce((s, g) => s + g.grantedWan, 0));
        if (total !== null) expect(tierTotal + r.totals.grantedWan).toBeLessThanOrEqual(Math.max(total, tierTotal));
      }),
    );
  });
});
