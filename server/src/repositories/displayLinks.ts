import type { Database } from 'better-sqlite3';

export interface DisplayLinkRow {
  link_id: number;
  token_sha256: string;
  policy_id: string;
  label: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  last_seen_at: string | null;
}

export function createDisplayLinksRepository(db: Database) {
  const insert = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO display_links (token_sha256, policy_id, label, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], DisplayLinkRow>('SELECT * FROM display_links ORDER BY link_id DESC');
  const byId = db.prepare<[number], DisplayLinkRow>('SELECT * FROM display_links WHERE link_id = ?');
  const byHash = db.prepare<[string], DisplayLinkRow>('SELECT * FROM display_links WHERE token_sha256 = ?');
  const revoke = db.prepare<[string, string, number]>('UPDATE display_links SET revoked_at = ?, revoked_by = ? WHERE link_id = ? AND revoked_at IS NULL');
  const seen = db.prepare<[string, number]>('UPDATE display_links SET last_seen_at = ? WHERE link_id = ?');
  return {
    insert: (row: Pick<DisplayLinkRow, 'token_sha256' | 'policy_id' | 'label' | 'created_by' | 'created_at'>) =>
      Number(insert.run(row.token_sha256, row.policy_id, row.label, row.created_by, row.created_at).lastInsertRowid),
    list: () => all.all(),
    find: (linkId: number) => byId.get(linkId),
    findByHash: (sha256: string) => byHash.get(sha256),
    revoke: (linkId: number, at: string, by: string) => revoke.run(at, by, linkId).changes > 0,
    seen: (linkId: number, at: string) => void seen.run(at, linkId),
  };
}
export type DisplayLinksRepository = ReturnType<typeof createDisplayLinksRepository>;
