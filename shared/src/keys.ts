import type { UploadKind } from './api';

/**
 * Keys of the figures stored per upload batch. An upload replaces, key by key, what earlier batches
 * said (SPEC.md §11); keys it does not mention keep their values. This file is the only place the
 * key format lives: everything else builds keys with `figureKey` and reads them with
 * `parseFigureKey`. The format is stored in every database ever written, so it never changes:
 *   unit-targets          <unitId>/<indicatorId>
 *   unit-actuals          <unitId>/<month>/<indicatorId>
 *   industry-output       <industryId>/<month>/<field>
 *   subsidy-applications  <applicationId>
 *   credit-blacklist      <creditCode>
 */
export type IndustryField = 'output' | 'outputLastYear' | 'growth';
export const INDUSTRY_FIELDS: readonly IndustryField[] = ['output', 'outputLastYear', 'growth'];

export type FigureKey =
  | { kind: 'unit-targets'; unitId: string; indicatorId: string }
  | { kind: 'unit-actuals'; unitId: string; month: number; indicatorId: string }
  | { kind: 'industry-output'; industryId: string; month: number; field: IndustryField }
  | { kind: 'subsidy-applications'; applicationId: string }
  | { kind: 'credit-blacklist'; creditCode: string };

export function figureKey(key: FigureKey): string {
  switch (key.kind) {
    case 'unit-targets':
      return `${key.unitId}/${key.indicatorId}`;
    case 'unit-actuals':
      return `${key.unitId}/${key.month}/${key.indicatorId}`;
    case 'industry-output':
      return `${key.industryId}/${key.month}/${key.field}`;
    case 'subsidy-applications':
      return key.applicationId;
    case 'credit-blacklist':
      return key.creditCode;
  }
}

const MONTH = /^(?:[1-9]|1[0-2])$/;

/** The parts of a stored key of `kind`, or null when the key is not of that kind's format. */
export function parseFigureKey(kind: UploadKind, key: string): FigureKey | null {
  if (kind === 'subsidy-applications') return { kind, applicationId: key };
  if (kind === 'credit-blacklist') return { kind, creditCode: key };
  const parts = key.split('/');
  if (kind === 'unit-targets') {
    return parts.length === 2 && parts[0] && parts[1] ? { kind, unitId: parts[0], indicatorId: parts[1] } : null;
  }
  if (parts.length !== 3 || !parts[0] || !MONTH.test(parts[1]!)) return null;
  if (kind === 'unit-actuals') return parts[2] ? { kind, unitId: parts[0], month: Number(parts[1]), indicatorId: parts[2] } : null;
  const field = parts[2] as IndustryField;
  return INDUSTRY_FIELDS.includes(field) ? { kind, industryId: parts[0], month: Number(parts[1]), field } : null;
}

export const unitTargetKey = (unitId: string, indicatorId: string): string =>
  figureKey({ kind: 'unit-targets', unitId, indicatorId });
export const unitActualKey = (unitId: string, month: number, indicatorId: string): string =>
  figureKey({ kind: 'unit-actuals', unitId, month, indicatorId });
export const industryKey = (industryId: string, month: number, field: IndustryField): string =>
  figureKey({ kind: 'industry-output', industryId, month, field });

export interface UnitFigures {
  /** whole-period targets by indicator id, as decimal strings (万元, or a count) */
  targets: Record<string, string>;
  /** cumulative actuals from the period's first month, by month, then indicator id */
  actuals: Record<number, Record<string, string>>;
}

/** Builds per-unit figures from the current unit-targets and unit-actuals entries. */
export function unitFiguresFromEntries(
  targets: Iterable<readonly [string, string]>,
  actuals: Iterable<readonly [string, string]>,
): Record<string, UnitFigures> {
  const out: Record<string, UnitFigures> = {};
  const get = (unitId: string) => (out[unitId] ??= { targets: {}, actuals: {} });
  for (const [key, value] of targets) {
    const k = parseFigureKey('unit-targets', key);
    if (k?.kind === 'unit-targets') get(k.unitId).targets[k.indicatorId] = value;
  }
  for (const [key, value] of actuals) {
    const k = parseFigureKey('unit-actuals', key);
    if (k?.kind === 'unit-actuals') (get(k.unitId).actuals[k.month] ??= {})[k.indicatorId] = value;
  }
  return out;
}

export type IndustryMonth = Partial<Record<IndustryField, string>>;

export function industryFiguresFromEntries(
  entries: Iterable<readonly [string, string]>,
): Record<string, Record<number, IndustryMonth>> {
  const out: Record<string, Record<number, IndustryMonth>> = {};
  for (const [key, value] of entries) {
    const k = parseFigureKey('industry-output', key);
    if (k?.kind !== 'industry-output') continue;
    ((out[k.industryId] ??= {})[k.month] ??= {})[k.field] = value;
  }
  return out;
}

/**
 * Every key of one unit (targets and actuals) starts with this prefix; the batches repository reads
 * a unit's keys as the index range [prefix, prefix with its last character incremented).
 */
export const unitKeyPrefix = (unitId: string): string => `${unitId}/`;
