-- The library lists a window of 60 releases at a time, newest edit first. With
-- an index in that order, a window reads its 60 listing rows instead of sorting
-- every release's (10,000 and more) on each key typed in the search field. A
-- save rewrites its release's entry (one more page write).

CREATE INDEX listing_recent ON listing (updated, release);
