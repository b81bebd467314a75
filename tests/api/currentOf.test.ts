import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/src/db/migrate';
import { createBatchesRepository } from '../../server/src/repositories/batches';

/**
 * The upload preview's old values (SPEC §8: old → new for every key of the file) come from
 * currentOf, which reads batches newest first and only the keys asked about. It must give what the
 * full current view (currentValues) gives for those keys, whichever way it reads a batch.
 */
function store() {
  const db = new Database(':memory:');
  migrate(db);
  const batches = createBatchesRepository(db);
  let files = 0;
  const insert = (keys: [string, string][], kind: 'subsidy-applications' | 'unit-targets' = 'subsidy-applications') =>
    db.transaction(() =>
      batches.insert({ policyId: 'p', kind, fileName: 'f.csv', sha256: `file-${++files}`, rows: keys.length, keys: keys.length, uploadedBy: 'statistician', uploadedAt: '2026-11-29T00:00:00Z' }, keys),
    )();
  return { batches, insert };
}

const claims = (from: number, to: number, version: string): [string, string][] =>
  Array.from({ length: to - from }, (_, i) => [`A-${String(from + i).padStart(4, '0')}`, `{"v":"${version}","n":${from + i}}`]);

describe('currentOf: the stored values of the keys a file names', () => {
  it('takes each key from the newest live batch, skips reverted batches and other kinds', () => {
    const { batches, insert } = store();
    insert(claims(0, 200, 'first')); // batch 1: 200 claims
    insert(claims(10, 12, 'second')); // batch 2: two of them again
    const reverted = insert(claims(0, 200, 'reverted'));
    batches.markReverted(reverted, 'admin', '2026-11-29T01:00:00Z');
    insert([['A-0005', '"another kind"']], 'unit-targets');

    // a few keys of a large batch (read one by one) and keys nobody stored
    const few = batches.currentOf('p', 'subsidy-applications', new Set(['A-0005', 'A-0010', 'A-0011', 'A-0199', 'B-0001']));
    expect(Object.fromEntries(few)).toEqual({
      'A-0005': '{"v":"first","n":5}',
      'A-0010': '{"v":"second","n":10}',
      'A-0011': '{"v":"second","n":11}',
      'A-0199': '{"v":"first","n":199}',
    });

    // the whole file again (each batch read whole): the same as the full current view
    const all = new Set(claims(0, 200, '').map(([k]) => k));
    expect(batches.currentOf('p', 'subsidy-applications', all)).toEqual(new Map([...batches.currentValues('p', 'subsidy-applications')]));
    expect(batches.currentOf('p', 'subsidy-applications', new Set())).toEqual(new Map());
  });

  it('reads only the stored keys between the file\'s lowest and highest, in SQLite\'s order', () => {
    const { batches, insert } = store();
    insert(claims(0, 300, 'stored'));
    // 中 (U+4E2D) sorts before ｚ (U+FF5A) both ways; 😀 (a surrogate pair) sorts before ｚ in JavaScript, after it in UTF-8
    insert([['中-1', '"cjk"'], ['ｚ-1', '"fullwidth"'], ['😀-1', '"emoji"']]);
    const ask = (...keys: string[]) => Object.fromEntries(batches.currentOf('p', 'subsidy-applications', new Set(keys)));
    // new claims numbered after the stored ones: none read, none found
    expect(ask('A-1000', 'A-1001')).toEqual({});
    // a file spanning stored and new ids: the stored ones inside its range
    expect(ask('A-0290', 'A-0299', 'A-0300', 'A-0301')).toEqual({ 'A-0290': '{"v":"stored","n":290}', 'A-0299': '{"v":"stored","n":299}' });
    // keys beyond U+D800: every stored key is looked at, so none is missed for the orders differing
    expect(ask('😀-1', 'ｚ-1')).toEqual({ '😀-1': '"emoji"', 'ｚ-1': '"fullwidth"' });
    expect(ask('中-1', 'A-0001')).toEqual({ '中-1': '"cjk"', 'A-0001': '{"v":"stored","n":1}' });
  });
});
