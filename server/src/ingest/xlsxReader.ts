import ExcelJS from 'exceljs';
import { MAX_SHEET_ROWS } from './limits';
import { BLANK, TooManyRowsError, type RawCell, type SheetRow, type SheetTable } from './sheet';

/**
 * Reads the visible worksheets of an XLSX (already checked by zipGuard) into plain rows. Cells of a
 * merged range all read as the range's value, so a unit name merged down over three month rows is
 * seen on each of them, as a person reading the sheet sees it.
 */
export async function readXlsx(data: Uint8Array): Promise<SheetTable[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own ArrayBuffer-like Buffer; a copied ArrayBuffer satisfies both
  await workbook.xlsx.load(new Uint8Array(data).buffer);
  const tables: SheetTable[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue; // hidden sheets hold drop-down lists, not data
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: RawCell[] = [];
      let any = false;
      for (let col = 1; col <= row.cellCount; col++) {
        const cell = row.getCell(col);
        const raw = toRawCell(cell.value, cell.numFmt);
        if (raw.kind !== 'blank') any = true;
        cells.push(raw);
      }
      if (any) rows.push({ row: rowNumber, cells });
    });
    if (rows.length > MAX_SHEET_ROWS) throw new TooManyRowsError();
    tables.push({ name: sheet.name, rows: () => rows });
  }
  return tables;
}

function textCell(text: string): RawCell {
  const trimmed = text.trim();
  return trimmed === '' ? BLANK : { kind: 'text', text: trimmed };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function richText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (isRecord(value) && Array.isArray(value.richText)) {
    return value.richText.map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
  }
  return null;
}

export function toRawCell(value: ExcelJS.CellValue | unknown, numFmt: string | undefined): RawCell {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'number', value, percent: numFmt?.includes('%') ?? false } : BLANK;
  }
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? BLANK : { kind: 'date', date: value };
  if (!isRecord(value)) return BLANK;
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined || value.result === null) {
      return { kind: 'error', text: `=${String(value.formula ?? value.sharedFormula)}`, noResult: true };
    }
    return toRawCell(value.result, numFmt);
  }
  if (typeof value.error === 'string') return { kind: 'error', text: value.error, noResult: false };
  const rich = richText(value);
  if (rich !== null) return textCell(rich);
  if ('text' in value) {
    const text = richText(value.text);
    if (text !== null) return textCell(text);
  }
  return BLANK;
}
