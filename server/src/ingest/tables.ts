import * as XLSX from '@e965/xlsx';
import { decodeText, parseCsv } from './csv';
import { checkMarkup, isHtmlTable, isSpreadsheetMl } from './formats/markupGuard';
import { readWorkbook } from './formats/sheetjs';
import { MAX_ROWS, MAX_UPLOAD_BYTES } from './limits';
import { TooManyRowsError, type SheetTable } from './sheet';
import { checkSpreadsheetZip, PASSWORD_PROTECTED } from './zipGuard';

/**
 * Decides what a file is by its content, never by its name (SPEC §17: a CSV renamed .xlsx, an HTML
 * table named .xls, an XLSX saved without extension), checks it against the limits of its format,
 * and reads it into tables. Refusals carry a stable code and a Chinese message.
 */
export type FileFormat = 'xlsx' | 'ods' | 'xls' | 'spreadsheetml' | 'html' | 'csv';
export type Tables = { ok: true; format: FileFormat; tables: SheetTable[] } | { ok: false; code: string; message: string };

const startsWith = (data: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => data[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary: .xls (BIFF8), WPS .et, and an encrypted .xlsx (EncryptionInfo + EncryptedPackage) */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OTHER_BINARIES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
];
export const TOO_MANY_ROWS = `表格行数超过上限 ${MAX_ROWS.toLocaleString('en-US')} 行，请拆分后分批上传`;
const NOT_A_TABLE = '无法识别文件内容：不是 Excel、WPS、LibreOffice 表格文件，也不是 CSV 文本，请上传表格文件或 CSV 文件';

const refused = (code: string, message: string): Tables => ({ ok: false, code, message });

/**
 * SheetJS throws plain Errors, whose words are about its own code ("Cannot read properties of
 * undefined"), not about the file: only a password, which the user can act on, gets its own message.
 */
function sheetjsRefusal(error: unknown, what: string): Tables {
  if (error instanceof TooManyRowsError) return refused('too_many_rows', TOO_MANY_ROWS);
  const detail = error instanceof Error ? error.message : String(error);
  if (/password-protected|password is incorrect|encryption scheme unsupported|ECMA-376 Encrypted/i.test(detail)) return refused('password_protected', PASSWORD_PROTECTED);
  return refused('unreadable_file', `无法读取${what}：文件已损坏或不完整。请在 Excel 或 WPS 中打开后另存为 .xlsx 再上传`);
}

/** The part of SheetJS's bundled CFB library used here (its published types say `any`). */
interface CfbLibrary {
  read(data: Uint8Array, options: { type: 'buffer' }): object;
  find(container: object, path: string): object | null;
}
const cfb: CfbLibrary = XLSX.CFB as CfbLibrary;

function readCfb(data: Uint8Array): Tables {
  let container: object;
  try {
    container = cfb.read(data, { type: 'buffer' });
  } catch (error) {
    return sheetjsRefusal(error, '该 Excel（.xls）文件');
  }
  // an .xlsx saved with a password is a CFB holding the encrypted package (MS-OFFCRYPTO)
  if (cfb.find(container, 'EncryptionInfo') || cfb.find(container, 'EncryptedPackage')) {
    return refused('password_protected', PASSWORD_PROTECTED);
  }
  if (!cfb.find(container, 'Workbook') && !cfb.find(container, 'Book')) {
    return refused('unreadable_file', '这是 Office 文件，但不是 Excel 表格（可能是 Word 文档），请上传表格文件或 CSV 文件');
  }
  try {
    return { ok: true, format: 'xls', tables: readWorkbook(data) };
  } catch (error) {
    return sheetjsRefusal(error, '该 Excel（.xls）文件');
  }
}

export function readTables(fileName: string, data: Uint8Array): Tables {
  if (data.length === 0) return refused('empty_file', `文件“${fileName}”是空的（0 字节）`);
  if (data.length > MAX_UPLOAD_BYTES) return refused('file_too_large', `文件大小超过上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB，请拆分后分批上传`);
  if (startsWith(data, ZIP) || startsWith(data, EMPTY_ZIP)) {
    const check = checkSpreadsheetZip(data);
    if (!check.ok) return refused(check.code, check.message);
    try {
      return { ok: true, format: check.format, tables: readWorkbook(data, { noResult: check.noResult }) };
    } catch (error) {
      return sheetjsRefusal(error, check.format === 'ods' ? '该 .ods 文件' : '该 Excel（.xlsx）文件');
    }
  }
  if (startsWith(data, CFB)) return readCfb(data);
  if (OTHER_BINARIES.some((magic) => startsWith(data, magic))) return refused('unreadable_file', NOT_A_TABLE);
  const decoded = decodeText(data);
  if (!decoded.ok) {
    // named like a spreadsheet but neither a spreadsheet nor text: a damaged or mislabelled file
    const message = /\.(xls[xmb]?|et|ods)$/i.test(fileName)
      ? `文件“${fileName}”的扩展名是表格文件，但内容不是表格文件，可能已损坏。请在 Excel 或 WPS 中重新另存为 .xlsx 后上传`
      : decoded.message;
    return refused('unreadable_file', message);
  }
  const { text } = decoded;
  const markup = isSpreadsheetMl(text.slice(0, 4096)) ? 'spreadsheetml' : isHtmlTable(text) ? 'html' : null;
  if (markup) {
    const check = checkMarkup(markup, text);
    if (!check.ok) return refused(check.code, check.message);
    try {
      return { ok: true, format: markup, tables: readWorkbook(text) };
    } catch (error) {
      return sheetjsRefusal(error, markup === 'html' ? '该网页表格文件' : '该 XML 表格文件');
    }
  }
  return { ok: true, format: 'csv', tables: [parseCsv(text, fileName)] };
}
