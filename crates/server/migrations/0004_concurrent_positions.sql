-- Server schema version 2: pushes no longer queue on their workspace's row.
--
-- A record's position (`seq`) is now (id of the pushing transaction << 16) +
-- its index in the push: pg_current_xact_id() at insert time. Positions still
-- increase in pull order, with gaps, and are known before commit without any
-- lock. A pull returns only records below
--     pg_snapshot_xmin(pg_current_snapshot()) << 16
-- (every transaction with a smaller id has ended, and any push still running or
-- yet to come has a larger id), so a pull after cursor N never misses a record
-- that commits later with a smaller position.
--
-- Earlier positions (1, 2, 3 … per workspace) stay as they are and stay below
-- every new one: a push used at least one transaction id and at most 1,000
-- records, so no workspace holds 2^16 × (current transaction id) records.
-- `workspaces.seq` is no longer written.
--
-- Stop servers of schema version 1 before starting one of version 2: an old
-- server would still hand out small positions.

COMMENT ON COLUMN workspaces.seq IS 'unused since schema version 2 (positions come from transaction ids)';
COMMENT ON COLUMN records.seq IS '(pushing transaction id << 16) + index in the push; see migration 0002';
