import { describe, expect, it } from 'vitest';
import type { Policy } from '@scoreboard/shared';
import { translator } from '../i18n/translate';
import { awardPlaces, missingLabel, onTargetScore, paymentConditionText, policyBadges, subsidyKindName } from './wording';

const q4 = {
  countyAward: {
    indicators: [
      { indicatorId: 'output', name: '规上工业总产值', nameEn: 'Output', shortName: '产值', basePoints: 40 },
      { indicatorId: 'investment', name: '工业投资', nameEn: 'Investment', shortName: '投资', basePoints: 40 },
      { indicatorId: 'newfirms', name: '新增规上工业企业数', nameEn: 'New firms', shortName: '新增规上企业', basePoints: 20 },
    ],
    awards: { tiersWan: [600, 400, 300, 200, 150, 100], condition: { kind: 'minScore', score: 100 } },
  },
  subsidies: { kinds: [{ kind: 'exhibition', shortName: '展会', nameEn: 'Exhibitions' }] },
} as unknown as Policy;
const zh = translator('zh-CN');

describe('policy wording comes from the policy', () => {
  it('the on-target line is the sum of base points, the places are the tiers', () => {
    expect(onTargetScore(q4)).toBe(100);
    expect(awardPlaces(q4)).toBe(6);
    expect(onTargetScore({ countyAward: { ...q4.countyAward, indicators: q4.countyAward.indicators.slice(0, 2) } } as Policy)).toBe(80);
  });

  it('names missing figures, subsidy kinds and the payment condition in either language', () => {
    expect(missingLabel(q4, 'newfirms.actual', zh, 'zh-CN')).toBe('新增规上企业完成');
    expect(missingLabel(q4, 'output.target', translator('en'), 'en')).toBe('Output target');
    expect(subsidyKindName(q4, 'exhibition', 'zh-CN')).toBe('展会');
    expect(subsidyKindName(q4, 'exhibition', 'en')).toBe('Exhibitions');
    expect(paymentConditionText(q4, zh)).toBe('综合评分不低于 100 分方可获奖');
  });

  it('badges: the status, then expired / final when they apply, then 示例', () => {
    expect(policyBadges({ status: 'in_force', expired: true, final: true, example: false })).toEqual(['in_force', 'expired', 'final']);
    expect(policyBadges({ status: 'draft', expired: false, final: false, example: true })).toEqual(['draft', 'example']);
  });
});
