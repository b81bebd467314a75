import ExcelJS from 'exceljs';

/** A unit-actuals workbook as a statistician makes it: a title row, a 单位 note, then the header. */
export async function unitActualsXlsx(rows: Array<[unit: string, month: number, output: number, investment: number]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('9月完成');
  sheet.addRow(['2026年三季度各县区工业完成情况（e2e）']);
  sheet.addRow(['单位：万元']);
  sheet.addRow(['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV text with a BOM, CRLF, as Excel saves it. */
export function csv(lines: string[][]): Buffer {
  return Buffer.from('\uFEFF' + lines.map((l) => l.join(',')).join('\r\n') + '\r\n', 'utf8');
}
