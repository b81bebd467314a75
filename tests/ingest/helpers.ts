import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy, type LoadedPolicy, type Policy, type UploadError, type UploadKind } from '@scoreboard/shared';
import { parseUpload, renderIssues, type IngestResult } from '../../server/src/ingest';

const root = join(import.meta.dirname, '..', '..');

export function loadLiuzhou(): LoadedPolicy {
  const policyFile = join(root, 'data/policies/liuzhou-2026-q3.json');
  const registryFile = join(root, 'data/registries/liuzhou.json');
  return loadPolicy(JSON.parse(readFileSync(policyFile, 'utf8')), JSON.parse(readFileSync(registryFile, 'utf8')), { policyFile, registryFile });
}

export const liuzhou = loadLiuzhou();

export function fixture(name: string): Buffer {
  return readFileSync(join(root, 'tests/fixtures', name));
}

/** A parse as the user reads it: errors and warnings in words, Chinese unless asked otherwise. */
export type ReadResult = Omit<IngestResult, 'errors' | 'warnings'> & { errors: UploadError[]; warnings: UploadError[] };

export async function parse(kind: UploadKind, fileName: string, data: Buffer | string, options: { lang?: 'zh' | 'en'; policy?: Policy } = {}): Promise<ReadResult> {
  const result = await parseUpload({ kind, fileName, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data, ...liuzhou, policy: options.policy ?? liuzhou.policy });
  const lang = options.lang ?? 'zh';
  return { ...result, errors: renderIssues(result.errors, lang), warnings: renderIssues(result.warnings, lang) };
}

export function parseFixture(kind: UploadKind, name: string): Promise<ReadResult> {
  return parse(kind, name, fixture(name));
}

/** key → value, the way the server stores a batch */
export function values(result: ReadResult): Record<string, string> {
  return Object.fromEntries(result.entries.map((e) => [e.key, e.value]));
}

/** [row, column, code] of each error, in file order */
export function errorCells(result: ReadResult): [number | null, string | null, string][] {
  return result.errors.map((e) => [e.row, e.column, e.code]);
}

export const UPLOAD_KINDS_FOR_TEST: readonly UploadKind[] = ['unit-targets', 'unit-actuals', 'industry-output', 'subsidy-applications', 'credit-blacklist'];
