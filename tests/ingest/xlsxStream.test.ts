import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../server/src/ingest/formats/sheetjs';
import { NotPlainXlsx, readPlainXlsx } from '../../server/src/ingest/formats/xlsxStream';
import type { SheetTable } from '../../server/src/ingest/sheet';
import { checkSpreadsheetZip, formulasWithoutResult } from '../../server/src/ingest/zipGuard';
import { crc32, writeZip } from '../fixtures/zipWriter';
import { fixture, parse, values } from './helpers';

/**
 * The streaming .xlsx reader (formats/xlsxStream.ts) reads ordinary workbooks fast; SheetJS reads
 * every format. On every .xlsx we have — written by ExcelJS, and saved by LibreOffice — the two
 * must see exactly the same sheets, rows and cells, or the fast one is wrong.
 */
const XLSX_FIXTURES = readdirSync(join(import.meta.dirname, '../fixtures')).filter(
  (name) => name.endsWith('.xlsx') && !['random-bytes.xlsx', 'zip-bomb.xlsx', 'password.xlsx'].includes(name),
);

function both(data: Buffer): { plain: SheetTable[]; sheetjs: SheetTable[] } {
  const check = checkSpreadsheetZip(data);
  if (!check.ok) throw new Error(`${check.code}: ${check.msg}`);
  return { plain: readPlainXlsx(check.parts), sheetjs: readWorkbook(data, { noResult: formulasWithoutResult(check.parts) }) };
}

const everything = (tables: SheetTable[]) => tables.map((t) => ({ name: t.name, rows: [...t.rows()] }));

/** A small targets workbook's XML parts, to be altered, and the same table as CSV. */
const TARGETS_CSV = '单位名称,固定资产投资目标（万元）,规上工业总产值目标（万元）\n柳东新区,100000,500000\n柳江区,80000,420000\n';
async function targetsParts(): Promise<Map<string, Uint8Array>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目标');
  for (const line of TARGETS_CSV.trim().split('\n')) ws.addRow(line.split(',').map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell)));
  const check = checkSpreadsheetZip(Buffer.from(await wb.xlsx.writeBuffer()));
  if (!check.ok) throw new Error(check.code);
  return new Map(check.parts);
}
const zipOf = (parts: Map<string, Uint8Array>) =>
  writeZip([...parts].map(([name, bytes]) => ({ name, deflated: deflateRawSync(bytes), declaredSize: bytes.length, crc: crc32(bytes) })));

describe('the streaming .xlsx reader reads what SheetJS reads', () => {
  it('finds .xlsx fixtures from both ExcelJS and LibreOffice', () => {
    expect(XLSX_FIXTURES.filter((n) => n.endsWith('.lo.xlsx')).length).toBeGreaterThanOrEqual(7);
    expect(XLSX_FIXTURES.filter((n) => !n.endsWith('.lo.xlsx')).length).toBeGreaterThanOrEqual(7);
  });

  it.each(XLSX_FIXTURES)('%s: the same sheets, rows and cells', (name) => {
    const { plain, sheetjs } = both(fixture(name));
    const rows = everything(plain);
    expect(rows).toEqual(everything(sheetjs));
    expect(rows.some((t) => t.rows.length > 1)).toBe(true);
  });

  it('merged ranges, percent and date formats, booleans, errors, formulas with and without results, rich text, a hidden sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['单位', '比例', '日期', '是否', '错误', '公式', '无结果']);
    ws.addRow(['柳东新区', 0.125, new Date(Date.UTC(2026, 7, 1)), true, { error: '#DIV/0!' }, { formula: 'B2*2', result: 0.25 }, { formula: 'B2*3' }]);
    ws.addRow([null, 0.5, null, false, null, { formula: 'B3&"x"', result: '0.5x' }]);
    ws.addRow([{ richText: [{ text: '柳江' }, { text: '区', font: { bold: true } }] }, '  text with spaces  ', 46235.5, null, null, null]);
    ws.mergeCells('A2:A3');
    ws.getColumn(2).numFmt = '0.0%';
    ws.getCell('C2').numFmt = 'yyyy-mm-dd';
    ws.getCell('C4').numFmt = 'yyyy"年"m"月"d"日" hh:mm';
    wb.addWorksheet('下拉', { state: 'hidden' }).addRow(['隐藏']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const { plain, sheetjs } = both(data);
    const rows = everything(plain);
    expect(rows).toEqual(everything(sheetjs));
    expect(rows.map((t) => t.name)).toEqual(['数据']);
    const [, second, third, fourth] = rows[0]!.rows;
    expect(second!.cells[1]).toEqual({ kind: 'number', value: 0.125, percent: true });
    expect(second!.cells[2]).toEqual({ kind: 'date', date: new Date(Date.UTC(2026, 7, 1)) });
    expect(second!.cells[6]).toEqual({ kind: 'error', text: '=B2*3', noResult: true });
    expect(third!.cells[0]).toEqual({ kind: 'text', text: '柳东新区' }); // the merged name, on the row below too
    expect(fourth!.cells[0]).toEqual({ kind: 'text', text: '柳江区' });
    expect(fourth!.cells[2]).toEqual({ kind: 'date', date: new Date(Date.UTC(2026, 7, 1, 12)) });
  });

  it('a workbook it does not read plainly (a built-in date format of another locale) is read by SheetJS, with the same figures', async () => {
    // numFmtId 31 (a built-in CJK date format) as the default cell style: the streaming reader steps aside
    const parts = await targetsParts();
    const styles = Buffer.from(parts.get('xl/styles.xml')!).toString('utf8').replace(/(<cellXfs[^>]*>\s*<xf numFmtId=")0"/, '$131"');
    expect(styles).toContain('<xf numFmtId="31"');
    parts.set('xl/styles.xml', Buffer.from(styles));
    expect(() => readPlainXlsx(parts)).toThrow(NotPlainXlsx);
    const read = await parse('unit-targets', 'targets.xlsx', zipOf(parts));
    expect(read.errors).toEqual([]);
    expect(values(read)).toEqual(values(await parse('unit-targets', 'targets.csv', TARGETS_CSV)));
    expect(read.entries.length).toBeGreaterThan(0);
  });

  it('a cell tag written another way (spaces around =, attributes on new lines) is not guessed at: SheetJS reads it', async () => {
    const csv = await parse('unit-targets', 'targets.csv', TARGETS_CSV);
    for (const rewrite of [(xml: string) => xml.replace('<c r="A2" t="s">', '<c r = "A2" t = "s">'), (xml: string) => xml.replace(/<c r="(B\d)"/g, '<c\n  r="$1"')]) {
      const parts = await targetsParts();
      const sheet = rewrite(Buffer.from(parts.get('xl/worksheets/sheet1.xml')!).toString('utf8'));
      expect(sheet).not.toBe(Buffer.from(parts.get('xl/worksheets/sheet1.xml')!).toString('utf8'));
      parts.set('xl/worksheets/sheet1.xml', Buffer.from(sheet));
      expect(() => readPlainXlsx(parts).forEach((t) => [...t.rows()])).toThrow(NotPlainXlsx);
      const read = await parse('unit-targets', 'targets.xlsx', zipOf(parts));
      expect(read.errors).toEqual([]);
      expect(values(read)).toEqual(values(csv));
    }
  });
});
