import { MAX_ROWS, MAX_SHEET_ROWS } from '../limits';
import type { Params } from '../messages';

/**
 * Checks the two text formats that government systems export as ".xls" — SpreadsheetML 2003 XML and
 * an HTML table — before the spreadsheet library parses them. A real export never declares XML
 * entities, so any <!ENTITY (billion laughs and its cousins) is refused outright; rows and merged
 * spans are counted with a cheap scan, so a 200,000-row table is refused before it is parsed.
 */
export type MarkupFormat = 'spreadsheetml' | 'html';
export type MarkupCheck = { ok: true } | { ok: false; code: 'unsafe_markup' | 'too_many_rows' | 'unreadable_file'; msg: string; params: Params };

/** rowspan/colspan or MergeAcross/MergeDown: a real table has a few dozen; each costs a scan per cell. */
const MAX_SPANS = 10_000;
const MAX_SPAN = 1_000_000;

function count(text: string, pattern: RegExp): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) n++;
  return n;
}

export function checkMarkup(format: MarkupFormat, text: string): MarkupCheck {
  if (/<!ENTITY/i.test(text) || /<!DOCTYPE[^>[]*\[/i.test(text)) {
    return { ok: false, code: 'unsafe_markup', msg: 'unsafe_markup', params: {} };
  }
  // an export always closes its table; one that does not was cut short (a broken download, a copy)
  if (format === 'spreadsheetml' ? !/<\/(?:ss:)?Workbook>/.test(text) : !/<\/table>/i.test(text)) {
    return { ok: false, code: 'unreadable_file', msg: 'unreadable_file.truncated_markup', params: {} };
  }
  const rows = count(text, format === 'html' ? /<tr[\s>]/gi : /<(?:ss:)?Row[\s>/]/g);
  if (rows > MAX_SHEET_ROWS) {
    return { ok: false, code: 'too_many_rows', msg: 'too_many_rows', params: { max: MAX_ROWS.toLocaleString('en-US') } };
  }
  const spanPattern = format === 'html' ? /\b(?:rowspan|colspan)\s*=\s*["']?(\d+)/gi : /\bss:Merge(?:Across|Down)="(\d+)"/g;
  let spans = 0;
  spanPattern.lastIndex = 0;
  for (let m = spanPattern.exec(text); m; m = spanPattern.exec(text)) {
    if (++spans > MAX_SPANS || Number(m[1]) > MAX_SPAN) {
      return { ok: false, code: 'unsafe_markup', msg: 'unsafe_markup.spans', params: {} };
    }
  }
  return { ok: true };
}

/** SpreadsheetML 2003 ("XML 表格"), as Excel 2003 and many government systems save it. */
export function isSpreadsheetMl(head: string): boolean {
  return /^\s*<\?xml/i.test(head) && head.includes('urn:schemas-microsoft-com:office:spreadsheet') && /<(?:ss:)?Workbook[\s>]/.test(head);
}

/** An HTML page holding a table: Excel's "网页" save, or a report a web system exports as .xls. */
export function isHtmlTable(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  const looksHtml = head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table') || head.startsWith('<meta') || head.startsWith('<head') || head.startsWith('<body') || (head.startsWith('<?xml') && head.includes('<html'));
  return looksHtml && /<table[\s>]/i.test(text);
}
