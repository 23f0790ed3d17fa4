-- Schema version 3: append-only records beside the revisions (review workflow:
-- comments, suggestions, approvals, state changes, exports…). A record is an
-- envelope with a JSON body; the store never reads the body. Records are
-- idempotent by `id` (a UUID v7 made by the writer), so a sync that retries
-- stores each record once. `release_id` is the release's public id, not a
-- foreign key: workspace-wide records use a reserved id, and a sync may bring
-- records before their release.

CREATE TABLE records (
    seq        INTEGER PRIMARY KEY,        -- local arrival order
    id         TEXT    NOT NULL UNIQUE,    -- UUID v7, lower-case, hyphenated
    release_id TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    author     TEXT    NOT NULL,
    created    INTEGER NOT NULL,           -- microseconds since the Unix epoch (UTC)
    revision   INTEGER,                    -- the revision the record refers to, if any
    body       TEXT    NOT NULL            -- JSON
);

CREATE INDEX records_by_release ON records (release_id, created, id);

-- Nothing is edited in place or deleted.
CREATE TRIGGER records_no_update BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'records are append-only'); END;
CREATE TRIGGER records_no_delete BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'records are append-only'); END;
