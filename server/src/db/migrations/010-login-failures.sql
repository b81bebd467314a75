-- Failed logins (issue 14): the limiter of services/loginThrottle.ts keeps its window here too, so a
-- restart (or a crash an attacker provokes) does not hand out a fresh set of guesses.
CREATE TABLE login_failures (
  key TEXT    NOT NULL, -- "user:<name>" or "addr:<address>"
  at  INTEGER NOT NULL  -- epoch ms
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);
