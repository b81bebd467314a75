import type { Registry } from '@scoreboard/shared';
import { cellText } from './cells';
import type { KindSpec } from './columns';
import { RowScope } from './entries';
import { findHeader, type MappedColumn } from './headers';
import type { Issues } from './issues';
import type { RowReader } from './kinds/kind';
import { rowLabelKind } from './lookup';
import { ONE } from '@scoreboard/shared';
import type { SheetTable } from './sheet';
import type { Params } from './messages';

/**
 * Reads one sheet: finds its header row, then every data row below it. Empty rows, total rows
 * (合计/总计/全市, never a unit: SPEC §8), footnotes and the template's 示例 row are skipped.
 */
export type SheetRead = { found: true; rowsRead: number } | { found: false; msg: string; params: Params };

export function readSheet(input: {
  spec: KindSpec;
  /** every kind's columns, to say when the sheet looks like another kind */
  others: readonly KindSpec[];
  /** the field whose cell names a row: a total or a footnote shows there */
  idField: string;
  readRow: RowReader;
  table: SheetTable;
  registry: Registry;
  issues: Issues;
}): SheetRead {
  const { spec, table, registry, issues, readRow } = input;
  const search = findHeader(spec, table, input.others);
  if (!search.found) return { found: false, msg: search.msg, params: search.params };
  const { match } = search;
  const passes = columnPasses(spec, match.columns);
  const columns = passes[0]!;
  const mappedIndexes = match.columns.map((c) => c.index);
  const idColumn = columns.get(input.idField);
  const labelKind = rowLabelKind(registry.city);

  for (const duplicate of match.duplicates) {
    issues.error({
      sheet: table.name, row: match.headerRow, column: duplicate.header, value: duplicate.header, code: 'duplicate_column',
      msg: 'duplicate_column', params: { header: duplicate.header, first: duplicate.first }, at: 'header',
    });
  }
  for (const ignored of match.ignored) {
    issues.warn({
      sheet: table.name, row: match.headerRow, column: ignored.header, value: ignored.header, code: 'column_ignored',
      msg: 'column_ignored', params: { header: ignored.header }, at: 'header',
    });
  }

  let rowsRead = 0;
  let index = -1;
  for (const { row, cells } of table.rows()) {
    if (++index <= match.headerIndex) continue;
    if (mappedIndexes.every((index) => (cells[index]?.kind ?? 'blank') === 'blank')) continue; // empty row
    const scope = new RowScope(table.name, row, cells, issues);
    const idText = idColumn ? cellText(scope.cell(idColumn)) : '';
    if (cells.some((c) => c.kind === 'text' && c.text.startsWith('示例'))) {
      scope.warn(undefined, 'example_row_skipped');
      continue;
    }
    const label = idText ? labelKind(idText) : null;
    if (label === 'total') {
      scope.warn(idColumn, 'total_row_skipped', { text: idText });
      continue;
    }
    if (label === 'note') {
      scope.warn(idColumn, 'note_row_skipped', { text: idText.slice(0, 30) });
      continue;
    }
    rowsRead++;
    readRow(scope, columns);
    // a sheet whose headers name several months (1-7月累计, 1-8月累计) is read once per month
    for (const more of passes.slice(1)) readRow(new RowScope(table.name, row, cells, issues), more);
  }
  return { found: true, rowsRead };
}

/**
 * The columns each reading of a row uses, by field. Usually one reading. When the sheet has no month
 * column but its headers name months ("1-8月累计" under 规上工业总产值, SPEC §17), one reading per
 * month named, each with a month column that reads that month on every row.
 */
function columnPasses(spec: KindSpec, mapped: readonly MappedColumn[]): Map<string, MappedColumn>[] {
  const byField = (columns: readonly MappedColumn[]) => {
    const map = new Map<string, MappedColumn>();
    for (const c of columns) if (!map.has(c.spec.field)) map.set(c.spec.field, c);
    return map;
  };
  const monthSpec = spec.columns.find((c) => c.field === 'month');
  const plain = mapped.filter((c) => !c.month);
  const dated = mapped.filter((c) => c.month);
  if (dated.length === 0 || !monthSpec || plain.some((c) => c.spec.field === 'month')) return [byField(mapped)];
  const months = new Map<string, MappedColumn[]>();
  for (const c of dated) {
    const key = `${c.month!.year ?? ''}-${c.month!.month}`;
    months.set(key, [...(months.get(key) ?? []), c]);
  }
  return [...months.values()].map((group) => {
    const { month, year, text } = group[0]!.month!;
    const monthColumn: MappedColumn = {
      spec: monthSpec, index: -1, header: text, factor: ONE, unit: null,
      fixed: { kind: 'text', text: year === null ? `${month}月` : `${year}年${month}月` },
    };
    return byField([...plain, ...group, monthColumn]);
  });
}
