import { describe, expect, it } from 'vitest';
import { presentRankResult, rankUnits, type UnitFigures } from '../src';
import { liuzhou } from './fixtures';

const { policy, registry } = liuzhou();
const units = policy.units; // 12 unit ids in policy order

/** A unit with targets 10,000 / 1,000 and September actuals giving the rates asked for. */
function unit(outputRate: number, investmentRate: number, month = 9): UnitFigures {
  return {
    targets: { output: '10000', investment: '1000' },
    actuals: { [month]: { output: String(outputRate * 100), investment: String(investmentRate * 10) } },
  };
}

function rank(figures: Record<string, UnitFigures>, disqualified: Record<string, { reason: string }> = {}, month?: number) {
  // the exact ranking as API v1 shows it (the one adapter), so the numbers read as a user sees them
  return presentRankResult(rankUnits({ policy, registry, figures, disqualified, month }), policy);
}

/** All 12 units with distinct rates: unit i gets 120 − 2i % on both indicators. */
function distinct(): Record<string, UnitFigures> {
  return Object.fromEntries(units.map((u, i) => [u, unit(120 - 2 * i, 120 - 2 * i)]));
}

describe('ranking (SPEC §4)', () => {
  it('ranks 12 units and pays 800 / 500 / 350 / 200 / 150 万元 to the top five', () => {
    const r = rank(distinct());
    expect(r.month).toBe(9);
    expect(r.timeProgress).toBe(100);
    expect(r.waiting).toBe(0);
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.rows.map((x) => x.award)).toEqual([800, 500, 350, 200, 150, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.rows[0]).toMatchObject({ unitId: '450202', unitName: '城中区', score: 120 });
    // 118%: 50 + min(18 × 0.5, 10) = 59 per indicator
    expect(r.rows[1]!.score).toBe(118);
    expect(r.rows[1]!.indicators.output).toMatchObject({ target: 10000, actual: 11800, completionRate: 118, points: 59 });
  });

  it('shares a rank 1, 2, 2, 4 and splits the covered tiers equally, rounded down to whole 万元', () => {
    const figures = distinct();
    figures[units[2]!] = unit(118, 118); // ties with units[1]
    const r = rank(figures);
    expect(r.rows.slice(0, 4).map((x) => [x.rank, x.tied, x.award])).toEqual([
      [1, false, 800],
      [2, true, 425], // (500 + 350) ÷ 2
      [2, true, 425],
      [4, false, 200],
    ]);
  });

  it('splits 150 万元 three ways at the fifth place: 50 each, places beyond the tiers paying nothing', () => {
    const figures = distinct();
    figures[units[5]!] = unit(112, 112);
    figures[units[6]!] = unit(112, 112);
    const r = rank(figures);
    const fifth = r.rows.filter((x) => x.rank === 5);
    expect(fifth).toHaveLength(3);
    expect(fifth.every((x) => x.award === 50 && x.tied)).toBe(true);
    expect(r.rows[7]!.rank).toBe(8);
  });

  it('rounds a tied share down: 350 + 200 + 150 over three is 233 万元 each', () => {
    const figures = distinct();
    figures[units[3]!] = unit(116, 116);
    figures[units[4]!] = unit(116, 116);
    const r = rank(figures);
    expect(r.rows.filter((x) => x.rank === 3).map((x) => x.award)).toEqual([233, 233, 233]);
  });

  it('breaks equal published scores by output completion rate, then investment', () => {
    const figures = distinct();
    // three units score 110: (104, 116) → 52 + 58; (116, 104) → 58 + 52; units[5] (110, 110) → 55 + 55
    figures[units[0]!] = unit(104, 116);
    figures[units[1]!] = unit(116, 104);
    const r = rank(figures);
    const at110 = r.rows.filter((x) => x.score === 110);
    expect(at110.map((x) => [x.unitId, x.rank, x.tied, x.award])).toEqual([
      [units[1], 4, false, 200],
      [units[5], 5, false, 150],
      [units[0], 6, false, 0],
    ]);
    // each says how it was split from the unit directly above (SPEC §15)
    expect(at110.map((x) => x.tieBreak)).toEqual([
      null, // the unit above it scores more: nothing to split
      { indicatorId: 'output', aboveUnitId: units[1], decimals: 2, rate: '110.00', aboveRate: '116.00' },
      { indicatorId: 'output', aboveUnitId: units[5], decimals: 2, rate: '104.00', aboveRate: '110.00' },
    ]);
  });

  it('falls back to the investment rate when output rates are equal too', () => {
    const figures = distinct();
    figures[units[0]!] = unit(110, 110);
    figures[units[1]!] = { targets: { output: '10000', investment: '1000' }, actuals: { 9: { output: '11000', investment: '1100.004' } } };
    const r = rank(figures);
    // both publish 110.00; units[1]'s investment rate is 110.0004% and wins
    const at110 = r.rows.filter((x) => x.score === 110);
    // units[0] and units[5] stay equal in every way: they share 5th place and (150 + 0) ÷ 2 万元
    expect(at110.map((x) => [x.unitId, x.rank, x.tied, x.award])).toEqual([
      [units[1], 4, false, 200],
      [units[0], 5, true, 75],
      [units[5], 5, true, 75],
    ]);
    // 110.0000% against 110.0004%: equal to 3 places, so both are shown to 4
    expect(at110[1]!.tieBreak).toEqual({ indicatorId: 'investment', aboveUnitId: units[1], decimals: 4, rate: '110.0000', aboveRate: '110.0004' });
    expect(at110[2]!.tieBreak).toBeNull(); // 并列 with the unit above: nothing split them
  });

  it('shows a split rate to the first place the two differ: 102.3458% against 102.3461%', () => {
    const figures = distinct();
    // both 102.34…% on output publish 51.17 + 51.17 = 102.35 (distinct() has no 102.35)
    figures[units[0]!] = { targets: { output: '10000', investment: '1000' }, actuals: { 9: { output: '10234.61', investment: '1023.458' } } };
    figures[units[1]!] = { targets: { output: '10000', investment: '1000' }, actuals: { 9: { output: '10234.58', investment: '1023.461' } } };
    const r = rank(figures);
    const [a, b] = r.rows.filter((x) => x.score === 102.35);
    expect([a!.unitId, b!.unitId]).toEqual([units[0], units[1]]);
    expect(b!.tieBreak).toEqual({ indicatorId: 'output', aboveUnitId: units[0], decimals: 4, rate: '102.3458', aboveRate: '102.3461' });
  });

  it('ties units whose rates are mathematically equal though written differently', () => {
    const r = rank({
      [units[0]!]: { targets: { output: '3', investment: '3' }, actuals: { 9: { output: '3.3', investment: '3.3' } } },
      [units[1]!]: { targets: { output: '30000', investment: '0.3' }, actuals: { 9: { output: '33000', investment: '0.33' } } },
    });
    expect(r.rows.slice(0, 2).map((x) => [x.rank, x.tied, x.score, x.award])).toEqual([
      [1, true, 110, 650],
      [1, true, 110, 650],
    ]);
  });

  it('disqualification keeps the score, strikes the unit and passes its place and award down', () => {
    const r = rank(distinct(), { [units[0]!]: { reason: '发生重大安全生产事故' } });
    const struck = r.rows.find((x) => x.unitId === units[0])!;
    expect(struck).toMatchObject({ rank: null, award: 0, score: 120, disqualified: { reason: '发生重大安全生产事故' } });
    expect(r.rows[0]).toMatchObject({ unitId: units[1], rank: 1, award: 800 });
    expect(r.rows.filter((x) => x.award > 0).map((x) => x.unitId)).toEqual(units.slice(1, 6));
  });

  it('leaves units with missing data unranked, names what is missing and counts them', () => {
    const figures = distinct();
    delete figures[units[0]!]!.targets.investment;
    delete figures[units[3]!];
    const r = rank(figures);
    expect(r.waiting).toBe(2);
    const a = r.rows.find((x) => x.unitId === units[0])!;
    expect(a).toMatchObject({ rank: null, score: null, award: 0, missing: ['investment.target'] });
    expect(r.rows.find((x) => x.unitId === units[3])!.missing).toEqual([
      'output.target', 'output.actual', 'investment.target', 'investment.actual',
    ]);
    expect(r.rows[0]).toMatchObject({ unitId: units[1], rank: 1, award: 800 });
  });

  it('compares August actuals with two thirds of the target and says so', () => {
    const figures: Record<string, UnitFigures> = {
      [units[0]!]: { targets: { output: '60000', investment: '9000' }, actuals: { 8: { output: '40800', investment: '5400' } } },
    };
    const r = rank(figures);
    expect(r.month).toBe(8);
    expect(r.timeProgress).toBe(66.7);
    const row = r.rows[0]!;
    // 40,800 of 40,000 = 102% → 51; 5,400 of 6,000 = 90% → 45
    expect(row.indicators.output).toMatchObject({ proratedTarget: 40000, completionRate: 102, points: 51 });
    expect(row.indicators.investment).toMatchObject({ proratedTarget: 6000, completionRate: 90, points: 45 });
    expect(row.score).toBe(96);
  });

  it('uses the latest month with data by default and any month on request', () => {
    const figures = distinct();
    figures[units[0]!]!.actuals[7] = { output: '4000', investment: '400' };
    expect(rank(figures).month).toBe(9);
    const july = rank(figures, {}, 7);
    expect(july.month).toBe(7);
    expect(july.monthsWithData).toEqual([7, 9]);
    expect(july.rows[0]!.indicators.output!.completionRate).toBe(120); // 4,000 of 3,333.3…
    expect(july.waiting).toBe(11);
  });
});
