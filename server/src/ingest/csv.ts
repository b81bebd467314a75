import iconv from 'iconv-lite';
import { MAX_SHEET_ROWS } from './limits';
import { BLANK, TooManyRowsError, type RawCell, type SheetRow, type SheetTable } from './sheet';

/**
 * CSV and tab-separated text as statisticians save it: UTF-8 with or without BOM, GB18030/GBK (what
 * Excel writes on a Chinese Windows as "CSV"), or UTF-16 (Excel's "Unicode 文本"). RFC 4180 quoting.
 */
export type DecodedText = { ok: true; text: string; encoding: string } | { ok: false };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(data: Uint8Array): DecodedText {
  let text: string;
  let encoding: string;
  if (data[0] === 0xff && data[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(data.subarray(2));
    encoding = 'UTF-16LE';
  } else if (data[0] === 0xfe && data[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(data.subarray(2));
    encoding = 'UTF-16BE';
  } else {
    try {
      // valid UTF-8 is taken as UTF-8; GBK text is almost never valid UTF-8
      text = utf8.decode(data);
      encoding = 'UTF-8';
    } catch {
      text = iconv.decode(Buffer.from(data.buffer, data.byteOffset, data.byteLength), 'gb18030');
      encoding = 'GB18030';
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (looksBinary(text)) {
    return { ok: false };
  }
  return { ok: true, text, encoding };
}

/** Text files hold no control characters but tab and line breaks; binary files are full of them. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd || c === 0x7f) bad++;
  }
  return bad > 0 && bad * 200 > sample.length + 200;
}

/** Tab when the first lines hold more tabs than commas (Excel's "文本文件(制表符分隔)"). */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const head = text.slice(0, 8192);
  let commas = 0;
  let tabs = 0;
  let semicolons = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0x2c) commas++;
    else if (c === 0x09) tabs++;
    else if (c === 0x3b) semicolons++;
  }
  if (tabs > 0 && tabs >= commas) return '\t';
  if (semicolons > commas && semicolons > tabs) return ';';
  return ',';
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

function toCell(raw: string): RawCell {
  const text = raw.trim();
  return text === '' ? BLANK : { kind: 'text', text };
}

/**
 * One record that holds a quote, read character by character from `start`: quoted fields may hold
 * delimiters, line breaks and doubled quotes. Returns the cells and where the next record starts.
 */
function quotedRecord(text: string, start: number, delimiter: number): { cells: RawCell[]; next: number } {
  const cells: RawCell[] = [];
  const n = text.length;
  let i = start;
  for (;;) {
    let value = '';
    if (text.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) {
          value += text.slice(j);
          j = n;
          break;
        }
        value += text.slice(j, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          j = close + 2;
        } else {
          j = close + 1;
          break;
        }
      }
      i = j;
    }
    // unquoted text, or anything between a closing quote and the delimiter (kept, as Excel does)
    let k = i;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === delimiter || c === LF || c === CR) break;
      k++;
    }
    cells.push(toCell(value + text.slice(i, k)));
    if (k < n && text.charCodeAt(k) === delimiter) {
      i = k + 1;
      continue;
    }
    const next = k >= n ? n : text.charCodeAt(k) === CR && text.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
    return { cells, next };
  }
}

/**
 * RFC 4180 CSV, CRLF or LF (or the old Mac CR). Lines without a quote, nearly all of them, are split
 * natively; a line with a quote is read character by character. Row numbers are records, as a
 * spreadsheet numbers them: a quoted line break does not start a new row.
 */
export function parseCsv(input: string, sheetName: string, maxRows = MAX_SHEET_ROWS): SheetTable {
  const text = input.includes('\n') || !input.includes('\r') ? input : input.replace(/\r/g, '\n');
  return { name: sheetName, rows: () => csvRows(text, maxRows) };
}

function* csvRows(text: string, maxRows: number): Generator<SheetRow> {
  const delimiterChar = detectDelimiter(text);
  const delimiter = delimiterChar.charCodeAt(0);
  const n = text.length;
  let record = 1;
  let pos = 0;
  // Excel's "sep=," hint line is not a row of the table
  if (/^sep=.\r?\n/i.test(text.slice(0, 7))) {
    pos = text.indexOf('\n') + 1;
    record = 2;
  }
  while (pos < n) {
    const newline = text.indexOf('\n', pos);
    const end = newline < 0 ? n : newline;
    const line = text.charCodeAt(end - 1) === CR ? text.slice(pos, end - 1) : text.slice(pos, end);
    let cells: RawCell[];
    if (!line.includes('"')) {
      cells = line.split(delimiterChar).map(toCell);
      pos = end + 1;
    } else {
      const read = quotedRecord(text, pos, delimiter);
      cells = read.cells;
      pos = read.next;
    }
    if (record > maxRows) throw new TooManyRowsError();
    if (cells.some((c) => c.kind !== 'blank')) yield { row: record, cells };
    record++;
  }
}
