import type { Registry } from '@scoreboard/shared';
import { cellText } from './cells';
import type { KindSpec } from './columns';
import { RowScope } from './entries';
import { findHeader, type MappedColumn } from './headers';
import type { Issues } from './issues';
import type { RowReader } from './kinds/kind';
import { isNoteLabel, isTotalLabel } from './lookup';
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
  const columns = new Map<string, MappedColumn>(match.columns.map((c) => [c.spec.field, c]));
  const mappedIndexes = match.columns.map((c) => c.index);
  const idColumn = columns.get(input.idField);

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
    if (idText && isTotalLabel(idText, registry.city)) {
      scope.warn(idColumn, 'total_row_skipped', { text: idText });
      continue;
    }
    if (idText && isNoteLabel(idText)) {
      scope.warn(idColumn, 'note_row_skipped', { text: idText.slice(0, 30) });
      continue;
    }
    rowsRead++;
    readRow(scope, columns);
  }
  return { found: true, rowsRead };
}
