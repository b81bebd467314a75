import type { Policy, UploadKind } from '@scoreboard/shared';
import type { IngestEntry } from './entries';
import { kindModule } from './kinds';
import type { Issue } from './messages';

/**
 * Preview warnings on figures that look wrong but may be right (SPEC §8): they never block a commit.
 * Each kind says what it finds implausible (kinds/*.ts): a cumulative figure lower than the month
 * before's, a growth rate beyond ±100%, an actual more than three times its target.
 */
export function plausibilityWarnings(input: {
  kind: UploadKind;
  entries: readonly IngestEntry[];
  current: (key: string) => string | null;
  policy: Policy;
}): Issue[] {
  return kindModule(input.kind).plausibility(input);
}
