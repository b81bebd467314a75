import { describe, expect, it } from 'vitest';
import { parseUpload } from '../../server/src/ingest';
import { OFF_THREAD_BYTES, prepareParseWorker, readUpload } from '../../server/src/ingest/offThread';
import { packValues, readInPlace, unpackValues, type UploadRead } from '../../server/src/ingest/uploadRead';
import { subsidyCsv } from '../support/generate';
import { fixture, liuzhou } from './helpers';

/**
 * Large files are read in a worker thread (the server keeps answering; the memory goes back). The
 * worker keeps the entries: the preview and the commit ask it for what they need.
 */
async function everything(read: UploadRead, current: Map<string, string>) {
  const { rowsRead, errors, warnings, keys } = read;
  const preview = await read.preview({ current, figures: new Map(), lang: 'zh' });
  const entries = [...(await read.entries())];
  return { rowsRead, errors, warnings, keys, preview, entries };
}

describe('reading a large file in a worker thread', () => {
  it('gives exactly what reading it in place gives: keys, preview and entries', async () => {
    const data = subsidyCsv(8_000);
    expect(data.length).toBeGreaterThan(OFF_THREAD_BYTES);
    const input = { kind: 'subsidy-applications' as const, fileName: 'big.csv', data, ...liuzhou };
    await prepareParseWorker();
    const away = await readUpload(input);
    const here = readInPlace(await parseUpload(input), liuzhou.policy);
    expect(away.keys).toHaveLength(8_000);
    // two stored claims: one as in the file, one with another amount
    const first = [...(await here.entries())].slice(0, 2);
    const current = new Map([first[0]!, [first[1]![0], first[1]![1].replace('"costFen":', '"costFen":1')]]);
    const [a, h] = [await everything(away, current), await everything(here, current)];
    away.close();
    expect(a.preview.summary).toEqual({ added: 7_998, changed: 1, unchanged: 1 });
    expect(a.preview.changes).toHaveLength(1_000);
    expect(a.entries[7_999]).toEqual([a.keys[7_999], expect.stringContaining('"applicationId"')]);
    expect(a).toEqual(h);
    // once closed, the worker is gone and says so
    await expect(away.preview({ current, figures: new Map(), lang: 'zh' })).rejects.toThrow();
  }, 60_000);

  it('refuses in the worker what it refuses in place', async () => {
    const data = Buffer.concat([fixture('password.xls'), Buffer.alloc(OFF_THREAD_BYTES)]);
    await prepareParseWorker();
    const read = await readUpload({ kind: 'unit-targets', fileName: 'p.xls', data, ...liuzhou });
    expect(read.errors.map((e) => e.code)).toEqual(['password_protected']);
    expect(read.keys).toEqual([]);
    read.close();
  }, 60_000);

  it('hands the commit its values as UTF-8 bytes that give back every value exactly', () => {
    const values = ['{"enterpriseName":"柳州螺蛳粉有限公司"}', '', '6123.50', 'emoji 🏭 and “quotes”', '{"item":"line\\nbreak"}'];
    const packed = packValues(values.map((value, i) => ({ key: `K${i}`, value, label: '', sheet: 's', row: i + 2 })));
    expect(packed.ends).toEqual(Uint32Array.from(values.map((_, i) => Buffer.byteLength(values.slice(0, i + 1).join(''), 'utf8'))));
    expect([...unpackValues(values.map((_, i) => `K${i}`), packed)]).toEqual(values.map((value, i) => [`K${i}`, value]));
  });
});
