import type { IndicatorId } from './policy';

/**
 * Keys of the figures stored per upload batch. An upload replaces, key by key, what earlier batches
 * said (SPEC.md §11); keys it does not mention keep their values.
 */
export type IndustryField = 'output' | 'outputLastYear' | 'growth';
export const INDUSTRY_FIELDS: readonly IndustryField[] = ['output', 'outputLastYear', 'growth'];

export const unitTargetKey = (unitId: string, indicator: IndicatorId): string => `${unitId}/${indicator}`;
export const unitActualKey = (unitId: string, month: number, indicator: IndicatorId): string =>
  `${unitId}/${month}/${indicator}`;
export const industryKey = (industryId: string, month: number, field: IndustryField): string =>
  `${industryId}/${month}/${field}`;

const INDICATORS = new Set<string>(['output', 'investment']);

export interface UnitFigures {
  /** whole-period targets, 万元 as decimal strings */
  targets: Partial<Record<IndicatorId, string>>;
  /** cumulative actuals from the period's first month, by month, 万元 as decimal strings */
  actuals: Record<number, Partial<Record<IndicatorId, string>>>;
}

/** Builds per-unit figures from the current unit-targets and unit-actuals entries. */
export function unitFiguresFromEntries(entries: Iterable<readonly [string, string]>): Record<string, UnitFigures> {
  const out: Record<string, UnitFigures> = {};
  const get = (unitId: string) => (out[unitId] ??= { targets: {}, actuals: {} });
  for (const [key, value] of entries) {
    const parts = key.split('/');
    if (parts.length === 2 && INDICATORS.has(parts[1]!)) {
      get(parts[0]!).targets[parts[1] as IndicatorId] = value;
    } else if (parts.length === 3 && INDICATORS.has(parts[2]!)) {
      const month = Number(parts[1]);
      const unit = get(parts[0]!);
      (unit.actuals[month] ??= {})[parts[2] as IndicatorId] = value;
    }
  }
  return out;
}

export type IndustryMonth = Partial<Record<IndustryField, string>>;

export function industryFiguresFromEntries(
  entries: Iterable<readonly [string, string]>,
): Record<string, Record<number, IndustryMonth>> {
  const out: Record<string, Record<number, IndustryMonth>> = {};
  for (const [key, value] of entries) {
    const [industryId, month, field] = key.split('/');
    if (!industryId || !month || !field || !(INDUSTRY_FIELDS as readonly string[]).includes(field)) continue;
    ((out[industryId] ??= {})[Number(month)] ??= {})[field as IndustryField] = value;
  }
  return out;
}
