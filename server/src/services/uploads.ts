import { createHash } from 'node:crypto';
import { uploadKindSchema, type Batch, type UploadError, type UploadKind, type UploadResult } from '@scoreboard/shared';
import { readUpload, renderIssues, renderMessage, type Lang, type UploadRead } from '../ingest';
import { conflict, HttpError, notFound } from '../httpError';
import { msg } from '../i18n/messages';
import type { PolicyCatalog } from '../plugins/policies';
import type { BatchesRepository } from '../repositories/batches';
import type { ChangeRecorder } from './changes';

// A statistician previews a file, then commits the same file: keep the last read so the commit
// does not read a 100,000-row file twice. A parse depends only on the file and the policy (not on
// stored figures), so the sha-256 is a safe key. One entry, short-lived: a large read is tens of MiB
// (in a worker thread of its own, for a large file), let go of after ten minutes.
const PARSE_CACHE_MS = 10 * 60 * 1000;
/** The figure kinds plausibility compares with, in the order a key is looked for. */
const FIGURE_KINDS = ['unit-targets', 'unit-actuals', 'industry-output'] as const;
const isFigureKind = (kind: UploadKind): boolean => (FIGURE_KINDS as readonly UploadKind[]).includes(kind);

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
  let lastRead: { key: string; read: UploadRead; timer: NodeJS.Timeout } | null = null;
  const forget = () => {
    if (!lastRead) return;
    clearTimeout(lastRead.timer);
    lastRead = null;
  };

  /** The file read once for a preview and its commit; the caller closes what is not kept. */
  async function readOnce(key: string, read: () => Promise<UploadRead>): Promise<UploadRead> {
    const hit = lastRead?.key === key ? lastRead.read : null;
    if (lastRead && !hit) lastRead.read.close();
    forget();
    return hit ?? (await read());
  }

  /** Kept after a clean preview: that is when a commit of the same file follows. */
  function keep(key: string, read: UploadRead): void {
    // two previews at once: the later one is kept, the other let go (its worker ends)
    if (lastRead && lastRead.read !== read) lastRead.read.close();
    forget();
    const timer = setTimeout(() => {
      if (lastRead?.read !== read) return;
      read.close();
      lastRead = null;
    }, PARSE_CACHE_MS);
    timer.unref();
    lastRead = { key, read, timer };
  }

  /** The stored figures plausibility compares an upload with (SPEC §8), across the figure kinds. */
  function storedFigures(policyId: string): Map<string, string> {
    const figures = new Map<string, string>();
    for (const kind of FIGURE_KINDS) {
      for (const [key, value] of deps.batches.currentValues(policyId, kind)) if (!figures.has(key)) figures.set(key, value);
    }
    return figures;
  }

  async function upload(input: UploadInput): Promise<UploadResult> {
    const loaded = deps.policies.get(input.policyId);
    const fileName = cleanFileName(input.fileName);
    const sha256 = createHash('sha256').update(input.data).digest('hex');
    const cacheKey = `${input.policyId}/${input.kind}/${fileName}/${sha256}`;
    const read = await readOnce(cacheKey, () => readUpload({ kind: input.kind, fileName, data: input.data, ...loaded }));
    let kept = false;
    try {
      if (read.errors.length > 0) {
        // the notification (a 企业微信/钉钉 group of the city office) is in Chinese, whoever uploaded
        if (!input.dryRun) deps.onRefused?.({ policyId: input.policyId, kind: input.kind, fileName, actor: input.actor, errors: renderIssues(read.errors, 'zh') });
        throw new HttpError(422, 'invalid_upload', renderMessage('invalid_upload', { file: fileName, count: read.errors.length }, input.lang), {
          errors: renderIssues(read.errors, input.lang),
        });
      }

      // SPEC.md §8: the preview shows old → new for every key the file mentions. Only those keys'
      // stored values are read: a kind may hold 100,000 claims the file does not touch.
      const current = deps.batches.currentOf(input.policyId, input.kind, new Set(read.keys));
      // a figure is checked against the stored figures; a record (a claim, a listed enterprise) is not
      const figures = isFigureKind(input.kind) ? storedFigures(input.policyId) : new Map<string, string>();
      const { summary, changes, plausibility } = await read.preview({ current, figures, lang: input.lang });
      const warnings = renderIssues([...read.warnings, ...plausibility], input.lang);

      const result = { kind: input.kind, fileName, sha256, rowsRead: read.rowsRead, summary, changes, warnings };
      // Re-uploading a committed file is a no-op (SPEC.md §8).
      const duplicate = deps.batches.findCommitted(input.policyId, input.kind, sha256);
      if (duplicate || input.dryRun) {
        if (input.dryRun && !duplicate) {
          keep(cacheKey, read);
          kept = true;
        }
        return { dryRun: input.dryRun, duplicate: duplicate !== undefined, batch: duplicate ?? null, ...result };
      }

      const entries = await read.entries();
      read.close(); // a worker that held them ends while they are written
      const { result: batch } = deps.record(input.policyId, input.kind, () => {
        const uploadedAt = new Date().toISOString();
        const fields = {
          policyId: input.policyId,
          kind: input.kind,
          fileName,
          sha256,
          rows: read.rowsRead,
          keys: read.keys.length,
          uploadedBy: input.actor,
          uploadedAt,
        };
        const batchId = deps.batches.insert(fields, entries);
        const committed: Batch = { batchId, ...fields, revertedAt: null, revertedBy: null, unitKeys: null, unitSupersededKeys: null };
        return {
          result: committed,
          audit: { actor: input.actor, action: 'upload.commit', target: `${input.policyId}/${input.kind}`, after: { ...committed, summary } },
        };
      });
      return { dryRun: false, duplicate: false, batch, ...result };
    } finally {
      if (!kept) read.close();
    }
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
