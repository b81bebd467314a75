-- Notifications (SPEC.md §18): webhook targets an admin sets, every delivery with its attempts, and
-- the paid places each policy last announced (so a restart does not announce them again).
CREATE TABLE webhooks (
  webhook_id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'json')),
  name       TEXT NOT NULL,
  url        TEXT NOT NULL,
  secret     TEXT,          -- never returned by the API nor logged
  events     TEXT NOT NULL, -- JSON array of event names
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE webhook_deliveries (
  delivery_id      INTEGER PRIMARY KEY AUTOINCREMENT,
  webhook_id       INTEGER NOT NULL REFERENCES webhooks (webhook_id) ON DELETE CASCADE,
  event            TEXT NOT NULL,
  policy_id        TEXT,
  revision         INTEGER,
  summary          TEXT NOT NULL,
  message          TEXT NOT NULL, -- the message as JSON (webhookJsonPayloadSchema); rendered per kind when sent
  status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER,       -- epoch ms; NULL once delivered or failed
  last_status_code INTEGER,
  last_error       TEXT,
  created_at       TEXT NOT NULL,
  delivered_at     TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, delivery_id);

CREATE TABLE announced_awards (
  policy_id  TEXT PRIMARY KEY,
  revision   INTEGER NOT NULL,
  paid_json  TEXT NOT NULL, -- [[unitId, rank, award], …] of the paid places, in rank order
  updated_at TEXT NOT NULL
);
