-- Schema version 8: the global id of the revision a pulled review record
-- refers to. A colleague's comment can name a revision this history never
-- numbers: their merge revision, when this history had work of its own and
-- merged that merge again with it. The record itself stays as it arrived
-- (records are append-only); reading it gives the local number of that
-- revision, or of the earliest revision here that holds what it held.

CREATE TABLE record_revision_ids (
    record_id   TEXT PRIMARY KEY,   -- records.id
    revision_id TEXT NOT NULL       -- sync_revisions.record_id, on every machine
) WITHOUT ROWID;

