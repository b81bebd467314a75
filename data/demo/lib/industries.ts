import { add, mul, rat, roundHalfUp, toDecimalString, toFixed, ZERO, type Rational } from '@scoreboard/shared';
import type { Prng } from './prng';

/**
 * Ten industries, January–September 2026, cumulative 规上工业总产值 (万元), all invented. The ten add
 * up to roughly 3,700 亿元 for nine months, in line with a city of ~5,000 亿元 a year.
 *
 * `growth` is the reported cumulative rate (可比口径) in tenths of a percent, months 1–9, chosen so
 * the statuses against data/policies/liuzhou-2026-q3.json are a mix (三: 稳定重点行业增长). This
 * year's output is last year's × (1 + growth + a small seeded offset): the comparable-basis rate a
 * statistics bureau reports is never exactly output ÷ last year − 1, so where a rate is reported it
 * visibly wins (SPEC §5), and where it is left blank the computed rate differs slightly.
 */
export interface IndustryDesign {
  industryId: string;
  nameInFile: string;
  lastYearJanSep: number; // 万元, the size of last year's Jan–Sep cumulative
  growth: readonly number[]; // tenths of a percent, months 1..9
  blankGrowthMonths: readonly number[]; // 累计增速 left blank: growth is computed
  blankLastYearMonths: readonly number[]; // 上年同期累计 left blank (optional column)
  expectedStatus: 'met' | 'not_met' | 'no_target';
  why: string;
}

export const INDUSTRY_DESIGN: readonly IndustryDesign[] = [
  { industryId: 'ai-robotics', nameInFile: '人工智能终端及机器人产业', lastYearJanSep: 1_380_000, growth: [412, 385, 370, 361, 354, 348, 353, 349, 346], blankGrowthMonths: [], blankLastYearMonths: [], expectedStatus: 'met', why: '34.6% ≥ 30%' },
  { industryId: 'nev', nameInFile: '智能网联及新能源汽车产业', lastYearJanSep: 13_500_000, growth: [35, 42, 50, 56, 61, 65, 69, 71, 74], blankGrowthMonths: [2], blankLastYearMonths: [], expectedStatus: 'not_met', why: '7.4% < 8%' },
  { industryId: 'steel', nameInFile: '钢铁及关键金属新材料', lastYearJanSep: 8_700_000, growth: [-118, -109, -101, -94, -86, -79, -71, -62, -54], blankGrowthMonths: [], blankLastYearMonths: [], expectedStatus: 'met', why: '降幅 6月−7.9% → 7月−7.1% → 8月−6.2% → 9月−5.4%，逐月收窄' },
  { industryId: 'equipment', nameInFile: '高端装备制造', lastYearJanSep: 3_500_000, growth: [82, 90, 96, 104, 109, 113, 110, 114, 118], blankGrowthMonths: [], blankLastYearMonths: [], expectedStatus: 'met', why: '11.8% ≥ 10%' },
  { industryId: 'low-altitude', nameInFile: '低空经济', lastYearJanSep: 224_000, growth: [520, 443, 386, 332, 310, 294, 278, 261, 253], blankGrowthMonths: [3], blankLastYearMonths: [], expectedStatus: 'not_met', why: '25.3% < 30%' },
  { industryId: 'new-energy', nameInFile: '新能源产业', lastYearJanSep: 2_200_000, growth: [124, 138, 145, 152, 160, 169, 174, 178, 183], blankGrowthMonths: [], blankLastYearMonths: [], expectedStatus: 'met', why: '18.3% ≥ 15%' },
  { industryId: 'green-food', nameInFile: '绿色食品加工产业', lastYearJanSep: 1_980_000, growth: [48, 51, 55, 57, 58, 59, 59, 60, 60], blankGrowthMonths: [], blankLastYearMonths: [], expectedStatus: 'met', why: '6.0% ≥ 6%（恰好达标，检验“≥”）' },
  { industryId: 'green-chem', nameInFile: '绿色化工', lastYearJanSep: 1_440_000, growth: [12, 18, 22, 29, 31, 34, 36, 39, 41], blankGrowthMonths: [9], blankLastYearMonths: [], expectedStatus: 'not_met', why: '9月增速空白，按产值计算约4% < 5%' },
  { industryId: 'forest-paper', nameInFile: '林产加工及纸业产业', lastYearJanSep: 1_260_000, growth: [-95, -88, -81, -76, -72, -68, -73, -61, -46], blankGrowthMonths: [], blankLastYearMonths: [], expectedStatus: 'met', why: '9月−4.6%，较6月−6.8%收窄（7月曾扩大，故不按逐月口径）' },
  { industryId: 'other', nameInFile: '其他重点产业', lastYearJanSep: 860_000, growth: [68, 75, 81, 88, 90, 94, 97, 101, 105], blankGrowthMonths: [5], blankLastYearMonths: [1], expectedStatus: 'no_target', why: '未设数值目标' },
];

/** Relative size of each month's output (February holds the Spring Festival). */
const MONTH_WEIGHTS = [100, 78, 108, 105, 107, 112, 103, 106, 110];
const WEIGHT_TOTAL = MONTH_WEIGHTS.reduce((a, b) => a + b, 0);

/** "37.0", "-5.4": one decimal, as a statistics bulletin prints a rate. */
const tenthsToText = (tenths: number): string => toFixed(rat(BigInt(tenths), 10n), 1);
const round1 = (x: Rational): Rational => roundHalfUp(x, 1);

/** Rows of 产业, 月份, 本年累计, 上年同期累计, 累计增速 — industry by industry, months 1–9. */
export function industryOutputRows(prng: Prng): string[][] {
  const rows: string[][] = [];
  for (const ind of INDUSTRY_DESIGN) {
    let lastYearCum: Rational = ZERO;
    ind.growth.forEach((g, i) => {
      const month = i + 1;
      const jitter = rat(BigInt(1000 + prng.int(-30, 30)), 1000n); // ±3% month to month
      const monthly = mul(rat(BigInt(ind.lastYearJanSep * MONTH_WEIGHTS[i]!), BigInt(WEIGHT_TOTAL)), jitter);
      lastYearCum = add(lastYearCum, round1(monthly));
      // growth in tenths of a percent, plus an offset of up to ±0.15 points (hundredths of a percent)
      const factor = rat(BigInt(10000 + g * 10 + prng.int(-15, 15)), 10000n);
      const output = round1(mul(lastYearCum, factor));
      rows.push([
        ind.nameInFile,
        String(month),
        toDecimalString(output),
        ind.blankLastYearMonths.includes(month) ? '' : toDecimalString(lastYearCum),
        ind.blankGrowthMonths.includes(month) ? '' : tenthsToText(g),
      ]);
    });
  }
  return rows;
}
