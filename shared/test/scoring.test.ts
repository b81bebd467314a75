import { describe, expect, it } from 'vitest';
import {
  completionRate, type CompletionIndicator, indicatorPoints, parseDecimal, publishedScore, timeProgress, toDecimalString, toFixed,
} from '../src';
import { liuzhou } from './fixtures';

const { policy } = liuzhou();
const [output, investment] = policy.countyAward.indicators as [CompletionIndicator, CompletionIndicator];
const d = parseDecimal;

describe('county score (SPEC §4)', () => {
  it('worked example: output 61,200 of 60,000 and investment 9,000 of 10,000 score 96.00', () => {
    const rOut = completionRate(d('61200'), d('60000'))!;
    const rInv = completionRate(d('9000'), d('10000'))!;
    expect(toDecimalString(rOut)).toBe('102');
    expect(toDecimalString(rInv)).toBe('90');
    const pOut = indicatorPoints(rOut, output);
    const pInv = indicatorPoints(rInv, investment);
    expect(toDecimalString(pOut)).toBe('51');
    expect(toDecimalString(pInv)).toBe('45');
    expect(toFixed(publishedScore([pOut, pInv], policy), 2)).toBe('96.00');
  });

  it('caps the bonus at 10 points, so the most a unit can score is 120', () => {
    const p = indicatorPoints(d('180'), output);
    expect(toDecimalString(p)).toBe('60');
    expect(toFixed(publishedScore([p, p], policy), 2)).toBe('120.00');
  });

  it('gives proportional points below the target and nothing below the floor', () => {
    expect(toDecimalString(indicatorPoints(d('0'), output))).toBe('0');
    expect(toDecimalString(indicatorPoints(d('99.99'), output))).toBe('49.995');
    const strict = { ...output, floorPct: 60 };
    expect(toDecimalString(indicatorPoints(d('59.99'), strict))).toBe('0');
    expect(toDecimalString(indicatorPoints(d('60'), strict))).toBe('30');
  });

  it('rounds a score whose exact value ends in 5 at the third decimal up, which a float would not', () => {
    // r = 98.01%: 49.005 + 50 = 99.005 exactly → 99.01; in doubles 99.005 is 99.00499… → "99.00"
    const score = publishedScore([indicatorPoints(d('98.01'), output), d('50')], policy);
    expect(toFixed(score, 2)).toBe('99.01');
    expect(((50 * 98.01) / 100 + 50).toFixed(2)).toBe('99.00'); // the trap this avoids
  });

  it('reads 1.02 亿元 as exactly 10,200 万元', () => {
    const wan = parseDecimal('1.02');
    expect(toDecimalString({ n: wan.n * 10000n, d: wan.d })).toBe('10200');
  });

  it('pro-rates targets by time progress: July 1/3, August 2/3, September 1', () => {
    expect(toFixed(timeProgress(7, policy), 4)).toBe('0.3333');
    expect(toFixed(timeProgress(8, policy), 4)).toBe('0.6667');
    expect(toFixed(timeProgress(9, policy), 4)).toBe('1.0000');
  });
});
