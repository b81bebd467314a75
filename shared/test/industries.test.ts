import { describe, expect, it } from 'vitest';
import { industryRows, type IndustryMonth } from '../src';
import { liuzhou } from './fixtures';

const { policy, registry } = liuzhou();

function rows(figures: Record<string, Record<number, IndustryMonth>>) {
  return Object.fromEntries(industryRows({ policy, registry, figures }).map((r) => [r.industryId, r]));
}
const growth = (pairs: Record<number, string>): Record<number, IndustryMonth> =>
  Object.fromEntries(Object.entries(pairs).map(([m, g]) => [m, { growth: g }]));

describe('industry status (SPEC §5)', () => {
  it('growthAtLeast 30%: met at 30.00, not met at 29.99 once September is in', () => {
    expect(rows({ 'ai-robotics': growth({ 9: '30' }) })['ai-robotics']!.status).toBe('met');
    expect(rows({ 'ai-robotics': growth({ 9: '29.99' }) })['ai-robotics']!.status).toBe('not_met');
  });

  it('before September says on track or behind', () => {
    const r = rows({ nev: growth({ 7: '9.5', 8: '7.9' }), equipment: growth({ 8: '10.1' }) });
    expect(r.nev!.status).toBe('behind');
    expect(r.nev!.latest).toEqual({ month: 8, growth: 7.9 });
    expect(r.equipment!.status).toBe('on_track');
  });

  it('computes growth when no rate is reported and flags it', () => {
    const r = rows({ 'new-energy': { 9: { output: '115000', outputLastYear: '100000' } } })['new-energy']!;
    expect(r.series[0]).toMatchObject({ month: 9, growth: 15, computed: true });
    expect(r.status).toBe('met');
  });

  it('prefers the reported rate to the computed one', () => {
    const r = rows({ 'new-energy': { 9: { output: '115000', outputLastYear: '100000', growth: '14.2' } } })['new-energy']!;
    expect(r.series[0]).toMatchObject({ growth: 14.2, computed: false });
    expect(r.status).toBe('not_met');
  });

  it('降幅持续收窄 (eachMonth): met only when 7, 8 and 9 each beat the month before', () => {
    expect(rows({ steel: growth({ 6: '-9', 7: '-8', 8: '-6.5', 9: '-5' }) }).steel!.status).toBe('met');
    expect(rows({ steel: growth({ 6: '-9', 7: '-8', 8: '-8.2', 9: '-5' }) }).steel!.status).toBe('not_met');
    expect(rows({ steel: growth({ 6: '-9', 7: '-8', 8: '-7' }) }).steel!.status).toBe('on_track');
    expect(rows({ steel: growth({ 6: '-9', 7: '-9.5' }) }).steel!.status).toBe('behind');
    expect(rows({ steel: growth({ 7: '-8', 8: '-7', 9: '-6' }) }).steel!.status).toBe('no_data'); // June missing
  });

  it('下滑幅度进一步收窄 (vsMonth 6): the latest rate above 1–6月', () => {
    expect(rows({ 'forest-paper': growth({ 6: '-12', 9: '-10.4' }) })['forest-paper']!.status).toBe('met');
    expect(rows({ 'forest-paper': growth({ 6: '-12', 9: '-12' }) })['forest-paper']!.status).toBe('not_met');
    expect(rows({ 'forest-paper': growth({ 6: '-12', 8: '-11' }) })['forest-paper']!.status).toBe('on_track');
    expect(rows({ 'forest-paper': growth({ 9: '-10' }) })['forest-paper']!.status).toBe('no_data');
  });

  it('shows industries without a target or without data as such', () => {
    const r = rows({ other: growth({ 9: '12' }) });
    expect(r.other!.status).toBe('no_target');
    expect(r.other!.target).toBeNull();
    expect(r['low-altitude']!.status).toBe('no_data');
    expect(Object.keys(r)).toHaveLength(10);
  });
});
