-- Display links (SPEC §16, issue 12): a meeting room's wall screen runs on a link an admin makes,
-- not on a person's session. Only a hash of the token is kept: the token itself is shown once, at
-- creation, as a URL /display/<token>. Revoking sets revoked_at; rows are never deleted (audit).
CREATE TABLE display_links (
  link_id      INTEGER PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE,   -- hex sha-256 of the token
  policy_id    TEXT NOT NULL,          -- the one policy whose wall screen it opens
  label        TEXT NOT NULL,          -- where it hangs, e.g. 三楼会议室
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  revoked_at   TEXT,
  revoked_by   TEXT,
  last_seen_at TEXT                    -- written at most once a minute while the screen is up
);
