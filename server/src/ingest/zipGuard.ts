import { inflateRawSync } from 'node:zlib';
import { MAX_INFLATED_ENTRY, MAX_INFLATED_TOTAL, MAX_ROWS, MAX_SHEET_ROWS, MAX_ZIP_ENTRIES } from './limits';
import type { Params } from './messages';
import { partText, unescapeXml, workbookSheets, type XlsxParts } from './formats/ooxml';

/**
 * Checks an XLSX or ODS (both zips) before the spreadsheet library inflates it. The library trusts the sizes
 * the zip declares; a zip bomb lies about them, so every entry is inflated here, counting the bytes
 * that really come out, and refused as soon as a cap is passed. Entries are found
 * through the central directory, the same way the library finds them, so overlapping-entry bombs
 * are counted as often as they would be inflated.
 */
export type RefusalCode = 'zip_bomb' | 'unreadable_file' | 'too_many_rows' | 'password_protected';

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** A refusal: its code, and the message id and params of its words (messages.ts). */
class Refused extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly msg: string,
    readonly params: Params = {},
  ) {
    super(msg);
  }
}

function readCentralDirectory(data: Uint8Array): CentralEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // the end-of-central-directory record is in the last 22 + 65535 (comment) bytes
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Refused('unreadable_file', 'unreadable_file.zip_no_directory');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    throw new Refused('zip_bomb', 'zip_bomb.zip64');
  }
  if (count > MAX_ZIP_ENTRIES) {
    throw new Refused('zip_bomb', 'zip_bomb.entries', { count, max: MAX_ZIP_ENTRIES });
  }
  const entries: CentralEntry[] = [];
  let p = dirOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      throw new Refused('unreadable_file', 'unreadable_file.zip_no_directory');
    }
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      localOffset: view.getUint32(p + 42, true),
      name: decoder.decode(data.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Counts the `<row` elements of XLSX worksheet XML as it streams past, to refuse huge sheets early. */
class RowCounter {
  rows = 0;
  private tail: Buffer = Buffer.alloc(0);
  push(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // a tag split across two chunks: look at the last bytes of the one before and the start of this one
    if (this.tail.length > 0) this.count(Buffer.concat([this.tail, bytes.subarray(0, 4)]));
    this.count(bytes);
    this.tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 4)));
  }
  private count(bytes: Buffer): void {
    for (let i = bytes.indexOf(ROW_TAG); i >= 0 && i + 4 < bytes.length; i = bytes.indexOf(ROW_TAG, i + 4)) {
      const next = bytes[i + 4];
      if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) this.rows++;
    }
  }
}
const ROW_TAG = Buffer.from('<row');

/**
 * Finds, in XLSX worksheet XML, the formula cells saved without a stored value (`<c r="C12"><f>…</f></c>`,
 * as programs that never calculate write them). A spreadsheet library reads them as 0; they must be
 * reported instead. Tags are ASCII, so the bytes are scanned as latin1 text; a cell cut between two
 * chunks is carried over.
 */
class NoResultScanner {
  /** A1 reference → the formula as written (empty for a shared formula's copies) */
  readonly refs = new Map<string, string>();
  private carry = '';
  push(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry === '' && bytes.indexOf(FORMULA_TAG) < 0) {
      this.keepTail(bytes.toString('latin1', Math.max(0, bytes.length - 1024)));
      return;
    }
    const text = this.carry + bytes.toString('latin1');
    NO_RESULT.lastIndex = 0;
    let end = 0;
    for (let m = NO_RESULT.exec(text); m; m = NO_RESULT.exec(text)) {
      this.refs.set(m[1]!, unescapeXml(m[2] ?? ''));
      end = NO_RESULT.lastIndex;
    }
    this.keepTail(text.slice(end));
  }
  private keepTail(text: string): void {
    const start = text.lastIndexOf('<c ');
    // a cell's XML is short; a formula longer than 64 KiB is not a spreadsheet's
    this.carry = start >= 0 && text.length - start < 65_536 ? text.slice(start) : '';
  }
}
const FORMULA_TAG = Buffer.from('<f');
/** The parts of an XLSX that are never worksheets. */
const NOT_SHEETS = ['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * Per sheet name, the formula cells saved without a stored value, for a reader that leaves them out
 * (SheetJS): from the XML parts the guard has inflated. The streaming reader sees them itself.
 */
export function formulasWithoutResult(parts: XlsxParts): Map<string, Map<string, string>> {
  const sheets = workbookSheets(partText(parts, 'xl/workbook.xml') ?? '', partText(parts, 'xl/_rels/workbook.xml.rels') ?? '');
  const names = new Map(sheets.filter((s) => s.part !== undefined).map((s) => [s.part!, s.name]));
  const found = new Map<string, Map<string, string>>();
  for (const [part, content] of parts) {
    const name = names.get(part);
    if (name === undefined || NOT_SHEETS.includes(part)) continue;
    const scanner = new NoResultScanner();
    for (let i = 0; i < content.length; i += SLICE) scanner.push(content.subarray(i, i + SLICE));
    if (scanner.refs.size > 0) found.set(name, scanner.refs);
  }
  return found;
}
const NO_RESULT = /<c r="([A-Z]{1,3}\d{1,7})"[^>]*>(?:<f[^>]*\/>|<f[^>]*>([^<]*)<\/f>)(?:<v\/>|<v><\/v>)?<\/c>/g;

/**
 * Inflates one entry with the native zlib, which stops and throws as soon as the output passes
 * `cap`: real bytes are counted, never the sizes the zip declares.
 */
function inflateCapped(compressed: Uint8Array, cap: number): Buffer {
  try {
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, cap) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new Refused('zip_bomb', 'zip_bomb');
    throw new Refused('unreadable_file', 'unreadable_file.zip_damaged');
  }
}

/** The scanners read a part in slices, as they would read a stream. */
const SLICE = 1024 * 1024;

/** Small parts of an ODS kept whole: its mimetype and manifest. */
class TextPart {
  private readonly parts: Uint8Array[] = [];
  private size = 0;
  push(chunk: Uint8Array): void {
    if (this.size > MAX_TEXT_PART) return;
    this.parts.push(chunk.slice());
    this.size += chunk.length;
  }
  get text(): string {
    return Buffer.concat(this.parts).toString('utf8');
  }
}
const MAX_TEXT_PART = 4 * 1024 * 1024;

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
export type ZipFormat = 'xlsx' | 'ods';
export type ZipCheck =
  | {
      ok: true; format: ZipFormat; rows: number;
      /** an XLSX's XML parts as inflated here, so the reader does not inflate them again (empty for ODS) */
      parts: Map<string, Uint8Array>;
    }
  | { ok: false; code: RefusalCode; msg: string; params: Params };

/**
 * Checks an XLSX or ODS (both zips) before the spreadsheet library inflates it: real inflated
 * bytes against the caps, rows counted (`<row` in XLSX worksheets; in ODS, rows that hold a value,
 * times their `number-rows-repeated`, see odsGuard), an encrypted ODS refused with its own message.
 */
export function checkSpreadsheetZip(data: Uint8Array): ZipCheck {
  try {
    const entries = readCentralDirectory(data);
    const names = new Set(entries.map((e) => e.name));
    // The same order of tests as the spreadsheet library's, so the parts checked here are the parts it
    // reads: a manifest makes it an OpenDocument package, whatever else the zip holds.
    let format: ZipFormat;
    if (names.has('META-INF/manifest.xml')) {
      if (!names.has('content.xml') || !names.has('mimetype')) throw new Refused('unreadable_file', 'unreadable_file.zip_not_spreadsheet');
      format = 'ods';
    } else if (names.has('objectdata.xml') || names.has('Index/Document.iwa') || names.has('Index.zip') || !names.has('[Content_Types].xml')) {
      throw new Refused('unreadable_file', 'unreadable_file.zip_not_spreadsheet');
    } else if (names.has('xl/workbook.xml')) {
      format = 'xlsx';
    } else {
      throw new Refused('unreadable_file', 'unreadable_file.zip_not_spreadsheet');
    }
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const counter = new RowCounter();
    const odsRows = new OdsRowCounter();
    const texts = new Map<string, TextPart>();
    const xmlParts = new Map<string, Uint8Array>();
    let total = 0;
    for (const entry of entries) {
      const p = entry.localOffset;
      if (p + 30 > data.length || view.getUint32(p, true) !== LOCAL_SIGNATURE) {
        throw new Refused('unreadable_file', 'unreadable_file.zip_entry', { entry: entry.name.slice(0, 100) });
      }
      const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
      const body = data.subarray(start, Math.min(start + entry.compressedSize, data.length));
      let onChunk: (c: Uint8Array) => void = () => undefined;
      // every XML part is scanned, not only xl/worksheets/: [Content_Types].xml may put a sheet anywhere
      if (format === 'xlsx' && entry.name.endsWith('.xml') && !NOT_SHEETS.includes(entry.name)) {
        onChunk = (c) => counter.push(c);
      } else if (format === 'ods' && entry.name === 'content.xml') {
        onChunk = (c) => odsRows.push(c);
      } else if (format === 'ods' && ['mimetype', 'META-INF/manifest.xml'].includes(entry.name)) {
        const part = new TextPart();
        texts.set(entry.name, part);
        onChunk = (c) => part.push(c);
      }
      let content: Uint8Array;
      if (entry.method === 0) content = body;
      else if (entry.method === 8) content = inflateCapped(body, Math.min(MAX_INFLATED_ENTRY, MAX_INFLATED_TOTAL - total + 1));
      else {
        throw new Refused('unreadable_file', 'unreadable_file.zip_method', { method: entry.method });
      }
      total += content.length;
      if (format === 'xlsx' && (entry.name.endsWith('.xml') || entry.name.endsWith('.rels'))) xmlParts.set(entry.name, content);
      if (total <= MAX_INFLATED_TOTAL) for (let i = 0; i < content.length; i += SLICE) onChunk(content.subarray(i, i + SLICE));
      if (total > MAX_INFLATED_TOTAL) {
        throw new Refused('zip_bomb', 'zip_bomb');
      }
      if (counter.rows > MAX_SHEET_ROWS || odsRows.rows > MAX_SHEET_ROWS) {
        throw new Refused('too_many_rows', 'too_many_rows', { max: MAX_ROWS.toLocaleString('en-US') });
      }
      if (odsRows.cells > MAX_ODS_CELLS) {
        throw new Refused('zip_bomb', 'zip_bomb.repeats');
      }
    }
    if (format === 'ods') {
      if (texts.get('mimetype')?.text.trim() !== ODS_MIMETYPE) {
        throw new Refused('unreadable_file', 'unreadable_file.not_ods_spreadsheet');
      }
      // 另存时设了密码：内容已加密，只能由用户取消密码
      if (texts.get('META-INF/manifest.xml')?.text.includes('encryption-data')) {
        throw new Refused('password_protected', 'password_protected');
      }
      return { ok: true, format, rows: odsRows.rows, parts: new Map() };
    }
    return { ok: true, format, rows: counter.rows, parts: xmlParts };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: error.code, msg: error.msg, params: error.params };
    return { ok: false, code: 'unreadable_file', msg: 'unreadable_file.zip_damaged', params: {} };
  }
}


/**
 * Counts the rows and cells an ODS really holds: LibreOffice writes a run of equal rows or cells
 * once with `table:number-rows-repeated` / `table:number-columns-repeated`, and a spreadsheet
 * library writes each copy out. Empty trailing rows (repeated a million times) hold no value and
 * cost nothing; a valued cell repeated 16,384 × 1,000,000 times would, and is refused.
 */
class OdsRowCounter {
  rows = 0;
  cells = 0;
  private carry = '';
  private rowRepeat = 1;
  private rowHasValue = false;
  push(chunk: Uint8Array): void {
    const text = this.carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    let at = 0;
    for (;;) {
      const open = text.indexOf('<table:', at);
      if (open < 0) {
        at = text.length;
        break;
      }
      const close = text.indexOf('>', open);
      if (close < 0) {
        at = open;
        break;
      }
      this.tag(text.slice(open, close + 1));
      at = close + 1;
    }
    const rest = text.slice(at);
    this.carry = rest.length < 65_536 ? rest : '';
  }
  private tag(tag: string): void {
    if (tag.startsWith('<table:table-row ') || tag.startsWith('<table:table-row>') || tag.startsWith('<table:table-row/')) {
      this.rowHasValue = false;
      this.rowRepeat = repeat(tag, 'table:number-rows-repeated');
    } else if (tag.startsWith('<table:table-cell') || tag.startsWith('<table:covered-table-cell')) {
      if (tag.includes('office:value-type=')) {
        if (!this.rowHasValue) this.rows += this.rowRepeat;
        this.rowHasValue = true;
        this.cells += repeat(tag, 'table:number-columns-repeated') * this.rowRepeat;
      }
    }
  }
}
/** 200,000 rows of 25 columns: far beyond any real upload, far below what would exhaust memory. */
const MAX_ODS_CELLS = 5_000_000;

function repeat(tag: string, attribute: string): number {
  const m = new RegExp(`${attribute}="(\\d{1,9})"`).exec(tag);
  return m ? Math.max(1, Number(m[1])) : 1;
}
