//! Review benchmarks: opening a release with 500 comments and 50 approvals
//! (target ≤ 20 ms), and mapping 500 anchors through one edit (target ≤ 5 ms).
//!
//! `cargo bench -p dateline-review --bench review`

use criterion::{criterion_group, criterion_main, Criterion};
use dateline_core::{Block, Release};
use dateline_review::{
    map_anchors, ApproveTarget, FieldPath, ReviewService, TextRange, Verdict, Via,
};
use dateline_store::{SaveMeta, SqliteStore, Store};

const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

fn seed() -> Release {
    dateline_core::from_json(SEED).expect("seed")
}

fn meta(a: &str) -> SaveMeta {
    SaveMeta {
        author: a.into(),
        message: None,
        name: None,
    }
}

/// Revision `n` of the release: paragraph 9 grows by a sentence per revision.
fn edited(base: &Release, n: usize) -> Release {
    let mut r = base.clone();
    if let Some(Block::Paragraph { text }) = r.body.get_mut(9) {
        for k in 0..n {
            text.push_str(&format!(" Sentence number {k} was added."));
        }
    }
    r
}

/// A file store holding one release of 10 revisions, 500 comments (anchored
/// across the revisions, half of them on text ranges) and 50 approvals.
fn busy_release(dir: &std::path::Path) -> (SqliteStore, String) {
    let store = SqliteStore::open(&dir.join("bench.db")).expect("store");
    let base = seed();
    let (id, _) = store.create(&base, &meta("writer")).expect("create");
    let svc = ReviewService::new(&store, "editor");
    let paragraphs = [0usize, 1, 2, 4, 6, 9];
    for rev in 1..=10usize {
        if rev > 1 {
            store
                .save(&id, &edited(&base, rev), &meta("writer"))
                .expect("save");
        }
        for c in 0..50usize {
            let p = paragraphs[c % paragraphs.len()];
            let field = format!("body[{p}].text");
            let range = (c % 2 == 0).then_some(TextRange {
                start: (c % 7) as u32,
                end: (c % 7 + 12) as u32,
            });
            svc.comment(
                &id,
                &field,
                range,
                &format!("Comment {rev}.{c}: check this."),
            )
            .expect("comment");
        }
        for q in 1..=4u32 {
            svc.approve(
                &id,
                ApproveTarget::Quote {
                    number: q,
                    by: None,
                    via: Via::Email,
                },
                Verdict::Approve,
                None,
            )
            .expect("sign-off");
        }
        svc.approve(
            &id,
            ApproveTarget::Release { role: None },
            Verdict::Approve,
            None,
        )
        .expect("approval");
    }
    (store, id)
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("dateline-review-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let (store, id) = busy_release(&dir);
    let svc = ReviewService::new(&store, "editor");
    let state = svc.open(&id).expect("open");
    assert_eq!(state.comments.len(), 500);
    assert_eq!(state.approvals.len(), 50);
    c.bench_function("open: 500 comments, 50 approvals, 10 revisions", |b| {
        b.iter(|| svc.open(&id).expect("open"))
    });

    // Where the time goes: reading (records, history, revisions) and the fold.
    let records = store.records(&id).expect("records");
    let log = store.log(&id).expect("log");
    c.bench_function("open, reading only: records, log, 10 revisions", |b| {
        b.iter(|| {
            let r = store.records(&id).expect("records");
            let l = store.log(&id).expect("log");
            let revs: Vec<Release> = (1..=10)
                .map(|n| store.load(&id, Some(n)).expect("load"))
                .collect();
            (r, l, revs)
        })
    });
    let current = store.load(&id, None).expect("load");
    let revisions: std::collections::HashMap<u32, Release> = (1..10u32)
        .map(|n| (n, store.load(&id, Some(n)).expect("load")))
        .collect();
    let workspace = dateline_review::Workspace::default();
    let writer = log.last().map(|v| v.author.clone()).unwrap_or_default();
    c.bench_function("open, fold only", |b| {
        b.iter(|| {
            dateline_review::fold(&dateline_review::FoldInput {
                release_id: &id,
                records: &records,
                workspace: &workspace,
                current: &current,
                revision: 10,
                revisions: &revisions,
                writer: &writer,
                checks: &[],
            })
            .expect("fold")
        })
    });

    let old = seed();
    let mut new = old.clone();
    if let Some(Block::Paragraph { text }) = new.body.get_mut(1) {
        *text = format!("Reportedly, {text}");
    }
    let fields = [
        FieldPath::Headline,
        FieldPath::BlockText(0),
        FieldPath::BlockText(1),
        FieldPath::BlockText(2),
        FieldPath::Segment(3, 0, 0),
        FieldPath::BlockText(4),
        FieldPath::BlockText(9),
    ];
    let anchors: Vec<(FieldPath, Option<TextRange>)> = (0..500u32)
        .map(|i| {
            let f = fields[i as usize % fields.len()];
            (
                f,
                Some(TextRange {
                    start: i % 20,
                    end: i % 20 + 10,
                }),
            )
        })
        .collect();
    c.bench_function("map 500 anchors through one edit", |b| {
        b.iter(|| map_anchors(&old, &new, &anchors))
    });
    drop(svc);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
