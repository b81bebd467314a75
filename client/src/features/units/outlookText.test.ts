import { describe, expect, it } from 'vitest';
import type { ExactNumber, IndicatorScheme, Outlook, OutlookIndicator, Policy } from '@scoreboard/shared';
import { translator } from '../../i18n/translate';
import { exactText, formulaLines, gapSentences, scoreWords, standingWords } from './outlookText';

const zh = translator('zh-CN');
const en = translator('en');
const x = (text: string, fraction = text, exact = true): ExactNumber => ({ text, fraction, exact });

// The Q3 demo's 三江侗族自治县 in September, as GET …/units/450226/outlook answers (tests/api/outlook.test.ts).
const completion = { scoring: 'completion' as const, basePoints: '50', bonusPerPoint: '0.5', bonusCap: '10', floorPct: '0', capRate: x('120') };
const common = { prorated: true, progress: x('1'), progressPct: 100, place: null, placesOf: 12, awardRank: 5, awardWan: 150, toNextRankBlocked: null, toAwardBlocked: null };
const output: OutlookIndicator = {
  ...common, indicatorId: 'output', measure: 'wan', rule: completion, branch: 'below',
  target: x('300000'), proratedTarget: x('300000'), actual: x('288000'), rate: x('96'), ratePct: 96, points: x('48'), pointsShown: 48,
  remainingToTargetWan: '12000.00', toNextRankWan: '30.00', nextRank: 8, toAwardWan: '22470.00',
};
const investment: OutlookIndicator = {
  ...common, indicatorId: 'investment', measure: 'wan', rule: completion, branch: 'above',
  target: x('52000'), proratedTarget: x('52000'), actual: x('52520'), rate: x('101'), ratePct: 101, points: x('50.5'), pointsShown: 50.5,
  remainingToTargetWan: '0.00', toNextRankWan: '5.20', nextRank: 8, toAwardWan: '3905.20',
};
const sanjiang: Outlook = {
  policyId: 'liuzhou-2026-q3', unitId: '450226', unitName: '三江侗族自治县', month: 9, revision: 7, timeProgress: 100,
  rank: 9, tied: false, award: 0, unpaid: null, disqualified: null, missing: [], rankedCount: 12,
  score: { exact: x('98.5', '197/2'), published: 98.5, decimals: 2, pointsShownSum: 98.5 },
  indicators: [output, investment],
};
const schemes = {
  output: { indicatorId: 'output', name: '规上工业总产值', nameEn: 'Above-size industrial output', measure: 'wan' },
  newfirms: { indicatorId: 'newfirms', name: '新增规上工业企业数', nameEn: 'New above-size industrial enterprises', measure: 'count' },
} as unknown as Record<string, IndicatorScheme>;
const policy = {
  period: { label: '2026年7—9月', labelEn: 'Jul–Sep 2026' },
  countyAward: { awards: { condition: { kind: 'minScore', score: 100 } } },
} as unknown as Pick<Policy, 'period' | 'countyAward'>;

describe('差多少 in words (SPEC §15)', () => {
  it('says where the unit stands and how its score is the rounded exact sum', () => {
    expect(standingWords(sanjiang, policy, zh)).toBe('截至9月（序时进度 100.0%）：综合评分 98.50，第 9 名（共 12 个单位参与排名），不在获奖名次。');
    expect(scoreWords(sanjiang, zh)).toBe('综合评分 = 48 + 50.5 = 98.5，四舍五入保留 2 位小数：98.50');
    expect(standingWords(sanjiang, policy, en)).toBe('As of M9 (time progress 100.0%): score 98.50, rank 9 of 12 ranked units; not in a paid place.');
  });

  it('works the formula with the unit’s own numbers', () => {
    expect(formulaLines(output, '万元', zh)).toEqual([
      '序时目标 = 全期目标 300,000 × 序时进度 1（100.0%）= 300,000',
      '完成率 = 完成 288,000 ÷ 序时目标 300,000 × 100% = 96%',
      '完成率低于 100%：50 × 96% = 48 分',
    ]);
    expect(formulaLines(investment, '万元', zh)[2]).toBe('完成率 ≥ 100%：50 + (101 − 100) × 0.5 = 50.5 分（加分最多 10 分）');
  });

  it('says a point shown rounded is added exactly (50.125 shown as 50.13)', () => {
    const r = { ...investment, rate: x('100.25'), points: x('50.125'), pointsShown: 50.13 };
    expect(formulaLines(r, '万元', zh).at(-1)).toBe('排名表中显示为 50.13 分（四舍五入）；综合评分按精确值 50.125 相加');
  });

  it('writes the three amounts as sentences: to the target, to the next rank, to a paid place', () => {
    expect(gapSentences(sanjiang, output, schemes.output!, policy, zh, 'zh-CN')).toEqual({
      remaining: '截至9月，规上工业总产值还需完成 12,000.00 万元即可完成2026年7—9月目标（目标 300,000 万元，已完成 288,000 万元）。',
      nextRank: '规上工业总产值再增加 30.00 万元（其他数据不变），可升至第 8 名。',
      award: '规上工业总产值再增加 22,470.00 万元（其他数据不变），可进入获奖名次（第 5 名，奖励 150 万元）。',
    });
    expect(gapSentences(sanjiang, output, schemes.output!, policy, en, 'en').nextRank).toBe(
      'With 30.00 (10k yuan) more Above-size industrial output (all else as it is), the unit rises to rank 8.',
    );
  });

  it('counts are whole, and a null amount says why', () => {
    const firms: OutlookIndicator = {
      ...output, indicatorId: 'newfirms', measure: 'count', remainingToTargetWan: '1', target: x('5'), actual: x('4'),
      toNextRankWan: '3', nextRank: 3, toAwardWan: null, toAwardBlocked: 'no_amount', awardRank: null, awardWan: null,
    };
    const words = gapSentences(sanjiang, firms, schemes.newfirms!, policy, zh, 'zh-CN');
    expect(words.nextRank).toBe('新增规上工业企业数再增加 3 个（其他数据不变），可升至第 3 名。');
    expect(words.award).toBe('仅增加新增规上工业企业数（其他数据不变）无法进入获奖名次。');
    const first = gapSentences({ ...sanjiang, rank: 1, award: 800 }, { ...output, toNextRankWan: null, toNextRankBlocked: 'already_first', toAwardWan: null, toAwardBlocked: 'already_paid' }, schemes.output!, policy, zh, 'zh-CN');
    expect([first.nextRank, first.award]).toEqual(['已是第 1 名。', '已在获奖名次（奖励 800 万元）。']);
    expect(gapSentences(sanjiang, investment, schemes.output!, policy, zh, 'zh-CN').remaining).toContain('已完成2026年7—9月目标');
  });

  it('marks a value whose decimal does not end', () => {
    expect(exactText(x('0.666667', '2/3', false))).toBe('≈0.666667');
  });
});
