//! What the release list shows and searches: a summary and the full text.
//!
//! Both are derived from the latest revision, so a list or a search reads one
//! small row per release instead of its blobs. Both are rewritten by every save
//! (same transaction), so the first search of a large library does not have to
//! index it first; [`refresh_search`] still brings rows of databases written
//! before that up to date. They are an index, not history: [`backfill`] builds
//! the summaries of releases stored under schema version 1, once, when the
//! database is migrated.

use dateline_core::{ActionItem, Block, Release};
use rusqlite::{params, Connection, TransactionBehavior};

use crate::StoreError;

/// Writes the listing row of release `rel` whose latest revision is `head`,
/// saved at `updated` (µs since the epoch), and its search row.
pub fn write(
    conn: &Connection,
    rel: i64,
    head: i64,
    updated: i64,
    r: &Release,
) -> Result<(), StoreError> {
    write_row(conn, rel, head, updated, r)?;
    write_search(conn, rel, head, r)
}

/// [`write`] without the search row: the caller writes it (with
/// [`write_search`]) once it knows the release's last revision of a batch.
/// Until then the row counts as stale (see [`refresh_search`]).
pub fn write_row(
    conn: &Connection,
    rel: i64,
    head: i64,
    updated: i64,
    r: &Release,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO listing (release, head, updated, headline, status, language, organisation, style)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (release) DO UPDATE SET head = ?2, updated = ?3, headline = ?4, status = ?5,
             language = ?6, organisation = ?7, style = ?8",
    )?
    .execute(params![
        rel,
        head,
        updated,
        r.headline,
        enum_name(&r.meta.status),
        r.meta.language.as_str(),
        r.meta.organisation,
        enum_name(&r.style),
    ])?;
    Ok(())
}

/// Writes the search row of release `rel` from its latest revision `head`.
pub fn write_search(conn: &Connection, rel: i64, head: i64, r: &Release) -> Result<(), StoreError> {
    write_searches(conn, &[(rel, head, r)])
}

/// [`write_search`] for several releases `(rel, head, content)` at once. The
/// search rows go in as ONE statement: the full-text index writes what it has
/// pending to disk at every statement that changes it, so a pulled page of
/// many releases makes one index segment rather than one per release.
pub fn write_searches(conn: &Connection, rows: &[(i64, i64, &Release)]) -> Result<(), StoreError> {
    let texts: Vec<(i64, String)> = rows
        .iter()
        .map(|(rel, _, r)| (*rel, full_text(r)))
        .collect();
    let texts =
        serde_json::to_string(&texts).map_err(|e| StoreError::invalid("", e.to_string()))?;
    conn.prepare_cached(
        "INSERT INTO search (release, text)
         SELECT value ->> 0, value ->> 1 FROM json_each(?1) WHERE true
         ON CONFLICT (release) DO UPDATE SET text = excluded.text",
    )?
    .execute([texts])?;
    let mut searched =
        conn.prepare_cached("UPDATE listing SET searched = ?2 WHERE release = ?1")?;
    for (rel, head, _) in rows {
        searched.execute(params![rel, head])?;
    }
    Ok(())
}

/// The releases whose search row is older than their latest revision, with that revision's manifest.
const STALE: &str = "SELECT l.release, l.head, v.manifest FROM listing l
     JOIN revisions v ON v.release = l.release AND v.number = l.head
     WHERE l.searched < l.head";

/// Rewrites the search rows of the releases saved since their last refresh.
pub fn refresh_search(conn: &mut Connection, path: &str) -> Result<(), StoreError> {
    let sq = |e| StoreError::from_sqlite(e, path);
    let any: bool = conn
        .query_row(&format!("SELECT EXISTS ({STALE})"), [], |r| r.get(0))
        .map_err(sq)?;
    if !any {
        return Ok(());
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sq)?;
    let stale: Vec<(i64, i64, Vec<u8>)> = tx
        .prepare(STALE)
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .map_err(sq)?;
    // In batches: one index segment per batch, and a bounded number of releases in memory.
    for batch in stale.chunks(256) {
        let releases = batch
            .iter()
            .map(|(_, _, manifest)| crate::blobs::read_release(&tx, manifest, path))
            .collect::<Result<Vec<_>, _>>()?;
        let rows: Vec<_> = batch
            .iter()
            .zip(&releases)
            .map(|((rel, head, _), r)| (*rel, *head, r))
            .collect();
        write_searches(&tx, &rows)?;
    }
    tx.commit().map_err(sq)
}

/// The releases whose search row is out of date and whose latest revision
/// contains `query` (lower-cased): how a read-only store searches, since it
/// cannot refresh the search rows.
pub fn stale_matches(conn: &Connection, path: &str, query: &str) -> Result<Vec<i64>, StoreError> {
    let stale: Vec<(i64, i64, Vec<u8>)> = conn
        .prepare(STALE)
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .map_err(|e| StoreError::from_sqlite(e, path))?;
    let mut hits = Vec::new();
    for (rel, _, manifest) in stale {
        let release = crate::blobs::read_release(conn, &manifest, path)?;
        if full_text(&release).contains(query) {
            hits.push(rel);
        }
    }
    Ok(hits)
}

/// Rebuilds the listing row of every release that has none: run once, inside
/// the migration that creates the listing (a save writes its row in the same
/// transaction as the revision, so no release lacks one afterwards).
pub fn backfill(conn: &Connection, path: &str) -> Result<(), StoreError> {
    let sq = |e| StoreError::from_sqlite(e, path);
    let missing: Vec<(i64, i64, i64, Vec<u8>)> = conn
        .prepare(
            "SELECT v.release, v.number, v.created, v.manifest FROM revisions v
             WHERE NOT EXISTS (SELECT 1 FROM listing l WHERE l.release = v.release)
               AND v.number = (SELECT max(number) FROM revisions w WHERE w.release = v.release)",
        )
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect()
        })
        .map_err(sq)?;
    for (rel, head, updated, manifest) in missing {
        let release = crate::blobs::read_release(conn, &manifest, path)?;
        write(conn, rel, head, updated, &release)?;
    }
    Ok(())
}

/// Lower-cased text of every field a writer types, one field per line.
pub fn full_text(r: &Release) -> String {
    let mut t = String::with_capacity(8 * 1024);
    let mut add = |s: &str| {
        if !s.is_empty() {
            t.push_str(s);
            t.push('\n');
        }
    };
    add(&r.meta.organisation);
    r.meta.tags.iter().for_each(|s| add(s));
    add(&r.headline);
    add(r.subheadline.as_deref().unwrap_or(""));
    if let Some(d) = &r.dateline {
        for p in &d.places {
            add(&p.city);
            add(p.region.as_deref().unwrap_or(""));
        }
    }
    for b in &r.body {
        match b {
            Block::Paragraph { text } | Block::Heading { text } => add(text),
            Block::List { items } => items.iter().for_each(|s| add(s)),
            Block::Quote(q) => q
                .paragraphs
                .iter()
                .flat_map(|p| &p.segments)
                .for_each(|s| add(&s.text)),
        }
    }
    for p in &r.people {
        add(&p.name);
        add(&p.title);
    }
    for f in &r.footnotes {
        add(f.label.as_deref().unwrap_or(""));
        add(&f.text);
    }
    for b in &r.boilerplate {
        add(&b.title);
        b.paragraphs.iter().for_each(|s| add(s));
    }
    for c in &r.contacts {
        for s in [&c.role, &c.organisation, &c.email, &c.phone] {
            add(s.as_deref().unwrap_or(""));
        }
        add(&c.name);
    }
    add(r.actions.title.as_deref().unwrap_or(""));
    for a in &r.actions.items {
        match a {
            ActionItem::Link { label, url } => {
                add(label);
                add(url);
            }
            ActionItem::Line { text } => add(text),
        }
    }
    t.to_lowercase()
}

/// The serde name of a unit enum value (`inReview`), for the listing columns.
pub fn enum_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The enum value named `s`, if any.
pub fn enum_from_name<T: serde::de::DeserializeOwned>(s: String) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::Status;

    const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

    #[test]
    fn full_text_has_headline_body_quotes_and_people_lower_cased() {
        let r: Release = serde_json::from_str(SEED).expect("seed parses");
        let t = full_text(&r);
        assert!(t.contains("tajikistan: un expert calls for release"));
        assert!(t.contains("supreme court of tajikistan"));
        assert!(t.contains("fallen short of international fair trial"));
        assert!(t.contains("mary lawlor"));
        assert!(!t.contains("Tajikistan"));
    }

    #[test]
    fn enum_names_round_trip() {
        assert_eq!(enum_name(&Status::InReview), "inReview");
        assert_eq!(
            enum_from_name::<Status>("inReview".into()),
            Some(Status::InReview)
        );
        assert_eq!(enum_from_name::<Status>("nope".into()), None);
    }
}
