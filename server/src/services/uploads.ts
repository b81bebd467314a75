import { createHash } from 'node:crypto';
import {
  eq, isDecimal, parseDecimal, uploadKindSchema,
  type Batch, type UploadChange, type UploadError, type UploadKind, type UploadResult,
} from '@scoreboard/shared';
import { parseUploadOffThread, plausibilityWarnings, renderIssues, renderMessage, type IngestResult, type Lang } from '../ingest';
import { conflict, HttpError, notFound } from '../httpError';
import { msg } from '../i18n/messages';
import type { PolicyCatalog } from '../plugins/policies';
import type { BatchesRepository } from '../repositories/batches';
import type { ChangeRecorder } from './changes';

const MAX_CHANGES_LISTED = 1000;
// A statistician previews a file, then commits the same file: keep the last parse so the commit
// does not read a 100,000-row file twice. A parse depends only on the file and the policy (not on
// stored figures), so the sha-256 is a safe key. One entry, short-lived: a large parse is tens of MiB.
const PARSE_CACHE_MS = 10 * 60 * 1000;
type Parsed = IngestResult;

/** The entries as the store takes them, one at a time (no second array of 100,000 pairs). */
function* keyValues(entries: readonly { key: string; value: string }[]): Generator<readonly [string, string]> {
  for (const e of entries) yield [e.key, e.value];
}

/** "6123.5" and "6123.50" are the same figure; JSON records compare as text. */
function sameValue(a: string, b: string): boolean {
  return a === b || (isDecimal(a) && isDecimal(b) && eq(parseDecimal(a), parseDecimal(b)));
}

/** Only the base name, without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || 'upload';
}

export interface UploadInput {
  policyId: string;
  kind: UploadKind;
  fileName: string;
  data: Buffer;
  dryRun: boolean;
  actor: string;
  /** the language of the request: errors and warnings are worded in it (SPEC §16) */
  lang: Lang;
}

export function createUploadsService(deps: {
  policies: PolicyCatalog;
  batches: BatchesRepository;
  record: ChangeRecorder;
  /** Told when a commit (not a preview) is refused for errors in the file (webhooks); must only queue. */
  onRefused?: (refusal: { policyId: string; kind: UploadKind; fileName: string; actor: string; errors: UploadError[] }) => void;
}) {
  let lastParse: { key: string; at: number; parsed: Parsed } | null = null;

  async function parseOnce(key: string, dryRun: boolean, parse: () => Promise<Parsed>): Promise<Parsed> {
    const hit = lastParse && lastParse.key === key && Date.now() - lastParse.at < PARSE_CACHE_MS ? lastParse.parsed : null;
    lastParse = null;
    const parsed = hit ?? (await parse());
    // kept only after a clean preview: that is when a commit of the same file follows
    if (dryRun && parsed.errors.length === 0) lastParse = { key, at: Date.now(), parsed };
    return parsed;
  }

  async function upload(input: UploadInput): Promise<UploadResult> {
    const loaded = deps.policies.get(input.policyId);
    const fileName = cleanFileName(input.fileName);
    const sha256 = createHash('sha256').update(input.data).digest('hex');
    const parsed = await parseOnce(`${input.policyId}/${input.kind}/${fileName}/${sha256}`, input.dryRun, () =>
      parseUploadOffThread({ kind: input.kind, fileName, data: input.data, ...loaded }),
    );
    if (parsed.errors.length > 0) {
      // the notification (a 企业微信/钉钉 group of the city office) is in Chinese, whoever uploaded
      if (!input.dryRun) deps.onRefused?.({ policyId: input.policyId, kind: input.kind, fileName, actor: input.actor, errors: renderIssues(parsed.errors, 'zh') });
      throw new HttpError(422, 'invalid_upload', renderMessage('invalid_upload', { file: fileName, count: parsed.errors.length }, input.lang), {
        errors: renderIssues(parsed.errors, input.lang),
      });
    }

    // SPEC.md §8: the preview shows old → new for every key the file mentions. Only those keys'
    // stored values are kept: a kind may hold 100,000 claims the file does not touch.
    const current = deps.batches.currentOf(input.policyId, input.kind, new Set(parsed.entries.map((e) => e.key)));
    const changes: UploadChange[] = [];
    const summary = { added: 0, changed: 0, unchanged: 0 };
    for (const e of parsed.entries) {
      const old = current.get(e.key) ?? null;
      const change = old === null ? 'added' : sameValue(old, e.value) ? 'unchanged' : 'changed';
      summary[change]++;
      const label = input.lang === 'en' && e.labelEn ? e.labelEn : e.label;
      if (changes.length < MAX_CHANGES_LISTED) changes.push({ key: e.key, label, old, new: e.value, change });
    }

    // Plausibility looks across kinds (an actual against its target), so it reads every figure kind.
    const otherKinds = new Map<UploadKind, Map<string, string>>();
    const lookup = (key: string): string | null => {
      for (const kind of ['unit-targets', 'unit-actuals', 'industry-output'] as const) {
        let values = otherKinds.get(kind);
        if (!values) otherKinds.set(kind, (values = deps.batches.currentValues(input.policyId, kind)));
        const v = values.get(key);
        if (v !== undefined) return v;
      }
      return null;
    };
    const warnings = renderIssues([
      ...parsed.warnings,
      ...plausibilityWarnings({ kind: input.kind, entries: parsed.entries, current: lookup, policy: loaded.policy }),
    ], input.lang);

    const result = { kind: input.kind, fileName, sha256, rowsRead: parsed.rowsRead, summary, changes, warnings };
    // Re-uploading a committed file is a no-op (SPEC.md §8).
    const duplicate = deps.batches.findCommitted(input.policyId, input.kind, sha256);
    if (duplicate || input.dryRun) {
      return { dryRun: input.dryRun, duplicate: duplicate !== undefined, batch: duplicate ?? null, ...result };
    }

    const { result: batch } = deps.record(input.policyId, input.kind, () => {
      const uploadedAt = new Date().toISOString();
      const fields = {
        policyId: input.policyId,
        kind: input.kind,
        fileName,
        sha256,
        rows: parsed.rowsRead,
        keys: parsed.entries.length,
        uploadedBy: input.actor,
        uploadedAt,
      };
      const batchId = deps.batches.insert(fields, keyValues(parsed.entries));
      const committed: Batch = { batchId, ...fields, revertedAt: null, revertedBy: null, unitKeys: null, unitSupersededKeys: null };
      return {
        result: committed,
        audit: { actor: input.actor, action: 'upload.commit', target: `${input.policyId}/${input.kind}`, after: { ...committed, summary } },
      };
    });
    return { dryRun: false, duplicate: false, batch, ...result };
  }

  function revert(batchId: number, actor: string): Batch {
    const batch = deps.batches.find(batchId);
    if (!batch) throw notFound('batch_not_found', msg('batch_not_found', { batchId }));
    deps.policies.get(batch.policyId);
    const { result } = deps.record(batch.policyId, 'revert', () => {
      const revertedAt = new Date().toISOString();
      // Checked inside the transaction: two people pressing 撤销 at once revert once.
      if (!deps.batches.markReverted(batchId, actor, revertedAt)) {
        throw conflict('already_reverted', msg('already_reverted', { batchId }));
      }
      const after: Batch = { ...batch, revertedAt, revertedBy: actor };
      return { result: after, audit: { actor, action: 'upload.revert', target: `${batch.policyId}/${batch.kind}`, before: batch, after } };
    });
    return result;
  }

  /** Batch history (SPEC.md §8); with a unit, only the batches that fed that unit's figures. */
  function list(query: { policyId?: string; unitId?: string }): Batch[] {
    const { policyId, unitId } = query;
    if (unitId !== undefined && !policyId) {
      throw new HttpError(400, 'policy_required', msg('policy_required'));
    }
    if (!policyId) return deps.batches.list();
    const { policy } = deps.policies.get(policyId);
    if (unitId === undefined) return deps.batches.list(policyId);
    if (!policy.units.includes(unitId)) throw notFound('unit_not_found', msg('unit_not_found', { unitId }));
    return deps.batches.listForUnit(policyId, unitId);
  }

  return {
    upload,
    revert,
    list,
    isKind: (kind: string): kind is UploadKind => uploadKindSchema.safeParse(kind).success,
  };
}
export type UploadsService = ReturnType<typeof createUploadsService>;
