-- Schema version 2: the trash, a listing index for fast lists and search, and
-- autosaved working copies kept apart from the history. The listing rows of
-- releases stored under version 1 are filled in by the store right after this
-- migration, their search rows on the next search (both derive from the latest
-- revision).

ALTER TABLE releases ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;

-- Summary of each release's latest revision (rewritten on every save). The
-- list is sorted by `updated` in memory: an index on it would cost every save
-- a page write for no gain at a few thousand releases.
CREATE TABLE listing (
    release      INTEGER PRIMARY KEY REFERENCES releases(id),
    head         INTEGER NOT NULL,   -- latest revision number
    updated      INTEGER NOT NULL,   -- its time
    headline     TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    language     TEXT    NOT NULL,
    organisation TEXT    NOT NULL,
    style        TEXT    NOT NULL,
    searched     INTEGER NOT NULL DEFAULT 0  -- the revision the search row holds
);

-- Lower-cased full text of a revision of each release, for search. Refreshed
-- before each search for the releases saved since (`listing.searched < head`),
-- so a save does not rewrite several kilobytes of text.
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
