import { z } from 'zod';
import { describeIssues, policySchema, registrySchema, type LoadedPolicy } from './policy';

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

function parseWith<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const result = schema.safeParse(json);
  if (!result.success) throw new PolicyFileError(file, describeIssues(result.error));
  return result.data;
}

/**
 * Validates a policy file and its registry, and the references between them: every ranked unit and
 * every industry target must exist in the registry. Pure: the server reads the files.
 */
export function loadPolicy(
  policyJson: unknown,
  registryJson: unknown,
  files: { policyFile: string; registryFile: string },
): LoadedPolicy {
  const policy = parseWith(policySchema, policyJson, files.policyFile);
  const registry = parseWith(registrySchema, registryJson, files.registryFile);
  const issues: string[] = [];
  const unitIds = new Set(registry.units.map((u) => u.unitId));
  policy.units.forEach((u, i) => {
    if (!unitIds.has(u)) issues.push(`units.${i}: unit "${u}" is not in registry ${registry.registryId}`);
  });
  const industryIds = new Set(registry.industries.map((i) => i.industryId));
  policy.industries.targets.forEach((t, i) => {
    if (!industryIds.has(t.industryId)) {
      issues.push(`industries.targets.${i}.industryId: industry "${t.industryId}" is not in registry ${registry.registryId}`);
    }
  });
  if (policy.registry !== registry.registryId) {
    issues.push(`registry: names "${policy.registry}" but the registry file is "${registry.registryId}"`);
  }
  if (issues.length) throw new PolicyFileError(files.policyFile, issues);
  return { policy, registry };
}
