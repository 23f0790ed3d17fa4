-- Schema version 5: the revision graph of synced revisions, and the conflicts
-- of merges kept for the user.
--
-- A revision saved here has one parent, the revision before it in the local
-- history. A revision pulled from the server, and a merge revision, name their
-- parents explicitly (sync_graph + sync_parents). When a release has more than
-- one tip after a pull, one merge revision is made over the sorted tips: its
-- record id is derived from theirs, so every client makes the same record.

CREATE TABLE sync_graph (
    record_id TEXT    PRIMARY KEY,               -- the revision's record id
    release   INTEGER NOT NULL REFERENCES releases(id),
    created   INTEGER NOT NULL,                  -- the record's time (its author's clock), µs
    base      TEXT,                              -- the record id it was saved or merged on
    merge     INTEGER NOT NULL DEFAULT 0         -- 1 for a merge revision
) WITHOUT ROWID;

CREATE TABLE sync_parents (
    record_id TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    parent    TEXT    NOT NULL,
    PRIMARY KEY (record_id, position)
) WITHOUT ROWID;
CREATE INDEX sync_parents_parent ON sync_parents (parent);

-- One row per conflict of a merge (JSON of dateline_diff::merge::Conflict).
CREATE TABLE conflicts (
    id        INTEGER PRIMARY KEY,
    release   INTEGER NOT NULL REFERENCES releases(id),
    record_id TEXT    NOT NULL,                  -- the merge revision
    path      TEXT    NOT NULL,
    conflict  TEXT    NOT NULL,
    UNIQUE (record_id, path)
);
CREATE INDEX conflicts_release ON conflicts (release);

-- A conflict the user settled, and the revision that did (append-only).
CREATE TABLE conflict_resolutions (
    record_id   TEXT    NOT NULL,                -- the merge revision
    path        TEXT    NOT NULL,
    resolved_by TEXT    NOT NULL,                -- the resolving revision's record id
    resolved_at INTEGER NOT NULL,
    PRIMARY KEY (record_id, path)
) WITHOUT ROWID;

CREATE TRIGGER sync_graph_no_update BEFORE UPDATE ON sync_graph
BEGIN SELECT RAISE(ABORT, 'the revision graph is append-only'); END;
CREATE TRIGGER sync_graph_no_delete BEFORE DELETE ON sync_graph
BEGIN SELECT RAISE(ABORT, 'the revision graph is append-only'); END;
CREATE TRIGGER sync_parents_no_update BEFORE UPDATE ON sync_parents
BEGIN SELECT RAISE(ABORT, 'the revision graph is append-only'); END;
CREATE TRIGGER sync_parents_no_delete BEFORE DELETE ON sync_parents
BEGIN SELECT RAISE(ABORT, 'the revision graph is append-only'); END;
CREATE TRIGGER conflicts_no_update BEFORE UPDATE ON conflicts
BEGIN SELECT RAISE(ABORT, 'conflicts are append-only'); END;
CREATE TRIGGER conflicts_no_delete BEFORE DELETE ON conflicts
BEGIN SELECT RAISE(ABORT, 'conflicts are append-only'); END;
CREATE TRIGGER conflict_resolutions_no_update BEFORE UPDATE ON conflict_resolutions
BEGIN SELECT RAISE(ABORT, 'resolutions are append-only'); END;
CREATE TRIGGER conflict_resolutions_no_delete BEFORE DELETE ON conflict_resolutions
BEGIN SELECT RAISE(ABORT, 'resolutions are append-only'); END;
