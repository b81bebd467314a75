import type ExcelJS from 'exceljs';

/**
 * Print layout for the workbooks the server writes (award tables, upload templates), so that they
 * print right in a real office suite (SPEC §9, issue 13): A4, the table filling the page width,
 * header rows repeated on every page, and rows tall enough for their wrapped text. Office suites do
 * not grow a row to fit wrapped text written by another program: a wrapped header whose height is
 * not set prints its second line over the first data row.
 */

/** A4 in millimetres, and the margins used (inches, as the file stores them). */
const A4_MM = { short: 210, long: 297 };
export const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const MM_PER_INCH = 25.4;

/**
 * Column widths are in "characters" of the default font (Calibri 11: 7 px at 96 dpi, plus 5 px of
 * padding per column). This is how many fit across A4 at 100%, so widths can be chosen to fill it.
 */
export function printableWidthChars(orientation: 'portrait' | 'landscape', columns: number): number {
  const pageMm = orientation === 'landscape' ? A4_MM.long : A4_MM.short;
  const usableMm = pageMm - (MARGINS.left + MARGINS.right) * MM_PER_INCH;
  const px = (usableMm / MM_PER_INCH) * 96;
  return Math.floor((px - 5 * columns) / 7);
}

/** Scales widths so they add up to what fits across the page: the table fills A4's width. */
export function fillWidth(widths: readonly number[], orientation: 'portrait' | 'landscape'): number[] {
  const target = printableWidthChars(orientation, widths.length);
  const total = widths.reduce((s, w) => s + w, 0);
  // exceljs does not write a width of exactly 9 (it takes 9 for its default and leaves the column
  // out), and the office suite then uses its own default of 8.43: keep 9 away from 9
  return widths.map((w) => Math.floor((w * target * 10) / total) / 10).map((w) => (w === 9 ? 9.05 : w));
}

/** Display width of text in characters of the default font: CJK and full-width forms count two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    width += c >= 0x2e80 && c <= 0xffdc ? 2 : 1;
  }
  return width;
}

/** Lines the text takes in a column of `width` characters when wrapped (explicit breaks kept). */
export function wrappedLines(text: string, width: number, bold = false): number {
  const usable = Math.max(1, width - 1); // a cell's own padding
  return text.split('\n').reduce((lines, part) => lines + Math.max(1, Math.ceil((textWidth(part) * (bold ? 1.1 : 1)) / usable)), 0);
}

/** Points per line of 11-point text in a CJK font (its line spacing is wider than Calibri's). */
export const LINE_PT = 16;

/** Sets a row's height to fit its tallest wrapped cell; merged cells count their whole width. */
export function fitRowHeight(row: ExcelJS.Row, widthOf: (col: number) => number, options: { bold?: boolean; fontPt?: number } = {}): number {
  let lines = 1;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const value = cell.value;
    if (value === null || value === undefined || typeof value === 'object') return;
    lines = Math.max(lines, wrappedLines(String(value), widthOf(col), options.bold ?? cell.font?.bold ?? false));
  });
  const height = Math.ceil(lines * LINE_PT * ((options.fontPt ?? 11) / 11)) + 4;
  row.height = height;
  return height;
}

/** A4 page setup: filling the width (any number of pages down), repeated title rows, page numbers. */
export function setA4(ws: ExcelJS.Worksheet, options: { orientation: 'portrait' | 'landscape'; titleRows: string; footer: string }): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: options.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: MARGINS,
    printTitlesRow: options.titleRows,
  };
  ws.headerFooter = { oddFooter: `&L${options.footer}&R第 &P 页，共 &N 页` };
}
