-- Sync bookkeeping of the review records (comments, approvals, state
-- changes…) with a team server. A record has no row here until the server
-- has acknowledged it (state 1) or refused it for good (state 2, with the
-- server's code and sentence); records pulled from the server arrive with
-- state 1. The outbox is the records without a row (local profiles excepted).
-- A refused record stays in `records` (nothing is deleted) but is no longer
-- read: the team never saw it.

CREATE TABLE sync_records (
    record_id TEXT    PRIMARY KEY,      -- records.id
    state     INTEGER NOT NULL CHECK (state IN (1, 2)),
    code      TEXT,                     -- the server's refusal code (state 2)
    message   TEXT                      -- the server's refusal sentence (state 2)
) WITHOUT ROWID;
