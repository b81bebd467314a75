import { mul, rat, roundHalfUp, toDecimalString, toRational, type Rational } from '@scoreboard/shared';
import type { Prng } from './prng';

/**
 * The twelve units' Q3 2026 targets and July–September actuals (万元), all invented.
 *
 * Scale: the city's annual 规上工业总产值 is about 5,000 亿元, so a quarter is ~1,250 亿元 across the
 * ten districts and counties; the two new districts overlap districts' land (SPEC §2), so the
 * twelve targets add up to more than the city and must never be summed.
 *
 * Month-9 completion rates are chosen by hand (in hundredths of a percent) so the final ranking is
 * a readable story with clear gaps in the top six; July and August wander around them by a seeded
 * random step. `targetName` / `actualName` use aliases on purpose, to exercise name matching.
 */
export interface UnitDesign {
  unitId: string;
  targetName: string;
  actualName: string;
  outputTarget: string; // 万元, at most one decimal
  investmentTarget: string;
  /** month-9 completion rate, hundredths of a percent: 11240 = 112.40% */
  outputRate9: number;
  investmentRate9: number;
}

export const UNIT_DESIGN: readonly UnitDesign[] = [
  { unitId: '450202', targetName: '城中区', actualName: '城中', outputTarget: '612400', investmentTarget: '86500', outputRate9: 9700, investmentRate9: 10000 },
  { unitId: '450203', targetName: '鱼峰区', actualName: '鱼峰区', outputTarget: '1486000', investmentTarget: '238000', outputRate9: 9520, investmentRate9: 9640 },
  { unitId: '450204', targetName: '柳南区', actualName: '柳南区', outputTarget: '3652000', investmentTarget: '452500', outputRate9: 10150, investmentRate9: 10300 },
  { unitId: '450205', targetName: '柳北区', actualName: '柳北', outputTarget: '3318500', investmentTarget: '418000', outputRate9: 9910, investmentRate9: 10080 },
  { unitId: '450206', targetName: '柳江区', actualName: '柳江区', outputTarget: '1824300', investmentTarget: '362000', outputRate9: 10630, investmentRate9: 10450 },
  { unitId: '450222', targetName: '柳城县', actualName: '柳城县', outputTarget: '468200', investmentTarget: '125600.5', outputRate9: 9200, investmentRate9: 9450 },
  { unitId: '450223', targetName: '鹿寨县', actualName: '鹿寨', outputTarget: '726800.5', investmentTarget: '178400', outputRate9: 10900, investmentRate9: 11020 },
  { unitId: '450224', targetName: '融安县', actualName: '融安县', outputTarget: '335600', investmentTarget: '61200', outputRate9: 10400, investmentRate9: 9720 },
  { unitId: '450225', targetName: '融水县', actualName: '融水苗族自治县', outputTarget: '302000', investmentTarget: '56800', outputRate9: 8850, investmentRate9: 8600 },
  // 三江 and 城中 publish the same month-9 score (98.50); the tie-break on output completion rate
  // (SPEC §4) puts 城中 (97.00%) ahead of 三江 (96.00%) without sharing a rank.
  { unitId: '450226', targetName: '三江县', actualName: '三江', outputTarget: '300000', investmentTarget: '52000', outputRate9: 9600, investmentRate9: 10100 },
  { unitId: 'LZ-LD', targetName: '柳州高新区', actualName: '柳东新区', outputTarget: '4015000', investmentTarget: '596000', outputRate9: 11240, investmentRate9: 10860 },
  { unitId: 'LZ-BB', targetName: '阳和工业新区（北部生态新区）', actualName: '北部生态新区', outputTarget: '1208000', investmentTarget: '305500', outputRate9: 10320, investmentRate9: 10580 },
];

/** Units whose figure for one month is left blank ("no figure yet", SPEC §8), to show 数据缺失. */
export const MISSING_ACTUALS: readonly { unitId: string; month: number; indicator: 'output' | 'investment' }[] = [
  { unitId: '450225', month: 8, indicator: 'investment' },
];

const MONTHS = [7, 8, 9] as const;
const RATE_MIN = 8500; // the brief: completion between ~85% and ~115% of the pro-rated target
const RATE_MAX = 11500;

/** target × (m/3) × rate, rounded half-up to 0.1 万元 — a figure as a statistician would type it. */
function cumulativeActual(target: Rational, monthIndex: number, rateHundredths: number): string {
  const prorated = mul(target, rat(BigInt(monthIndex + 1), 3n));
  const exact = mul(prorated, rat(BigInt(rateHundredths), 10000n));
  return toDecimalString(roundHalfUp(exact, 1));
}

function wander(prng: Prng, rate9: number): number {
  return Math.min(RATE_MAX, Math.max(RATE_MIN, rate9 + prng.int(-450, 450)));
}

export function unitTargetRows(): string[][] {
  return UNIT_DESIGN.map((u) => [u.targetName, u.outputTarget, u.investmentTarget]);
}

/** Rows of 单位, 月份, output, investment: cumulative from July, so each month ≥ the one before. */
export function unitActualRows(prng: Prng): string[][] {
  const rates = UNIT_DESIGN.map((u) => ({
    output: [wander(prng, u.outputRate9), wander(prng, u.outputRate9), u.outputRate9],
    investment: [wander(prng, u.investmentRate9), wander(prng, u.investmentRate9), u.investmentRate9],
  }));
  const rows: string[][] = [];
  MONTHS.forEach((month, mi) => {
    UNIT_DESIGN.forEach((u, ui) => {
      const blank = (indicator: 'output' | 'investment'): boolean =>
        MISSING_ACTUALS.some((m) => m.unitId === u.unitId && m.month === month && m.indicator === indicator);
      const output = blank('output') ? '' : cumulativeActual(toRational(u.outputTarget), mi, rates[ui]!.output[mi]!);
      const investment = blank('investment') ? '' : cumulativeActual(toRational(u.investmentTarget), mi, rates[ui]!.investment[mi]!);
      rows.push([u.actualName, String(month), output, investment]);
    });
  });
  return rows;
}
