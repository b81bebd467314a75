import type { UnitFigures } from './keys';
import type { Policy, Registry } from './policy';
import { isDecimal, parseDecimal } from './rational';

/**
 * Whether a period can be finalized (SPEC §9, §15): the award table is the period's, so every unit
 * that is not disqualified needs, for the period's last month, an actual of every indicator — and a
 * target it can be scored against. What is missing, unit by unit, in the figure words of the ranking
 * ("output.actual", "investment.target").
 */
export interface PeriodGap {
  unitId: string;
  unitName: string;
  month: number;
  missing: string[];
}

const present = (text: string | undefined) => text !== undefined && isDecimal(text);

export function periodGaps(input: {
  policy: Pick<Policy, 'units' | 'period' | 'countyAward'>;
  registry: Pick<Registry, 'units'>;
  figures: Record<string, UnitFigures>;
  disqualified: Record<string, unknown>;
}): PeriodGap[] {
  const { policy } = input;
  const month = policy.period.months.at(-1)!;
  const gaps: PeriodGap[] = [];
  for (const unitId of policy.units) {
    if (input.disqualified[unitId]) continue; // its place passes down whatever its figures say
    const f = input.figures[unitId];
    const missing: string[] = [];
    for (const { indicatorId: id } of policy.countyAward.indicators) {
      const target = f?.targets[id];
      // a zero target cannot be scored either (ranking.ts reports it as a missing target)
      if (!present(target) || parseDecimal(target!).n === 0n) missing.push(`${id}.target`);
      if (!present(f?.actuals[month]?.[id])) missing.push(`${id}.actual`);
    }
    if (missing.length > 0) {
      gaps.push({ unitId, unitName: input.registry.units.find((u) => u.unitId === unitId)?.name ?? unitId, month, missing });
    }
  }
  return gaps;
}
