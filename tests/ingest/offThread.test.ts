import { describe, expect, it } from 'vitest';
import { parseUpload, parseUploadOffThread } from '../../server/src/ingest';
import { OFF_THREAD_BYTES, prepareParseWorker } from '../../server/src/ingest/offThread';
import { subsidyCsv } from '../support/generate';
import { fixture, liuzhou } from './helpers';

/** Large files are read in a worker thread (the server keeps answering; the memory goes back). */
describe('reading a large file in a worker thread', () => {
  it('gives exactly what reading it in place gives', async () => {
    const data = subsidyCsv(8_000);
    expect(data.length).toBeGreaterThan(OFF_THREAD_BYTES);
    const input = { kind: 'subsidy-applications' as const, fileName: 'big.csv', data, ...liuzhou };
    await prepareParseWorker();
    const [away, here] = [await parseUploadOffThread(input), await parseUpload(input)];
    expect(away.entries).toHaveLength(8_000);
    expect(away).toEqual(here);
  }, 60_000);

  it('refuses in the worker what it refuses in place', async () => {
    const data = Buffer.concat([fixture('password.xls'), Buffer.alloc(OFF_THREAD_BYTES)]);
    await prepareParseWorker();
    const result = await parseUploadOffThread({ kind: 'unit-targets', fileName: 'p.xls', data, ...liuzhou });
    expect(result.errors.map((e) => e.code)).toEqual(['password_protected']);
  }, 60_000);
});
