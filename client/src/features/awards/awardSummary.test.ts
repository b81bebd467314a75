import { describe, expect, it } from 'vitest';
import type { UnitRankRow } from '@scoreboard/shared';
import { translator } from '../../i18n/translate';
import { countyAwardTotal, indicatorDetail, pointsSumDiffers } from './awardSummary';

const t = translator('zh-CN');

const base: Omit<UnitRankRow, 'unitId' | 'unitName' | 'rank' | 'award'> = {
  score: 96, tied: false, disqualified: null, missing: [],
  indicators: {
    output: { target: 60000, proratedTarget: 40000, actual: 40800, completionRate: 102, points: 51, place: null },
    investment: { target: 10000, proratedTarget: null, actual: null, completionRate: null, points: null, place: null },
    newfirms: { target: 4, proratedTarget: 4, actual: 6, completionRate: 150, points: 20, place: 1 },
  },
  unpaid: null,
  tieBreak: null,
};
const output = { indicatorId: 'output', scoring: 'completion' } as const;
const investment = { indicatorId: 'investment', scoring: 'completion' } as const;
const newfirms = { indicatorId: 'newfirms', scoring: 'rankPoints' } as const;
const tiers = [800, 500, 350, 200, 150];
const rows: UnitRankRow[] = tiers.map((award, i) => ({ ...base, unitId: `u${i}`, unitName: `单位${i}`, rank: i + 1, award }));

describe('award summary for the print view', () => {
  it('adds the five tiers to 2,000 万元, 贰仟万元整', () => {
    expect(countyAwardTotal(rows)).toEqual({ wan: 2000, capitals: '贰仟万元整' });
  });
  it('keeps the total when a tie shares two tiers, each share floored', () => {
    const tied = rows.map((r, i) => (i === 1 || i === 2 ? { ...r, rank: 2, tied: true, award: 425 } : r));
    expect(countyAwardTotal(tied).wan).toBe(2000);
  });
  it('writes an indicator as actual / pro-rated target, rate, points; missing data named', () => {
    expect(indicatorDetail(rows[0]!, output, t)).toBe('40,800 / 40,000 · 102.00% · 51.00分');
    expect(indicatorDetail(rows[0]!, investment, t)).toBe('数据缺失');
  });
  it('says which place gave a rank-scored indicator its points', () => {
    expect(indicatorDetail(rows[0]!, newfirms, t)).toBe('6 / 4 · 150.00% · 第 1 名 · 20.00分');
  });
});

describe('points shown against the score', () => {
  const at = (rate: number, points: number) => ({ target: 10000, proratedTarget: 10000, actual: rate * 100, completionRate: rate, points, place: null });
  it('marks 100.25% on both indicators: 50.13 + 50.13 shown beside the exact sum 100.25', () => {
    // 50 + 0.25 × 0.5 = 50.125 each: shown 50.13, while the score is 100.25 exactly
    expect(pointsSumDiffers({ score: 100.25, indicators: { output: at(100.25, 50.13), investment: at(100.25, 50.13) } })).toBe(true);
  });
  it('does not mark a row whose shown points add up, nor one with missing data', () => {
    expect(pointsSumDiffers({ score: 96, indicators: { output: at(102, 51), investment: at(90, 45) } })).toBe(false);
    expect(pointsSumDiffers({ score: null, indicators: {} })).toBe(false);
  });
});
