import { indicatorMaxPoints, type Policy } from '@scoreboard/shared';
import type { RankingChartRules } from '../features/ranking/rankingOption';
import { onTargetScore } from './wording';

/** The score chart's line and scale, from the policy: Q3 draws its line at 100 and scales to 120. */
export function chartRules(policy: Pick<Policy, 'countyAward'>): RankingChartRules {
  return {
    onTargetScore: onTargetScore(policy),
    maxScore: policy.countyAward.indicators.reduce((s, i) => s + indicatorMaxPoints(i), 0),
  };
}
