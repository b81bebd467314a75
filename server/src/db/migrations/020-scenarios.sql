-- Saved scenarios (SPEC §14): a named draft rule a leader tried on a policy's figures, kept until a
-- leader deletes it (the deletion is audited with the whole document). Saving one is not a change
-- of the policy's figures: it bumps no revision.
CREATE TABLE scenarios (
  scenario_id INTEGER PRIMARY KEY AUTOINCREMENT,
  policy_id   TEXT NOT NULL,    -- the policy whose figures it is ranked on
  name        TEXT NOT NULL,
  document    TEXT NOT NULL,    -- the whole policy document, as JSON, validated when saved
  month       INTEGER,          -- the as-of month it was saved with; NULL: the latest with data
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX scenarios_policy ON scenarios (policy_id, scenario_id);
