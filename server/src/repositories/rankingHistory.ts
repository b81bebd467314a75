import type { Database } from 'better-sqlite3';

/** The ranks of one ranking: unit id → rank, null when the unit was not ranked. */
export type RankMap = Record<string, number | null>;
export interface RankingHistoryEntry {
  revision: number;
  ranks: RankMap;
}

/** Stored rankings per (policy, month), for rank movement (migration 002). */
export function createRankingHistoryRepository(db: Database) {
  const recent = db.prepare<[string, number, number, number], { revision: number; ranks_json: string }>(
    `SELECT revision, ranks_json FROM ranking_history
     WHERE policy_id = ? AND month = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
  );
  const upsert = db.prepare<[string, number, number, string, string]>(
    `INSERT INTO ranking_history (policy_id, month, revision, ranks_json, recorded_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (policy_id, month, revision) DO UPDATE SET ranks_json = excluded.ranks_json, recorded_at = excluded.recorded_at`,
  );
  return {
    /** The newest `limit` entries at or before `revision`, newest first. */
    recent(policyId: string, month: number, revision: number, limit = 2): RankingHistoryEntry[] {
      return recent.all(policyId, month, revision, limit).map((r) => ({ revision: r.revision, ranks: JSON.parse(r.ranks_json) as RankMap }));
    },
    /** Written only by a change (services/rankMovement.ts), inside the change's transaction. */
    save(policyId: string, month: number, entry: RankingHistoryEntry, at = new Date().toISOString()): void {
      upsert.run(policyId, month, entry.revision, JSON.stringify(entry.ranks), at);
    },
  };
}
export type RankingHistoryRepository = ReturnType<typeof createRankingHistoryRepository>;
