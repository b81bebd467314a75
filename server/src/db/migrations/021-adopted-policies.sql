-- Policies adopted from a saved scenario (SPEC §14): a new draft policy that lives in the database
-- rather than in data/policies/, loaded into the catalog at start-up next to the files. Its figures
-- are copied batches (batches.policy_id = policy_id), so they can be replaced and reverted like any.
CREATE TABLE adopted_policies (
  policy_id      TEXT PRIMARY KEY,
  document       TEXT NOT NULL,    -- the whole policy document, as JSON (status "draft")
  registry_id    TEXT NOT NULL,    -- data/registries/<registry_id>.json, as the document names it
  from_policy_id TEXT NOT NULL,    -- the policy whose scenario was adopted
  scenario_id    INTEGER NOT NULL, -- the saved scenario (it may be deleted later; the document stays)
  scenario_name  TEXT NOT NULL,
  adopted_by     TEXT NOT NULL,
  adopted_at     TEXT NOT NULL
);
