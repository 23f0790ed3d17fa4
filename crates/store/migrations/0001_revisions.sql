-- Schema version 1: releases, content-addressed blobs and append-only revisions.
-- Times are microseconds since the Unix epoch (UTC).

CREATE TABLE releases (
    id      INTEGER PRIMARY KEY,
    uuid    TEXT    NOT NULL UNIQUE,   -- the public id (UUID v7, lower-case, hyphenated)
    created INTEGER NOT NULL           -- time of revision 1
);

-- One row per distinct field or body block. `hash` is the first 16 bytes of
-- blake3(kind byte || uncompressed bytes); `codec` 0 = raw, 1 = raw DEFLATE.
CREATE TABLE blobs (
    id    INTEGER PRIMARY KEY,
    hash  BLOB    NOT NULL UNIQUE,
    codec INTEGER NOT NULL,
    data  BLOB    NOT NULL
);

-- One row per save. `manifest` is a format byte, then as varints the blob ids
-- of the 12 top-level fields other than the body, then those of the body's blocks.
CREATE TABLE revisions (
    release       INTEGER NOT NULL REFERENCES releases(id),
    number        INTEGER NOT NULL,
    created       INTEGER NOT NULL,
    author        TEXT    NOT NULL,
    message       TEXT,
    name          TEXT,
    restored_from INTEGER,
    manifest      BLOB    NOT NULL,
    PRIMARY KEY (release, number)
) WITHOUT ROWID;

-- History is never rewritten.
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
CREATE TRIGGER blobs_no_update BEFORE UPDATE ON blobs
BEGIN SELECT RAISE(ABORT, 'blobs are immutable'); END;
CREATE TRIGGER blobs_no_delete BEFORE DELETE ON blobs
BEGIN SELECT RAISE(ABORT, 'blobs are immutable'); END;
