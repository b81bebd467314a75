import { Inflate } from 'fflate';
import { MAX_INFLATED_ENTRY, MAX_INFLATED_TOTAL, MAX_ROWS, MAX_SHEET_ROWS, MAX_ZIP_ENTRIES } from './limits';

/**
 * Checks an XLSX (a zip) before the spreadsheet library inflates it. The library trusts the sizes
 * the zip declares; a zip bomb lies about them, so every entry is inflated here in small steps,
 * counting the bytes that really come out, and refused as soon as a cap is passed. Entries are found
 * through the central directory, the same way the library finds them, so overlapping-entry bombs
 * are counted as often as they would be inflated.
 */
export type ZipCheck =
  | { ok: true; rows: number }
  | { ok: false; code: 'zip_bomb' | 'unreadable_file' | 'too_many_rows'; message: string };

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Compressed bytes pushed per step: at deflate's best ratio (~1:1032) this inflates ≤ 4 MiB. */
const STEP = 4 * 1024;

class Refused extends Error {
  constructor(
    readonly code: 'zip_bomb' | 'unreadable_file' | 'too_many_rows',
    message: string,
  ) {
    super(message);
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
  if (eocd < 0) throw new Refused('unreadable_file', '文件已损坏：找不到 zip 目录，请在 Excel 中重新保存为 .xlsx 后上传');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    throw new Refused('zip_bomb', '文件使用了 ZIP64 超大格式，超出上传限制，已拒绝');
  }
  if (count > MAX_ZIP_ENTRIES) {
    throw new Refused('zip_bomb', `文件内部包含 ${count} 个压缩条目（上限 ${MAX_ZIP_ENTRIES} 个），不像正常的 Excel 文件，已拒绝`);
  }
  const entries: CentralEntry[] = [];
  let p = dirOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      throw new Refused('unreadable_file', '文件已损坏：zip 目录不完整，请在 Excel 中重新保存后上传');
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

/** Counts `<row` elements in worksheet XML as it streams past, to refuse huge sheets early. */
class RowCounter {
  rows = 0;
  private tail: Buffer = Buffer.alloc(0);
  push(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // a tag split across two chunks: look at the last bytes of the one before and the start of this one
    if (this.tail.length > 0) this.count(Buffer.concat([this.tail, bytes.subarray(0, 4)]), 0);
    this.count(bytes, 0);
    this.tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 4)));
  }
  private count(bytes: Buffer, from: number): void {
    for (let i = bytes.indexOf(ROW_TAG, from); i >= 0 && i + 4 < bytes.length; i = bytes.indexOf(ROW_TAG, i + 4)) {
      const next = bytes[i + 4];
      if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) this.rows++;
    }
  }
}
const ROW_TAG = Buffer.from('<row');

function inflateCounting(compressed: Uint8Array, onChunk: (chunk: Uint8Array) => void, budget: () => number): number {
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > MAX_INFLATED_ENTRY || produced > budget()) {
      throw new Refused('zip_bomb', '文件解压后过大（疑似“压缩炸弹”），已拒绝。正常的 Excel 文件不会出现这种情况');
    }
    onChunk(chunk);
  });
  for (let i = 0; i < compressed.length; i += STEP) {
    const end = Math.min(i + STEP, compressed.length);
    inflater.push(compressed.subarray(i, end), end === compressed.length);
  }
  return produced;
}

export function checkXlsxZip(data: Uint8Array): ZipCheck {
  try {
    const entries = readCentralDirectory(data);
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
      throw new Refused('unreadable_file', '这是一个 zip 压缩包，但不是 Excel（.xlsx）文件，请上传 .xlsx 或 CSV 文件');
    }
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const counter = new RowCounter();
    let total = 0;
    for (const entry of entries) {
      const p = entry.localOffset;
      if (p + 30 > data.length || view.getUint32(p, true) !== LOCAL_SIGNATURE) {
        throw new Refused('unreadable_file', `文件已损坏：条目 ${entry.name} 无法读取，请在 Excel 中重新保存后上传`);
      }
      const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
      const body = data.subarray(start, Math.min(start + entry.compressedSize, data.length));
      const isSheet = entry.name.startsWith('xl/worksheets/') && entry.name.endsWith('.xml');
      const onChunk = isSheet ? (c: Uint8Array) => counter.push(c) : () => undefined;
      if (entry.method === 0) {
        onChunk(body);
        total += body.length;
      } else if (entry.method === 8) {
        total += inflateCounting(body, onChunk, () => MAX_INFLATED_TOTAL - total);
      } else {
        throw new Refused('unreadable_file', `文件使用了不支持的压缩方式（${entry.method}），请在 Excel 中重新保存为 .xlsx 后上传`);
      }
      if (total > MAX_INFLATED_TOTAL) {
        throw new Refused('zip_bomb', '文件解压后过大（疑似“压缩炸弹”），已拒绝。正常的 Excel 文件不会出现这种情况');
      }
      if (counter.rows > MAX_SHEET_ROWS) {
        throw new Refused('too_many_rows', `表格行数超过上限 ${MAX_ROWS.toLocaleString('en-US')} 行，请拆分后分批上传`);
      }
    }
    return { ok: true, rows: counter.rows };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'unreadable_file', message: '文件已损坏，无法解压，请在 Excel 中重新保存为 .xlsx 后上传' };
  }
}
