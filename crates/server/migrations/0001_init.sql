-- Server schema version 1: workspaces, accounts and sessions, append-only
-- records, content-addressed blobs, and the login attempts behind rate limiting.

CREATE TABLE workspaces (
    id      BIGSERIAL PRIMARY KEY,
    name    TEXT   NOT NULL UNIQUE,
    -- The last record position handed out; pushes lock this row, so positions
    -- are committed in order and a pull by cursor never skips a record.
    seq     BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    workspace_id  BIGINT  NOT NULL REFERENCES workspaces(id),
    name          TEXT    NOT NULL UNIQUE,
    role          TEXT    NOT NULL CHECK (role IN ('writer', 'editor', 'legal', 'approver', 'admin')),
    password_hash TEXT    NOT NULL,   -- argon2id, PHC string
    disabled      BOOLEAN NOT NULL DEFAULT false,
    created       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Tokens are stored as their blake3 hash: a copy of the database holds no usable session.
CREATE TABLE sessions (
    token_hash BYTEA       PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users(id),
    created    TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires    TIMESTAMPTZ NOT NULL,
    revoked    BOOLEAN     NOT NULL DEFAULT false
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
    name TEXT        NOT NULL,
    ip   TEXT        NOT NULL,
    at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    ok   BOOLEAN     NOT NULL
);
CREATE INDEX login_attempts_name ON login_attempts (name, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

-- A release belongs to the workspace of whoever pushed its first record.
CREATE TABLE releases (
    id           UUID    PRIMARY KEY,
    workspace_id BIGINT  NOT NULL REFERENCES workspaces(id),
    approved     BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE records (
    id           UUID        PRIMARY KEY,
    workspace_id BIGINT      NOT NULL REFERENCES workspaces(id),
    seq          BIGINT      NOT NULL,
    release_id   UUID        NOT NULL REFERENCES releases(id),
    kind         TEXT        NOT NULL,
    author       TEXT        NOT NULL,
    pushed_by    TEXT        NOT NULL,
    created      TIMESTAMPTZ NOT NULL,
    revision     INTEGER,
    -- The record as pushed (JSON text, byte for byte what pulls return: jsonb
    -- would reorder keys and timestamptz would round to microseconds).
    raw          TEXT        NOT NULL,
    -- blake3 of `raw`: a re-push with the same id must match it.
    content_hash BYTEA       NOT NULL,
    received     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, seq)
);
CREATE INDEX records_release ON records (release_id, seq);

CREATE TABLE blobs (
    workspace_id BIGINT NOT NULL REFERENCES workspaces(id),
    hash         TEXT   NOT NULL,
    data         BYTEA  NOT NULL,
    PRIMARY KEY (workspace_id, hash)
);

-- History is never rewritten.
CREATE FUNCTION dateline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON records
    FOR EACH ROW EXECUTE FUNCTION dateline_append_only();
CREATE TRIGGER blobs_append_only BEFORE UPDATE OR DELETE ON blobs
    FOR EACH ROW EXECUTE FUNCTION dateline_append_only();
