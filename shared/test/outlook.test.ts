import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add, amountText, mul, outlookAt, parseDecimal, rankUnits, rat, stepOf, sub, toDecimalString, toRational, unitOutlook,
  type Rational, type Reach, type UnitFigures,
} from '../src';
import { liuzhou, liuzhouQ4 } from './fixtures';

/** Amounts as the API writes them (the adapter): two places for 万元, whole for a count. */
const text = (r: Pick<Reach, 'amount'> | null, measure: 'wan' | 'count' = 'wan') => (r === null ? null : amountText(r.amount, measure));

describe('差多少 under the Q3 rules (SPEC §4, §15)', () => {
  const { policy, registry } = liuzhou();
  const [A, B, ...rest] = policy.units;
  const unit = (output: string, investment: string): UnitFigures => ({
    targets: { output: '10000', investment: '1000' },
    actuals: { 9: { output, investment } },
  });
  // A: output 125% (50 + 10, capped), investment 130% (capped) → 120.00
  // B: output 110% (55), investment 125% (capped, 60) → 115.00; the others score below 100
  const figures: Record<string, UnitFigures> = {
    [A!]: unit('12500', '1300'),
    [B!]: unit('11000', '1250'),
    ...Object.fromEntries(rest.map((u, i) => [u, unit(String(9000 - 100 * i), '900')])),
  };
  const result = rankUnits({ policy, registry, figures, disqualified: {} });
  const outlook = unitOutlook(result, policy, B!)!;
  const [output, investment] = outlook.indicators;

  it('B at rank 2 needs 1,500.01 万元 of output, not 1,500.00: equal output rates leave A ahead on investment', () => {
    expect(outlook.unit).toMatchObject({ rank: 2, awardWan: 500 });
    // at 125% B also scores 120.00 (both capped); the first tie-breaker, output, is then equal, and
    // the second, investment, has A at 130% against B's 125%. One step more passes A's output rate.
    expect(text(output!.toNextRank)).toBe('1500.01');
    expect(output!.toNextRank).toMatchObject({ rank: 1, awardWan: 800 });
    expect(output!.toAwardBlocked).toBe('already_paid');
    // the full-period target is 10,000; 11,000 reached
    expect(amountText(output!.remainingToTarget!, 'wan')).toBe('0.00');
  });

  it('a capped indicator where no amount can help: investment is null, and says why', () => {
    expect(investment!.toNextRank).toBeNull();
    expect(investment!.toNextRankBlocked).toBe('no_amount');
  });

  it('rank 1 has nowhere to go; a unit waiting for data is not ranked', () => {
    const first = unitOutlook(result, policy, A!)!;
    expect(first.indicators[0]).toMatchObject({ toNextRank: null, toNextRankBlocked: 'already_first', toAwardBlocked: 'already_paid' });
    const waiting = rankUnits({ policy, registry, figures: { ...figures, [rest[0]!]: { targets: {}, actuals: {} } }, disqualified: {} });
    expect(unitOutlook(waiting, policy, rest[0]!)!.indicators[0]).toMatchObject({ toNextRankBlocked: 'not_ranked', toAwardBlocked: 'not_ranked' });
  });

  it('a unit far below: the amount to its next rank and to the fifth place, each exact to 0.01 万元', () => {
    // rest[4] is 7th: output 86.00% (43) + investment 90% (45) = 88.00; the 6th scores 88.50 (output 87%)
    const seventh = unitOutlook(result, policy, rest[4]!)!;
    expect(seventh.unit).toMatchObject({ rank: 7, score: expect.anything() });
    // passing 88.50 needs 88.505 → output points ≥ 43.505 → rate ≥ 87.01% → 8,701 − 8,600 = 101.00;
    // at 87.00% exactly it publishes 88.50 too and the equal output rate, then investment, tie it: rank 6 shared
    expect(text(seventh.indicators[0]!.toNextRank)).toBe('100.00');
    expect(seventh.indicators[0]!.toNextRank).toMatchObject({ rank: 6 });
    // fifth place (150 万元): the 5th scores 89.00 with output 88% → 8,800 − 8,600 = 200.00 ties it on
    // everything (并列 5th, sharing 150 + 0 → 75 万元 each)
    expect(seventh.indicators[0]!.toAward).toMatchObject({ rank: 5, awardWan: 75 });
    expect(text(seventh.indicators[0]!.toAward)).toBe('200.00');
  });
});

describe('差多少 with a rankPoints indicator and a 100-point condition (Q4 example)', () => {
  const { policy, registry } = liuzhouQ4();
  // the November table of data/demo/liuzhou-2026-q4/README.md, as rates: output %, investment %, new firms done/target
  const table: [string, number, number, number, number][] = [
    ['LZ-LD', 110, 106, 6, 4], ['450206', 108, 108, 5, 4], ['450223', 106, 104, 6, 5], ['450204', 106, 106, 4, 4],
    ['450224', 106, 106, 3, 3], ['LZ-BB', 104, 100, 4, 5], ['450205', 100, 98, 3, 4], ['450202', 97, 99, 2, 3],
    ['450203', 95, 96, 3, 5], ['450226', 92, 90, 2, 4], ['450222', 88, 85, 2, 5], ['450225', 70, 55, 0, 3],
  ];
  const figures = Object.fromEntries(
    table.map(([u, out, inv, done, target]): [string, UnitFigures] => [
      u,
      { targets: { output: '10000', investment: '1000', newfirms: String(target) }, actuals: { 12: { output: String(out * 100), investment: String(inv * 10), newfirms: String(done) } } },
    ]),
  );
  const result = rankUnits({ policy, registry, figures, disqualified: {} });
  const yanghe = unitOutlook(result, policy, 'LZ-BB')!;
  const byId = Object.fromEntries(yanghe.indicators.map((i) => [i.scheme.indicatorId, i]));

  it('阳和 is 6th on 92.00, below the 100-point line: not paid', () => {
    expect(yanghe.unit).toMatchObject({ rank: 6, awardWan: 0, unpaid: 'below_min_score' });
  });

  it('three more new firms (7 of 5 = 140%) take it to 2nd place on that indicator: 100.00, rank 3, 300 万元', () => {
    // +1 → 100%: 4th place (shared), 14 points, 96.00 — still 6th; +2 → 120%: 3rd, 16 points, 98.00, and
    // 柳南/融安 drop to 5th (12 points, 98.00) but keep the better output rate — still 6th.
    // +3 → 140%: 2nd, 18 points → 42 + 40 + 18 = 100.00; 柳江 drops to 3rd (104.00), 鹿寨 to 4th (99.00):
    // only 柳东 (108) and 柳江 (104) are ahead, and 100 meets the line: the 3rd tier, 300 万元.
    expect(byId.newfirms!.scheme.measure).toBe('count');
    expect(text(byId.newfirms!.toNextRank, 'count')).toBe('3');
    expect(byId.newfirms!.toNextRank).toMatchObject({ rank: 3, awardWan: 300 });
    expect(text(byId.newfirms!.toAward, 'count')).toBe('3');
    expect(amountText(byId.newfirms!.remainingToTarget!, 'count')).toBe('1');
  });

  it('investment to 115.99% publishes 100.00 (from 99.995): paid the 6th tier without a better rank', () => {
    // the condition is on the published score: 42 + 47.995 + 10 = 99.995 rounds half-up to 100.00, so
    // 115.99% of 1,000 is enough — 159.90 more, not the 160.00 that 116% (48 points) would take.
    // 100.00 equals 柳南/融安 on score but not on output rate (104% against 106%): still 6th, paid 100.
    expect(text(byId.investment!.toAward)).toBe('159.90');
    expect(byId.investment!.toAward).toMatchObject({ rank: 6, awardWan: 100 });
    expect(byId.investment!.toNextRank).toBeNull();
  });

  it('output alone can add 6 points at most (42 → 48): 98.00 reaches neither a rank nor the line', () => {
    expect(byId.output).toMatchObject({ toNextRank: null, toNextRankBlocked: 'no_amount', toAward: null, toAwardBlocked: 'no_amount' });
  });
});

describe('差多少 properties: the amount is the least whole step that does it (checked against rankUnits itself)', () => {
  const policies = [liuzhou(), liuzhouQ4()];
  // Small sets of figures so that ties, caps, floors and shared places are common.
  const arb = fc.record({
    which: fc.constantFrom(0, 1),
    late: fc.boolean(), // the period's last month (progress 1), or the one before (pro-rated)
    units: fc.array(
      fc.record({
        output: fc.constantFrom('5000', '8000', '9000', '9999.99', '10000', '10250', '11000', '12000', '13000'),
        investment: fc.constantFrom('500', '800', '950', '1000', '1002.5', '1100', '1200', '1300'),
        firmsTarget: fc.constantFrom('3', '4', '5'),
        firms: fc.integer({ min: 0, max: 7 }),
      }),
      { minLength: 3, maxLength: 8 },
    ),
    disqualify: fc.boolean(),
    pick: fc.nat(),
    indicator: fc.nat(),
  });

  it('adding exactly the amount gets a smaller rank number (or a paid place); one step less does not', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const { policy, registry } = policies[c.which]!;
        const months = policy.period.months;
        const month = c.late ? months.at(-1)! : months.at(-2)!;
        const ids = policy.units.slice(0, c.units.length);
        const figures: Record<string, UnitFigures> = Object.fromEntries(
          c.units.map((u, i) => [
            ids[i]!,
            {
              targets: { output: '10000', investment: '1000', newfirms: u.firmsTarget },
              actuals: { [month]: { output: u.output, investment: u.investment, newfirms: String(u.firms) } },
            },
          ]),
        );
        const disqualified = c.disqualify ? { [ids[0]!]: { reason: '一票否决' } } : {};
        const input = { policy, registry, figures, disqualified, month };
        const result = rankUnits(input);
        const unitId = ids[c.pick % ids.length]!;
        const scheme = policy.countyAward.indicators[c.indicator % policy.countyAward.indicators.length]!;
        const outlook = unitOutlook(result, policy, unitId)!;
        const ind = outlook.indicators.find((i) => i.scheme.indicatorId === scheme.indicatorId)!;
        const before = result.rows.find((r) => r.unitId === unitId)!;
        // the fast model agrees with rankUnits on the unit as it stands
        if (before.rank !== null) expect(outlookAt(result, policy, unitId, scheme.indicatorId, 0n)).toEqual({ rank: before.rank, awardWan: before.awardWan });

        const step = stepOf(scheme);
        const withMore = (amount: Rational) => {
          const a = figures[unitId]!.actuals[month]!;
          const more = { ...figures, [unitId]: { ...figures[unitId]!, actuals: { [month]: { ...a, [scheme.indicatorId]: toDecimalString(add(parseDecimal(a[scheme.indicatorId]!), amount), 12) } } } };
          return rankUnits({ ...input, figures: more }).rows.find((r) => r.unitId === unitId)!;
        };
        const far = mul(rat(1_000_000n), parseDecimal(figures[unitId]!.targets[scheme.indicatorId]!));

        if (ind.toNextRank) {
          // the amount is whole steps, so the API's rounding up leaves it as it is
          expect(toRational(amountText(ind.toNextRank.amount, scheme.measure))).toEqual(ind.toNextRank.amount);
          const at = withMore(ind.toNextRank.amount);
          expect(at.rank!).toBeLessThan(before.rank!);
          expect(at.rank).toBe(ind.toNextRank.rank);
          expect(withMore(sub(ind.toNextRank.amount, step)).rank).toBe(before.rank);
        } else if (ind.toNextRankBlocked === 'no_amount') {
          expect(withMore(far).rank).toBe(before.rank); // null is exact: not even a million times the target helps
        }
        if (ind.toAward) {
          const at = withMore(ind.toAward.amount);
          expect(at.awardWan).toBeGreaterThan(0);
          expect([at.rank, at.awardWan]).toEqual([ind.toAward.rank, ind.toAward.awardWan]);
          expect(withMore(sub(ind.toAward.amount, step)).awardWan).toBe(0);
        } else if (ind.toAwardBlocked === 'no_amount') {
          expect(withMore(far).awardWan).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
