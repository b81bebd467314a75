import * as XLSX from '@e965/xlsx';
import { decodeText, parseCsv } from './csv';
import { checkMarkup, isHtmlTable, isSpreadsheetMl } from './formats/markupGuard';
import { readWorkbook } from './formats/sheetjs';
import { NotPlainXlsx, readPlainXlsx } from './formats/xlsxStream';
import { MAX_ROWS, MAX_UPLOAD_BYTES } from './limits';
import { TooManyRowsError, type SheetTable } from './sheet';
import { checkSpreadsheetZip, formulasWithoutResult } from './zipGuard';
import type { Params } from './messages';

/**
 * Decides what a file is by its content, never by its name (SPEC §17: a CSV renamed .xlsx, an HTML
 * table named .xls, an XLSX saved without extension), checks it against the limits of its format,
 * and reads it into tables. Refusals carry a stable code and a Chinese message.
 */
export type FileFormat = 'xlsx' | 'ods' | 'xls' | 'spreadsheetml' | 'html' | 'csv';
export type Tables = { ok: true; format: FileFormat; tables: SheetTable[] } | { ok: false; code: string; msg: string; params: Params };

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
export const TOO_MANY_ROWS = { max: MAX_ROWS.toLocaleString('en-US') };

const refused = (code: string, msg: string, params: Params = {}): Tables => ({ ok: false, code, msg, params });

/**
 * SheetJS throws plain Errors, whose words are about its own code ("Cannot read properties of
 * undefined"), not about the file: only a password, which the user can act on, gets its own message.
 */
function sheetjsRefusal(error: unknown, format: FileFormat): Tables {
  if (error instanceof TooManyRowsError) return refused('too_many_rows', 'too_many_rows', TOO_MANY_ROWS);
  const detail = error instanceof Error ? error.message : String(error);
  if (/password-protected|password is incorrect|encryption scheme unsupported|ECMA-376 Encrypted/i.test(detail)) return refused('password_protected', 'password_protected');
  return refused('unreadable_file', 'unreadable_file.damaged', { format });
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
    return sheetjsRefusal(error, 'xls');
  }
  // an .xlsx saved with a password is a CFB holding the encrypted package (MS-OFFCRYPTO)
  if (cfb.find(container, 'EncryptionInfo') || cfb.find(container, 'EncryptedPackage')) {
    return refused('password_protected', 'password_protected');
  }
  if (!cfb.find(container, 'Workbook') && !cfb.find(container, 'Book')) {
    return refused('unreadable_file', 'unreadable_file.not_excel_cfb');
  }
  try {
    return { ok: true, format: 'xls', tables: readWorkbook(data) };
  } catch (error) {
    return sheetjsRefusal(error, 'xls');
  }
}

export interface ReadTablesOptions {
  /**
   * false: read an .xlsx with SheetJS too. The streaming reader (xlsxStream.ts) is used first; on a
   * workbook it does not fully understand it throws NotPlainXlsx and the reading starts again so.
   */
  plainXlsx?: boolean;
}

export function readTables(fileName: string, data: Uint8Array, options: ReadTablesOptions = {}): Tables {
  if (data.length === 0) return refused('empty_file', 'empty_file', { file: fileName });
  if (data.length > MAX_UPLOAD_BYTES) return refused('file_too_large', 'file_too_large', { mib: MAX_UPLOAD_BYTES / 1024 / 1024 });
  if (startsWith(data, ZIP) || startsWith(data, EMPTY_ZIP)) {
    const check = checkSpreadsheetZip(data);
    if (!check.ok) return refused(check.code, check.msg, check.params);
    if (check.format === 'xlsx' && options.plainXlsx !== false) {
      try {
        return { ok: true, format: 'xlsx', tables: readPlainXlsx(check.parts) };
      } catch (error) {
        if (!(error instanceof NotPlainXlsx)) throw error;
      }
    }
    try {
      return { ok: true, format: check.format, tables: readWorkbook(data, { noResult: formulasWithoutResult(check.parts) }) };
    } catch (error) {
      return sheetjsRefusal(error, check.format);
    }
  }
  if (startsWith(data, CFB)) return readCfb(data);
  if (OTHER_BINARIES.some((magic) => startsWith(data, magic))) return refused('unreadable_file', 'unreadable_file.not_a_table');
  const decoded = decodeText(data);
  if (!decoded.ok) {
    // named like a spreadsheet but neither a spreadsheet nor text: a damaged or mislabelled file
    return /\.(xls[xmb]?|et|ods)$/i.test(fileName)
      ? refused('unreadable_file', 'unreadable_file.misnamed', { file: fileName })
      : refused('unreadable_file', 'unreadable_file.not_a_table');
  }
  const { text } = decoded;
  const markup = isSpreadsheetMl(text.slice(0, 4096)) ? 'spreadsheetml' : isHtmlTable(text) ? 'html' : null;
  if (markup) {
    const check = checkMarkup(markup, text);
    if (!check.ok) return refused(check.code, check.msg, check.params);
    try {
      return { ok: true, format: markup, tables: readWorkbook(text) };
    } catch (error) {
      return sheetjsRefusal(error, markup);
    }
  }
  return { ok: true, format: 'csv', tables: [parseCsv(text, fileName)] };
}
