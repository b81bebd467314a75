import { describe, expect, it } from 'vitest';
import type { Stability } from '@scoreboard/shared';
import { translator } from '../../i18n/translate';
import { scenarioLabel, settingLabel } from './scenarioWording';
import { stabilityBars, toStabilityOption } from './stabilityOption';

const t = translator('zh-CN');
const unit = (unitId: string, unitName: string, rank: number | null, best: number | null, worst: number | null) => ({ unitId, unitName, rank, best, worst, bestKey: null, worstKey: null });
// the Q3 demo ranges of tests/api/stability.test.ts, and a unit ranked under no scenario
const stability: Pick<Stability, 'units'> = {
  units: [unit('LZ-LD', '柳东新区', 1, 1, 2), unit('450223', '鹿寨县', 2, 1, 2), unit('450206', '柳江区', 3, 3, 3), unit('450225', '融水苗族自治县', null, null, null)],
};

describe('toStabilityOption', () => {
  it('draws one range bar per ranked unit, first place on top, from half a place before the best to half after the worst', () => {
    const option = toStabilityOption(stability, t);
    expect((option.yAxis as { data: string[]; inverse: boolean })).toMatchObject({ inverse: true, data: ['柳东新区', '鹿寨县', '柳江区'] });
    const [offset, range, current] = option.series as [{ data: number[] }, { data: { value: number; label: { formatter: string }; itemStyle: { color: string } }[] }, { data: { value: [number, string] }[] }];
    expect(offset.data).toEqual([0.5, 0.5, 2.5]);
    expect(range.data.map((d) => d.value)).toEqual([2, 2, 1]); // places 1–2, 1–2, always 3
    expect(range.data.map((d) => d.label.formatter)).toEqual(['第 1–2 名', '第 1–2 名', '始终第 3 名']);
    expect(range.data[0]!.itemStyle.color).not.toBe(range.data[2]!.itemStyle.color); // and said in words, not colour alone
    expect(current.data.map((d) => d.value)).toEqual([[1, '柳东新区'], [2, '鹿寨县'], [3, '柳江区']]);
    expect(option.xAxis).toMatchObject({ min: 0.5, max: 3.5, interval: 1 });
  });

  it('says the range in English too', () => {
    expect(stabilityBars(stability, translator('en')).map((b) => b.label)).toEqual(['places 1–2', 'places 1–2', 'always 3']);
  });
});

describe('scenario wording', () => {
  const policy = {
    countyAward: { indicators: [{ indicatorId: 'output', name: '规上工业总产值', nameEn: 'Output', shortName: '产值' }, { indicatorId: 'investment', name: '工业投资', nameEn: 'Investment', shortName: '投资' }] },
    subsidies: { kinds: [{ kind: 'exhibition', name: '参加国内外大型展会', nameEn: 'Exhibitions', shortName: '展会' }] },
  } as never;
  it('names each standard scenario by what it changes', () => {
    expect(scenarioLabel({ key: 'weight:output>investment', source: 'standard', variation: { kind: 'weight', from: 'output', to: 'investment', points: 10 }, scenarioId: null, name: null }, policy, t, 'zh-CN')).toBe('投资 +10 分、产值 −10 分');
    expect(scenarioLabel({ key: 'bonus:1/cap:10', source: 'standard', variation: { kind: 'bonus', bonusPerPoint: 1, bonusCap: 10 }, scenarioId: null, name: null }, policy, t, 'zh-CN')).toBe('加分每点 1 分、上限 10 分');
    expect(scenarioLabel({ key: 'saved:3', source: 'saved', variation: null, scenarioId: 3, name: '甲方案' }, policy, t, 'zh-CN')).toBe('已保存：甲方案');
  });
  it('names a changed setting in the policy\'s words', () => {
    expect(settingLabel('countyAward.indicators.1.bonusPerPoint', policy, t, 'zh-CN')).toBe('投资 · 超目标每个百分点加分');
    expect(settingLabel('countyAward.awards.tiersWan.4', policy, t, 'zh-CN')).toBe('第 5 名奖励（万元）');
    expect(settingLabel('subsidies.kinds.0.capScope', policy, t, 'zh-CN')).toBe('展会 · 封顶口径');
    expect(settingLabel('budget.totalWan', policy, translator('en'), 'en')).toBe('Budget total (10k yuan; blank: not set)');
  });
});
