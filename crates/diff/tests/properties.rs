//! Properties of every comparison: applying its changes to A gives B, comparing
//! a release with itself finds nothing, and pathological input finishes
//! (bounded by the deadline) and degrades to "replaced".

#[path = "common/gen.rs"]
mod gen;

use dateline_core::{Block, Release};
use dateline_diff::{compare, BlockStatus, CompareOptions, Comparison, FieldStatus, OpKind};
use proptest::prelude::*;

/// B's body texts rebuilt from the comparison and A's texts alone.
fn rebuild_new_body(c: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    for e in &c.blocks {
        match e.status {
            BlockStatus::Deleted | BlockStatus::MovedAway => {}
            BlockStatus::Inserted => out.push(e.new.clone().unwrap_or_default()),
            _ => {
                let old = e.old.clone().unwrap_or_default();
                let text = match &e.diff {
                    Some(d) => d.apply(&old).expect("ops apply to the old text"),
                    None => old,
                };
                out.push(text);
            }
        }
    }
    out
}

fn body_texts(r: &Release) -> Vec<String> {
    r.body
        .iter()
        .map(|b| dateline_diff::blocks::block_text(r, b))
        .collect()
}

fn check_applies(a: &Release, b: &Release, opts: &CompareOptions) {
    let c = compare(a, b, opts);
    assert_eq!(rebuild_new_body(&c), body_texts(b));
    // Old texts of blocks that were not inserted are A's, in A's order.
    let old: Vec<String> = c
        .blocks
        .iter()
        .filter(|e| !matches!(e.status, BlockStatus::Inserted | BlockStatus::Moved))
        .filter_map(|e| e.old.clone())
        .collect();
    assert_eq!(old, body_texts(a));
    for f in &c.fields {
        if let (Some(d), Some(o)) = (&f.diff, &f.old) {
            assert_eq!(d.apply(o).as_ref(), f.new.as_ref(), "field {}", f.path);
        }
    }
}

/// Small word pool so generated edits collide and move around.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("the".to_string()),
        Just("expert".to_string()),
        Just("said".to_string()),
        Just("Khakimova’s".to_string()),
        Just("Khakimova's".to_string()),
        Just("trial,".to_string()),
        Just("2025.".to_string()),
        Just("“fair”".to_string()),
        "[a-zé]{1,8}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (word(), prop_oneof![Just(" "), Just("  "), Just("\n")]),
        0..25,
    )
    .prop_map(|ws| {
        let mut s = String::new();
        for (w, sep) in ws {
            if !s.is_empty() {
                s.push_str(sep);
            }
            s.push_str(&w);
        }
        s
    })
}

fn body() -> impl Strategy<Value = Vec<Block>> {
    prop::collection::vec(
        prop_oneof![
            3 => text().prop_map(|text| Block::Paragraph { text }),
            1 => text().prop_map(|text| Block::Heading { text }),
            1 => prop::collection::vec(text(), 1..3).prop_map(|items| Block::List { items }),
        ],
        0..10,
    )
}

fn with(body: Vec<Block>, headline: String) -> Release {
    let mut r = gen::seed();
    r.body = body;
    r.headline = headline;
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn applying_the_changes_to_a_gives_b(ab in body(), bb in body(), ha in text(), hb in text()) {
        check_applies(&with(ab, ha), &with(bb, hb), &CompareOptions::default());
    }

    #[test]
    fn applying_edits_of_a_gives_b(ab in body(), edits in prop::collection::vec((0usize..10, text()), 0..4), swap in (0usize..10, 0usize..10)) {
        let a = with(ab.clone(), "Headline".into());
        let mut bb = ab;
        for (i, t) in edits {
            if let Some(Block::Paragraph { text }) = bb.get_mut(i) {
                text.push(' ');
                text.push_str(&t);
            }
        }
        if swap.0 < bb.len() && swap.1 < bb.len() {
            let blk = bb.remove(swap.0);
            bb.insert(swap.1, blk);
        }
        let b = with(bb, "Headline".into());
        let hide = CompareOptions { ignore_whitespace: true, ignore_quote_style: true, ..CompareOptions::default() };
        check_applies(&a, &b, &CompareOptions::default());
        check_applies(&a, &b, &hide);
    }

    #[test]
    fn comparing_a_release_with_itself_finds_nothing(ab in body(), h in text()) {
        let a = with(ab, h);
        let c = compare(&a, &a.clone(), &CompareOptions::default());
        prop_assert!(c.is_unchanged());
        prop_assert!(c.labels.is_empty());
        prop_assert_eq!(c.summary.as_str(), "no changes");
        prop_assert!(c.blocks.iter().all(|e| e.status == BlockStatus::Unchanged && e.diff.is_none()));
        prop_assert!(c.fields.iter().all(|f| f.status == FieldStatus::Unchanged && f.diff.is_none()));
    }
}

#[test]
fn seed_revisions_apply() {
    let seed = gen::seed();
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let json = std::fs::read_to_string(&path).expect("read");
        let b = dateline_core::from_json(&json).expect("valid fixture");
        check_applies(&seed, &b, &CompareOptions::default());
        check_applies(&b, &seed, &CompareOptions::default());
    }
}

/// Two unrelated 200,000-word texts, as one pasted paragraph each and as
/// 2,000 paragraphs each: the comparison finishes and shows them replaced.
#[test]
fn unrelated_huge_texts_degrade_to_replaced() {
    let vocab = gen::vocabulary(3000);
    let seed = gen::seed();
    let pa = gen::paragraphs(1, &vocab, 2000, 100);
    let pb = gen::paragraphs(2, &vocab, 2000, 100);
    let join = |ps: &[Vec<String>]| vec![ps.iter().map(|p| p.join(" ")).collect::<Vec<_>>()];
    for (a, b) in [
        (
            gen::release(&seed, &join(&pa)),
            gen::release(&seed, &join(&pb)),
        ),
        (gen::release(&seed, &pa), gen::release(&seed, &pb)),
    ] {
        let c = compare(&a, &b, &CompareOptions::default());
        for e in &c.blocks {
            assert!(
                matches!(e.status, BlockStatus::Deleted | BlockStatus::Inserted)
                    || e.diff.as_ref().is_some_and(|d| d.replaced
                        && d.ops.len() == 1
                        && d.ops[0].kind == OpKind::Replace),
                "{:?} {}",
                e.status,
                e.name
            );
        }
        assert!(c.blocks.iter().any(|e| e.status != BlockStatus::Unchanged));
        assert_eq!(rebuild_new_body(&c), body_texts(&b));
    }
}

/// A 20,000-word release with 5 % of its words changed and one paragraph moved:
/// the move is found and every other paragraph is edited in place.
#[test]
fn large_revision_keeps_paragraphs_paired() {
    let vocab = gen::vocabulary(3000);
    let seed = gen::seed();
    let pa = gen::paragraphs(3, &vocab, 200, 100);
    let pb = gen::revise(&pa, &vocab, 0.05, 20, 150);
    let (a, b) = (gen::release(&seed, &pa), gen::release(&seed, &pb));
    // A generous budget: this checks the alignment, not the speed (see the bench).
    let opts = CompareOptions {
        timeout_ms: 60_000,
        ..CompareOptions::default()
    };
    let c = compare(&a, &b, &opts);
    assert!(!c.degraded);
    let count = |s: BlockStatus| c.blocks.iter().filter(|e| e.status == s).count();
    assert_eq!(count(BlockStatus::Moved), 1);
    assert_eq!(count(BlockStatus::MovedAway), 1);
    assert_eq!(count(BlockStatus::Inserted), 0);
    assert_eq!(count(BlockStatus::Deleted), 0);
    let moved = c
        .blocks
        .iter()
        .find(|e| e.status == BlockStatus::Moved)
        .expect("moved");
    assert_eq!((moved.old_index, moved.new_index), (Some(20), Some(150)));
    assert_eq!(rebuild_new_body(&c), body_texts(&b));
}
