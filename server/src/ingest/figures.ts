import { cmp, isDecimal, lt, mul, parseDecimal, ZERO, type Policy, type Rational } from '@scoreboard/shared';
import { cellText, compact, parseMonth, parseNumber } from './cells';
import type { IngestEntry, RowScope } from './entries';
import type { MappedColumn } from './headers';
import type { Named, Resolver } from './lookup';
import type { Issue, Params } from './messages';

/**
 * What the figure kinds (unit targets, unit actuals, industry output) share: the row's unit or
 * industry, its month, and its figures. A blank cell is "no figure yet" and yields no entry (SPEC §8).
 */

/** The unit or industry a row is about, or null (with an error) when it names none. */
export function readNamed(scope: RowScope, column: MappedColumn | undefined, resolver: Resolver, what: 'unit' | 'industry'): Named | null {
  const cell = scope.cell(column);
  if (cell.kind === 'blank') {
    scope.fail(column, 'missing_value', { what }, 'name');
    return null;
  }
  const named = resolver.resolve(cellText(cell));
  if (!named) scope.fail(column, what === 'industry' ? 'unknown_industry' : 'unknown_unit', { text: cellText(cell), ...resolver.examples });
  return named;
}

/** The row's month, of the policy's year; `periodOnly`: one of the assessment period's months. */
export function readMonth(scope: RowScope, column: MappedColumn | undefined, policy: Policy, periodOnly: boolean): number | null {
  const cell = scope.cell(column);
  if (cell.kind === 'blank') {
    scope.fail(column, 'missing_value', { what: 'month' });
    return null;
  }
  const parsed = parseMonth(cell);
  if (!parsed.ok) {
    scope.fail(column, 'bad_month', { text: cellText(cell), expected: parsed.expected });
    return null;
  }
  const { month, year } = parsed.value;
  const { period } = policy;
  if (year !== null && year !== period.year) {
    scope.fail(column, 'month_outside_policy', { year, policyYear: period.year }, 'year');
    return null;
  }
  if (periodOnly && !period.months.includes(month)) {
    const months = period.months.map((m) => `${m}月`).join('、');
    scope.fail(column, 'month_outside_policy', { month, months, monthsEn: period.months.join(', ') }, 'period');
    return null;
  }
  return month;
}

/**
 * What statistical tables write for "no figure" (SPEC §17): a dash, a slash, an ellipsis, 无. Read as
 * a blank cell — the key is not mentioned — with a warning, never as an error that refuses the file.
 */
const NO_FIGURE = new Set(['—', '——', '―', '-', '--', '/', '…', '……', '...', '无', '暂无', '无数据']);

/** A figure cell, in the column's base unit (万元, %, a count), or null when blank or wrong. */
export function readFigure(scope: RowScope, column: MappedColumn): Rational | null {
  const cell = scope.cell(column);
  if (cell.kind === 'blank') return null;
  if (cell.kind === 'text' && NO_FIGURE.has(compact(cell.text))) {
    scope.warn(column, 'no_figure', { text: cell.text, header: column.header });
    return null;
  }
  if (cell.kind === 'error' && cell.noResult) {
    scope.fail(column, 'formula_without_result');
    return null;
  }
  const percent = column.spec.type === 'pct';
  const parsed = parseNumber(cell, percent);
  if (!parsed.ok) {
    scope.fail(column, 'not_a_number', { text: cellText(cell), expected: parsed.expected });
    return null;
  }
  if (!percent && lt(parsed.value, ZERO)) {
    scope.fail(column, 'negative_value', { text: cellText(cell) });
    return null;
  }
  const value = mul(parsed.value, column.factor);
  if (column.spec.type === 'count' && value.d !== 1n) {
    scope.fail(column, 'not_whole_number', { text: cellText(cell) });
    return null;
  }
  return value;
}

// ── plausibility, shared by the figure kinds ─────────────────────────────────────────────────────

export const THREE = parseDecimal('3');

export function decimal(text: string | null | undefined): Rational | null {
  return text !== null && text !== undefined && isDecimal(text) ? parseDecimal(text) : null;
}

/** A warning on an entry's row; its label (both languages) and value are params of every message. */
export function warningAt(entry: IngestEntry, code: string, variant: string | undefined, params: Params = {}): Issue {
  return {
    sheet: entry.sheet, row: entry.row, column: entry.column ?? null, value: entry.value, code, msg: variant ? `${code}.${variant}` : code,
    params: { label: entry.label, labelEn: entry.labelEn ?? entry.label, value: entry.value, ...params }, at: 'row',
  };
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
}): Issue[] {
  const { entry, value, month, months, keyOf, valueOf } = input;
  const warnings: Issue[] = [];
  const at = months.indexOf(month);
  const before = at > 0 ? months[at - 1] : undefined;
  const after = at >= 0 && at < months.length - 1 ? months[at + 1] : undefined;
  const previous = before === undefined ? null : valueOf(keyOf(before));
  if (previous && cmp(value, previous.value) < 0) {
    warnings.push(warningAt(entry, 'cumulative_decreased', 'before', { month: before!, previous: previous.text, fromFile: previous.fromFile ? 1 : 0 }));
  }
  const next = after === undefined ? null : valueOf(keyOf(after));
  if (next && !next.fromFile && cmp(next.value, value) < 0) {
    warnings.push(warningAt(entry, 'cumulative_decreased', 'after', { month: after!, next: next.text }));
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
