-- Server schema: presence. Who has which release open, viewing or editing,
-- until when. Kept in PostgreSQL (not in an instance's memory) so every
-- instance sees every heartbeat; an entry not renewed before `expires` lapses
-- (a closed laptop sends no goodbye).

CREATE TABLE presence (
    workspace_id BIGINT      NOT NULL REFERENCES workspaces(id),
    user_id      BIGINT      NOT NULL REFERENCES users(id),
    -- Not a reference to releases: a release opened before its first push is
    -- not on the server yet. Rows are scoped by workspace_id like the rest.
    release_id   UUID        NOT NULL,
    mode         TEXT        NOT NULL CHECK (mode IN ('viewing', 'editing')),
    expires      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, release_id, user_id)
);
CREATE INDEX presence_expires ON presence (expires);
