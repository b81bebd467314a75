import {
  industryKey, INDUSTRY_FIELDS, lt, mul, unitActualKey, unitTargetKey, ZERO,
  type IndustryField, type Policy, type Rational,
} from '@scoreboard/shared';
import type { KindSpec } from './columns';
import { cellText, parseMonth, parseNumber } from './cells';
import { decimalText, type EntrySink, RowScope } from './entries';
import type { MappedColumn } from './headers';
import type { Resolver } from './lookup';

/**
 * Rows of the figure kinds: unit targets, unit actuals (cumulative from the period's first month)
 * and industry output. A blank cell is "no figure yet" and yields no entry (SPEC §8).
 */
export interface FigureContext {
  kind: 'unit-targets' | 'unit-actuals' | 'industry-output';
  spec: KindSpec;
  policy: Policy;
  columns: ReadonlyMap<string, MappedColumn>;
  resolver: Resolver;
  sink: EntrySink;
}

const INDUSTRY_FIELD_NAMES: Record<IndustryField, string> = {
  output: '本年累计产值',
  outputLastYear: '上年同期累计产值',
  growth: '累计增速',
};

function readMonth(scope: RowScope, ctx: FigureContext): number | null {
  const column = ctx.columns.get('month');
  const cell = scope.cell(column);
  if (cell.kind === 'blank') {
    scope.fail(column, 'missing_value', '缺少月份');
    return null;
  }
  const parsed = parseMonth(cell);
  if (!parsed.ok) {
    scope.fail(column, 'bad_month', `“${cellText(cell)}”不是月份，应为${parsed.expected}`);
    return null;
  }
  const { month, year } = parsed.value;
  const { period } = ctx.policy;
  if (year !== null && year !== period.year) {
    scope.fail(column, 'month_outside_policy', `${year}年不是本政策的考核年度（${period.year}年）`);
    return null;
  }
  if (ctx.kind === 'unit-actuals' && !period.months.includes(month)) {
    const months = period.months.map((m) => `${m}月`).join('、');
    scope.fail(column, 'month_outside_policy', `${month}月不在本期考核期内，应为${months}之一（累计数按截至月份填写）`);
    return null;
  }
  return month;
}

function readFigure(scope: RowScope, column: MappedColumn): Rational | null {
  const cell = scope.cell(column);
  if (cell.kind === 'blank') return null;
  if (cell.kind === 'error' && cell.noResult) {
    scope.fail(column, 'formula_without_result', '公式没有保存计算结果，请在 Excel 中打开文件、保存后再上传，或把公式改为数值');
    return null;
  }
  const percent = column.spec.type === 'pct';
  const parsed = parseNumber(cell, percent);
  if (!parsed.ok) {
    scope.fail(column, 'not_a_number', `“${cellText(cell)}”不是数字，应为${parsed.expected}；没有数据请留空`);
    return null;
  }
  if (!percent && lt(parsed.value, ZERO)) {
    scope.fail(column, 'negative_value', `${cellText(cell)} 是负数，该列应为不小于 0 的数`);
    return null;
  }
  if (column.spec.type === 'count' && parsed.value.d !== 1n) {
    scope.fail(column, 'not_a_whole_number', `${cellText(cell)} 不是整数，该列是个数，应为 0、1、2 这样的整数`);
    return null;
  }
  return mul(parsed.value, column.factor);
}

function indicatorName(policy: Policy, indicator: string): string {
  return policy.countyAward.indicators.find((i) => i.indicatorId === indicator)?.name ?? indicator;
}

export function readFigureRow(scope: RowScope, ctx: FigureContext): void {
  const idColumn = ctx.columns.get(ctx.kind === 'industry-output' ? 'industry' : 'unit');
  const idCell = scope.cell(idColumn);
  const what = ctx.kind === 'industry-output' ? '产业' : '单位';
  const named = idCell.kind === 'blank' ? null : ctx.resolver.resolve(cellText(idCell));
  if (idCell.kind === 'blank') scope.fail(idColumn, 'missing_value', `缺少${what}名称，但本行填写了数据`);
  else if (!named) {
    scope.fail(idColumn, ctx.kind === 'industry-output' ? 'unknown_industry' : 'unknown_unit',
      `无法识别的${what}“${cellText(idCell)}”，应为${ctx.resolver.examples}`);
  }
  const month = ctx.kind === 'unit-targets' ? null : readMonth(scope, ctx);

  // the unit kinds' figure columns are the policy's indicators (columns.ts)
  const fields: readonly string[] = ctx.kind === 'industry-output'
    ? INDUSTRY_FIELDS
    : ctx.spec.columns.filter((c) => c.type === 'wan' || c.type === 'count').map((c) => c.field);
  for (const field of fields) {
    const column = ctx.columns.get(field);
    if (!column) continue;
    const value = readFigure(scope, column);
    if (value === null || !named || (ctx.kind !== 'unit-targets' && month === null)) continue;
    if (ctx.kind === 'unit-targets') {
      if (value.n === 0n) {
        // a completion rate divides by the target (SPEC §4): a zero target cannot be scored
        scope.fail(column, 'non_positive_target', '目标为 0，无法计算完成率；目标未下达请留空');
        continue;
      }
      const indicator = field;
      const label = `${named.name} · ${indicatorName(ctx.policy, indicator)}目标`;
      ctx.sink.add(scope, idColumn, unitTargetKey(named.id, indicator), decimalText(value), label, column.header);
    } else if (ctx.kind === 'unit-actuals') {
      const indicator = field;
      const label = `${named.name} · ${month}月 · ${indicatorName(ctx.policy, indicator)}`;
      ctx.sink.add(scope, idColumn, unitActualKey(named.id, month!, indicator), decimalText(value), label, column.header);
    } else {
      const industryField = field as IndustryField;
      const label = `${named.name} · ${month}月 · ${INDUSTRY_FIELD_NAMES[industryField]}`;
      ctx.sink.add(scope, idColumn, industryKey(named.id, month!, industryField), decimalText(value), label, column.header);
    }
  }
}
