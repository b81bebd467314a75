import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { creditCodeCheckChar, type Policy, type Registry } from '@scoreboard/shared';
import type { ColumnSpec, KindSpec, ValueType } from '../../server/src/ingest/columns';

/**
 * Spreadsheets and CSVs as people make them, and as they break them: the real header names mixed
 * with junk, cells of every shape the reader must cope with, in UTF-8 or GB18030, as CSV or XLSX
 * (sometimes cut short), or plain random bytes.
 */
export type Cell = string | number | null;
export interface UploadFile {
  name: string;
  data: Buffer;
  /** what the generator made, for the failure message */
  describe: string;
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]!).replace('.', '．');

const junkText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', ' ', '合计', '总计', '全市', '序号', '备注', '单位：万元', '—', 'N/A', '#REF!', '<script>alert(1)</script>', '"', ',', '\n'),
  fc.string({ minLength: 300, maxLength: 2000 }), // a cell pasted from a report
);
const formula = fc.constantFrom('=SUM(A1:A3)', '=1/0', '=B2*1.1', '=VLOOKUP(A2,Sheet2!A:B,2,0)', '=HYPERLINK("http://evil.example","x")');

const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000_000 }).map(String),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }).map(String),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => n.toLocaleString('en-US')), // 12,345,678
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => toFullWidth(String(n / 100))), // １２３．４５
  fc.double({ min: -200, max: 200, noNaN: true }).map((x) => `${x.toFixed(1)}%`),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => ` ${n} `),
  fc.constantFrom('1e308', '-0', 'NaN', 'Infinity', '0x1F', '1.2.3', '５万', '12万元', '(123)'),
);

function creditCode(): fc.Arbitrary<string> {
  const first17 = fc.stringMatching(/^9[1-3]4502[0-9]{2}[0-9A-HJ-NP-RTUWXY]{9}$/);
  return fc.oneof(
    first17.map((c) => c + creditCodeCheckChar(c)), // valid
    first17.map((c) => `${c}0`), // usually a wrong check digit
    fc.stringMatching(/^[0-9A-Z]{0,20}$/),
  );
}

function cellOf(type: ValueType, registry: Registry): fc.Arbitrary<Cell> {
  const unitNames = registry.units.flatMap((u) => [u.name, u.shortName, u.unitId, ...u.aliases]);
  const industryNames = registry.industries.flatMap((i) => [i.name, i.shortName, i.industryId, ...i.aliases]);
  const typed: Record<ValueType, fc.Arbitrary<Cell>> = {
    unit: fc.constantFrom(...unitNames, '城中', '柳州市', '某某区', '合计'),
    industry: fc.constantFrom(...industryNames, '钢铁', '其他', '纺织产业'),
    month: fc.oneof(fc.integer({ min: -1, max: 14 }), fc.constantFrom('7月', '8月', '9', '2026-08', '2026年8月', '1-8月', '７', '九月', 'Aug', '202608')),
    wan: number,
    count: number,
    pct: number,
    yuan: fc.oneof(number, fc.integer({ min: 0, max: 100_000_000 }).map((fen) => (fen / 100).toFixed(2))),
    text: junkText,
    creditCode: creditCode(),
    bool: fc.constantFrom('是', '否', 'Y', 'N', 'yes', 'no', '1', '0', '√', '待定'),
    kind: fc.constantFrom('展会', '自办活动', '国际认证', 'exhibition', 'event', 'certification', '展会补贴', '其他'),
    date: fc.oneof(
      fc.date({ min: new Date('2025-06-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('2026/5/1', '20260501', '2026年5月1日', '5月1日', '46143', '2026-02-30', '明天'),
    ),
  };
  return fc.oneof(
    { weight: 6, arbitrary: typed[type] },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: junkText },
    { weight: 1, arbitrary: formula },
  );
}

function headerOf(column: ColumnSpec): fc.Arbitrary<string> {
  const names = [column.header, column.english, ...column.synonyms];
  return fc.oneof(
    fc.constantFrom(...names),
    fc.constantFrom(...names).chain((n) => fc.constantFrom(`${n}（万元）`, `${n}(亿元)`, `${n}（%）`, ` ${n} `, n.toUpperCase(), `${n}\n(元)`)),
  );
}

/** A messy table: optional title rows, real and junk headers in any order, cells of any shape. */
export function messyTable(spec: KindSpec, registry: Registry): fc.Arbitrary<Cell[][]> {
  const column = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...spec.columns).chain((c) => headerOf(c).map((h) => ({ h, cell: cellOf(c.type, registry) }))) },
    { weight: 1, arbitrary: junkText.map((h) => ({ h, cell: junkText as fc.Arbitrary<Cell> })) },
  );
  return fc
    .tuple(
      fc.array(column, { minLength: 1, maxLength: spec.columns.length + 2 }),
      fc.subarray([['2026年三季度工业稳增长数据'], ['单位：万元'], []] as Cell[][]),
      fc.integer({ min: 0, max: 12 }),
    )
    .chain(([columns, titles, rows]) =>
      fc.array(fc.tuple(...columns.map((c) => c.cell)), { minLength: rows, maxLength: rows }).map((data) => [
        ...titles,
        columns.map((c) => c.h),
        ...data,
      ]),
    );
}

const csvQuote = (cell: Cell) => {
  const s = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function toCsv(rows: Cell[][], encoding: 'utf8' | 'utf8-bom' | 'gb18030', newline: '\n' | '\r\n'): Buffer {
  const text = rows.map((r) => r.map(csvQuote).join(',')).join(newline) + newline;
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.from((encoding === 'utf8-bom' ? '\ufeff' : '') + text, 'utf8');
}

export async function toXlsx(rows: Cell[][], sheetName: string, numbersAsNumbers: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const target = ws.getCell(r + 1, c + 1);
      if (cell === null) return;
      // a formula with its cached result, or without one (as some tools save them)
      if (typeof cell === 'string' && cell.startsWith('=')) target.value = cell.includes('SUM') ? { formula: cell.slice(1), date1904: false } : { formula: cell.slice(1), result: 7, date1904: false };
      else if (numbersAsNumbers && typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell)) target.value = Number(cell);
      else target.value = cell;
    });
  });
  if (rows.length > 2 && rows[0]?.length === 1) ws.mergeCells(1, 1, 1, 4); // a title merged across the table
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Cuts a file short or flips some of its bytes, as a broken download or a bad disk would. */
export function damage(data: Buffer, how: { cutAt: number; flips: number[] }): Buffer {
  const out = Buffer.from(data.subarray(0, Math.max(1, Math.floor(data.length * how.cutAt))));
  for (const f of how.flips) out[Math.floor(f * out.length) % out.length] ^= 0xff;
  return out;
}

// ── clean tables: what a careful statistician uploads, so that the commit path is exercised ──────

/** A valid cell and, for the columns that make up the key of a row, the canonical key part. */
interface KeyedCell { key: string; cell: Cell }
const plain = (cell: fc.Arbitrary<Cell>): fc.Arbitrary<KeyedCell> => cell.map((c) => ({ key: '', cell: c }));
const spelled = (key: string, spellings: Cell[]) => fc.constantFrom(...spellings).map((cell) => ({ key, cell }));

function validCell(type: ValueType, field: string, kind: KindSpec['kind'], policy: Policy, registry: Registry): fc.Arbitrary<KeyedCell> {
  const amount = fc.oneof(
    fc.integer({ min: 0, max: 5_000_000 }).map(String),
    fc.integer({ min: 0, max: 50_000_000 }).map((n) => (n / 100).toFixed(2)),
    fc.integer({ min: 1000, max: 99_999_999 }).map((n) => n.toLocaleString('en-US')),
    fc.integer({ min: 0, max: 999_999 }).map((n) => toFullWidth(String(n))),
  );
  const months = kind === 'unit-actuals' ? policy.period.months : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  switch (type) {
    case 'unit':
      return fc.constantFrom(...registry.units.filter((u) => policy.units.includes(u.unitId))).chain((u) => spelled(u.unitId, [u.name, u.unitId, ...u.aliases]));
    case 'industry':
      return fc.constantFrom(...registry.industries).chain((i) => spelled(i.industryId, [i.name, i.shortName, ...i.aliases]));
    case 'month':
      return fc.constantFrom(...months).chain((m) => spelled(String(m), [m, `${m}月`, `${policy.period.year}-${String(m).padStart(2, '0')}`]));
    case 'wan':
      return plain(fc.oneof({ weight: 5, arbitrary: amount }, { weight: 1, arbitrary: fc.constant(null) }));
    case 'count':
      return plain(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 500 }).map(String) }, { weight: 1, arbitrary: fc.constant(null) }));
    case 'pct':
      return plain(fc.oneof(fc.integer({ min: -500, max: 800 }).map((n) => String(n / 10)), fc.integer({ min: -500, max: 800 }).map((n) => `${n / 10}%`), fc.constant(null)));
    case 'yuan':
      return plain(fc.integer({ min: 0, max: 100_000_000 }).map((fen) => (fen / 100).toFixed(2)));
    case 'creditCode':
      return fc.stringMatching(/^9[1-3]4502[0-9]{2}[0-9A-HJ-NP-RTUWXY]{9}$/).map((c) => c + creditCodeCheckChar(c)).map((code) => ({ key: code, cell: code }));
    case 'bool':
      return plain(fc.constantFrom('是', '否'));
    case 'kind':
      return plain(fc.constantFrom('展会', '自办活动', '国际认证', 'exhibition', 'certification'));
    case 'date':
      return plain(fc.date({ min: new Date('2025-12-01'), max: new Date('2026-10-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
    case 'text':
      return field === 'applicationId'
        ? fc.stringMatching(/^[A-Z]{1,3}-[0-9]{1,4}$/).map((id) => ({ key: id, cell: id }))
        : plain(fc.oneof(fc.constantFrom('柳州螺蛳粉食品有限公司', 'Liuzhou Gear Co., Ltd.', '<b>粗体</b>公司', 'CE'), fc.string({ minLength: 1, maxLength: 30 }).filter((x) => x.trim() !== '')));
  }
}

function headerFor(column: ColumnSpec): fc.Arbitrary<string> {
  const unit = column.type === 'wan' ? ['（万元）', '(亿元)', ''] : column.type === 'pct' ? ['（%）', ''] : column.type === 'yuan' ? ['（元）', ''] : [''];
  return fc.tuple(fc.constantFrom(column.header, column.english, ...column.synonyms), fc.constantFrom(...unit)).map(([name, u]) =>
    /[（(]/.test(name) ? name : name + u,
  );
}

/** Every column of the kind in any order (plus an ignored 序号 or 备注), rows with distinct keys. */
export function cleanTable(spec: KindSpec, policy: Policy, registry: Registry): fc.Arbitrary<Cell[][]> {
  const columns = fc.shuffledSubarray([...spec.columns], { minLength: spec.columns.length });
  const ignored = fc.option(fc.constantFrom('序号', '备注'), { nil: undefined });
  return fc.tuple(columns, ignored, fc.subarray([['2026年三季度工业稳增长数据'], ['单位：万元']] as Cell[][])).chain(([cols, extra, titles]) => {
    const row = fc.tuple(...cols.map((c) => validCell(c.type, c.field, spec.kind, policy, registry))).map((cells) => ({
      key: cells.map((c) => c.key).join('|'),
      cells: cells.map((c) => c.cell),
    }));
    return fc
      .tuple(fc.tuple(...cols.map(headerFor)), fc.uniqueArray(row, { selector: (r) => r.key, maxLength: 8 }), fc.string({ maxLength: 8 }))
      .map(([headers, rows, note]) => [
        ...titles,
        [...headers, ...(extra ? [extra] : [])],
        ...rows.map((r) => [...r.cells, ...(extra ? [note] : [])]),
      ]);
  });
}

/** Clean and messy tables in equal measure: both the commit and the refusal paths get exercised. */
export function table(spec: KindSpec, policy: Policy, registry: Registry): fc.Arbitrary<Cell[][]> {
  return fc.oneof(cleanTable(spec, policy, registry), messyTable(spec, registry));
}
