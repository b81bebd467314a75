import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy, type LoadedPolicy, type UploadKind } from '@scoreboard/shared';
import { parseUpload, type IngestResult } from '../../server/src/ingest';

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

export function parse(kind: UploadKind, fileName: string, data: Buffer | string): Promise<IngestResult> {
  return parseUpload({ kind, fileName, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data, ...liuzhou });
}

export function parseFixture(kind: UploadKind, name: string): Promise<IngestResult> {
  return parse(kind, name, fixture(name));
}

/** key → value, the way the server stores a batch */
export function values(result: IngestResult): Record<string, string> {
  return Object.fromEntries(result.entries.map((e) => [e.key, e.value]));
}

/** [row, column, code] of each error, in file order */
export function errorCells(result: IngestResult): [number | null, string | null, string][] {
  return result.errors.map((e) => [e.row, e.column, e.code]);
}

export const UPLOAD_KINDS_FOR_TEST: readonly UploadKind[] = ['unit-targets', 'unit-actuals', 'industry-output', 'subsidy-applications', 'credit-blacklist'];
