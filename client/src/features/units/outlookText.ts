import { eq, fromNumber, parseDecimal, type ExactNumber, type IndicatorScheme, type Outlook, type OutlookIndicator, type Policy } from '@scoreboard/shared';
import { formatDecimalText, formatNumber, formatPct } from '../../format/numbers';
import type { Lang, MessageKey, Translate } from '../../i18n/translate';
import { indicatorName } from '../../policy/wording';

/**
 * 差多少 in plain sentences (SPEC §15), from the outlook the server worked out exactly: the unit page
 * only words it. Indicator names, the period's name and the months come from the policy; amounts are
 * the server's strings (already rounded up), only grouped in thousands.
 */

/** An exact value as the score used it: "98.5", or "≈66.666667" when its decimal does not end. */
export function exactText(x: ExactNumber | null): string {
  if (x === null) return '—';
  return (x.exact ? '' : '≈') + formatDecimalText(x.text);
}

/** "30.00 万元" / "3 个" (English: "30.00 (10k yuan)" / "3"). */
export function amountWords(amount: string, measure: IndicatorScheme['measure'], t: Translate): string {
  return t(measure === 'count' ? 'outlook.amount.count' : 'outlook.amount.wan', { amount: formatDecimalText(amount) });
}

const periodName = (policy: Pick<Policy, 'period'>, lang: Lang) => (lang === 'en' ? policy.period.labelEn : policy.period.label);

/** Where the unit stands: month, 序时进度, score, rank and award (or why it is not ranked). */
export function standingWords(o: Outlook, policy: Pick<Policy, 'countyAward'>, t: Translate): string {
  const month = o.month === null ? '—' : t('common.month', { month: o.month });
  const base = { month, progress: formatPct(o.timeProgress, 1) };
  if (o.disqualified) return t('outlook.standing.disqualified', { ...base, reason: o.disqualified.reason });
  if (o.rank === null) return t('outlook.standing.waiting', base);
  const condition = policy.countyAward.awards.condition;
  const paid = o.award > 0
    ? t('outlook.standing.paid', { award: formatNumber(o.award) })
    : o.unpaid
      ? t(`ranking.unpaid.${o.unpaid}`, { score: condition?.kind === 'minScore' ? condition.score : '' })
      : t('outlook.standing.notPaid');
  return t('outlook.standing.ranked', {
    ...base,
    score: formatNumber(o.score.published, o.score.decimals),
    rank: o.rank,
    count: o.rankedCount,
    tied: o.tied ? t('outlook.standing.tied') : '',
    paid,
  });
}

/** The score as the rounded exact sum: "综合评分 = 48 + 50.5 = 98.5，四舍五入保留 2 位小数：98.50". */
export function scoreWords(o: Outlook, t: Translate): string | null {
  if (o.score.exact === null || o.score.published === null) return null;
  const parts = o.indicators.map((i) => exactText(i.points));
  return t('outlook.score', {
    parts: parts.join(' + '),
    exact: exactText(o.score.exact),
    decimals: o.score.decimals,
    published: formatNumber(o.score.published, o.score.decimals),
  });
}

/** The worked formula of one indicator with the unit's own numbers, one line per step. */
export function formulaLines(i: OutlookIndicator, unit: string, t: Translate): string[] {
  if (i.rate === null || i.points === null) return [];
  const lines: string[] = [];
  const v = (x: ExactNumber | null) => exactText(x);
  if (i.prorated) {
    lines.push(t('outlook.formula.prorated', {
      target: v(i.target), progress: i.progress.fraction, progressPct: formatPct(i.progressPct, 1), prorated: v(i.proratedTarget), unit,
    }));
  } else {
    lines.push(t('outlook.formula.notProrated', { target: v(i.target), unit }));
  }
  lines.push(t(i.prorated ? 'outlook.formula.rate' : 'outlook.formula.rateWhole', { actual: v(i.actual), prorated: v(i.proratedTarget), rate: v(i.rate), unit }));
  const points = v(i.points);
  const shown = i.pointsShown === null ? '' : formatNumber(i.pointsShown, 2);
  const r = i.rule;
  if (r.scoring === 'completion') {
    const key = i.branch === 'capped' ? 'capped' : i.branch === 'above' ? 'above' : i.branch === 'belowFloor' ? 'belowFloor' : 'below';
    lines.push(t(`outlook.formula.${key}`, {
      base: r.basePoints, bonus: r.bonusPerPoint, cap: r.bonusCap, capRate: v(r.capRate), floor: r.floorPct, rate: v(i.rate), points,
    }));
  } else {
    lines.push(t(i.branch === 'placeFloor' ? 'outlook.formula.placeFloor' : 'outlook.formula.place', {
      place: i.place ?? '—', of: i.placesOf, base: r.basePoints, step: r.stepPoints, floor: r.floorPoints, points,
    }));
  }
  // 50.125 is shown as 50.13 in the ranking: the score adds the exact points, not the shown ones
  const same = i.points.exact && i.pointsShown !== null && eq(fromNumber(i.pointsShown), parseDecimal(i.points.text));
  if (shown !== '' && !same) lines.push(t('outlook.formula.shown', { points, shown }));
  return lines;
}

type Block = NonNullable<OutlookIndicator['toNextRankBlocked']>;
const NEXT_RANK_BLOCKED: Record<Block, MessageKey> = {
  already_first: 'outlook.nextRank.already_first',
  already_paid: 'outlook.nextRank.no_amount', // not a reason the server gives for a rank
  not_ranked: 'outlook.nextRank.not_ranked',
  no_amount: 'outlook.nextRank.no_amount',
};
const AWARD_BLOCKED: Record<Block, MessageKey> = {
  already_first: 'outlook.award.already_paid', // not a reason the server gives for an award
  already_paid: 'outlook.award.already_paid',
  not_ranked: 'outlook.award.not_ranked',
  no_amount: 'outlook.award.no_amount',
};

/** The three 差多少 sentences of one indicator: to the period's target, to the next rank, to a paid place. */
export function gapSentences(o: Outlook, i: OutlookIndicator, scheme: IndicatorScheme, policy: Pick<Policy, 'period'>, t: Translate, lang: Lang) {
  const indicator = indicatorName(scheme, lang);
  const amount = (a: string) => amountWords(a, i.measure, t);
  const month = o.month === null ? '—' : t('common.month', { month: o.month });
  let remaining: string | null = null;
  if (i.remainingToTargetWan !== null && i.target !== null && i.actual !== null) {
    const vars = { month, indicator, period: periodName(policy, lang), amount: amount(i.remainingToTargetWan), target: amount(i.target.text), actual: amount(i.actual.text) };
    remaining = /^0(\.0+)?$/.test(i.remainingToTargetWan) ? t('outlook.remainingDone', vars) : t('outlook.remaining', vars);
  }
  const nextRank = i.toNextRankWan !== null
    ? t('outlook.toNextRank', { indicator, amount: amount(i.toNextRankWan), rank: i.nextRank ?? '—' })
    : t(NEXT_RANK_BLOCKED[i.toNextRankBlocked ?? 'no_amount'], { indicator });
  const award = i.toAwardWan !== null
    ? t('outlook.toAward', { indicator, amount: amount(i.toAwardWan), rank: i.awardRank ?? '—', award: formatNumber(i.awardWan) })
    : t(AWARD_BLOCKED[i.toAwardBlocked ?? 'no_amount'], { indicator, award: formatNumber(o.award) });
  return { remaining, nextRank, award };
}
