import { describe, expect, it } from 'vitest';
import type { Policy } from '@scoreboard/shared';
import { translator } from '../../i18n/translate';
import { tieBreakText } from './tieBreak';

const policy = {
  countyAward: { indicators: [{ indicatorId: 'output', shortName: '产值', nameEn: 'Above-size industrial output' }] },
} as unknown as Pick<Policy, 'countyAward'>;
const rows = [{ unitId: '450202', unitName: '城中区' }, { unitId: '450226', unitName: '三江侗族自治县' }];
const split = { tieBreak: { indicatorId: 'output', aboveUnitId: '450202', decimals: 2, rate: '96.00', aboveRate: '97.00' } };

describe('tie-break wording', () => {
  it('names the unit above, the indicator and both rates (Q3 demo: 城中区 and 三江 both 98.50)', () => {
    expect(tieBreakText(split, rows, policy, translator('zh-CN'), 'zh-CN')).toBe('与城中区同分，按产值完成率区分：96.00% 对 97.00%');
    expect(tieBreakText(split, rows, policy, translator('en'), 'en')).toBe(
      'Same score as 城中区; split by Above-size industrial output completion rate: 96.00% vs 97.00%',
    );
  });
  it('says nothing when the score alone placed the unit, or it shares the rank', () => {
    expect(tieBreakText({ tieBreak: null }, rows, policy, translator('zh-CN'), 'zh-CN')).toBeNull();
  });
});
