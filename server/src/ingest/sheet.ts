/**
 * One shape for what XLSX and CSV readers produce, so header finding and row reading never care
 * which format the statistician saved.
 */
export type RawCell =
  | { kind: 'blank' }
  | { kind: 'text'; text: string }
  /** `percent`: the cell is formatted as a percentage in Excel, so 0.125 is shown as 12.5% */
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'date'; date: Date }
  | { kind: 'bool'; value: boolean }
  /** an Excel error value (#DIV/0!) or a formula saved without its result */
  | { kind: 'error'; text: string; noResult: boolean };

export interface SheetRow {
  /** the spreadsheet's own 1-based row number */
  row: number;
  cells: RawCell[];
}

/**
 * A sheet's non-empty rows, in order. A function, so a 200,000-row CSV is read row by row and never
 * held in memory as a million cell objects; each call starts again from the top.
 */
export interface SheetTable {
  name: string;
  rows: () => Iterable<SheetRow>;
}

/** Thrown while rows are read when a sheet has more than MAX_ROWS. */
export class TooManyRowsError extends Error {}

/** The first `count` rows of a sheet, where its header is looked for. */
export function firstRows(table: SheetTable, count: number): SheetRow[] {
  const rows: SheetRow[] = [];
  if (count <= 0) return rows;
  for (const row of table.rows()) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return rows;
}

export const BLANK: RawCell = { kind: 'blank' };

/** What the user sees in the cell, for error messages. */
export function cellDisplay(cell: RawCell): string | null {
  switch (cell.kind) {
    case 'blank':
      return null;
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.date.toISOString().slice(0, 10);
    case 'bool':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return cell.text;
  }
}

export function isBlank(cell: RawCell | undefined): boolean {
  return cell === undefined || cell.kind === 'blank';
}
