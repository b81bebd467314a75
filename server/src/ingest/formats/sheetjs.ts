import * as XLSX from '@e965/xlsx';
import { MAX_SHEET_ROWS } from '../limits';
import { BLANK, TooManyRowsError, type RawCell, type SheetRow, type SheetTable } from '../sheet';

/**
 * Reads a workbook of any office format with SheetJS CE (SPEC §17) into plain rows: .xlsx, .xls
 * (BIFF8) and WPS .et, .ods, SpreadsheetML 2003 and HTML tables. The caller has checked sizes and
 * counted rows first (zipGuard, markupGuard): SheetJS trusts what a file says about itself.
 *
 * Cells of a merged range all read as the range's value, so a unit name merged down over three
 * month rows is seen on each of them, as a person reading the sheet sees it. A formula cell is read
 * as its stored value; the cells listed in `noResult` (formulas saved without one) read as errors.
 */
export interface ReadOptions {
  /** per sheet name, the formula cells that have no stored value: A1 reference → formula */
  noResult?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellFormula: false,
  cellHTML: false,
  cellText: false,
  cellStyles: false,
  cellDates: false, // dates are converted here, in UTC, from the serial number and its format
  cellNF: true, // the number format says whether 0.125 is shown as 12.5% and whether 46235 is a date
  sheetStubs: false,
  bookVBA: false,
  // one more than allowed, so that a sheet over the limit is seen, and not read to its end
  sheetRows: MAX_SHEET_ROWS + 1,
  raw: true, // text formats: every cell as the text written, our own normaliser reads the numbers
};

/**
 * SheetJS reports what it cannot render (an ODS number style with conditions, for one) on
 * console.error; those notes are about display, never about values, and would fill the server log
 * with a line per style of every upload. The read is synchronous, so muting it for its duration
 * mutes nothing else.
 */
function quietly<T>(read: () => T): T {
  const error = console.error;
  console.error = () => undefined;
  try {
    return read();
  } finally {
    console.error = error;
  }
}

export function readWorkbook(data: Uint8Array | string, options: ReadOptions = {}): SheetTable[] {
  const workbook = quietly(() =>
    typeof data === 'string' ? XLSX.read(data, { ...OPTIONS, type: 'string' }) : XLSX.read(data, { ...OPTIONS, type: 'buffer' }),
  );
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const tables: SheetTable[] = [];
  workbook.SheetNames.forEach((name, index) => {
    // hidden sheets hold drop-down lists, not data
    if ((workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0) return;
    const sheet = workbook.Sheets[name];
    if (!sheet) return;
    const grid = sheet['!data'] ?? [];
    if (grid.length > MAX_SHEET_ROWS) throw new TooManyRowsError();
    spreadMerges(grid, sheet['!merges'] ?? []);
    const noResult = options.noResult?.get(name);
    tables.push({ name, rows: () => sheetRows(grid, date1904, noResult) });
  });
  return tables;
}

/** Copies the value of each merged range's first cell into the range, within the sheet's rows. */
function spreadMerges(grid: (XLSX.CellObject[] | undefined)[], merges: readonly XLSX.Range[]): void {
  for (const merge of merges) {
    const first = grid[merge.s.r]?.[merge.s.c];
    if (!first) continue;
    // A merge may claim the whole sheet (A1:XFD1048576): only rows and columns that exist are filled.
    const lastRow = Math.min(merge.e.r, grid.length - 1);
    for (let r = merge.s.r; r <= lastRow; r++) {
      const row = grid[r];
      if (!row) continue;
      const lastCol = Math.min(merge.e.c, Math.max(row.length - 1, merge.s.c));
      for (let c = merge.s.c; c <= lastCol; c++) if (r !== merge.s.r || c !== merge.s.c) row[c] = first;
    }
  }
}

function* sheetRows(grid: readonly (XLSX.CellObject[] | undefined)[], date1904: boolean, noResult: ReadonlyMap<string, string> | undefined): Generator<SheetRow> {
  // formula cells without a stored value: SheetJS leaves them out, so they are put back by position
  const missing = new Map<number, [number, string][]>();
  for (const [ref, formula] of noResult ?? []) {
    const { r, c } = XLSX.utils.decode_cell(ref);
    missing.set(r, [...(missing.get(r) ?? []), [c, formula]]);
  }
  const last = Math.max(grid.length - 1, ...missing.keys());
  for (let r = 0; r <= last; r++) {
    const row = grid[r];
    const formulas = missing.get(r);
    if (!row && !formulas) continue;
    const cells: RawCell[] = [];
    let any = false;
    for (let c = 0; c < (row?.length ?? 0); c++) {
      const cell = row![c];
      const raw = cell === undefined ? BLANK : toRawCell(cell, date1904);
      if (raw.kind !== 'blank') any = true;
      cells.push(raw);
    }
    for (const [c, formula] of formulas ?? []) {
      while (cells.length <= c) cells.push(BLANK);
      cells[c] = { kind: 'error', text: formula ? `=${formula}` : '=…', noResult: true };
      any = true;
    }
    if (any) yield { row: r + 1, cells };
  }
}

/** BIFF error codes, as Excel shows them. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30); // Excel's day 0, given its 1900 leap-year bug
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/** Whether a number format shows a date; a workbook has a handful of formats, asked about per cell. */
const dateFormats = new Map<string, boolean>();
function isDateFormat(format: string): boolean {
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = XLSX.SSF.is_date(format) === true;
    if (dateFormats.size < 1000) dateFormats.set(format, known);
  }
  return known;
}

export function textCell(text: string): RawCell {
  const trimmed = text.trim();
  return trimmed === '' ? BLANK : { kind: 'text', text: trimmed };
}

/** A number shown with a date format, as a UTC date to the second; null when the format is not a date. */
export function dateCell(value: number, format: string, date1904: boolean): RawCell | null {
  if (format === '' || format === 'General' || !isDateFormat(format)) return null;
  // serial days → a UTC date, to the second; the time zone of the server never shifts a date
  const ms = Math.round(value * DAY_MS / 1000) * 1000;
  const date = new Date((date1904 ? EPOCH_1904_MS : EXCEL_EPOCH_MS) + ms);
  return Number.isNaN(date.getTime()) ? BLANK : { kind: 'date', date };
}

/** An error value as Excel shows it (#DIV/0!), from its text or its BIFF code. */
export function errorText(value: string | number | undefined): string {
  return typeof value === 'string' ? value : (ERRORS[value as number] ?? '#ERROR');
}

export function toRawCell(cell: XLSX.CellObject, date1904: boolean): RawCell {
  switch (cell.t) {
    case 'n': {
      const value = cell.v as number;
      if (typeof value !== 'number' || !Number.isFinite(value)) return BLANK;
      const format = typeof cell.z === 'string' ? cell.z : '';
      return dateCell(value, format, date1904) ?? { kind: 'number', value, percent: format.includes('%') };
    }
    case 's':
      return typeof cell.v === 'string' ? textCell(cell.v) : BLANK;
    case 'b':
      return { kind: 'bool', value: Boolean(cell.v) };
    case 'e':
      return { kind: 'error', text: errorText(typeof cell.w === 'string' ? cell.w : (cell.v as number)), noResult: false };
    case 'd': {
      const date = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      return Number.isNaN(date.getTime()) ? BLANK : { kind: 'date', date };
    }
    default:
      return BLANK;
  }
}
