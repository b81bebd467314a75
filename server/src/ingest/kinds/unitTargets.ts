import { cmp, mul, unitActualKey, unitTargetKey } from '@scoreboard/shared';
import { unitColumn, type ColumnSpec } from '../columns';
import { decimalText } from '../entries';
import { decimal, readFigure, readNamed, THREE, warningAt } from '../figures';
import { unitResolver } from '../lookup';
import { indicatorColumns, measureUnit, periodText, periodWord, periodWordEn, type IndicatorColumn } from './indicators';
import type { KindModule } from './kind';
import type { Issue } from '../messages';

/**
 * `unit-targets`: each unit's whole-period target for each county indicator of the policy (SPEC §4,
 * §11). One column per indicator, named after it; a target of 0 cannot be scored.
 */
const TARGET_SUFFIXES = ['目标', '任务', '目标任务', '任务目标', '目标值', '考核目标', '考核期目标', '季度目标', '全年目标'];

export function targetWords(words: readonly string[], period: string): string[] {
  const suffixes = [...TARGET_SUFFIXES, `${period}目标`, `${period}任务`];
  return words.flatMap((w) => [...suffixes.map((s) => w + s), ...suffixes.map((s) => s + w)]);
}

export function targetColumn(indicator: IndicatorColumn, period: string): ColumnSpec {
  const unit = measureUnit(indicator.measure);
  const id = indicator.indicatorId.toLowerCase();
  return {
    field: indicator.indicatorId,
    header: `${indicator.name}目标（${unit}）`,
    english: `${indicator.indicatorId}Target`,
    type: indicator.measure === 'count' ? 'count' : 'wan',
    required: false,
    synonyms: [...targetWords(indicator.synonyms, period), `${id}target`, `target${id}`],
    help: `${period}（整个考核期）${indicator.name}目标，${unit}`,
  };
}

export const unitTargets: KindModule = {
  kind: 'unit-targets',
  idField: 'unit',
  spec(policy) {
    const period = periodWord(policy);
    const indicators = indicatorColumns(policy);
    return {
      kind: 'unit-targets',
      title: `各单位${period}目标`,
      titleEn: `Unit targets (${periodWordEn(policy)})`,
      columns: [unitColumn, ...indicators.map((i) => targetColumn(i, period))],
      requiredGroups: [['unit'], indicators.map((i) => i.indicatorId)],
    };
  },

  reader({ policy, registry, sink }) {
    const resolver = unitResolver(policy, registry);
    const indicators = indicatorColumns(policy);
    return (scope, columns) => {
      const idColumn = columns.get('unit');
      const named = readNamed(scope, idColumn, resolver, 'unit');
      for (const indicator of indicators) {
        const column = columns.get(indicator.indicatorId);
        if (!column) continue;
        const value = readFigure(scope, column);
        if (value === null || !named) continue;
        if (value.n === 0n) {
          // a completion rate divides by the target (SPEC §4): a zero target cannot be scored
          scope.fail(column, 'non_positive_target');
          continue;
        }
        sink.add(scope, idColumn, {
          key: unitTargetKey(named.id, indicator.indicatorId), value: decimalText(value), label: `${named.name} · ${indicator.name}目标`, labelEn: `${named.name} ${named.nameEn} · ${indicator.nameEn} target`,
          column: column.header, unitId: named.id, indicator: indicator.indicatorId,
        });
      }
    };
  },

  /** A new target a third of an actual already stored is more likely a unit slip (万元 vs 元). */
  plausibility({ entries, current, policy }) {
    const warnings: Issue[] = [];
    for (const entry of entries) {
      const value = decimal(entry.value);
      if (!value || value.n <= 0n || entry.unitId === undefined || entry.indicator === undefined) continue;
      const { unitId, indicator } = entry;
      const over = policy.period.months.find((m) => {
        const actual = decimal(current(unitActualKey(unitId, m, indicator)));
        return actual !== null && cmp(actual, mul(value, THREE)) > 0;
      });
      if (over !== undefined) {
        warnings.push(warningAt(entry, 'actual_exceeds_target', 'target', { month: over, actual: current(unitActualKey(unitId, over, indicator)) ?? '' }));
      }
    }
    return warnings;
  },

  template: {
    example(policy, registry) {
      const unitName = registry.units.find((u) => u.unitId === policy.units[0])?.name ?? policy.units[0]!;
      return [unitName, ...indicatorColumns(policy).map((i, k) => (i.measure === 'count' ? 5 : k === 0 ? 60000 : 10000))];
    },
    notes: (policy) => [`目标为整个考核期（${periodText(policy)}）的目标，金额单位万元、个数单位个；未下达的目标请留空，不要填 0。`],
    months: 'period',
  },
};
