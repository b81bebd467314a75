import type { Database } from 'better-sqlite3';

export interface AuditRecord {
  actor: string;
  action: string; // e.g. "upload.commit", "user.create"
  target: string; // e.g. "<policyId>/unit-actuals", "user:alice"
  before?: unknown;
  after?: unknown;
}

interface AuditRow {
  audit_id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before_json: string | null;
  after_json: string | null;
}

export function createAuditRepository(db: Database) {
  const insert = db.prepare<[string, string, string, string, string | null, string | null]>(
    'INSERT INTO audit (at, actor, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const page = db.prepare<[number, number], AuditRow>(
    'SELECT * FROM audit WHERE audit_id < ? ORDER BY audit_id DESC LIMIT ?',
  );
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  return {
    append(record: AuditRecord, at = new Date().toISOString()): void {
      insert.run(at, record.actor, record.action, record.target, json(record.before), json(record.after));
    },
    /** Newest first; `beforeId` pages further back. */
    list(limit: number, beforeId = Number.MAX_SAFE_INTEGER) {
      return page.all(beforeId, limit).map((r) => ({
        auditId: r.audit_id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        target: r.target,
        before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
        after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
      }));
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
