//! The revision graph of a release, merges of concurrent revisions and the
//! conflicts they leave for the user.
//!
//! Every revision has a global record id. A revision saved here has one
//! parent, the revision before it in the local history; a revision pulled from
//! the server and a merge revision name theirs (`sync_graph`, `sync_parents`).
//! The tips of a release are the revisions no other revision names as parent.
//!
//! - [`SqliteStore::sync_merge_tips`]: after a pull, when a release has more
//!   than one tip, appends ONE merge revision over the sorted tips. Everything
//!   about it is derived from the tips, so every client that merges the same
//!   tips makes the same record: its id is a UUID v5 of the sorted tip ids, its
//!   base the deepest common ancestor (ties by id), its content
//!   [`dateline_diff::merge::merge_all`], its author "Dateline", its time the
//!   latest tip's, its message "Merged revisions of Ana and Ben".
//! - Saving a working copy whose base is no longer the latest revision merges
//!   it with the latest (base: the revision the working copy started from), so
//!   a colleague's revision pulled meanwhile is not overwritten.
//! - [`SqliteStore::open_conflicts`] and [`SqliteStore::resolve_conflicts`]:
//!   the conflicts still open on the latest revision, and settling them with a
//!   normal revision that records the choice (and syncs like any other).

use std::collections::{BTreeSet, HashMap, HashSet};

use dateline_core::{Block, QuoteParagraph, QuoteSegment, Release};
use dateline_diff::merge::{merge_all, Conflict, Merged, RevisionRef, Side};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::{now_micros, SqliteStore};
use crate::{blobs, parts, SaveMeta, StoreError};

/// Namespace of merge revision ids (UUID v5 of the sorted parent ids).
const MERGE_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x6d65_7267_6544_6174_656c_696e_6552_6576);

/// The author of merge revisions.
pub const MERGE_AUTHOR: &str = "Dateline";

/// A conflict still open on the latest revision of a release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OpenConflict {
    /// The merge revision that left it (its record id).
    pub merge_record: String,
    /// That revision's number in the local history.
    pub merge_revision: u32,
    /// What conflicts: path, label, the base, the versions and the default.
    pub conflict: Conflict,
}

/// What the user chose for one conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
#[ts(export)]
pub enum Choice {
    /// One of the conflict's versions (index into `versions`).
    Version { index: u32 },
    /// Text the user wrote (for a block: its text; a paragraph per blank-line
    /// separated stretch when the conflict spans several blocks).
    Edited { text: String },
}

/// A merge revision as it goes out: its base, record time and parents.
type MergeRecord = (Option<String>, i64, Vec<String>);

/// One node of a release's revision graph.
struct Node {
    record_id: String,
    /// Its number in the local history; `None` for a merge revision pulled
    /// but superseded (kept in the graph only: its content is derived).
    number: Option<i64>,
    /// A merge revision (derived from its parents; never a tip itself).
    merge: bool,
    /// The record's time (its author's clock).
    created: i64,
    author: String,
    parents: Vec<String>,
}

struct Graph {
    nodes: Vec<Node>,
    index: HashMap<String, usize>,
}

impl Graph {
    /// The saved revisions (merges are see-through) that no other saved
    /// revision descends from, sorted by id. Every client with the same
    /// revisions finds the same tips, whatever merges each made on the way.
    fn tips(&self) -> Vec<String> {
        let mut below: HashSet<usize> = HashSet::new();
        for (i, n) in self.nodes.iter().enumerate() {
            if !n.merge {
                let mut a = self.ancestors(&n.record_id);
                a.remove(&i);
                below.extend(a);
            }
        }
        let mut tips: Vec<String> = self
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| !n.merge && !below.contains(i))
            .map(|(_, n)| n.record_id.clone())
            .collect();
        tips.sort();
        tips
    }

    /// Generation numbers (longest path from a root), in topological order.
    fn depths(&self) -> Vec<usize> {
        let n = self.nodes.len();
        let mut depth = vec![0usize; n];
        let mut done = vec![false; n];
        let mut left = n;
        while left > 0 {
            let mut progressed = false;
            for i in 0..n {
                if done[i] {
                    continue;
                }
                let ps: Vec<usize> = self.nodes[i]
                    .parents
                    .iter()
                    .filter_map(|p| self.index.get(p).copied())
                    .collect();
                if ps.iter().all(|&j| done[j]) {
                    depth[i] = ps.iter().map(|&j| depth[j] + 1).max().unwrap_or(0);
                    done[i] = true;
                    left -= 1;
                    progressed = true;
                }
            }
            if !progressed {
                break; // a cycle cannot come from real records; stop rather than spin
            }
        }
        depth
    }

    fn ancestors(&self, id: &str) -> HashSet<usize> {
        let mut seen = HashSet::new();
        let mut stack: Vec<usize> = self.index.get(id).copied().into_iter().collect();
        while let Some(i) = stack.pop() {
            if seen.insert(i) {
                stack.extend(
                    self.nodes[i]
                        .parents
                        .iter()
                        .filter_map(|p| self.index.get(p).copied()),
                );
            }
        }
        seen
    }

    /// The deepest common ancestor of `ids` (ties by the smaller record id).
    fn common_ancestor(&self, ids: &[String]) -> Option<usize> {
        let mut sets = ids.iter().map(|id| self.ancestors(id));
        let mut common = sets.next()?;
        for s in sets {
            common.retain(|i| s.contains(i));
        }
        let depth = self.depths();
        common.into_iter().max_by(|&a, &b| {
            depth[a].cmp(&depth[b]).then_with(|| {
                // Smaller id wins a tie: compare reversed.
                self.nodes[b].record_id.cmp(&self.nodes[a].record_id)
            })
        })
    }
}

/// "Ana", "Ana and Ben", "Ana, Ben and Carla".
fn names(list: &[String]) -> String {
    match list {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl SqliteStore {
    /// Gives every revision of `rel` without a record id one (what the outbox
    /// would do on its next read), so the graph covers every revision.
    fn identify(&self, conn: &Connection, rel: i64) -> Result<(), StoreError> {
        let fresh: Vec<i64> = conn
            .prepare_cached(
                "SELECT v.number FROM revisions v
                  WHERE v.release = ?1 AND NOT EXISTS (SELECT 1 FROM sync_revisions s
                                     WHERE s.release = v.release AND s.number = v.number)
                  ORDER BY v.number",
            )
            .and_then(|mut s| s.query_map([rel], |r| r.get(0))?.collect())
            .map_err(|e| self.sq(e))?;
        for number in fresh {
            let id = uuid::Uuid::now_v7().hyphenated().to_string();
            conn.execute(
                "INSERT INTO sync_revisions (release, number, record_id) VALUES (?1, ?2, ?3)",
                params![rel, number, id],
            )
            .map_err(|e| self.sq(e))?;
        }
        Ok(())
    }

    /// The revision graph of release row `rel` (every revision identified first).
    fn graph(&self, conn: &Connection, rel: i64) -> Result<Graph, StoreError> {
        self.identify(conn, rel)?;
        self.read_graph(conn, rel)
    }

    /// The local number of the first revision of release `release_id` that
    /// holds the revision whose global id is `revision_id`: that revision
    /// itself, or, for a colleague's merge this history never numbered (it
    /// merged that merge again with work of its own), the earliest revision
    /// here holding everything that merge held. `None` when there is none.
    pub(super) fn first_holding(
        &self,
        conn: &Connection,
        release_id: &str,
        revision_id: &str,
    ) -> Result<Option<i64>, StoreError> {
        let rel: Option<i64> = conn
            .query_row(
                "SELECT id FROM releases WHERE uuid = ?1",
                [release_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sq(e))?;
        let Some(rel) = rel else { return Ok(None) };
        let g = self.read_graph(conn, rel)?;
        let Some(&at) = g.index.get(revision_id) else {
            return Ok(None);
        };
        if let Some(n) = g.nodes[at].number {
            return Ok(Some(n));
        }
        // Merges are see-through: what a merge holds is its saved ancestors.
        let held: Vec<usize> = g
            .ancestors(revision_id)
            .into_iter()
            .filter(|&i| !g.nodes[i].merge)
            .collect();
        Ok(g.nodes
            .iter()
            .filter_map(|n| {
                let number = n.number?;
                let has = g.ancestors(&n.record_id);
                held.iter().all(|i| has.contains(i)).then_some(number)
            })
            .min())
    }

    /// The revision graph of release row `rel` as stored: revisions saved
    /// since the last sync round have no record id yet and are left out.
    fn read_graph(&self, conn: &Connection, rel: i64) -> Result<Graph, StoreError> {
        type Raw = (String, Option<i64>, i64, String, Option<i64>);
        let raw: Vec<Raw> = conn
            .prepare_cached(
                "SELECT s.record_id, s.number, coalesce(g.created, v.created), v.author, g.merge
                   FROM sync_revisions s
                   JOIN revisions v ON v.release = s.release AND v.number = s.number
                   LEFT JOIN sync_graph g ON g.record_id = s.record_id
                  WHERE s.release = ?1
                 UNION ALL
                 SELECT g.record_id, NULL, g.created, ?2, g.merge FROM sync_graph g
                  WHERE g.release = ?1
                    AND NOT EXISTS (SELECT 1 FROM sync_revisions s WHERE s.record_id = g.record_id)
                  ORDER BY 2 NULLS LAST, 1",
            )
            .and_then(|mut s| {
                s.query_map(params![rel, MERGE_AUTHOR], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect()
            })
            .map_err(|e| self.sq(e))?;
        let mut explicit: HashMap<String, Vec<String>> = HashMap::new();
        let rows: Vec<(String, String)> = conn
            .prepare_cached(
                "SELECT p.record_id, p.parent FROM sync_parents p
                   JOIN sync_graph g ON g.record_id = p.record_id
                  WHERE g.release = ?1 ORDER BY p.record_id, p.position",
            )
            .and_then(|mut s| {
                s.query_map([rel], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect()
            })
            .map_err(|e| self.sq(e))?;
        for (id, parent) in rows {
            explicit.entry(id).or_default().push(parent);
        }
        let mut nodes = Vec::with_capacity(raw.len());
        let mut previous: Option<String> = None;
        for (record_id, number, created, author, graph_row) in raw {
            let parents = match graph_row {
                // Pulled and merge revisions name their parents.
                Some(_) => explicit.remove(&record_id).unwrap_or_default(),
                // A revision saved here follows the one before it.
                None => previous.iter().cloned().collect(),
            };
            if number.is_some() {
                previous = Some(record_id.clone());
            }
            nodes.push(Node {
                record_id,
                number,
                merge: graph_row == Some(1),
                created,
                author,
                parents,
            });
        }
        let index = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.record_id.clone(), i))
            .collect();
        Ok(Graph { nodes, index })
    }

    /// Revision `number` of release row `rel`, as stored (no store metadata).
    fn content(
        &self,
        conn: &Connection,
        uuid: &str,
        rel: i64,
        number: i64,
    ) -> Result<Release, StoreError> {
        let n = self.number(number)?;
        let (_, _, manifest) = self.revision(conn, uuid, rel, Some(n))?;
        blobs::read_release(conn, &manifest, &self.shown)
    }

    /// The content of node `i`: its revision, or for a merge kept in the
    /// graph only, the merge of its parents (derived the same everywhere).
    fn node_content(
        &self,
        conn: &Connection,
        uuid: &str,
        rel: i64,
        g: &Graph,
        i: usize,
    ) -> Result<Release, StoreError> {
        let n = &g.nodes[i];
        match n.number {
            Some(number) => self.content(conn, uuid, rel, number),
            None => match self.merge_parents(conn, uuid, rel, g, &n.parents)? {
                Some((_, merged)) => Ok(merged.release),
                None => Err(self.corrupt()),
            },
        }
    }

    fn revision_ref(&self, n: &Node) -> Result<RevisionRef, StoreError> {
        Ok(RevisionRef {
            record_id: n.record_id.clone(),
            author: n.author.clone(),
            saved: self.time(n.created)?,
        })
    }

    /// The merge of `parents` (record ids of `g`): its base's record id and the result.
    fn merge_parents(
        &self,
        conn: &Connection,
        uuid: &str,
        rel: i64,
        g: &Graph,
        parents: &[String],
    ) -> Result<Option<(Option<String>, Merged)>, StoreError> {
        let mut sides = Vec::with_capacity(parents.len());
        for p in parents {
            let Some(&i) = g.index.get(p) else {
                return Ok(None);
            };
            sides.push((
                self.node_content(conn, uuid, rel, g, i)?,
                self.revision_ref(&g.nodes[i])?,
            ));
        }
        let base = g.common_ancestor(parents);
        let base_release = match base {
            Some(i) => self.node_content(conn, uuid, rel, g, i)?,
            // No common ancestor: the oldest side stands for the base.
            None => sides
                .iter()
                .min_by(|a, b| (a.1.saved, &a.1.record_id).cmp(&(b.1.saved, &b.1.record_id)))
                .map(|s| s.0.clone())
                .ok_or_else(|| self.corrupt())?,
        };
        let refs: Vec<Side<'_>> = sides
            .iter()
            .map(|(release, revision)| Side { release, revision })
            .collect();
        let mut merged = merge_all(&base_release, &refs);
        if merged.release.check().is_err() {
            // The merged fields do not fit together (a footnote naming a person
            // the other side removed…): the latest tip, whole, and its
            // conflicts listed so nothing goes unseen.
            if let Some(latest) = refs.iter().max_by(|a, b| {
                (a.revision.saved, &a.revision.record_id)
                    .cmp(&(b.revision.saved, &b.revision.record_id))
            }) {
                merged.release = latest.release.clone();
            }
        }
        Ok(Some((base.map(|i| g.nodes[i].record_id.clone()), merged)))
    }

    fn insert_conflicts(
        &self,
        conn: &Connection,
        rel: i64,
        record_id: &str,
        conflicts: &[Conflict],
    ) -> Result<(), StoreError> {
        for c in conflicts {
            let json = serde_json::to_string(c).map_err(|e| StoreError::Sqlite(e.to_string()))?;
            conn.execute(
                "INSERT INTO conflicts (release, record_id, path, conflict) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (record_id, path) DO NOTHING",
                params![rel, record_id, c.path, json],
            )
            .map_err(|e| self.sq(e))?;
        }
        Ok(())
    }

    /// Records the graph row and parents of a pulled revision (inside its
    /// transaction) and the resolutions it carries. A pulled merge revision is
    /// kept in the graph only: its content is derived from its parents, and
    /// it enters the history when it is the merge of this client's tips (see
    /// [`SqliteStore::sync_merge_tips`]), so a merge superseded meanwhile never
    /// becomes the latest revision.
    pub(super) fn record_pulled(
        &self,
        conn: &Connection,
        rel: i64,
        rev: &super::sync::RemoteRevision,
    ) -> Result<(), StoreError> {
        let parents: Vec<String> = if rev.parents.is_empty() {
            rev.base.iter().cloned().collect()
        } else {
            rev.parents.clone()
        };
        let merge = parents.len() > 1;
        conn.execute(
            "INSERT INTO sync_graph (record_id, release, created, base, merge) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (record_id) DO NOTHING",
            params![rev.record_id, rel, rev.created.timestamp_micros(), rev.base, merge],
        )
        .map_err(|e| self.sq(e))?;
        for (i, p) in parents.iter().enumerate() {
            conn.execute(
                "INSERT INTO sync_parents (record_id, position, parent) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO NOTHING",
                params![rev.record_id, i as i64, p],
            )
            .map_err(|e| self.sq(e))?;
        }
        self.insert_resolutions(conn, &rev.record_id, &rev.resolves)
    }

    /// Marks conflicts (`MERGE_RECORD#PATH` keys) resolved by revision `by`.
    fn insert_resolutions(
        &self,
        conn: &Connection,
        by: &str,
        keys: &[String],
    ) -> Result<(), StoreError> {
        for key in keys {
            let Some((merge, path)) = key.split_once('#') else {
                continue;
            };
            conn.execute(
                "INSERT INTO conflict_resolutions (record_id, path, resolved_by, resolved_at)
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                params![merge, path, by, now_micros()],
            )
            .map_err(|e| self.sq(e))?;
        }
        Ok(())
    }

    /// The record ids of the tips of release `id`, sorted: the saved
    /// revisions no other saved revision descends from (merge revisions are
    /// see-through), i.e. the concurrent revisions the latest merge combines.
    pub fn sync_tips(&self, id: &str) -> Result<Vec<String>, StoreError> {
        let mut guard = self.lock();
        let tx = guard
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.sq(e))?;
        let row = self.row(&tx, id)?;
        let tips = self.graph(&tx, row.id)?.tips();
        tx.commit().map_err(|e| self.sq(e))?;
        Ok(tips)
    }

    /// When release `id` has more than one tip, appends one merge revision over
    /// them (see the module docs); returns its number, or `None` when there
    /// was nothing to merge.
    pub fn sync_merge_tips(&self, id: &str) -> Result<Option<u32>, StoreError> {
        self.writable()?;
        let mut guard = self.lock();
        let super::Inner { conn, known } = &mut *guard;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.sq(e))?;
        let row = self.row(&tx, id)?;
        let g = self.graph(&tx, row.id)?;
        let tips = g.tips();
        if tips.len() < 2 {
            return Ok(None);
        }
        let record_id = uuid::Uuid::new_v5(&MERGE_NAMESPACE, tips.join(",").as_bytes())
            .hyphenated()
            .to_string();
        // Pulled already (kept in the graph only): it enters the history now,
        // as sent; made here: it goes out with the next push.
        let pulled = match g.index.get(&record_id) {
            Some(&i) if g.nodes[i].number.is_some() => return Ok(None),
            Some(_) => true,
            None => false,
        };
        let Some((base, merged)) = self.merge_parents(&tx, id, row.id, &g, &tips)? else {
            return Ok(None);
        };
        let mut tip_nodes: Vec<&Node> = tips
            .iter()
            .filter_map(|t| g.index.get(t))
            .map(|&i| &g.nodes[i])
            .collect();
        tip_nodes.sort_by(|a, b| (a.created, &a.record_id).cmp(&(b.created, &b.record_id)));
        let mut authors: Vec<String> = Vec::new();
        for n in &tip_nodes {
            if !authors.contains(&n.author) {
                authors.push(n.author.clone());
            }
        }
        let created = tip_nodes
            .last()
            .map(|n| n.created)
            .ok_or_else(|| self.corrupt())?;
        let m = SaveMeta {
            author: MERGE_AUTHOR.into(),
            message: Some(format!("Merged revisions of {}", names(&authors))),
            name: None,
        };
        let p =
            parts::split(&merged.release).map_err(|e| StoreError::invalid("", e.to_string()))?;
        let mut pending = Vec::new();
        let manifest =
            blobs::store_parts(&tx, known, &mut pending, &p).map_err(|e| self.retag(e))?;
        let number = self.append_revision(
            &tx,
            row.id,
            &manifest,
            &merged.release,
            &m,
            None,
            now_micros(),
            false,
            true,
        )?;
        tx.execute(
            "INSERT INTO sync_revisions (release, number, record_id, sent) VALUES (?1, ?2, ?3, ?4)",
            params![row.id, number, record_id, pulled],
        )
        .map_err(|e| self.sq(e))?;
        if !pulled {
            tx.execute(
                "INSERT INTO sync_graph (record_id, release, created, base, merge) VALUES (?1, ?2, ?3, ?4, 1)",
                params![record_id, row.id, created, base],
            )
            .map_err(|e| self.sq(e))?;
            for (i, t) in tips.iter().enumerate() {
                tx.execute(
                    "INSERT INTO sync_parents (record_id, position, parent) VALUES (?1, ?2, ?3)",
                    params![record_id, i as i64, t],
                )
                .map_err(|e| self.sq(e))?;
            }
        }
        self.insert_conflicts(&tx, row.id, &record_id, &merged.conflicts)?;
        tx.commit().map_err(|e| self.sq(e))?;
        known.extend(pending);
        Ok(Some(number))
    }

    /// For the outbox: a merge revision's base, parents and record time; and
    /// the conflicts a revision resolves (`MERGE_RECORD#PATH`).
    pub(super) fn outgoing_graph(
        &self,
        conn: &Connection,
        record_id: &str,
    ) -> Result<(Option<MergeRecord>, Vec<String>), StoreError> {
        let merge: Option<(Option<String>, i64)> = conn
            .query_row(
                "SELECT base, created FROM sync_graph WHERE record_id = ?1 AND merge = 1",
                [record_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.sq(e))?;
        let merge = match merge {
            Some((base, created)) => {
                let parents: Vec<String> = conn
                    .prepare_cached(
                        "SELECT parent FROM sync_parents WHERE record_id = ?1 ORDER BY position",
                    )
                    .and_then(|mut s| s.query_map([record_id], |r| r.get(0))?.collect())
                    .map_err(|e| self.sq(e))?;
                Some((base, created, parents))
            }
            None => None,
        };
        let resolves: Vec<String> = conn
            .prepare_cached(
                "SELECT record_id || '#' || path FROM conflict_resolutions WHERE resolved_by = ?1
                  ORDER BY record_id, path",
            )
            .and_then(|mut s| s.query_map([record_id], |r| r.get(0))?.collect())
            .map_err(|e| self.sq(e))?;
        Ok((merge, resolves))
    }

    /// Saving over a working copy whose base is no longer the latest revision:
    /// the save is merged with the latest (base: the working copy's base), so a
    /// revision pulled meanwhile is not overwritten. Returns the merged release,
    /// its metadata and conflicts, or `None` when there is nothing to merge.
    pub(super) fn merge_on_save(
        &self,
        conn: &Connection,
        uuid: &str,
        rel: i64,
        r: &Release,
        m: &SaveMeta,
        now: i64,
    ) -> Result<Option<(Release, SaveMeta, Vec<Conflict>)>, StoreError> {
        let base: Option<i64> = conn
            .query_row(
                "SELECT base_revision FROM working_copies WHERE release = ?1",
                [rel],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sq(e))?;
        let head = self.head(conn, rel)?;
        let Some(base) = base.filter(|&b| b >= 1 && b < head) else {
            return Ok(None);
        };
        let base_release = self.content(conn, uuid, rel, base)?;
        let latest = self.content(conn, uuid, rel, head)?;
        let g = self.graph(conn, rel)?;
        let Some(head_node) = g.nodes.iter().find(|n| n.number == Some(head)) else {
            return Ok(None);
        };
        let theirs = self.revision_ref(head_node)?;
        let mine = RevisionRef {
            record_id: String::new(),
            author: m.author.clone(),
            saved: self.time(now)?,
        };
        let merged = dateline_diff::merge::merge(
            &base_release,
            Side {
                release: r,
                revision: &mine,
            },
            Side {
                release: &latest,
                revision: &theirs,
            },
        );
        if merged.release.check().is_err() {
            return Ok(None);
        }
        let note = format!("merged with revision {head} by {}", head_node.author);
        let meta = SaveMeta {
            author: m.author.clone(),
            message: Some(match &m.message {
                Some(msg) => format!("{msg} ({note})"),
                None => format!("Saved, {note}"),
            }),
            name: m.name.clone(),
        };
        Ok(Some((merged.release, meta, merged.conflicts)))
    }

    /// After a save merged by [`SqliteStore::merge_on_save`]: gives the new
    /// revision its record id and keeps the merge's conflicts for the user.
    pub(super) fn record_save_conflicts(
        &self,
        conn: &Connection,
        rel: i64,
        number: u32,
        conflicts: &[Conflict],
    ) -> Result<(), StoreError> {
        self.identify(conn, rel)?;
        let record_id: String = conn
            .query_row(
                "SELECT record_id FROM sync_revisions WHERE release = ?1 AND number = ?2",
                params![rel, number],
                |r| r.get(0),
            )
            .map_err(|e| self.sq(e))?;
        // The local save's version is named by its own record id from now on.
        let named: Vec<Conflict> = conflicts
            .iter()
            .cloned()
            .map(|mut c| {
                for v in &mut c.versions {
                    if v.revision.record_id.is_empty() {
                        v.revision.record_id = record_id.clone();
                    }
                }
                c
            })
            .collect();
        self.insert_conflicts(conn, rel, &record_id, &named)
    }

    /// The conflicts still open on the latest revision of release `id`: kept
    /// by a merge, not resolved, and whose default is still what the latest
    /// revision holds there (an edit since settles it). The newest merge's
    /// conflict wins when several name the same path.
    pub fn open_conflicts(&self, id: &str) -> Result<Vec<OpenConflict>, StoreError> {
        let mut guard = self.lock();
        let tx = guard.conn.transaction().map_err(|e| self.sq(e))?;
        let row = self.row(&tx, id)?;
        let open = self.read_open(&tx, id, row.id)?;
        tx.commit().map_err(|e| self.sq(e))?;
        Ok(open.into_iter().map(|(o, _)| o).collect())
    }

    /// Open conflicts and, for list conflicts, where their default sits in the latest revision.
    fn read_open(
        &self,
        conn: &Connection,
        uuid: &str,
        rel: i64,
    ) -> Result<Vec<(OpenConflict, Option<usize>)>, StoreError> {
        let rows: Vec<(String, i64, String)> = conn
            .prepare_cached(
                "SELECT c.record_id, s.number, c.conflict FROM conflicts c
                   JOIN sync_revisions s ON s.record_id = c.record_id
                  WHERE c.release = ?1
                    AND NOT EXISTS (SELECT 1 FROM conflict_resolutions x
                                     WHERE x.record_id = c.record_id AND x.path = c.path)
                  ORDER BY s.number DESC, c.id",
            )
            .and_then(|mut s| {
                s.query_map([rel], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .map_err(|e| self.sq(e))?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let head = self.head(conn, rel)?;
        let latest = serde_json::to_value(self.content(conn, uuid, rel, head)?)
            .map_err(|e| StoreError::Sqlite(e.to_string()))?;
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (merge_record, number, json) in rows {
            let conflict: Conflict = serde_json::from_str(&json).map_err(|_| self.corrupt())?;
            if !seen.insert(conflict.path.clone()) {
                continue;
            }
            let Some(picked) = conflict.versions.get(conflict.default as usize) else {
                continue;
            };
            let at = match conflict.span {
                None => {
                    let here = latest
                        .pointer(&conflict.pointer)
                        .cloned()
                        .unwrap_or(Value::Null);
                    if here != picked.value {
                        continue;
                    }
                    None
                }
                Some((start, _)) => {
                    let list = latest
                        .pointer(&conflict.pointer)
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default();
                    let Some(at) = locate(&list, &picked.value, start as usize) else {
                        continue;
                    };
                    Some(at)
                }
            };
            out.push((
                OpenConflict {
                    merge_record,
                    merge_revision: self.number(number)?,
                    conflict,
                },
                at,
            ));
        }
        out.reverse();
        out.sort_by(|a, b| {
            a.0.conflict
                .path
                .cmp(&b.0.conflict.path)
                .then(a.0.merge_revision.cmp(&b.0.merge_revision))
        });
        Ok(out)
    }

    /// Settles open conflicts of release `id`: saves a normal revision on top
    /// of the latest with the chosen values ("Resolved by Ana: headline — Ben's
    /// version; quote 2 — edited"), and marks the conflicts resolved by it.
    /// `choices` name conflicts by path. Returns the new revision's number.
    pub fn resolve_conflicts(
        &self,
        id: &str,
        choices: &[(String, Choice)],
        author: &str,
    ) -> Result<u32, StoreError> {
        self.writable()?;
        if choices.is_empty() {
            return Err(StoreError::invalid("", "no conflict was chosen".into()));
        }
        let mut guard = self.lock();
        let super::Inner { conn, known } = &mut *guard;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.sq(e))?;
        let row = self.row(&tx, id)?;
        let open = self.read_open(&tx, id, row.id)?;
        let head = self.head(&tx, row.id)?;
        let mut latest = serde_json::to_value(self.content(&tx, id, row.id, head)?)
            .map_err(|e| StoreError::Sqlite(e.to_string()))?;
        // List edits from the end, so earlier positions stay valid.
        let mut edits: Vec<(&OpenConflict, Option<usize>, Value, String)> = Vec::new();
        for (path, choice) in choices {
            let Some((o, at)) = open.iter().find(|(o, _)| &o.conflict.path == path) else {
                return Err(StoreError::NotFound(format!(
                    "no open conflict at “{path}”"
                )));
            };
            let c = &o.conflict;
            let (value, said) = match choice {
                Choice::Version { index } => {
                    let v = c.versions.get(*index as usize).ok_or_else(|| {
                        StoreError::invalid(path, format!("the conflict has no version {index}"))
                    })?;
                    (v.value.clone(), format!("{}’s version", v.revision.author))
                }
                Choice::Edited { text } => (
                    edited_value(c, text).map_err(|m| StoreError::invalid(path, m))?,
                    "edited".into(),
                ),
            };
            edits.push((o, *at, value, format!("{} — {said}", c.label)));
        }
        edits.sort_by_key(|e| std::cmp::Reverse(e.1));
        for (o, at, value, _) in &edits {
            let c = &o.conflict;
            match (c.span, at) {
                (Some((_, len)), Some(at)) => {
                    let Some(Value::Array(list)) = latest.pointer_mut(&c.pointer) else {
                        return Err(self.corrupt());
                    };
                    let new: Vec<Value> = value
                        .as_array()
                        .cloned()
                        .unwrap_or_else(|| vec![value.clone()]);
                    let end = (*at + len as usize).min(list.len());
                    list.splice(*at..end, new);
                }
                _ => dateline_diff::merge::set_value(&mut latest, &c.pointer, value.clone()),
            }
        }
        let release: Release =
            serde_json::from_value(latest).map_err(|e| StoreError::invalid("", e.to_string()))?;
        let problems = dateline_core::validate::problems(&release);
        if !problems.is_empty() {
            return Err(StoreError::InvalidRelease(problems));
        }
        let mut said: Vec<(&str, &str)> = edits
            .iter()
            .map(|(o, _, _, s)| (o.conflict.path.as_str(), s.as_str()))
            .collect();
        said.sort();
        let m = SaveMeta {
            author: author.to_string(),
            message: Some(format!(
                "Resolved by {author}: {}",
                said.iter().map(|(_, s)| *s).collect::<Vec<_>>().join("; ")
            )),
            name: None,
        };
        let now = now_micros();
        let p = parts::split(&release).map_err(|e| StoreError::invalid("", e.to_string()))?;
        let mut pending = Vec::new();
        let manifest =
            blobs::store_parts(&tx, known, &mut pending, &p).map_err(|e| self.retag(e))?;
        let number =
            self.append_revision(&tx, row.id, &manifest, &release, &m, None, now, false, true)?;
        self.identify(&tx, row.id)?;
        let record_id: String = tx
            .query_row(
                "SELECT record_id FROM sync_revisions WHERE release = ?1 AND number = ?2",
                params![row.id, number],
                |r| r.get(0),
            )
            .map_err(|e| self.sq(e))?;
        let keys: Vec<String> = edits
            .iter()
            .map(|(o, _, _, _)| format!("{}#{}", o.merge_record, o.conflict.path))
            .collect();
        self.insert_resolutions(&tx, &record_id, &keys)?;
        tx.commit().map_err(|e| self.sq(e))?;
        known.extend(pending);
        Ok(number)
    }
}

/// Where the items of `picked` (a JSON array) sit in `list`: at `hint` when
/// they are there, else their first occurrence.
fn locate(list: &[Value], picked: &Value, hint: usize) -> Option<usize> {
    let want = picked.as_array()?;
    let fits = |at: usize| at + want.len() <= list.len() && list[at..at + want.len()] == want[..];
    if want.is_empty() {
        return Some(hint.min(list.len()));
    }
    if fits(hint) {
        return Some(hint);
    }
    (0..list.len()).find(|&at| fits(at))
}

/// The value of an edited version: text for text fields and blocks.
fn edited_value(c: &Conflict, text: &str) -> Result<Value, String> {
    let sample = c
        .versions
        .get(c.default as usize)
        .map(|v| v.value.clone())
        .unwrap_or(Value::Null);
    if c.span.is_none() {
        return match (&sample, c.pointer.as_str()) {
            (_, "/meta/tags") => Ok(Value::Array(
                text.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(|t| Value::String(t.into()))
                    .collect(),
            )),
            (_, "/subheadline" | "/actions/title") if text.trim().is_empty() => Ok(Value::Null),
            (Value::String(_) | Value::Null, _) => Ok(Value::String(text.to_string())),
            _ => serde_json::from_str(text)
                .map_err(|_| "this field cannot be edited as text; pick a version".to_string()),
        };
    }
    if c.pointer != "/body" {
        return serde_json::from_str::<Value>(text)
            .map(|v| {
                if v.is_array() {
                    v
                } else {
                    Value::Array(vec![v])
                }
            })
            .map_err(|_| "this item cannot be edited as text; pick a version".to_string());
    }
    // A single block keeps its kind; several become paragraphs.
    let one: Option<Block> = c
        .versions
        .iter()
        .filter_map(|v| v.value.as_array())
        .find(|a| a.len() == 1)
        .and_then(|a| serde_json::from_value(a[0].clone()).ok());
    let stretches: Vec<String> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    let blocks: Vec<Block> = match one {
        Some(Block::Heading { .. }) => vec![Block::Heading {
            text: text.trim().to_string(),
        }],
        Some(Block::List { .. }) => vec![Block::List {
            items: text
                .lines()
                .map(|l| l.trim().trim_start_matches("- ").to_string())
                .filter(|l| !l.is_empty())
                .collect(),
        }],
        Some(Block::Quote(mut q)) => {
            q.paragraphs = stretches
                .iter()
                .map(|t| QuoteParagraph {
                    lead_in: None,
                    segments: vec![QuoteSegment {
                        text: t
                            .trim_matches(|c| matches!(c, '"' | '“' | '”' | '«' | '»'))
                            .trim()
                            .to_string(),
                        attribution: None,
                    }],
                })
                .collect();
            if let (Some(first), Some(old)) = (q.paragraphs.last_mut(), one_attribution(c)) {
                first.segments[0].attribution = Some(old);
            }
            vec![Block::Quote(q)]
        }
        _ => stretches
            .into_iter()
            .map(|text| Block::Paragraph { text })
            .collect(),
    };
    serde_json::to_value(blocks).map_err(|e| e.to_string())
}

/// The attribution closing the default version of a quote conflict, kept when it is edited.
fn one_attribution(c: &Conflict) -> Option<dateline_core::Attribution> {
    let v = c
        .versions
        .get(c.default as usize)?
        .value
        .as_array()?
        .first()?
        .clone();
    match serde_json::from_value::<Block>(v).ok()? {
        Block::Quote(q) => q
            .paragraphs
            .iter()
            .flat_map(|p| p.segments.iter())
            .filter_map(|s| s.attribution)
            .next_back(),
        _ => None,
    }
}
