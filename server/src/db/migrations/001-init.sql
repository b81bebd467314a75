-- Users and sessions (SPEC.md §10). Passwords are scrypt hashes with a per-user salt.
CREATE TABLE users (
  username      TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('viewer', 'statistician', 'leader', 'admin')),
  password_hash TEXT NOT NULL,
  password_salt TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

CREATE TABLE sessions (
  session_id   TEXT PRIMARY KEY,
  username     TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL, -- epoch ms
  last_seen_at INTEGER NOT NULL, -- epoch ms, for the idle timeout
  expires_at   INTEGER NOT NULL  -- epoch ms, absolute expiry
);
CREATE INDEX sessions_username ON sessions (username);

-- Every commit is a batch kept for ever (SPEC.md §8); reverting only marks it.
CREATE TABLE batches (
  batch_id    INTEGER PRIMARY KEY AUTOINCREMENT,
  policy_id   TEXT NOT NULL,
  kind        TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  rows        INTEGER NOT NULL,
  keys        INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  reverted_at TEXT,
  reverted_by TEXT
);
CREATE INDEX batches_policy_kind ON batches (policy_id, kind, batch_id);

CREATE TABLE entries (
  batch_id INTEGER NOT NULL REFERENCES batches (batch_id),
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (batch_id, key)
) WITHOUT ROWID;
CREATE INDEX entries_key ON entries (key, batch_id);

-- One row per policy: the revision counter bumped by every change, and the admin's budget override.
CREATE TABLE policy_state (
  policy_id         TEXT PRIMARY KEY,
  revision          INTEGER NOT NULL DEFAULT 0,
  budget_total_wan  INTEGER, -- NULL: use the policy file's budget.totalWan
  updated_at        TEXT
);

-- 一票否决 (SPEC.md §4): a unit keeps its score, its place and award pass down.
CREATE TABLE disqualifications (
  policy_id TEXT NOT NULL,
  unit_id   TEXT NOT NULL,
  reason    TEXT NOT NULL,
  set_by    TEXT NOT NULL,
  set_at    TEXT NOT NULL,
  PRIMARY KEY (policy_id, unit_id)
);

-- The frozen award table (SPEC.md §9): later uploads never change it.
CREATE TABLE finalizations (
  policy_id    TEXT PRIMARY KEY,
  revision     INTEGER NOT NULL, -- the policy's revision right after finalizing
  snapshot     TEXT NOT NULL,    -- the awards response as JSON
  finalized_by TEXT NOT NULL,
  finalized_at TEXT NOT NULL
);

-- Append-only audit log (SPEC.md §10): who, what, when, before → after.
CREATE TABLE audit (
  audit_id    INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  target      TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
