import { ONE, rat, type Rational } from '@scoreboard/shared';
import { compact } from './cells';
import { QUIETLY_IGNORED, type ColumnSpec, type KindSpec } from './columns';
import { HEADER_SCAN_ROWS } from './limits';
import { chooseHeader } from './groupedHeaders';
import { firstRows, type RawCell, type SheetRow, type SheetTable } from './sheet';
import type { Params } from './messages';

/**
 * Finds the header row of a sheet by its headers, below any title rows and "单位：万元" notes, and
 * maps each column to a field with the factor its header unit implies (亿元 → ×10000 for 万元).
 */
export interface MappedColumn {
  spec: ColumnSpec;
  index: number;
  /** the header as written in the file, for error messages */
  header: string;
  /** multiplies the cell to the column's base unit (万元 for 'wan', 元 for 'yuan') */
  factor: Rational;
  /** the unit the factor comes from: the header's own, or a "单位：亿元" note above the table */
  unit: MoneyUnit | null;
  /** the month the header names ("1-8月累计"), when the sheet has no month column (SPEC §17) */
  month?: HeaderMonth;
  /** a cell that stands for every row: the month a header names, read as if in a month column */
  fixed?: RawCell;
}

/** A month named in a header: "1-8月累计" (cumulative to August), "2026年1-8月", "截至8月". */
export interface HeaderMonth {
  month: number;
  year: number | null;
  /** the header as written, where the month was read */
  text: string;
}
const HEADER_MONTH = /(?:(\d{4})年)?(?:\d{1,2}月?[-~～—–至到])?(\d{1,2})月(?:份|末)?/;

/** The month a header names, and the header without it ("1-8月累计" → 8, "累计"). */
export function headerMonth(raw: string): { month: HeaderMonth; rest: string } | null {
  const text = compact(raw);
  const m = HEADER_MONTH.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const rest = text.slice(0, m.index).replace(/(截至|截止|至|自年初至)$/, '') + text.slice(m.index + m[0].length);
  return { month: { month, year: m[1] ? Number(m[1]) : null, text: raw }, rest };
}

export interface HeaderMatch {
  headerRow: number; // the spreadsheet's row number (the first of two for a grouped header)
  headerIndex: number; // position among the sheet's non-empty rows of the header's last row
  columns: MappedColumn[];
  ignored: { index: number; header: string }[];
  duplicates: { header: string; first: string }[];
  /** columns named by a group label and the sub-header below it (a two-row header) */
  groupedColumns: number;
}

export type MoneyUnit = 'yi' | 'wan' | 'qian' | 'yuan' | 'pct';
const UNIT_WORDS: Record<string, MoneyUnit> = {
  亿元: 'yi', 亿: 'yi', 万元: 'wan', 万: 'wan', 千元: 'qian', 元: 'yuan', '%': 'pct', 百分比: 'pct', '％': 'pct',
  yuan: 'yuan', rmb: 'yuan', cny: 'yuan', '10kyuan': 'wan', '10,000yuan': 'wan', wanyuan: 'wan', '100myuan': 'yi',
};
/** Each unit in the column's base unit: 万元 figures and 元 amounts. */
const FACTORS: Record<'wan' | 'yuan', Record<Exclude<MoneyUnit, 'pct'>, Rational>> = {
  wan: { yi: rat(10_000n), wan: ONE, qian: rat(1n, 10n), yuan: rat(1n, 10_000n) },
  yuan: { yi: rat(100_000_000n), wan: rat(10_000n), qian: rat(1_000n), yuan: ONE },
};

const BRACKETED = /[([{【<]([^()[\]{}【】<>]*)[)\]}】>]/g;
const TRAILING_UNIT = /(?:[/,:;]|单位[:：]?)(亿元|万元|千元|元|%)$/;
const PUNCTUATION = /[()[\]{}【】<>_\-.:;,/·、'"“”‘’*#]/g;

export interface HeaderName {
  names: string[]; // candidate names to match: bracketed words kept, and dropped
  unit: MoneyUnit | null;
}

export function splitHeader(raw: string): HeaderName {
  let text = compact(raw).toLowerCase();
  let unit: MoneyUnit | null = null;
  text = text.replace(BRACKETED, (whole, inner: string) => {
    const word = UNIT_WORDS[inner.replace(/^单位[:：]?/, '')];
    if (word) {
      unit = word;
      return '';
    }
    return whole;
  });
  const trailing = TRAILING_UNIT.exec(text);
  if (trailing) {
    unit = UNIT_WORDS[trailing[1]!] ?? unit;
    text = text.slice(0, trailing.index);
  } else if (text.endsWith('%') && text.length > 1) {
    unit = 'pct';
    text = text.slice(0, -1);
  }
  const kept = text.replace(PUNCTUATION, '');
  const dropped = text.replace(BRACKETED, '').replace(PUNCTUATION, '');
  return { names: kept === dropped ? [kept] : [kept, dropped], unit };
}

const lookups = new Map<KindSpec, Map<string, ColumnSpec>>();
function lookupFor(spec: KindSpec): Map<string, ColumnSpec> {
  let map = lookups.get(spec);
  if (!map) {
    map = new Map();
    for (const column of spec.columns) {
      for (const word of [column.field, column.english, column.header, ...column.synonyms]) {
        for (const name of splitHeader(word).names) if (!map.has(name)) map.set(name, column);
      }
    }
    lookups.set(spec, map);
  }
  return map;
}

function factorFor(column: ColumnSpec, unit: MoneyUnit | null): Rational {
  if (unit === null || unit === 'pct') return ONE;
  if (column.type === 'wan') return FACTORS.wan[unit];
  if (column.type === 'yuan') return FACTORS.yuan[unit];
  return ONE;
}

/** One column's header, from one row or from a group label above a sub-header. */
export interface HeaderCell {
  index: number;
  header: string; // as written: "规上工业总产值（万元）/目标" for a grouped one
  names: string[];
  unit: MoneyUnit | null;
  /** a grouped cell's sub-header alone ("累计增速"), tried when group + sub-header names nothing */
  fallbackNames: string[];
  /** the names again without the month the header names, tried last, for kinds read by month */
  dated?: { names: string[]; fallbackNames: string[]; month: HeaderMonth };
}

function singleRowCells(row: SheetRow): HeaderCell[] {
  const cells: HeaderCell[] = [];
  row.cells.forEach((cell, index) => {
    if (cell.kind !== 'text') return;
    const { names, unit } = splitHeader(cell.text);
    const named = headerMonth(cell.text);
    const dated = named && named.rest !== '' ? { names: splitHeader(named.rest).names, fallbackNames: [], month: named.month } : undefined;
    cells.push({ index, header: cell.text, names, unit, fallbackNames: [], dated });
  });
  return cells;
}

const FIGURE_TYPES = new Set(['wan', 'count', 'pct']);

export function matchCells(spec: KindSpec, cells: readonly HeaderCell[], headerRow: number, headerIndex: number): HeaderMatch {
  const lookup = lookupFor(spec);
  const columns: MappedColumn[] = [];
  const ignored: HeaderMatch['ignored'] = [];
  const duplicates: HeaderMatch['duplicates'] = [];
  let groupedColumns = 0;
  const byMonth = spec.columns.some((c) => c.field === 'month');
  for (const cell of cells) {
    const byName = cell.names.map((n) => lookup.get(n)).find((c) => c !== undefined);
    let column = byName ?? cell.fallbackNames.map((n) => lookup.get(n)).find((c) => c !== undefined);
    let month: HeaderMonth | undefined;
    if (!column && byMonth && cell.dated) {
      // "1-8月累计" under 规上工业总产值: the figure, cumulative to the month the header names
      const dated = [...cell.dated.names, ...cell.dated.fallbackNames].map((n) => lookup.get(n)).find((c) => c !== undefined);
      if (dated && FIGURE_TYPES.has(dated.type)) {
        column = dated;
        month = { ...cell.dated.month, text: cell.header };
      }
    }
    if (!column) {
      const names = [...cell.names, ...cell.fallbackNames];
      if (!names.some((n) => QUIETLY_IGNORED.has(n)) && names[0] !== '') ignored.push({ index: cell.index, header: cell.header });
      continue;
    }
    const first = columns.find((c) => c.spec === column && c.month?.month === month?.month);
    if (first) {
      // a header merged across two columns repeats its text: the same column, not a duplicate
      if (first.header !== cell.header || first.index !== cell.index - 1) duplicates.push({ header: cell.header, first: first.header });
      continue;
    }
    if ((byName || month) && cell.fallbackNames.length > 0) groupedColumns++;
    columns.push({ spec: column, index: cell.index, header: cell.header, factor: factorFor(column, cell.unit), unit: cell.unit, ...(month ? { month } : {}) });
  }
  return { headerRow, headerIndex, columns, ignored, duplicates, groupedColumns };
}

function matchRow(spec: KindSpec, rows: readonly SheetRow[], index: number): HeaderMatch {
  return matchCells(spec, singleRowCells(rows[index]!), rows[index]!.row, index);
}

export const NOTE_UNIT = /单位[:：](亿元|万元|千元|元)/;

/**
 * A "单位：亿元" note above the header sets the unit of every money column whose header names none:
 * read as 万元, 1.02 亿元 would be 10,000 times too small.
 */
function applyNoteUnit(match: HeaderMatch, above: readonly SheetRow[]): HeaderMatch {
  let noteUnit: MoneyUnit | null = null;
  for (const row of above) {
    for (const cell of row.cells) {
      const found = cell.kind === 'text' ? NOTE_UNIT.exec(compact(cell.text)) : null;
      if (found) noteUnit = UNIT_WORDS[found[1]!] ?? noteUnit;
    }
  }
  if (noteUnit === null) return match;
  const unit = noteUnit;
  const columns = match.columns.map((c) => (c.unit === null && (c.spec.type === 'wan' || c.spec.type === 'yuan') ? { ...c, unit, factor: factorFor(c.spec, unit) } : c));
  return { ...match, columns };
}

export function satisfies(spec: KindSpec, match: HeaderMatch): boolean {
  const fields = new Set(match.columns.map((c) => c.spec.field));
  if (match.columns.some((c) => c.month)) fields.add('month'); // the headers name it
  return spec.requiredGroups.every((group) => group.some((f) => fields.has(f)));
}

export type HeaderSearch = { found: true; match: HeaderMatch } | { found: false; msg: string; params: Params };

/** `others`: every kind's columns, to say when a file looks like another kind than the one chosen. */
export function findHeader(spec: KindSpec, table: SheetTable, others: readonly KindSpec[]): HeaderSearch {
  const rows = firstRows(table, HEADER_SCAN_ROWS);
  let best: HeaderMatch | null = null;
  for (let i = 0; i < rows.length; i++) {
    const single = matchRow(spec, rows, i);
    const match = chooseHeader(spec, rows, i, single);
    if (match) return { found: true, match: applyNoteUnit(match, rows.slice(0, i)) };
    if (single.columns.length > 0 && (!best || single.columns.length > best.columns.length)) best = single;
  }
  return { found: false, ...missingHeader(spec, table.name, rows, best, others) };
}

function describeGroup(spec: KindSpec, group: readonly string[], en: boolean): string {
  return group
    .map((f) => spec.columns.find((c) => c.field === f)!)
    .map((c) => (en ? `"${c.header}" (${c.english})` : `“${c.header}”（${c.english}）`))
    .join(en ? ' or ' : '或');
}

const describeGroups = (spec: KindSpec, groups: readonly (readonly string[])[], en: boolean) =>
  groups.map((g) => describeGroup(spec, g, en)).join(en ? ', ' : '、');

/** Why no header was found, as a message id and its params (messages.ts): another kind, a row lacking columns, or none. */
function missingHeader(spec: KindSpec, sheet: string, rows: readonly SheetRow[], best: HeaderMatch | null, others: readonly KindSpec[]): { msg: string; params: Params } {
  const common = {
    sheet, title: spec.title, titleEn: spec.titleEn,
    expected: describeGroups(spec, spec.requiredGroups, false), expectedEn: describeGroups(spec, spec.requiredGroups, true),
  };
  const other = others.find(
    (k) => k !== spec && rows.some((_, i) => satisfies(k, matchRow(k, rows, i))),
  );
  if (other) return { msg: 'no_header.other_kind', params: { ...common, other: other.title, otherEn: other.titleEn } };
  if (best) {
    const fields = new Set(best.columns.map((c) => c.spec.field));
    const missing = spec.requiredGroups.filter((g) => !g.some((f) => fields.has(f)));
    return { msg: 'no_header.missing', params: { ...common, headerRow: best.headerRow, missing: describeGroups(spec, missing, false), missingEn: describeGroups(spec, missing, true) } };
  }
  return { msg: 'no_header.not_found', params: { ...common, rows: HEADER_SCAN_ROWS } };
}
