-- Schema version 5: a full-text index over the search rows, so a search of a
-- library of 10,000 releases reads the index instead of every release's text.
-- The trigram tokenizer matches any substring of three characters or more, as
-- the search did before; shorter queries still scan the text. The index takes
-- its text from `search` and follows it through triggers.

CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    content = 'search',
    content_rowid = 'release',
    tokenize = 'trigram'
);
INSERT INTO search_index (search_index) VALUES ('rebuild');

CREATE TRIGGER search_index_insert AFTER INSERT ON search BEGIN
    INSERT INTO search_index (rowid, text) VALUES (new.release, new.text);
END;
CREATE TRIGGER search_index_delete AFTER DELETE ON search BEGIN
    INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', old.release, old.text);
END;
CREATE TRIGGER search_index_update AFTER UPDATE ON search BEGIN
    INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', old.release, old.text);
    INSERT INTO search_index (rowid, text) VALUES (new.release, new.text);
END;
