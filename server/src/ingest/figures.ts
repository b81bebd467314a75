import { cmp, isDecimal, lt, mul, parseDecimal, ZERO, type Policy, type Rational, type UploadWarning } from '@scoreboard/shared';
import { cellText, parseMonth, parseNumber } from './cells';
import type { IngestEntry, RowScope } from './entries';
import type { MappedColumn } from './headers';
import type { Named, Resolver } from './lookup';

/**
 * What the figure kinds (unit targets, unit actuals, industry output) share: the row's unit or
 * industry, its month, and its figures. A blank cell is "no figure yet" and yields no entry (SPEC §8).
 */

/** The unit or industry a row is about, or null (with an error) when it names none. */
export function readNamed(scope: RowScope, column: MappedColumn | undefined, resolver: Resolver, what: '单位' | '产业'): Named | null {
  const cell = scope.cell(column);
  if (cell.kind === 'blank') {
    scope.fail(column, 'missing_value', `缺少${what}名称，但本行填写了数据`);
    return null;
  }
  const named = resolver.resolve(cellText(cell));
  if (!named) scope.fail(column, what === '产业' ? 'unknown_industry' : 'unknown_unit', `无法识别的${what}“${cellText(cell)}”，应为${resolver.examples}`);
  return named;
}

/** The row's month, of the policy's year; `periodOnly`: one of the assessment period's months. */
export function readMonth(scope: RowScope, column: MappedColumn | undefined, policy: Policy, periodOnly: boolean): number | null {
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
  const { period } = policy;
  if (year !== null && year !== period.year) {
    scope.fail(column, 'month_outside_policy', `${year}年不是本政策的考核年度（${period.year}年）`);
    return null;
  }
  if (periodOnly && !period.months.includes(month)) {
    const months = period.months.map((m) => `${m}月`).join('、');
    scope.fail(column, 'month_outside_policy', `${month}月不在本期考核期内，应为${months}之一（累计数按截至月份填写）`);
    return null;
  }
  return month;
}

/** A figure cell, in the column's base unit (万元, %, a count), or null when blank or wrong. */
export function readFigure(scope: RowScope, column: MappedColumn): Rational | null {
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
  const value = mul(parsed.value, column.factor);
  if (column.spec.type === 'count' && value.d !== 1n) {
    scope.fail(column, 'not_whole_number', `“${cellText(cell)}”不是整数，该列是个数，应为整数`);
    return null;
  }
  return value;
}

// ── plausibility, shared by the figure kinds ─────────────────────────────────────────────────────

export const THREE = parseDecimal('3');

export function decimal(text: string | null | undefined): Rational | null {
  return text !== null && text !== undefined && isDecimal(text) ? parseDecimal(text) : null;
}

export function warningAt(entry: IngestEntry, code: string, message: string): UploadWarning {
  return { sheet: entry.sheet, row: entry.row, column: entry.column ?? null, value: entry.value, code, message: `第 ${entry.row} 行：${message}` };
}

/**
 * Cumulative figures never fall: an entry is compared with the month before (in the file or
 * stored) and with a stored month after. `keyOf(month)` is the key of the same figure that month.
 */
export function cumulativeWarnings(input: {
  entry: IngestEntry;
  value: Rational;
  month: number;
  months: readonly number[];
  keyOf: (month: number) => string;
  valueOf: (key: string) => { value: Rational; text: string; fromFile: boolean } | null;
}): UploadWarning[] {
  const { entry, value, month, months, keyOf, valueOf } = input;
  const warnings: UploadWarning[] = [];
  const at = months.indexOf(month);
  const before = at > 0 ? months[at - 1] : undefined;
  const after = at >= 0 && at < months.length - 1 ? months[at + 1] : undefined;
  const previous = before === undefined ? null : valueOf(keyOf(before));
  if (previous && cmp(value, previous.value) < 0) {
    warnings.push(warningAt(entry, 'cumulative_decreased', `${entry.label} 的累计数 ${entry.value} 低于${before}月${previous.fromFile ? '（本文件）' : '（已上传）'}的 ${previous.text}，累计数一般不会减少，请核对`));
  }
  const next = after === undefined ? null : valueOf(keyOf(after));
  if (next && !next.fromFile && cmp(next.value, value) < 0) {
    warnings.push(warningAt(entry, 'cumulative_decreased', `${entry.label} 的累计数 ${entry.value} 高于已上传的${after}月累计数 ${next.text}，累计数一般不会减少，请核对`));
  }
  return warnings;
}

/** The value of a key in this file, else as stored. */
export function valueLookup(entries: readonly IngestEntry[], current: (key: string) => string | null) {
  const inFile = new Map(entries.map((e) => [e.key, e]));
  return (key: string): { value: Rational; text: string; fromFile: boolean } | null => {
    const entry = inFile.get(key);
    const text = entry ? entry.value : current(key);
    const value = decimal(text);
    return value && text !== null ? { value, text, fromFile: entry !== undefined } : null;
  };
}
