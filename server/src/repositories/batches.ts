import type { Database } from 'better-sqlite3';
import { unitKeyPrefix, type Batch, type UploadKind } from '@scoreboard/shared';

interface BatchRow {
  batch_id: number;
  policy_id: string;
  kind: UploadKind;
  file_name: string;
  sha256: string;
  rows: number;
  keys: number;
  uploaded_by: string;
  uploaded_at: string;
  reverted_at: string | null;
  reverted_by: string | null;
}

function toBatch(r: BatchRow): Batch {
  return {
    batchId: r.batch_id,
    policyId: r.policy_id,
    kind: r.kind,
    fileName: r.file_name,
    sha256: r.sha256,
    rows: r.rows,
    keys: r.keys,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
    revertedAt: r.reverted_at,
    revertedBy: r.reverted_by,
    unitKeys: null,
    unitSupersededKeys: null,
  };
}

export type NewBatch = Omit<Batch, 'batchId' | 'revertedAt' | 'revertedBy' | 'unitKeys' | 'unitSupersededKeys'>;

/**
 * A unit's keys start with unitKeyPrefix (shared/src/keys.ts). The half-open range [prefix, prefix
 * with its last character incremented) holds exactly those keys and is read off the entries_key
 * index; LIKE would need escaping of '_' and '%' and skips the index.
 */
function unitKeyRange(unitId: string): readonly [string, string] {
  const from = unitKeyPrefix(unitId);
  return [from, from.slice(0, -1) + String.fromCharCode(from.charCodeAt(from.length - 1) + 1)];
}

export function createBatchesRepository(db: Database) {
  const insertBatch = db.prepare<[string, string, string, string, number, number, string, string]>(
    `INSERT INTO batches (policy_id, kind, file_name, sha256, rows, keys, uploaded_by, uploaded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = db.prepare<[number, string, string]>('INSERT INTO entries (batch_id, key, value) VALUES (?, ?, ?)');
  const find = db.prepare<[number], BatchRow>('SELECT * FROM batches WHERE batch_id = ?');
  const listAll = db.prepare<[], BatchRow>('SELECT * FROM batches ORDER BY batch_id DESC');
  const listForPolicy = db.prepare<[string], BatchRow>('SELECT * FROM batches WHERE policy_id = ? ORDER BY batch_id DESC');
  const committedSha = db.prepare<[string, string, string], BatchRow>(
    `SELECT * FROM batches WHERE policy_id = ? AND kind = ? AND sha256 = ? AND reverted_at IS NULL
     ORDER BY batch_id DESC LIMIT 1`,
  );
  const markReverted = db.prepare<[string, string, number]>(
    'UPDATE batches SET reverted_at = ?, reverted_by = ? WHERE batch_id = ? AND reverted_at IS NULL',
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM batches');
  // The current value of a key is the one from its latest non-reverted batch (SPEC.md §8).
  const current = db.prepare<[string, string], { key: string; value: string }>(
    `SELECT key, value FROM (
       SELECT e.key, e.value, ROW_NUMBER() OVER (PARTITION BY e.key ORDER BY e.batch_id DESC) AS rn
       FROM entries e JOIN batches b ON b.batch_id = e.batch_id
       WHERE b.policy_id = ? AND b.kind = ? AND b.reverted_at IS NULL)
     WHERE rn = 1 ORDER BY key`,
  );
  // Live batches newest first; each batch's keys read whole (a prepared .all() is several times faster than
  // .iterate() row by row), the values — JSON records of hundreds of bytes — only for keys asked about
  const liveBatchesNewestFirst = db
    .prepare<[string, string], number>('SELECT batch_id FROM batches WHERE policy_id = ? AND kind = ? AND reverted_at IS NULL ORDER BY batch_id DESC')
    .pluck();
  const keysOfBatch = db.prepare<[number], string>('SELECT key FROM entries WHERE batch_id = ?').pluck();
  const entriesOfBatch = db.prepare<[number], [string, string]>('SELECT key, value FROM entries WHERE batch_id = ?').raw();
  const keysOfBatchIn = db.prepare<[number, string, string], string>('SELECT key FROM entries WHERE batch_id = ? AND key BETWEEN ? AND ?').pluck();
  const entriesOfBatchIn = db.prepare<[number, string, string], [string, string]>('SELECT key, value FROM entries WHERE batch_id = ? AND key BETWEEN ? AND ?').raw();
  const valueOf = db.prepare<[number, string], string>('SELECT value FROM entries WHERE batch_id = ? AND key = ?').pluck();
  const liveKeys = db
    .prepare<[string, string], number>('SELECT COALESCE(SUM(keys), 0) FROM batches WHERE policy_id = ? AND kind = ? AND reverted_at IS NULL')
    .pluck();
  // Only figure kinds carry unit keys; industry ids never clash with unit ids, but say so anyway.
  const listForUnit = db.prepare<[string, string, string], BatchRow & { unit_keys: number }>(
    `SELECT b.*, COUNT(*) AS unit_keys
     FROM batches b JOIN entries e ON e.batch_id = b.batch_id
     WHERE b.policy_id = ? AND b.kind IN ('unit-targets', 'unit-actuals') AND e.key >= ? AND e.key < ?
     GROUP BY b.batch_id ORDER BY b.batch_id DESC`,
  );
  // A figure is superseded when a later batch of the same kind, still in force, states the same key.
  const supersededForUnit = db.prepare<[string, string, string], { batch_id: number; key: string }>(
    `SELECT e.batch_id, e.key
     FROM entries e JOIN batches b ON b.batch_id = e.batch_id
     WHERE b.policy_id = ? AND b.kind IN ('unit-targets', 'unit-actuals') AND e.key >= ? AND e.key < ?
       AND EXISTS (SELECT 1 FROM entries later JOIN batches lb ON lb.batch_id = later.batch_id
                   WHERE later.key = e.key AND later.batch_id > e.batch_id
                     AND lb.policy_id = b.policy_id AND lb.kind = b.kind AND lb.reverted_at IS NULL)
     ORDER BY e.batch_id, e.key`,
  );
  const latestChange = db.prepare<[string], { at: string | null }>(
    'SELECT MAX(COALESCE(reverted_at, uploaded_at)) AS at FROM batches WHERE policy_id = ?',
  );

  return {
    /** Inserts the batch row and all its entries; call inside a transaction. */
    insert(batch: NewBatch, entries: Iterable<readonly [string, string]>): number {
      const id = Number(
        insertBatch.run(batch.policyId, batch.kind, batch.fileName, batch.sha256, batch.rows, batch.keys, batch.uploadedBy, batch.uploadedAt)
          .lastInsertRowid,
      );
      for (const [key, value] of entries) insertEntry.run(id, key, value);
      return id;
    },
    find: (batchId: number) => {
      const row = find.get(batchId);
      return row ? toBatch(row) : undefined;
    },
    list: (policyId?: string) => (policyId ? listForPolicy.all(policyId) : listAll.all()).map(toBatch),
    /** The batches holding a figure of this unit, newest first, with that unit's share of them. */
    listForUnit(policyId: string, unitId: string): Batch[] {
      const [from, to] = unitKeyRange(unitId);
      const superseded = new Map<number, string[]>();
      for (const r of supersededForUnit.all(policyId, from, to)) {
        const keys = superseded.get(r.batch_id) ?? [];
        keys.push(r.key);
        superseded.set(r.batch_id, keys);
      }
      return listForUnit.all(policyId, from, to).map((r) => ({
        ...toBatch(r),
        unitKeys: r.unit_keys,
        unitSupersededKeys: superseded.get(r.batch_id) ?? [],
      }));
    },
    findCommitted: (policyId: string, kind: UploadKind, sha256: string) => {
      const row = committedSha.get(policyId, kind, sha256);
      return row ? toBatch(row) : undefined;
    },
    markReverted: (batchId: number, by: string, at: string) => markReverted.run(at, by, batchId).changes === 1,
    count: () => count.get()!.n,
    currentValues(policyId: string, kind: UploadKind): Map<string, string> {
      return new Map(current.all(policyId, kind).map((r) => [r.key, r.value]));
    },
    /** The same rows one at a time, for kinds of 100,000 keys: none is kept unless the caller keeps it. */
    forEachCurrent(policyId: string, kind: UploadKind, visit: (key: string, value: string) => void): void {
      for (const r of current.iterate(policyId, kind)) visit(r.key, r.value);
    },
    /**
     * The current values of the given keys only (an upload's preview: old → new for the keys of the
     * file). The newest batch stating a key holds its current value, so batches are read newest first
     * and the read stops once every key is found: a file of new claims beside 100,000 stored ones
     * costs one pass over their keys, without the sort of currentValues or the values themselves.
     */
    currentOf(policyId: string, kind: UploadKind, keys: ReadonlySet<string>): Map<string, string> {
      const found = new Map<string, string>();
      if (keys.size === 0) return found;
      // only the stored keys between the file's lowest and highest: a file of new claims numbered
      // after the stored ones reads none of them
      const range = keyRange(keys);
      for (const batchId of liveBatchesNewestFirst.all(policyId, kind)) {
        const batchKeys = range ? keysOfBatchIn.all(batchId, range.low, range.high) : keysOfBatch.all(batchId);
        const wanted = batchKeys.filter((key) => keys.has(key) && !found.has(key));
        if (wanted.length > batchKeys.length / 8) {
          // most of the batch is asked about (a file uploaded again): its values in one read
          const entries = range ? entriesOfBatchIn.all(batchId, range.low, range.high) : entriesOfBatch.all(batchId);
          for (const [key, value] of entries) if (keys.has(key) && !found.has(key)) found.set(key, value);
        } else {
          for (const key of wanted) found.set(key, valueOf.get(batchId, key)!);
        }
        if (found.size === keys.size) break;
      }
      return found;
    },
    /** How many keys the live batches of a kind hold, a key in two batches twice: the most there can be current. */
    liveKeyCount: (policyId: string, kind: UploadKind): number => liveKeys.get(policyId, kind) ?? 0,
    latestChangeAt: (policyId: string) => latestChange.get(policyId)?.at ?? null,
  };
}
export type BatchesRepository = ReturnType<typeof createBatchesRepository>;

/** Characters from U+D800 up: JavaScript orders them by UTF-16 code unit, SQLite by UTF-8 byte. */
const OTHER_ORDER = /[\uD800-\uFFFF]/;

/**
 * The lowest and highest of some keys in SQLite's order (BINARY: UTF-8 bytes), for `key BETWEEN`.
 * Below U+D800 that is JavaScript's own order; with a key that has a character from there up, null:
 * every stored key is read.
 */
function keyRange(keys: ReadonlySet<string>): { low: string; high: string } | null {
  let low: string | undefined;
  let high: string | undefined;
  for (const key of keys) {
    if (OTHER_ORDER.test(key)) return null;
    if (low === undefined || key < low) low = key;
    if (high === undefined || key > high) high = key;
  }
  return low === undefined || high === undefined ? null : { low, high };
}
