import type { RankingRow } from '@scoreboard/shared';

/**
 * Rank movement since the previous revision (issue 5, item 1). The API sends only the current
 * ranks, so the client remembers the ranks of the last two revisions it has seen, per policy and
 * month, in localStorage; movement is shown once a second revision has been seen.
 */
export interface RankSnapshot {
  revision: number;
  ranks: Record<string, number | null>;
}
export interface RankHistory {
  current: RankSnapshot;
  previous: RankSnapshot | null;
}

export type Movement = { kind: 'up' | 'down'; places: number } | { kind: 'same' } | { kind: 'new' } | null;

export function snapshotOf(revision: number, rows: readonly RankingRow[]): RankSnapshot {
  return { revision, ranks: Object.fromEntries(rows.map((r) => [r.unitId, r.rank])) };
}

/** The history after seeing `revision`: unchanged for the same revision, else shifted by one. */
export function advanceHistory(history: RankHistory | null, revision: number, rows: readonly RankingRow[]): RankHistory {
  if (history && history.current.revision === revision) return history;
  if (history && history.current.revision > revision) return history; // an older answer arriving late
  return { previous: history ? history.current : null, current: snapshotOf(revision, rows) };
}

export function movementOf(history: RankHistory | null, unitId: string, rank: number | null): Movement {
  if (!history?.previous || rank === null) return null;
  const before = history.previous.ranks[unitId];
  if (before === undefined || before === null) return { kind: 'new' };
  if (before === rank) return { kind: 'same' };
  return before > rank ? { kind: 'up', places: before - rank } : { kind: 'down', places: rank - before };
}

const isSnapshot = (v: unknown): v is RankSnapshot =>
  typeof v === 'object' && v !== null && typeof (v as RankSnapshot).revision === 'number' && typeof (v as RankSnapshot).ranks === 'object';

export function parseHistory(text: string | null): RankHistory | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as { current?: unknown; previous?: unknown };
    if (!isSnapshot(v.current)) return null;
    return { current: v.current, previous: isSnapshot(v.previous) ? v.previous : null };
  } catch {
    return null;
  }
}
