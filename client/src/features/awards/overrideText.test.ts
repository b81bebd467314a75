import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { overrideText } from './overrideText';

describe('a finalization over missing data, in words', () => {
  it('says how many units lacked which month, who finalized, and the reason', () => {
    const gaps = [
      { unitId: '450202', unitName: '城中区', month: 12, missing: ['output.actual'] },
      { unitId: '450203', unitName: '鱼峰区', month: 12, missing: ['output.actual', 'investment.actual'] },
    ];
    const text = overrideText({ reason: '12月数据延迟报送', by: 'leader', at: '2026-12-31T02:00:00.000Z', gaps }, translator('zh-CN'));
    expect(text).toMatch(/^定稿说明：定稿时考核期数据不完整（2 个单位缺 12月 数据），由 leader 于 .+ 说明理由后定稿。理由：12月数据延迟报送$/);
    expect(overrideText({ reason: 'late', by: 'leader', at: '2026-12-31T02:00:00.000Z', gaps }, translator('en'))).toContain('(2 units lacked M12)');
  });
});
