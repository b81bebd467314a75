import { fromNumber, isDecimal, parseDecimal, type Rational } from '@scoreboard/shared';
import { cellDisplay, type RawCell } from './sheet';

/**
 * Cell values as people type them: numbers stored as text, thousands separators, full-width digits,
 * "%" signs, months as "8月" or "2026-08", dates in every common spelling, 是/否 and √/×. Each
 * parser returns the value or a Chinese reason that finishes the sentence "应为…" for the error.
 */
/** `expected`: what the cell should have held, an id of the message catalog (messages.ts EXPECTED) */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: 'number' | 'percent' | 'month' | 'date' | 'boolean' };

const FULL_WIDTH = /[\uff01-\uff5e]/g;
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const SPACES = /[\s\u00a0\u3000]+/g;
const HAS_SPACE = /[\s\u00a0\u3000]/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const MINUS = /[\u2212\u2012\u2013]/g;
const HAS_MINUS = /[\u2212\u2012\u2013]/;

/** Full-width ASCII (０-９，．％（）) to half-width; the ideographic space to a plain one. */
export function toHalfWidth(text: string): string {
  // most cells hold nothing full-width: test first, so 100,000-row files do not copy every string
  if (!HAS_FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Text with every kind of space removed and full-width characters made half-width. */
export function compact(text: string): string {
  const half = toHalfWidth(text);
  return HAS_SPACE.test(half) ? half.replace(SPACES, '') : half;
}

export function cellText(cell: RawCell): string {
  return cellDisplay(cell) ?? '';
}

/** Excel shows at most 15 significant digits; a formula's 66000.00000000001 is the 66000 the user saw. */
function excelNumber(value: number): Rational {
  return fromNumber(Number(value.toPrecision(15)));
}

export function parseNumber(cell: RawCell, percentColumn: boolean): Parsed<Rational> {
  if (cell.kind === 'number') {
    // a cell formatted as 12.5% holds 0.125: the percentage the user sees is 100 times the value
    return { ok: true, value: excelNumber(percentColumn && cell.percent ? cell.value * 100 : cell.value) };
  }
  const text = numberText(cell, percentColumn);
  if (text === null) return { ok: false, expected: percentColumn ? 'percent' : 'number' };
  return { ok: true, value: parseDecimal(text) };
}

/** A text cell's number as plain decimal text ("-1234.5"), or null when it is not one. */
export function numberText(cell: RawCell, percentColumn: boolean): string | null {
  if (cell.kind !== 'text') return null;
  let text = compact(cell.text);
  if (HAS_MINUS.test(text)) text = text.replace(MINUS, '-');
  if (percentColumn && text.endsWith('%')) text = text.slice(0, -1);
  if (text.includes(',')) {
    if (!THOUSANDS.test(text)) return null;
    text = text.replace(/,/g, '');
  }
  if (text.startsWith('.') || text.startsWith('-.') || text.startsWith('+.')) text = text.replace('.', '0.');
  if (text.endsWith('.')) text = text.slice(0, -1);
  return isDecimal(text) ? text : null;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_ONLY = /^(\d{1,2})(?:月份?)?$/;
const YEAR_MONTH = /^(\d{4})(?:[-/.年]|年度)(\d{1,2})(?:月份?|[-/.月]\d{1,2}日?)?$/;
const MONTH_RANGE = /^(?:(\d{4})年?)?(\d{1,2})月?[-~—至到](\d{1,2})月份?$/;
const YYYYMM = /^(\d{4})(\d{2})$/;
const ENGLISH_MONTH = /^([a-z]{3,9})\.?(\d{4})?$/;
const MONTH_PREFIX = /^(截至|截止|累计|至)/;

export interface MonthValue {
  month: number;
  year: number | null;
}

export function parseMonth(cell: RawCell): Parsed<MonthValue> {
  const expected = 'month' as const;
  const ok = (month: number, year: number | null): Parsed<MonthValue> =>
    month >= 1 && month <= 12 ? { ok: true, value: { month, year } } : { ok: false, expected };
  if (cell.kind === 'number') {
    if (!Number.isInteger(cell.value)) return { ok: false, expected };
    const yyyymm = YYYYMM.exec(String(cell.value));
    return yyyymm ? ok(Number(yyyymm[2]), Number(yyyymm[1])) : ok(cell.value, null);
  }
  if (cell.kind === 'date') return ok(cell.date.getUTCMonth() + 1, cell.date.getUTCFullYear());
  if (cell.kind !== 'text') return { ok: false, expected };
  const text = compact(cell.text).toLowerCase().replace(MONTH_PREFIX, '').replace(/[～〜]/g, '~');
  let m = MONTH_ONLY.exec(text);
  if (m) return ok(Number(m[1]), null);
  m = YEAR_MONTH.exec(text) ?? YYYYMM.exec(text);
  if (m) return ok(Number(m[2]), Number(m[1]));
  m = MONTH_RANGE.exec(text);
  // "1-8月" and "7-8月" are cumulative to August: the month is where the range ends
  if (m) return Number(m[2]) <= Number(m[3]) ? ok(Number(m[3]), m[1] ? Number(m[1]) : null) : { ok: false, expected };
  m = ENGLISH_MONTH.exec(text);
  if (m) {
    const index = MONTH_NAMES.indexOf(m[1]!.slice(0, 3));
    if (index >= 0) return ok(index + 1, m[2] ? Number(m[2]) : null);
  }
  return { ok: false, expected };
}

const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\d{1,2}:\d{2}(?::\d{2})?)?$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30); // Excel's day 0, given its 1900 leap-year bug
const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0)) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * The whole number written in text[from, to) — one to nine ASCII digits, read in place without a
 * copy of the text — or -1 when it is not one. For the readers' hot paths (dates, XML indexes).
 */
export function digitsIn(text: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let at = from; at < to; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** "2026-08-01", as most files hold dates: read in place, without the regular expressions. */
function plainIsoDate(text: string): string | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digitsIn(text, 0, 4);
  const month = digitsIn(text, 5, 7);
  const day = digitsIn(text, 8, 10);
  return year < 0 || month < 0 || day < 0 ? null : isoDate(year, month, day);
}

export function parseDate(cell: RawCell): Parsed<string> {
  const expected = 'date' as const;
  let iso: string | null = null;
  if (cell.kind === 'date') {
    iso = isoDate(cell.date.getUTCFullYear(), cell.date.getUTCMonth() + 1, cell.date.getUTCDate());
  } else if (cell.kind === 'number' && Number.isInteger(cell.value)) {
    const compactDate = DATE_COMPACT.exec(String(cell.value));
    if (compactDate) iso = isoDate(Number(compactDate[1]), Number(compactDate[2]), Number(compactDate[3]));
    else if (cell.value > 0 && cell.value < 2_958_466) {
      // an Excel date serial number that lost its date format
      const d = new Date(EXCEL_EPOCH_MS + cell.value * DAY_MS);
      iso = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }
  } else if (cell.kind === 'text') {
    const plain = plainIsoDate(cell.text);
    if (plain !== null) return { ok: true, value: plain };
    const text = compact(cell.text);
    const m = DATE_TEXT.exec(text) ?? DATE_COMPACT.exec(text);
    if (m) iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return iso ? { ok: true, value: iso } : { ok: false, expected };
}

const TRUE_WORDS = new Set(['是', '是的', '有', '已承诺', 'y', 'yes', 'true', '1', '√', '✓', '✔', '对']);
const FALSE_WORDS = new Set(['否', '不是', '无', '未承诺', 'n', 'no', 'false', '0', '×', '✗', '✘', '错']);

export function parseBoolean(cell: RawCell): Parsed<boolean> {
  const expected = 'boolean' as const;
  if (cell.kind === 'bool') return { ok: true, value: cell.value };
  if (cell.kind === 'number') {
    return cell.value === 1 || cell.value === 0 ? { ok: true, value: cell.value === 1 } : { ok: false, expected };
  }
  if (cell.kind !== 'text') return { ok: false, expected };
  // 是 and 否 as typed, looked up before the text is made uniform
  if (TRUE_WORDS.has(cell.text)) return { ok: true, value: true };
  if (FALSE_WORDS.has(cell.text)) return { ok: true, value: false };
  const word = compact(cell.text).toLowerCase();
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, expected };
}
