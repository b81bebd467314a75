import { describe, expect, it } from 'vitest';
import { loadPolicy, PolicyFileError } from '../src';
import { liuzhou, readJson } from './fixtures';

const files = { policyFile: 'data/policies/broken.json', registryFile: 'data/registries/liuzhou.json' };

describe('the shipped policy file', () => {
  it('validates and holds every number of the seed policy', () => {
    const { policy, registry } = liuzhou();
    expect(policy.countyAward.awards.tiersWan).toEqual([800, 500, 350, 200, 150]);
    expect(policy.units).toHaveLength(12);
    expect(registry.units.find((u) => u.unitId === 'LZ-BB')!.aliases).toContain('阳和');
    const pct = Object.fromEntries(policy.industries.targets.map((t) => [t.industryId, t.target]));
    expect(pct).toMatchObject({
      'ai-robotics': { pct: 30 }, nev: { pct: 8 }, equipment: { pct: 10 }, 'low-altitude': { pct: 30 },
      'new-energy': { pct: 15 }, 'green-food': { pct: 6 }, 'green-chem': { pct: 5 },
      steel: { kind: 'declineNarrowing', mode: 'eachMonth' }, 'forest-paper': { mode: 'vsMonth', month: 6 }, other: null,
    });
    expect(policy.subsidies.kinds.map((k) => [k.kind, k.ratePct, k.capWan, k.requiresAboveSize])).toEqual([
      ['exhibition', 50, 10, true], ['event', 50, 15, true], ['certification', 50, 5, false],
    ]);
    expect(policy.subsidies.claimWindow).toEqual({ from: '2026-01-01', to: '2026-09-30' });
    expect(policy.validUntil).toBe('2026-09-30');
    expect(policy.budget.totalWan).toBeNull();
    expect(policy.status).toBe('in_force');
  });
});

describe('a broken policy file', () => {
  it('is refused with the file, the path in it and the reason', () => {
    const bad = structuredClone(readJson('policies/liuzhou-2026-q3.json')) as { countyAward: { awards: { tiersWan: unknown[] } } };
    bad.countyAward.awards.tiersWan[1] = -500;
    let error: unknown;
    try {
      loadPolicy(bad, readJson('registries/liuzhou.json'), files);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyFileError);
    expect((error as Error).message).toMatch(/^data\/policies\/broken\.json: countyAward\.awards\.tiersWan\.1: .*(>=|greater|too small)/m);
  });

  it('is refused when it names a unit the registry does not know', () => {
    const bad = structuredClone(readJson('policies/liuzhou-2026-q3.json')) as { units: string[] };
    bad.units[0] = '450299';
    expect(() => loadPolicy(bad, readJson('registries/liuzhou.json'), files)).toThrow(
      'data/policies/broken.json: units.0: unit "450299" is not in registry liuzhou',
    );
  });

  it('is refused when a setting is missing: the code holds no defaults', () => {
    const bad = structuredClone(readJson('policies/liuzhou-2026-q3.json')) as { countyAward: Record<string, unknown> };
    delete bad.countyAward.tieBreakers;
    expect(() => loadPolicy(bad, readJson('registries/liuzhou.json'), files)).toThrow(/countyAward\.tieBreakers/);
  });
});
