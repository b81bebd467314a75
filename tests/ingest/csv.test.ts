import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, parseCsv } from '../../server/src/ingest/csv';
import { cellDisplay, TooManyRowsError } from '../../server/src/ingest/sheet';

const rows = (text: string) => [...parseCsv(text, 't.csv').rows()].map((r) => [r.row, r.cells.map((c) => cellDisplay(c) ?? '')]);

describe('RFC 4180 CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks; CRLF and LF', () => {
    expect(rows('a,"b,c","say ""hi"""\r\n1,"two\r\nlines",3\n4,5,6')).toEqual([
      [1, ['a', 'b,c', 'say "hi"']],
      [2, ['1', 'two\r\nlines', '3']],
      [3, ['4', '5', '6']],
    ]);
  });

  it('numbers rows as a spreadsheet shows them: blank lines count, quoted line breaks do not', () => {
    expect(rows('title\n\nx,y\n"a\nb",1\nc,2\n')).toEqual([
      [1, ['title']],
      [3, ['x', 'y']],
      [4, ['a\nb', '1']],
      [5, ['c', '2']],
    ]);
  });

  it('reads tab-separated text and keeps empty trailing fields', () => {
    expect(rows('a\tb\t\n1\t\t3')).toEqual([
      [1, ['a', 'b', '']],
      [2, ['1', '', '3']],
    ]);
  });

  it('skips Excel\'s sep= hint line but keeps the row numbers', () => {
    expect(rows('sep=,\na,b\n')).toEqual([[2, ['a', 'b']]]);
  });

  it('stops at the row limit', () => {
    expect(() => [...parseCsv('a\n'.repeat(11), 't.csv', 10).rows()]).toThrow(TooManyRowsError);
    expect([...parseCsv('a\n'.repeat(10), 't.csv', 10).rows()]).toHaveLength(10);
  });

  it('reads the old Mac line ends (CR only)', () => {
    expect(rows('a,b\r1,2\r')).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
  });
});

describe('text encodings', () => {
  const text = '单位,月份\n融水苗族自治县,8月\n';
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(text))).toMatchObject({ ok: true, text, encoding: 'UTF-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toMatchObject({ ok: true, text });
  });

  it('reads GBK / GB18030 when the bytes are not UTF-8', () => {
    expect(decodeText(iconv.encode(text, 'gbk'))).toMatchObject({ ok: true, text, encoding: 'GB18030' });
    // 㙟 is only in GB18030's four-byte range, not in GBK
    expect(decodeText(iconv.encode('㙟,1', 'gb18030'))).toMatchObject({ ok: true, text: '㙟,1' });
  });

  it('reads UTF-16 with a BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toMatchObject({ ok: true, text });
  });

  it('refuses binary content', () => {
    expect(decodeText(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 0x41, 0x42])).ok).toBe(false);
  });
});
