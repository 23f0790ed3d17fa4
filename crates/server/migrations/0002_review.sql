-- Server schema: the review workflow's rules read, for each release a push
-- touches, its last state change, and the workspace's latest rules. Both are
-- rare records among many revisions: a small partial index finds them at once.

CREATE INDEX records_review_state ON records (release_id, kind, seq)
    WHERE kind IN ('transition', 'rules');
