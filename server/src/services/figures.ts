import {
  applicationInputSchema,
  industryFiguresFromEntries,
  unitFiguresFromEntries,
  type ApplicationInput,
} from '@scoreboard/shared';
import type { BatchesRepository } from '../repositories/batches';

/** The current figures of a policy, read from the latest non-reverted batch of each key. */
export function createFiguresReader(batches: Pick<BatchesRepository, 'currentValues'>) {
  return {
    units(policyId: string) {
      return unitFiguresFromEntries(batches.currentValues(policyId, 'unit-targets'), batches.currentValues(policyId, 'unit-actuals'));
    },
    industries: (policyId: string) => industryFiguresFromEntries(batches.currentValues(policyId, 'industry-output')),
    applications(policyId: string): ApplicationInput[] {
      const out: ApplicationInput[] = [];
      for (const value of batches.currentValues(policyId, 'subsidy-applications').values()) {
        // Stored by the ingest module from a validated row; a row that no longer parses is skipped
        // rather than taking the page down.
        const parsed = applicationInputSchema.safeParse(JSON.parse(value));
        if (parsed.success) out.push(parsed.data);
      }
      return out;
    },
    blacklist: (policyId: string): Set<string> => new Set(batches.currentValues(policyId, 'credit-blacklist').keys()),
  };
}
export type FiguresReader = ReturnType<typeof createFiguresReader>;
