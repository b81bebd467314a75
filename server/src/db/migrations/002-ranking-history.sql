-- Rank movement (issue 5): every distinct ranking of a (policy, month), kept at the revision at
-- which it first appeared, so "previous rank" survives restarts and does not depend on which
-- browser saw what. A ranking equal to the newest stored one is not stored again.
CREATE TABLE ranking_history (
  policy_id   TEXT NOT NULL,
  month       INTEGER NOT NULL,
  revision    INTEGER NOT NULL,
  ranks_json  TEXT NOT NULL, -- {"<unitId>": rank | null} for every unit of the policy
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (policy_id, month, revision)
) WITHOUT ROWID;
