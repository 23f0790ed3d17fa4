-- Sync bookkeeping for a team server: the server, the session and the pull
-- cursor; a stable global id for every local revision and whether the server
-- has acknowledged it (the outbox is the revisions not yet acknowledged).
-- Revisions pulled from colleagues are appended to the local history like any
-- other and marked sent, so two people saving on the same base revision both
-- keep both revisions.

CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,   -- 'url', 'token', 'user', 'cursor'
    value TEXT NOT NULL
);

CREATE TABLE sync_revisions (
    release   INTEGER NOT NULL REFERENCES releases(id),
    number    INTEGER NOT NULL,
    record_id TEXT    NOT NULL UNIQUE,   -- the revision's id on every machine (UUID v7)
    sent      INTEGER NOT NULL DEFAULT 0, -- 1 once the server acknowledged it (or it came from there)
    origin    TEXT,                      -- who pushed it, for revisions pulled from the server
    PRIMARY KEY (release, number)
) WITHOUT ROWID;
CREATE INDEX sync_revisions_unsent ON sync_revisions (sent) WHERE sent = 0;
