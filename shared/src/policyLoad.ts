import { z } from 'zod';
import { describeIssues, policySchema, registrySchema, type LoadedPolicy, type Policy, type Registry } from './policy';

/** A policy or registry file that cannot be used: names the file, the path in it and the reason. */
export class PolicyFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(issues.map((i) => `${file}: ${i}`).join('\n'));
    this.name = 'PolicyFileError';
  }
}

/** One problem of a policy document: where it is ("units.3") and why. */
export interface PolicyIssue {
  path: string;
  message: string;
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const result = schema.safeParse(json);
  if (!result.success) throw new PolicyFileError(file, describeIssues(result.error));
  return result.data;
}

/**
 * The references between a policy and its registry: every ranked unit (each once) and every
 * industry target must exist in the registry, and the policy must name that registry. Pure; used
 * by loadPolicy (files at start-up) and by scenario documents (shared/src/scenarios.ts).
 */
export function policyReferenceIssues(policy: Policy, registry: Registry): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const unitIds = new Set(registry.units.map((u) => u.unitId));
  const seen = new Set<string>(); // a Set, not indexOf: a policy may rank every county of a country
  policy.units.forEach((u, i) => {
    if (!unitIds.has(u)) issues.push({ path: `units.${i}`, message: `unit "${u}" is not in registry ${registry.registryId}` });
    else if (seen.has(u)) issues.push({ path: `units.${i}`, message: `unit "${u}" appears twice` });
    seen.add(u);
  });
  const industryIds = new Set(registry.industries.map((i) => i.industryId));
  policy.industries.targets.forEach((t, i) => {
    if (!industryIds.has(t.industryId)) {
      issues.push({ path: `industries.targets.${i}.industryId`, message: `industry "${t.industryId}" is not in registry ${registry.registryId}` });
    }
  });
  if (policy.registry !== registry.registryId) {
    issues.push({ path: 'registry', message: `names "${policy.registry}" but the registry file is "${registry.registryId}"` });
  }
  return issues;
}

/**
 * Validates a policy file and its registry, and the references between them. Pure: the server
 * reads the files.
 */
export function loadPolicy(
  policyJson: unknown,
  registryJson: unknown,
  files: { policyFile: string; registryFile: string },
): LoadedPolicy {
  const policy = parseWith(policySchema, policyJson, files.policyFile);
  const registry = parseWith(registrySchema, registryJson, files.registryFile);
  const issues = policyReferenceIssues(policy, registry);
  if (issues.length) throw new PolicyFileError(files.policyFile, issues.map((i) => `${i.path}: ${i.message}`));
  return { policy, registry };
}
