import type { Database } from 'better-sqlite3';

export interface AdoptedPolicy {
  policyId: string;
  /** the policy document as JSON text */
  document: string;
  registryId: string;
  fromPolicyId: string;
  scenarioId: number;
  scenarioName: string;
  adoptedBy: string;
  adoptedAt: string;
}

interface Row {
  policy_id: string;
  document: string;
  registry_id: string;
  from_policy_id: string;
  scenario_id: number;
  scenario_name: string;
  adopted_by: string;
  adopted_at: string;
}

/** Policies adopted from scenarios (migration 021). */
export function createAdoptedPoliciesRepository(db: Database) {
  const insert = db.prepare<[string, string, string, string, number, string, string, string]>(
    `INSERT INTO adopted_policies (policy_id, document, registry_id, from_policy_id, scenario_id, scenario_name, adopted_by, adopted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const all = db.prepare<[], Row>('SELECT * FROM adopted_policies ORDER BY adopted_at, policy_id');
  return {
    insert: (p: AdoptedPolicy) =>
      void insert.run(p.policyId, p.document, p.registryId, p.fromPolicyId, p.scenarioId, p.scenarioName, p.adoptedBy, p.adoptedAt),
    all: (): AdoptedPolicy[] =>
      all.all().map((r) => ({
        policyId: r.policy_id,
        document: r.document,
        registryId: r.registry_id,
        fromPolicyId: r.from_policy_id,
        scenarioId: r.scenario_id,
        scenarioName: r.scenario_name,
        adoptedBy: r.adopted_by,
        adoptedAt: r.adopted_at,
      })),
  };
}
export type AdoptedPoliciesRepository = ReturnType<typeof createAdoptedPoliciesRepository>;
