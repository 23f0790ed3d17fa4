-- Schema version 2: the trash, a listing index for fast lists and search, and
-- autosaved working copies kept apart from the history. The listing and
-- search rows of releases stored under version 1 are filled in by the store
-- right after this migration (they are derived from the latest revision).

ALTER TABLE releases ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;

-- Summary of each release's latest revision (rewritten on every save).
CREATE TABLE listing (
    release      INTEGER PRIMARY KEY REFERENCES releases(id),
    head         INTEGER NOT NULL,   -- latest revision number
    updated      INTEGER NOT NULL,   -- its time
    headline     TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    language     TEXT    NOT NULL,
    organisation TEXT    NOT NULL,
    style        TEXT    NOT NULL
);
CREATE INDEX listing_by_updated ON listing(updated);

-- Lower-cased full text of each release's latest revision, for search.
CREATE TABLE search (
    release INTEGER PRIMARY KEY REFERENCES releases(id),
    text    TEXT NOT NULL
);

-- At most one autosaved working copy per release (JSON of the whole release).
CREATE TABLE working_copies (
    release       INTEGER PRIMARY KEY REFERENCES releases(id),
    saved_at      INTEGER NOT NULL,
    base_revision INTEGER NOT NULL,
    release_json  TEXT    NOT NULL
);
