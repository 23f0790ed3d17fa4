-- The revision graph of one release is read after every pull that adds to it
-- (`graph`: its pulled and merge revisions, and their parents). Without an
-- index on the release that read scans the whole graph, so an initial sync
-- slowed down with the square of the workspace's size.

CREATE INDEX sync_graph_release ON sync_graph (release);
