import type { Policy, UploadKind } from '@scoreboard/shared';
import type { KindSpec } from '../columns';
import { creditBlacklist } from './creditBlacklist';
import { industryOutput } from './industryOutput';
import { specOf, type KindModule } from './kind';
import { subsidyApplications } from './subsidyApplications';
import { unitActuals } from './unitActuals';
import { unitTargets } from './unitTargets';

/** Every upload kind, one module each (SPEC §8, §11 "Upload columns"). */
export const KIND_MODULES: Readonly<Record<UploadKind, KindModule>> = {
  'unit-targets': unitTargets,
  'unit-actuals': unitActuals,
  'industry-output': industryOutput,
  'subsidy-applications': subsidyApplications,
  'credit-blacklist': creditBlacklist,
};

export function kindModule(kind: UploadKind): KindModule {
  const module = KIND_MODULES[kind];
  if (!module) throw new RangeError(`unknown upload kind: ${kind}`);
  return module;
}

/** A kind's columns under a policy. */
export const kindSpec = (kind: UploadKind, policy: Policy): KindSpec => specOf(kindModule(kind), policy);

/** Every kind's columns under a policy: to say "this file looks like 各单位四季度目标". */
export const allKindSpecs = (policy: Policy): KindSpec[] => Object.values(KIND_MODULES).map((m) => specOf(m, policy));

export type { KindModule } from './kind';
