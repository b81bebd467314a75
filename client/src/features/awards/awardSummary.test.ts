import { describe, expect, it } from 'vitest';
import type { UnitRankRow } from '@scoreboard/shared';
import { translator } from '../../i18n/translate';
import { countyAwardTotal, indicatorDetail } from './awardSummary';

const t = translator('zh-CN');

const base: Omit<UnitRankRow, 'unitId' | 'unitName' | 'rank' | 'award'> = {
  score: 96, tied: false, disqualified: null, missing: [],
  indicators: {
    output: { target: 60000, proratedTarget: 40000, actual: 40800, completionRate: 102, points: 51 },
    investment: { target: 10000, proratedTarget: null, actual: null, completionRate: null, points: null },
  },
};
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
    expect(indicatorDetail(rows[0]!, 'output', t)).toBe('40,800 / 40,000 · 102.00% · 51.00分');
    expect(indicatorDetail(rows[0]!, 'investment', t)).toBe('数据缺失');
  });
});
