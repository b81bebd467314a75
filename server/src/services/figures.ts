import {
  industryFiguresFromEntries,
  unitFiguresFromEntries,
  type ApplicationInput,
} from '@scoreboard/shared';
import type { BatchesRepository } from '../repositories/batches';

/** The current figures of a policy, read from the latest non-reverted batch of each key. */
export function createFiguresReader(batches: Pick<BatchesRepository, 'currentValues' | 'forEachCurrent' | 'liveKeyCount'>) {
  return {
    units(policyId: string) {
      return unitFiguresFromEntries(batches.currentValues(policyId, 'unit-targets'), batches.currentValues(policyId, 'unit-actuals'));
    },
    industries: (policyId: string) => industryFiguresFromEntries(batches.currentValues(policyId, 'industry-output')),
    applications(policyId: string): ApplicationInput[] {
      const out: ApplicationInput[] = [];
      // Read row by row: with 150,000 claims, a map of their JSON texts is ~100 MB held at once.
      batches.forEachCurrent(policyId, 'subsidy-applications', (_key, value) => {
        // Stored by the ingest module from a validated row; a row that no longer parses is skipped
        // rather than taking the page down. Checked in place, not copied: with 150,000 claims a
        // schema parse doubles the objects and takes seconds.
        const parsed: unknown = JSON.parse(value);
        if (isApplicationInput(parsed)) out.push(parsed);
      });
      return out;
    },
    /** At most how many claims there are (a claim uploaded twice counts twice), without reading them. */
    claimCount: (policyId: string): number => batches.liveKeyCount(policyId, 'subsidy-applications'),
    blacklist: (policyId: string): Set<string> => new Set(batches.currentValues(policyId, 'credit-blacklist').keys()),
  };
}
export type FiguresReader = ReturnType<typeof createFiguresReader>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isNullable = (v: unknown, type: 'string' | 'boolean') => v === null || typeof v === type;

/** The shape of shared's applicationInputSchema, checked without building a copy. */
export function isApplicationInput(v: unknown): v is ApplicationInput {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return typeof a.applicationId === 'string' && a.applicationId !== ''
    && typeof a.enterpriseName === 'string' && a.enterpriseName !== ''
    && typeof a.creditCode === 'string' && a.creditCode.length === 18
    && isNullable(a.aboveSize, 'boolean')
    // any kind id: one this policy does not pay is shown ineligible (kind_not_in_policy), never dropped
    && typeof a.kind === 'string' && a.kind !== ''
    && typeof a.item === 'string'
    && (a.date === null || (typeof a.date === 'string' && DATE.test(a.date)))
    && typeof a.costFen === 'number' && Number.isSafeInteger(a.costFen) && a.costFen >= 0
    && isNullable(a.certType, 'string')
    && isNullable(a.declaration, 'boolean');
}
