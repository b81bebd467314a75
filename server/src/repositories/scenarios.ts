import type { Database } from 'better-sqlite3';

export interface StoredScenario {
  scenarioId: number;
  policyId: string;
  name: string;
  /** the policy document as JSON text */
  document: string;
  month: number | null;
  createdBy: string;
  createdAt: string;
}
export type NewScenario = Omit<StoredScenario, 'scenarioId'>;

interface Row {
  scenario_id: number;
  policy_id: string;
  name: string;
  document: string;
  month: number | null;
  created_by: string;
  created_at: string;
}
const toScenario = (r: Row): StoredScenario => ({
  scenarioId: r.scenario_id,
  policyId: r.policy_id,
  name: r.name,
  document: r.document,
  month: r.month,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** Saved scenarios (migration 020). */
export function createScenariosRepository(db: Database) {
  const insert = db.prepare<[string, string, string, number | null, string, string]>(
    'INSERT INTO scenarios (policy_id, name, document, month, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const list = db.prepare<[string], Row>('SELECT * FROM scenarios WHERE policy_id = ? ORDER BY scenario_id DESC');
  const find = db.prepare<[string, number], Row>('SELECT * FROM scenarios WHERE policy_id = ? AND scenario_id = ?');
  const remove = db.prepare<[string, number]>('DELETE FROM scenarios WHERE policy_id = ? AND scenario_id = ?');
  const count = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM scenarios WHERE policy_id = ?');
  const ids = db.prepare<[string], { scenario_id: number }>('SELECT scenario_id FROM scenarios WHERE policy_id = ? ORDER BY scenario_id DESC');
  return {
    insert: (s: NewScenario): number =>
      Number(insert.run(s.policyId, s.name, s.document, s.month, s.createdBy, s.createdAt).lastInsertRowid),
    /** Newest first. */
    list: (policyId: string): StoredScenario[] => list.all(policyId).map(toScenario),
    find(policyId: string, scenarioId: number): StoredScenario | undefined {
      const row = find.get(policyId, scenarioId);
      return row && toScenario(row);
    },
    remove: (policyId: string, scenarioId: number): boolean => remove.run(policyId, scenarioId).changes === 1,
    count: (policyId: string): number => count.get(policyId)!.n,
    /** Newest first, without the documents: what a cache key needs. */
    ids: (policyId: string): number[] => ids.all(policyId).map((r) => r.scenario_id),
  };
}
export type ScenariosRepository = ReturnType<typeof createScenariosRepository>;
