import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outlook } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';

// Read-only: one demo app for the file.
let t: TestApp;
let viewer: { cookie: string };
beforeAll(async () => {
  t = await buildTestApp({ demoData: true });
  viewer = await t.login('viewer');
});
afterAll(async () => {
  await t.close();
});

const get = async (policyId: string, unitId: string, query = '') => {
  const res = await t.app.inject({ url: `/api/policies/${policyId}/units/${unitId}/outlook${query}`, headers: viewer });
  return { status: res.statusCode, body: res.json<Outlook>() };
};
const indicator = (o: Outlook, id: string) => o.indicators.find((i) => i.indicatorId === id)!;

describe('GET …/units/:unitId/outlook — 差多少 on the Q3 demo, September (SPEC §15)', () => {
  it('三江 (9th, 98.50, split from 城中区 by the output rate): the worked formula with its own numbers', async () => {
    const { status, body } = await get(POLICY_ID, '450226');
    expect(status).toBe(200);
    expect(body).toMatchObject({ unitName: '三江侗族自治县', month: 9, timeProgress: 100, rank: 9, award: 0, rankedCount: 12 });
    // output 288,000 of 300,000 = 96% → 50 × 96 ÷ 100 = 48; investment 52,520 of 52,000 = 101% → 50 + 0.5 = 50.5
    expect(body.score).toEqual({ exact: { text: '98.5', fraction: '197/2', exact: true }, published: 98.5, decimals: 2, pointsShownSum: 98.5 });
    expect(indicator(body, 'output')).toMatchObject({
      measure: 'wan', branch: 'below', prorated: true,
      rule: { scoring: 'completion', basePoints: '50', bonusPerPoint: '0.5', bonusCap: '10', floorPct: '0', capRate: { text: '120' } },
      target: { text: '300000' }, progress: { text: '1', fraction: '1' }, progressPct: 100, proratedTarget: { text: '300000' },
      actual: { text: '288000' }, rate: { text: '96' }, ratePct: 96, points: { text: '48' }, pointsShown: 48,
      remainingToTargetWan: '12000.00',
    });
    expect(indicator(body, 'investment')).toMatchObject({ branch: 'above', rate: { text: '101' }, points: { text: '50.5' }, remainingToTargetWan: '0.00' });
  });

  it('三江: 30.00 万元 more output passes 城中区; 22,470.00 reaches the fifth place (150 万元) on the output tie-break', async () => {
    const { body } = await get(POLICY_ID, '450226');
    // 30.00 → 96.01% → 48.005 + 50.5 = 98.505 → 98.51 > 98.50. At 29.99 it publishes 98.50 and
    // 城中区's output rate (97%) still wins the tie-break.
    expect(indicator(body, 'output')).toMatchObject({ toNextRankWan: '30.00', nextRank: 8, toNextRankBlocked: null });
    // 柳南区 is 5th on 102.25 (output 101.5%). 22,470.00 → 103.49% → 51.745 + 50.5 = 102.245 → 102.25,
    // equal, and 103.49% beats 101.5% on the first tie-breaker; 22,469.99 publishes 102.24.
    expect(indicator(body, 'output')).toMatchObject({ toAwardWan: '22470.00', awardRank: 5, awardWan: 150, toAwardBlocked: null });
    // investment is not a tie-breaker that helps (output 96% < 97% comes first): it must win on the score.
    // 5.20 → 101.01% → 50.505 + 48 = 98.505 → 98.51. To 5th: 3,905.20 → 108.51% → 54.255 → 102.255 → 102.26.
    expect(indicator(body, 'investment')).toMatchObject({ toNextRankWan: '5.20', nextRank: 8, toAwardWan: '3905.20', awardRank: 5, awardWan: 150 });
  });

  it('the first unit has no next rank and is paid already', async () => {
    const { body } = await get(POLICY_ID, 'LZ-LD');
    expect(body).toMatchObject({ rank: 1, award: 800 });
    expect(indicator(body, 'output')).toMatchObject({ toNextRankWan: null, toNextRankBlocked: 'already_first', toAwardWan: null, toAwardBlocked: 'already_paid' });
  });

  it('August: 序时进度 2/3, and 融水 waiting for its investment figure is not ranked', async () => {
    const { body } = await get(POLICY_ID, '450225', '?month=8');
    expect(body).toMatchObject({ month: 8, timeProgress: 66.7, rank: null, missing: ['investment.actual'] });
    expect(indicator(body, 'output')).toMatchObject({ progress: { fraction: '2/3', exact: false, text: '0.666667' }, progressPct: 66.7, toNextRankBlocked: 'not_ranked', toAwardBlocked: 'not_ranked' });
  });

  it('refuses a unit outside the policy and a month outside the period', async () => {
    const unknown = await t.app.inject({ url: `/api/policies/${POLICY_ID}/units/999999/outlook`, headers: viewer });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'unit_not_found' });
    const month = await t.app.inject({ url: `/api/policies/${POLICY_ID}/units/450226/outlook?month=11`, headers: viewer });
    expect(month.statusCode).toBe(400);
    expect(month.json()).toMatchObject({ code: 'invalid_month' });
  });
});

describe('outlook under the Q4 example (three indicators, newfirms by rankPoints, 100-point line)', () => {
  const Q4 = 'liuzhou-2026-q4';
  it('阳和 (6th, 92.00, not paid): three more new firms make it 3rd with 300 万元; investment reaches the line', async () => {
    const { body } = await get(Q4, 'LZ-BB');
    expect(body).toMatchObject({ month: 11, timeProgress: 66.7, rank: 6, award: 0, unpaid: 'below_min_score' });
    // counts are whole: 4 of 5 done → 1 to go; +3 → 7 of 5 = 140%, 2nd place, 18 points → 100.00 (README table)
    expect(indicator(body, 'newfirms')).toMatchObject({
      measure: 'count', prorated: false, progress: { text: '1' }, place: 6, placesOf: 12, branch: 'place',
      rule: { scoring: 'rankPoints', basePoints: '20', stepPoints: '2', floorPoints: '6' },
      remainingToTargetWan: '1', toNextRankWan: '3', nextRank: 3, toAwardWan: '3', awardRank: 3, awardWan: 300,
    });
    // investment 213,800 of 320,700 × 2/3 = 213,800 (100%): 99.995 publishes 100.00, so 115.99% is enough:
    // 213,800 × 1.1599 = 247,986.62 → 34,186.62 more; 100.00 stays behind 柳南/融安 on output: 6th, 100 万元
    expect(indicator(body, 'investment')).toMatchObject({
      progress: { fraction: '2/3' }, proratedTarget: { text: '213800' }, remainingToTargetWan: '106900.00',
      toAwardWan: '34186.62', awardRank: 6, awardWan: 100, toNextRankWan: null, toNextRankBlocked: 'no_amount',
    });
    // output can add 6 points at most (42 → 48, capped at 8 − 2): 98.00 — neither a rank nor the line
    expect(indicator(body, 'output')).toMatchObject({ branch: 'above', toNextRankWan: null, toAwardWan: null, toAwardBlocked: 'no_amount', remainingToTargetWan: '388976.00' });
  });
});
