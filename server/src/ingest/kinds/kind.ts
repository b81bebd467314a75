import type { Policy, Registry, UploadKind } from '@scoreboard/shared';
import type { KindSpec } from '../columns';
import type { EntrySink, IngestEntry, RowScope } from '../entries';
import type { MappedColumn } from '../headers';
import type { Issue } from '../messages';

/**
 * One upload kind, whole: its columns and the words people use for them (as a function of the
 * policy), how a row is validated into keyed entries, the preview's plausibility warnings, and what
 * its template shows. A new kind is one new file beside this one, listed in kinds/index.ts.
 */
export interface FileContext {
  policy: Policy;
  registry: Registry;
  sink: EntrySink;
}

/** Reads one data row of a sheet whose header has been found: entries into the sink, or errors. */
export type RowReader = (scope: RowScope, columns: ReadonlyMap<string, MappedColumn>) => void;

export interface PlausibilityInput {
  entries: readonly IngestEntry[];
  /** the stored value of any key (of any kind), null when none */
  current: (key: string) => string | null;
  policy: Policy;
}

export interface KindModule {
  readonly kind: UploadKind;
  /** the columns, as the policy makes them (indicators, period words) */
  spec(policy: Policy): KindSpec;
  /** the field whose cell names a row: where a total (合计) or a footnote (注：) shows */
  readonly idField: string;
  reader(context: FileContext): RowReader;
  /** SPEC §8: what looks implausible, as warnings that never block a commit */
  plausibility(input: PlausibilityInput): Issue[];
  template: {
    /** the 示例 row, one value per column */
    example(policy: Policy, registry: Registry): (string | number)[];
    /** the kind's own lines in 填写说明 */
    notes(policy: Policy): string[];
    /** months offered in the drop-down: the policy period's, or any of 1–12 */
    months: 'period' | 'year';
  };
}

const specs = new WeakMap<Policy, Map<UploadKind, KindSpec>>();

/** A kind's columns for a policy, built once per policy (header lookups are cached by spec). */
export function specOf(module: KindModule, policy: Policy): KindSpec {
  let byKind = specs.get(policy);
  if (!byKind) specs.set(policy, (byKind = new Map()));
  let spec = byKind.get(module.kind);
  if (!spec) byKind.set(module.kind, (spec = module.spec(policy)));
  return spec;
}
