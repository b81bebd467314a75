import type { Database } from 'better-sqlite3';

export interface Disqualification {
  unitId: string;
  reason: string;
  setBy: string;
  setAt: string;
}
export interface Finalization {
  revision: number;
  snapshot: string;
  finalizedBy: string;
  finalizedAt: string;
}

/** Per-policy state that is not figures: revision counter, budget override, 一票否决, finalization. */
export function createPolicyStateRepository(db: Database) {
  const ensure = db.prepare<[string]>('INSERT OR IGNORE INTO policy_state (policy_id) VALUES (?)');
  const get = db.prepare<[string], { revision: number; budget_total_wan: number | null; updated_at: string | null }>(
    'SELECT revision, budget_total_wan, updated_at FROM policy_state WHERE policy_id = ?',
  );
  const bump = db.prepare<[string, string]>(
    'UPDATE policy_state SET revision = revision + 1, updated_at = ? WHERE policy_id = ?',
  );
  const setBudget = db.prepare<[number | null, string]>('UPDATE policy_state SET budget_total_wan = ? WHERE policy_id = ?');
  const listDq = db.prepare<[string], { unit_id: string; reason: string; set_by: string; set_at: string }>(
    'SELECT unit_id, reason, set_by, set_at FROM disqualifications WHERE policy_id = ? ORDER BY unit_id',
  );
  const upsertDq = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO disqualifications (policy_id, unit_id, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (policy_id, unit_id) DO UPDATE SET reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at`,
  );
  const deleteDq = db.prepare<[string, string]>('DELETE FROM disqualifications WHERE policy_id = ? AND unit_id = ?');
  const getFinal = db.prepare<[string], { revision: number; snapshot: string; finalized_by: string; finalized_at: string }>(
    'SELECT revision, snapshot, finalized_by, finalized_at FROM finalizations WHERE policy_id = ?',
  );
  const insertFinal = db.prepare<[string, number, string, string, string]>(
    'INSERT INTO finalizations (policy_id, revision, snapshot, finalized_by, finalized_at) VALUES (?, ?, ?, ?, ?)',
  );

  // The row is created once per policy and never deleted: remember that, so a read is a read and
  // not an INSERT OR IGNORE (a write transaction) on every request.
  const ensured = new Set<string>();
  const ensureRow = (policyId: string) => {
    if (ensured.has(policyId)) return;
    ensure.run(policyId);
    ensured.add(policyId);
  };
  const state = (policyId: string) => {
    ensureRow(policyId);
    const row = get.get(policyId);
    if (row) return row;
    // the insert was rolled back with a failed transaction: make it again
    ensured.delete(policyId);
    ensureRow(policyId);
    return get.get(policyId)!;
  };
  return {
    revision: (policyId: string) => state(policyId).revision,
    updatedAt: (policyId: string) => state(policyId).updated_at,
    /** Bumps and returns the new revision; call inside the transaction that made the change. */
    bump(policyId: string, at = new Date().toISOString()): number {
      ensureRow(policyId);
      if (bump.run(at, policyId).changes === 0) {
        ensured.delete(policyId);
        ensureRow(policyId);
        bump.run(at, policyId);
      }
      return get.get(policyId)!.revision;
    },
    budgetOverride: (policyId: string) => state(policyId).budget_total_wan,
    setBudgetOverride(policyId: string, totalWan: number | null): void {
      state(policyId);
      setBudget.run(totalWan, policyId);
    },
    disqualifications: (policyId: string): Disqualification[] =>
      listDq.all(policyId).map((r) => ({ unitId: r.unit_id, reason: r.reason, setBy: r.set_by, setAt: r.set_at })),
    setDisqualification: (policyId: string, d: Disqualification) =>
      void upsertDq.run(policyId, d.unitId, d.reason, d.setBy, d.setAt),
    clearDisqualification: (policyId: string, unitId: string) => deleteDq.run(policyId, unitId).changes === 1,
    finalization(policyId: string): Finalization | undefined {
      const r = getFinal.get(policyId);
      return r && { revision: r.revision, snapshot: r.snapshot, finalizedBy: r.finalized_by, finalizedAt: r.finalized_at };
    },
    insertFinalization: (policyId: string, f: Finalization) =>
      void insertFinal.run(policyId, f.revision, f.snapshot, f.finalizedBy, f.finalizedAt),
  };
}
export type PolicyStateRepository = ReturnType<typeof createPolicyStateRepository>;
