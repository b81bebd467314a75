import { decodeText, parseCsv } from './csv';
import { MAX_ROWS, MAX_UPLOAD_BYTES } from './limits';
import { TooManyRowsError, type SheetTable } from './sheet';
import { readXlsx } from './xlsxReader';
import { checkXlsxZip } from './zipGuard';

/**
 * Decides what a file is by its content, not only its name (a CSV renamed .xlsx, an XLSX saved
 * without extension), and reads it into tables. Refusals carry a stable code and a Chinese message.
 */
export type Tables = { ok: true; tables: SheetTable[] } | { ok: false; code: string; message: string };

const startsWith = (data: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => data[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OTHER_BINARIES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
];
export const TOO_MANY_ROWS = `表格行数超过上限 ${MAX_ROWS.toLocaleString('en-US')} 行，请拆分后分批上传`;
const NOT_A_TABLE = '无法识别文件内容：既不是 Excel（.xlsx）文件，也不是 CSV 文本，请上传 .xlsx 或 CSV 文件';

export async function readTables(fileName: string, data: Uint8Array): Promise<Tables> {
  if (data.length === 0) return { ok: false, code: 'empty_file', message: `文件“${fileName}”是空的（0 字节）` };
  if (data.length > MAX_UPLOAD_BYTES) {
    return { ok: false, code: 'file_too_large', message: `文件大小超过上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB，请拆分后分批上传` };
  }
  if (startsWith(data, ZIP) || startsWith(data, EMPTY_ZIP)) {
    const check = checkXlsxZip(data);
    if (!check.ok) return { ok: false, code: check.code, message: check.message };
    const tables = await readXlsx(data).catch((error: unknown) => {
      if (error instanceof TooManyRowsError) return null;
      throw error;
    });
    if (!tables) return { ok: false, code: 'too_many_rows', message: TOO_MANY_ROWS };
    return { ok: true, tables };
  }
  if (startsWith(data, OLE)) {
    return {
      ok: false, code: 'unreadable_file',
      message: '这是旧版 Excel（.xls）文件或加了密码的 Excel 文件，无法读取。请在 Excel 中“另存为” .xlsx（不设密码）或 CSV 后上传',
    };
  }
  if (OTHER_BINARIES.some((magic) => startsWith(data, magic))) return { ok: false, code: 'unreadable_file', message: NOT_A_TABLE };
  const decoded = decodeText(data);
  if (!decoded.ok) {
    // named like Excel but not a zip: a damaged or mislabelled file
    const message = /\.xls[xm]?$/i.test(fileName)
      ? `文件“${fileName}”的扩展名是 Excel，但内容不是 Excel 文件，可能已损坏。请在 Excel 中重新另存为 .xlsx 后上传`
      : decoded.message;
    return { ok: false, code: 'unreadable_file', message };
  }
  return { ok: true, tables: [parseCsv(decoded.text, fileName)] };
}
