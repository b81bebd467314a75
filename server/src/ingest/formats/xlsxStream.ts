import * as XLSX from '@e965/xlsx';
import { MAX_SHEET_ROWS } from '../limits';
import { BLANK, TooManyRowsError, type RawCell, type SheetRow, type SheetTable } from '../sheet';
import { attribute, partText, unescapeXml, workbookSheets, type WorkbookSheet, type XlsxParts } from './ooxml';
import { digitsIn } from '../cells';
import { dateCell, errorText, textCell } from './sheetjs';

/**
 * The .xlsx reader for ordinary workbooks (SPEC §17), as fast as the bench asks (issue 13: a
 * 100,000-row preview at ≥ 0.3 × bare inserts; SheetJS alone takes seconds for such a sheet, as it
 * builds an object per cell). It reads the parts the zip guard has already inflated and checked,
 * and walks each worksheet's XML straight into rows, once per reading: nothing is held per cell.
 *
 * It reads what Excel, WPS, LibreOffice and ExcelJS write: shared and inline strings (rich text,
 * without phonetic runs), numbers with their number format (percent, date), booleans, errors,
 * formula results, merged ranges, hidden sheets, the 1904 date system. Anything else — a prefixed
 * (strict) namespace, ISO-dated cells, a number format it cannot name, rows out of order — is not
 * guessed at: it throws NotPlainXlsx and the caller reads the workbook with SheetJS instead. A
 * test reads every .xlsx fixture both ways and requires the same rows.
 */
export class NotPlainXlsx extends Error {}

/** The text of a shared or inline string: its `<t>` runs, without the phonetic guide (`<rPh>`). */
function richText(xml: string): string {
  const plain = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out += m[1]!;
  return unescapeXml(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) strings.push(m[1] === undefined ? '' : plainText(m[1]) ?? richText(m[1]));
  return strings;
}

/** A string of one plain run, `<t>…</t>` or `<t xml:space="preserve">…</t>` (most are): its text without a search for runs. */
function plainText(si: string): string | undefined {
  const after = si.charCodeAt(2);
  if (!si.startsWith('<t') || (after !== 62 /* > */ && after !== 32) || !si.endsWith('</t>')) return undefined;
  const start = si.indexOf('>') + 1;
  return si.indexOf('<', start) === si.length - 4 ? unescapeXml(si.slice(start, -4)) : undefined;
}

/** Style index → the cell's number format, as SheetJS names it (`z`). */
function numberFormats(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = attribute(m[0], 'numFmtId');
    const code = attribute(m[0], 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(Number(id), unescapeXml(code));
  }
  const builtIn = XLSX.SSF.get_table() as Record<number, string | undefined>;
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const formats: string[] = [];
  for (const m of cellXfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attribute(m[0], 'numFmtId') ?? '0');
    const format = custom.get(id) ?? builtIn[id];
    // a built-in format of another locale (27–36, 50–58): SheetJS knows what it shows; this reader does not guess
    if (format === undefined) throw new NotPlainXlsx(`number format ${id}`);
    formats.push(format);
  }
  return formats;
}

function sheetEntries(parts: XlsxParts): { sheets: (WorkbookSheet & { part: string })[]; date1904: boolean } {
  const workbook = partText(parts, 'xl/workbook.xml');
  const rels = partText(parts, 'xl/_rels/workbook.xml.rels');
  if (workbook === undefined || rels === undefined) throw new NotPlainXlsx('no workbook part');
  if (/<\w+:workbook\b/.test(workbook)) throw new NotPlainXlsx('prefixed namespace');
  const sheets = workbookSheets(workbook, rels).map((sheet) => {
    if (sheet.part === undefined || !parts.has(sheet.part)) throw new NotPlainXlsx('sheet part');
    return { ...sheet, part: sheet.part };
  });
  const props = /<workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? '';
  const date1904 = ['1', 'true'].includes(attribute(props, 'date1904') ?? '');
  return { sheets, date1904 };
}

/** "AB12" → column 27 (0-based) and row 12 */
function decodeRef(ref: string): { c: number; r: number } {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return { c: c - 1, r: Number(ref.slice(i)) };
}

interface Merge { s: { r: number; c: number }; e: { r: number; c: number } }

function merges(xml: string): Merge[] {
  // after the rows, never inside them: a search from the end would walk back over every cell
  const data = xml.indexOf('</sheetData>');
  const at = xml.indexOf('<mergeCells', data < 0 ? 0 : data);
  if (at < 0) return [];
  const list: Merge[] = [];
  for (const m of xml.slice(at).matchAll(/<mergeCell\s[^>]*ref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/g)) {
    const s = decodeRef(m[1]!);
    const e = decodeRef(m[2] ?? m[1]!);
    list.push({ s: { r: s.r - 1, c: s.c }, e: { r: e.r - 1, c: e.c } });
  }
  return list;
}

interface Book {
  strings: string[];
  /** the cell of each shared string, made when first used: a column of repeated words shares one */
  stringCells: (RawCell | undefined)[];
  formats: string[];
  date1904: boolean;
}

function sharedCell(book: Book, index: number): RawCell {
  let cell = book.stringCells[index];
  if (cell === undefined) {
    const s = book.strings[index];
    cell = s === undefined ? BLANK : textCell(s);
    if (s !== undefined) book.stringCells[index] = cell;
  }
  return cell;
}

function cellValue(book: Book, type: string | undefined, style: number, value: string | undefined, inline: string | undefined): RawCell {
  switch (type) {
    case undefined:
    case 'n': {
      if (value === undefined) return BLANK;
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) return BLANK;
      const format = book.formats[style] ?? '';
      return dateCell(number, format, book.date1904) ?? { kind: 'number', value: number, percent: format.includes('%') };
    }
    case 's':
      return value === undefined ? BLANK : sharedCell(book, Number(value));
    case 'str':
      return value === undefined ? BLANK : textCell(unescapeXml(value));
    case 'inlineStr':
      return inline === undefined ? BLANK : textCell(richText(inline));
    case 'b':
      return value === undefined ? BLANK : { kind: 'bool', value: value.trim() === '1' || value.trim() === 'true' };
    case 'e':
      return value === undefined ? BLANK : { kind: 'error', text: errorText(unescapeXml(value)), noResult: false };
    default:
      throw new NotPlainXlsx(`cell type ${type}`);
  }
}

/**
 * One pass over a worksheet's `<sheetData>`: every row with a value, merged ranges spread as
 * SheetJS spreads them, formula cells without a stored value reported.
 */
function* sheetRows(book: Book, xml: string, mergeList: readonly Merge[]): Generator<SheetRow> {
  const start = xml.indexOf('<sheetData');
  if (start < 0) return;
  const end = xml.indexOf('</sheetData>', start);
  const stop = end < 0 ? xml.length : end;
  // a merged range's first cell, seen when its row is read, fills the rest of the range below it
  const firsts = new Map<Merge, RawCell>();
  let at = start;
  let rowNumber = 0;
  let rowsSeen = 0;
  for (;;) {
    const open = xml.indexOf('<row', at);
    if (open < 0 || open >= stop) break;
    const tagEnd = xml.indexOf('>', open);
    const tag = xml.slice(open, tagEnd + 1);
    const r = attribute(tag, 'r');
    const next = r === undefined ? rowNumber + 1 : Number(r);
    if (!(next > rowNumber)) throw new NotPlainXlsx('rows out of order');
    rowNumber = next;
    if (++rowsSeen > MAX_SHEET_ROWS) throw new TooManyRowsError();
    let rowEnd: number;
    const cells: RawCell[] = [];
    if (xml.charCodeAt(tagEnd - 1) === 47 /* / */) {
      rowEnd = tagEnd + 1;
    } else {
      rowEnd = xml.indexOf('</row>', tagEnd);
      if (rowEnd < 0) throw new NotPlainXlsx('unclosed row');
      readCells(book, xml, tagEnd + 1, rowEnd, rowNumber, cells);
      rowEnd += 6;
    }
    at = rowEnd;
    spreadMerges(mergeList, firsts, rowNumber - 1, cells);
    if (cells.some((c) => c.kind !== 'blank')) yield { row: rowNumber, cells };
  }
}

/** Column (0-based) of a reference in the text ("AB12" → 27); -1 when it does not start with a letter. */
function columnAt(xml: string, at: number): number {
  let c = 0;
  for (let code = xml.charCodeAt(at); code >= 65 && code <= 90; code = xml.charCodeAt(++at)) c = c * 26 + (code - 64);
  return c - 1;
}

/** The row number after a reference's letters ("AB12" → 12), read in place. */
function rowAt(xml: string, at: number): number {
  let code = xml.charCodeAt(at);
  while (code >= 65 && code <= 90) code = xml.charCodeAt(++at);
  let r = 0;
  for (; code >= 48 && code <= 57; code = xml.charCodeAt(++at)) r = r * 10 + (code - 48);
  return r;
}

/** A cell's type (`t`) as written (`s`, `n`, `str` …) from its place in the XML, without a copy in the common cases. */
function cellType(xml: string, at: number, end: number): string | undefined {
  if (at < 0) return undefined;
  if (end === at + 1) {
    const code = xml.charCodeAt(at);
    if (code === 115) return 's';
    if (code === 110) return 'n';
  }
  return xml.slice(at, end);
}

/** Whether xml[from, to) is an attribute's name: not empty, no white space, quote or end of tag in it. */
function isName(xml: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let at = from; at < to; at++) {
    const code = xml.charCodeAt(at);
    if (code <= 32 || code === 34 || code === 39 || code === 47 || code === 60 || code === 62) return false;
  }
  return true;
}

/**
 * One row's cells, `<c …>` by `<c …>`. A cell's attributes are read where they are written, one
 * ` name="value"` after another: r (the reference), t (the type) and s (the style). The commonest
 * cells — a shared string `<c r="B7" t="s"><v>12</v></c>` or a number `<c r="H7"><v>1234.5</v></c>` —
 * are read in place too; every other cell is cut out and looked at whole. A tag written otherwise
 * (another quote, other white space) is not guessed at: NotPlainXlsx.
 */
function readCells(book: Book, xml: string, from: number, to: number, rowNumber: number, cells: RawCell[]): void {
  let at = from;
  let column = -1;
  for (;;) {
    const open = xml.indexOf('<c', at);
    if (open < 0 || open >= to) return;
    let p = open + 2;
    let code = xml.charCodeAt(p);
    if (code !== 32 && code !== 62 && code !== 47) throw new NotPlainXlsx('unexpected element in a row');
    let referenced = false;
    let typeAt = -1;
    let typeEnd = -1;
    let styleAt = -1;
    let styleEnd = -1;
    while (code === 32) {
      const equals = xml.indexOf('="', p + 1);
      const valueEnd = equals < 0 ? -1 : xml.indexOf('"', equals + 2);
      if (valueEnd < 0 || valueEnd >= to || !isName(xml, p + 1, equals)) throw new NotPlainXlsx('cell attributes');
      if (equals === p + 2) {
        const name = xml.charCodeAt(p + 1);
        if (name === 114 /* r */) {
          const c = columnAt(xml, equals + 2);
          if (c <= column || rowAt(xml, equals + 2) !== rowNumber) throw new NotPlainXlsx('cell out of place');
          column = c;
          referenced = true;
        } else if (name === 116 /* t */) {
          typeAt = equals + 2;
          typeEnd = valueEnd;
        } else if (name === 115 /* s */) {
          styleAt = equals + 2;
          styleEnd = valueEnd;
        }
      }
      p = valueEnd + 1;
      code = xml.charCodeAt(p);
    }
    if (!referenced) column++;
    if (code === 47 /* <c …/> holds nothing */) {
      if (xml.charCodeAt(p + 1) !== 62) throw new NotPlainXlsx('cell tag');
      at = p + 2;
      continue;
    }
    if (code !== 62) throw new NotPlainXlsx('cell tag');
    const tagEnd = p;
    const type = cellType(xml, typeAt, typeEnd);
    const style = styleAt < 0 ? 0 : digitsIn(xml, styleAt, styleEnd);
    let cell: RawCell | undefined;
    if (xml.charCodeAt(tagEnd + 1) === 60 && xml.charCodeAt(tagEnd + 2) === 118 && xml.charCodeAt(tagEnd + 3) === 62 && (type === 's' || type === undefined || type === 'n')) {
      // <v>…</v></c>: a shared string's index or a number
      const valueFrom = tagEnd + 4;
      const valueTo = xml.indexOf('<', valueFrom);
      if (valueTo > valueFrom && valueTo < to && xml.startsWith('</v></c>', valueTo)) {
        at = valueTo + 8;
        const index = type === 's' ? digitsIn(xml, valueFrom, valueTo) : -1;
        cell = index >= 0 ? sharedCell(book, index) : cellValue(book, type, style >= 0 ? style : Number(xml.slice(styleAt, styleEnd)), xml.slice(valueFrom, valueTo), undefined);
      }
    }
    if (cell === undefined) {
      const close = xml.indexOf('</c>', tagEnd);
      if (close < 0 || close > to) throw new NotPlainXlsx('unclosed cell');
      at = close + 4;
      cell = otherCell(book, type, style >= 0 ? style : Number(xml.slice(styleAt, styleEnd)), xml.slice(tagEnd + 1, close));
    }
    if (cell.kind === 'blank') continue;
    while (cells.length < column) cells.push(BLANK);
    cells[column] = cell;
  }
}

/** A cell whose content is not a plain `<v>`: a formula, an inline string, an empty value. */
function otherCell(book: Book, type: string | undefined, style: number, inner: string): RawCell {
  // the value's place in `inner`, [valueFrom, valueTo), when the cell has a <v>
  let valueFrom = -1;
  let valueTo = -1;
  const vAt = inner.indexOf('<v');
  if (vAt >= 0) {
    const vEnd = inner.indexOf('>', vAt);
    const vClose = inner.indexOf('</v>', vEnd);
    if (inner.charCodeAt(vEnd - 1) !== 47 && vClose > vEnd) {
      valueFrom = vEnd + 1;
      valueTo = vClose;
    }
  }
  if (valueTo === valueFrom && type !== 'inlineStr' && inner.includes('<f')) {
    // a formula saved without its result: reported, never read as 0; a shared formula's copies have no text
    const formula = unescapeXml(/<f(?:\s[^>]*)?>([^<]*)<\/f>/.exec(inner)?.[1] ?? '');
    return { kind: 'error', text: formula ? `=${formula}` : '=…', noResult: true };
  }
  if (type === 's' && valueFrom >= 0) {
    const index = digitsIn(inner, valueFrom, valueTo);
    if (index >= 0) return sharedCell(book, index);
  }
  const value = valueFrom < 0 ? undefined : inner.slice(valueFrom, valueTo);
  const inline = type === 'inlineStr' ? /<is>([\s\S]*)<\/is>/.exec(inner)?.[1] : undefined;
  return cellValue(book, type, style, value, inline);
}

/** As SheetJS's reader does for us on other formats (see sheetjs.ts spreadMerges), within the row's cells. */
function spreadMerges(mergeList: readonly Merge[], firsts: Map<Merge, RawCell>, r: number, cells: RawCell[]): void {
  for (const merge of mergeList) {
    if (r < merge.s.r || r > merge.e.r) continue;
    if (r === merge.s.r) {
      const first = cells[merge.s.c];
      if (first !== undefined && first.kind !== 'blank') firsts.set(merge, first);
      if (first === undefined || first.kind === 'blank') continue;
    }
    const first = firsts.get(merge);
    if (first === undefined) continue;
    if (r !== merge.s.r && cells.length === 0) continue; // a row with no cell at all is not in the grid
    const lastCol = Math.min(merge.e.c, Math.max(cells.length - 1, merge.s.c));
    for (let c = merge.s.c; c <= lastCol; c++) {
      if (r === merge.s.r && c === merge.s.c) continue;
      while (cells.length < c) cells.push(BLANK);
      cells[c] = first;
    }
  }
}

/**
 * The visible sheets of a plain .xlsx, each read anew (one pass over its XML) whenever its rows
 * are asked for. NotPlainXlsx may be thrown while rows are read: the caller then starts the whole
 * reading again with SheetJS (parseUpload).
 */
export function readPlainXlsx(parts: XlsxParts): SheetTable[] {
  const { sheets, date1904 } = sheetEntries(parts);
  const strings = sharedStrings(partText(parts, 'xl/sharedStrings.xml'));
  const book: Book = { strings, stringCells: new Array<RawCell | undefined>(strings.length), formats: numberFormats(partText(parts, 'xl/styles.xml')), date1904 };
  const tables: SheetTable[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    const xml = partText(parts, sheet.part)!;
    if (/<\w+:worksheet\b/.test(xml.slice(0, 4096))) throw new NotPlainXlsx('prefixed namespace');
    const mergeList = merges(xml);
    tables.push({ name: sheet.name, rows: () => sheetRows(book, xml, mergeList) });
  }
  return tables;
}
