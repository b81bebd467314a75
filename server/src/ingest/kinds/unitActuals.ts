import { cmp, mul, unitActualKey, unitTargetKey } from '@scoreboard/shared';
import { MONTH_WORDS, unitColumn, type ColumnSpec } from '../columns';
import { decimalText } from '../entries';
import { cumulativeWarnings, decimal, readFigure, readMonth, readNamed, THREE, valueLookup, warningAt } from '../figures';
import { unitResolver } from '../lookup';
import { indicatorColumns, measureUnit, type IndicatorColumn } from './indicators';
import type { KindModule } from './kind';
import type { Issue } from '../messages';

/**
 * `unit-actuals`: each unit's figures cumulative from the period's first month to the month named
 * (SPEC §4 序时进度, §11), one column per county indicator of the policy.
 */
/** What statistical tables write under (or beside) a figure for the cumulative amount so far. */
const CUMULATIVE_SUFFIXES = ['累计', '本年累计', '本月止累计', '本月累计', '本期累计', '累计完成', '累计完成额', '完成', '完成额', '实际', '实际完成', '自年初累计'];
const cumulativeWords = (words: readonly string[]) =>
  words.flatMap((w) => [w, ...CUMULATIVE_SUFFIXES.map((s) => w + s), `累计${w}`, `本年累计${w}`, `完成${w}`]);
/** English headers seen for the first policy's indicators */
const ENGLISH: Record<string, readonly string[]> = { output: ['outputvalue', 'grossoutput'], investment: ['industrialinvestment'] };

export const monthColumn = (help: string): ColumnSpec => ({ field: 'month', header: '月份', english: 'month', type: 'month', required: true, synonyms: MONTH_WORDS, help });

function actualColumn(indicator: IndicatorColumn): ColumnSpec {
  const unit = measureUnit(indicator.measure);
  return {
    field: indicator.indicatorId,
    header: `${indicator.name}（${unit}）`,
    english: indicator.indicatorId,
    type: indicator.measure === 'count' ? 'count' : 'wan',
    required: false,
    synonyms: [...cumulativeWords(indicator.synonyms), indicator.indicatorId.toLowerCase(), ...(ENGLISH[indicator.indicatorId] ?? [])],
    help: `自考核期首月起的累计完成${indicator.measure === 'count' ? '数' : '额'}，${unit}`,
  };
}

export const unitActuals: KindModule = {
  kind: 'unit-actuals',
  idField: 'unit',
  spec(policy) {
    const indicators = indicatorColumns(policy);
    return {
      kind: 'unit-actuals',
      title: '各单位累计完成情况',
      titleEn: 'Unit actuals (cumulative)',
      columns: [unitColumn, monthColumn('截至月份，考核期内的月份，如 7、8月、2026-08；“7-8月”按截至8月读取'), ...indicators.map(actualColumn)],
      requiredGroups: [['unit'], ['month'], indicators.map((i) => i.indicatorId)],
    };
  },

  reader({ policy, registry, sink }) {
    const resolver = unitResolver(policy, registry);
    const indicators = indicatorColumns(policy);
    return (scope, columns) => {
      const idColumn = columns.get('unit');
      const named = readNamed(scope, idColumn, resolver, 'unit');
      const month = readMonth(scope, columns.get('month'), policy, true);
      for (const indicator of indicators) {
        const column = columns.get(indicator.indicatorId);
        if (!column) continue;
        const value = readFigure(scope, column);
        if (value === null || !named || month === null) continue;
        sink.add(scope, idColumn, {
          key: unitActualKey(named.id, month, indicator.indicatorId), value: decimalText(value), label: `${named.name} · ${month}月 · ${indicator.name}`, labelEn: `${named.name} ${named.nameEn} · month ${month} · ${indicator.nameEn}`,
          column: column.header, unitId: named.id, month, indicator: indicator.indicatorId,
        });
      }
    };
  },

  plausibility({ entries, current, policy }) {
    const valueOf = valueLookup(entries, current);
    const warnings: Issue[] = [];
    for (const entry of entries) {
      const value = decimal(entry.value);
      if (!value || entry.unitId === undefined || entry.month === undefined || entry.indicator === undefined) continue;
      const { unitId, indicator } = entry;
      warnings.push(...cumulativeWarnings({ entry, value, month: entry.month, months: policy.period.months, keyOf: (m) => unitActualKey(unitId, m, indicator), valueOf }));
      const targetText = current(unitTargetKey(unitId, indicator));
      const target = decimal(targetText);
      if (target && target.n > 0n && cmp(value, mul(target, THREE)) > 0) {
        warnings.push(warningAt(entry, 'actual_exceeds_target', 'actual', { target: targetText ?? '' }));
      }
    }
    return warnings;
  },

  template: {
    example(policy, registry) {
      const unitName = registry.units.find((u) => u.unitId === policy.units[0])?.name ?? policy.units[0]!;
      const month = policy.period.months[1] ?? policy.period.months[0]!;
      return [unitName, month, ...indicatorColumns(policy).map((i, k) => (i.measure === 'count' ? 2 : k === 0 ? 41200 : k === 1 ? 6123.5 : 1000))];
    },
    notes: () => ['累计数自考核期首月起算，填写截至所选月份的累计完成额（个数填截至该月的累计个数），金额单位万元。', '同一单位同一月份只填一行。'],
    months: 'period',
  },
};
