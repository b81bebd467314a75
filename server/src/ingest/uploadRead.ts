import { eq, isDecimal, parseDecimal, type Policy, type UploadChange } from '@scoreboard/shared';
import type { IngestEntry } from './entries';
import type { Issue, Lang } from './messages';
import type { IngestResult } from './parse';
import { plausibilityWarnings } from './plausibility';

/**
 * A file that has been read, wherever it was read: in place, or in a worker thread that keeps the
 * entries (offThread.ts). The preview needs only the file's keys, the counts and the first changes;
 * the entries themselves — 100,000 JSON records for a large claims file — cross into the server's
 * own heap only when they are committed.
 */
export interface UploadRead {
  readonly rowsRead: number;
  /** in words of no language yet: render with renderIssues(…, lang) at the boundary */
  readonly errors: Issue[];
  readonly warnings: Issue[];
  /** the keys of the entries, in file order (empty when there are errors) */
  readonly keys: readonly string[];
  /** old → new for every key, given the stored values of the keys (SPEC §8), and the plausibility warnings */
  preview(request: PreviewRequest): Promise<Preview>;
  /** key → value pairs in file order, for the commit */
  entries(): Promise<Iterable<readonly [string, string]>>;
  /** lets go of the entries (a worker holding them ends) */
  close(): void;
}

export interface PreviewRequest {
  /** the stored value of each of the file's keys that has one */
  current: ReadonlyMap<string, string>;
  /** the stored figures plausibility compares with (targets, actuals, industry output), by key */
  figures: ReadonlyMap<string, string>;
  lang: Lang;
}

export interface Preview {
  summary: { added: number; changed: number; unchanged: number };
  /** at most MAX_CHANGES_LISTED, in file order */
  changes: UploadChange[];
  plausibility: Issue[];
}

export const MAX_CHANGES_LISTED = 1000;

/** "6123.5" and "6123.50" are the same figure; JSON records compare as text. */
function sameValue(a: string, b: string): boolean {
  return a === b || (isDecimal(a) && isDecimal(b) && eq(parseDecimal(a), parseDecimal(b)));
}

/** The preview of a file's entries against what is stored, where the entries are. */
export function previewEntries(result: IngestResult, policy: Policy, request: PreviewRequest): Preview {
  const { current, figures, lang } = request;
  const changes: UploadChange[] = [];
  const summary = { added: 0, changed: 0, unchanged: 0 };
  for (const e of result.entries) {
    const old = current.get(e.key) ?? null;
    const change = old === null ? 'added' : sameValue(old, e.value) ? 'unchanged' : 'changed';
    summary[change]++;
    const label = lang === 'en' && e.labelEn ? e.labelEn : e.label;
    if (changes.length < MAX_CHANGES_LISTED) changes.push({ key: e.key, label, old, new: e.value, change });
  }
  const plausibility = plausibilityWarnings({ kind: result.kind, entries: result.entries, current: (key) => figures.get(key) ?? null, policy });
  return { summary, changes, plausibility };
}

/** The entries as the store takes them, one at a time (no second array of 100,000 pairs). */
function* pairs(entries: readonly IngestEntry[]): Generator<readonly [string, string]> {
  for (const e of entries) yield [e.key, e.value];
}

/**
 * The entries' values as the commit takes them from a worker: UTF-8 bytes, one after another, and
 * where each ends. The bytes are transferred, not copied, and stay outside the JavaScript heap; the
 * commit turns them into text one value at a time as it writes them. Sent as 100,000 strings they
 * were copied into the server's heap all at once, which kept the memory long after the commit.
 */
export interface PackedValues {
  bytes: Uint8Array<ArrayBuffer>;
  /** the byte offset where each value ends, in entry order */
  ends: Uint32Array<ArrayBuffer>;
}

export function packValues(entries: readonly IngestEntry[]): PackedValues {
  const texts = entries.map((e) => e.value);
  const ends = new Uint32Array(texts.length);
  let total = 0;
  texts.forEach((text, i) => (ends[i] = total += Buffer.byteLength(text, 'utf8')));
  const bytes = Buffer.allocUnsafeSlow(total);
  let at = 0;
  for (const text of texts) at += bytes.write(text, at, 'utf8');
  return { bytes, ends };
}

/** The key → value pairs of packed values, each value made into text only when it is reached. */
export function* unpackValues(keys: readonly string[], { bytes, ends }: PackedValues): Generator<readonly [string, string]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 0;
  for (let i = 0; i < keys.length; i++) {
    yield [keys[i]!, buffer.toString('utf8', start, ends[i])];
    start = ends[i]!;
  }
}

/** A file read in place: its entries are here already. */
export function readInPlace(result: IngestResult, policy: Policy): UploadRead {
  return {
    rowsRead: result.rowsRead,
    errors: result.errors,
    warnings: result.warnings,
    keys: result.entries.map((e) => e.key),
    preview: (request) => Promise.resolve(previewEntries(result, policy, request)),
    entries: () => Promise.resolve(pairs(result.entries)),
    close: () => undefined,
  };
}
