//! Properties of anchors and approvals over random edits.

mod common;

use common::{meta, newsroom, three_quotes};
use dateline_core::Block;
use dateline_review::{
    map_anchors, ApprovalScope, ApproveTarget, FieldPath, ReviewService, TextRange, Verdict, Via,
};
use dateline_store::Store;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the",
    "expert",
    "court",
    "trial",
    "Khakimova’s",
    "2025",
    "fair",
    ",",
    ".",
    "«",
    "»",
    "Genève",
    "said",
    "a",
    "of",
    "mother",
    "\u{A0}",
    "—",
];

fn text() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop::sample::select(WORDS).prop_map(String::from), 0..30)
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, String),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let word = prop::sample::select(WORDS).prop_map(String::from);
    let edit = prop_oneof![
        (any::<usize>(), word.clone()).prop_map(|(i, w)| Edit::Insert(i, w)),
        (any::<usize>(), 1usize..6).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<usize>(), word).prop_map(|(i, w)| Edit::Replace(i, w)),
    ];
    prop::collection::vec(edit, 0..6)
}

fn apply(words: &[String], edits: &[Edit]) -> Vec<String> {
    let mut w = words.to_vec();
    for e in edits {
        match e {
            Edit::Insert(i, x) => {
                let at = i % (w.len() + 1);
                w.insert(at, x.clone());
            }
            Edit::Delete(i, n) if !w.is_empty() => {
                let at = i % w.len();
                let end = (at + n).min(w.len());
                w.drain(at..end);
            }
            Edit::Replace(i, x) if !w.is_empty() => {
                let at = i % w.len();
                w[at] = x.clone();
            }
            _ => {}
        }
    }
    w
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Mapping never panics, and a mapped range always lies inside its field
    /// in the new revision; a range whose words were untouched keeps its text.
    #[test]
    fn anchors_stay_inside_their_field(
        words in text(),
        edits in edits(),
        a in 0u32..200,
        len in 1u32..60,
        para_edits in edits(),
    ) {
        let mut old = three_quotes();
        old.headline = words.join(" ");
        let mut new = old.clone();
        new.headline = apply(&words, &edits).join(" ");
        if let Some(Block::Paragraph { text }) = new.body.get_mut(0) {
            let w: Vec<String> = text.split(' ').map(String::from).collect();
            *text = apply(&w, &para_edits).join(" ");
        }
        if para_edits.len() % 2 == 1 {
            new.body.insert(0, common::para("An inserted opening paragraph."));
        }
        let n = old.headline.chars().count() as u32;
        let range = TextRange { start: a.min(n), end: (a + len).min(n.max(1)) };
        let anchors = [
            (FieldPath::Headline, Some(range)),
            (FieldPath::BlockText(0), Some(TextRange { start: a % 40, end: a % 40 + len })),
            (FieldPath::Block(1), None),
            (FieldPath::Segment(1, 0, 0), Some(TextRange { start: 0, end: 3 })),
        ];
        for (m, (field, _)) in map_anchors(&old, &new, &anchors).iter().zip(&anchors) {
            match (&m.field, m.range) {
                (Some(f), Some(r)) => {
                    let p: FieldPath = f.parse().expect("a field path");
                    let t = p.text(&new).expect("the field exists");
                    prop_assert!(r.start < r.end, "{field}: {r:?}");
                    prop_assert!(r.end as usize <= t.chars().count(), "{field} → {f}: {r:?} in {t:?}");
                    prop_assert!(!m.outdated);
                }
                (Some(f), None) => {
                    let p: FieldPath = f.parse().expect("a field path");
                    prop_assert!(p.text(&new).is_some());
                }
                (None, r) => {
                    prop_assert!(m.outdated);
                    prop_assert!(r.is_none());
                }
            }
        }
        if edits.is_empty() && range.start < range.end && range.end <= n {
            let m = &map_anchors(&old, &new, &anchors[..1])[0];
            let r = m.range.expect("an untouched range maps");
            prop_assert_eq!(r.slice(&new.headline), range.slice(&old.headline));
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Change {
    QuoteWords(usize),
    Attribution(usize),
    Title(usize),
    Name(usize),
    Paragraph,
    Footnote,
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0usize..3).prop_map(Change::QuoteWords),
        (0usize..3).prop_map(Change::Attribution),
        (0usize..3).prop_map(Change::Title),
        (0usize..3).prop_map(Change::Name),
        Just(Change::Paragraph),
        Just(Change::Footnote),
    ]
}

const SPEAKERS: [&str; 3] = ["lawlor", "okafor", "brandt"];
const QUOTE_BLOCKS: [usize; 3] = [1, 3, 5];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// An edit inside a quote's scope (its words, its attribution, the
    /// speaker's name or title) makes stale exactly the sign-offs whose scope
    /// holds it, and the whole-release approval; an edit elsewhere only the latter.
    #[test]
    fn an_edit_makes_stale_exactly_the_approvals_whose_scope_holds_it(
        c in change(),
        word in prop::sample::select(WORDS),
    ) {
        let (store, id) = newsroom(&three_quotes());
        let writer = ReviewService::new(&store, "Wendy Writer");
        let editor = ReviewService::new(&store, "Ed Itor");
        for n in 1..=3 {
            writer
                .approve(&id, ApproveTarget::Quote { number: n, by: None, via: Via::Email }, Verdict::Approve, None)
                .expect("sign-off");
        }
        editor
            .approve(&id, ApproveTarget::Release { role: None }, Verdict::Approve, None)
            .expect("approval");
        let mut r = store.load(&id, None).expect("load");
        let mut in_scope: Vec<usize> = Vec::new();
        match c {
            Change::QuoteWords(k) => {
                if let Some(Block::Quote(q)) = r.body.get_mut(QUOTE_BLOCKS[k]) {
                    let s = &mut q.paragraphs[0].segments[0];
                    s.text = format!("{} {word},", s.text.trim_end_matches(','));
                }
                in_scope.push(k);
            }
            Change::Attribution(k) => {
                if let Some(Block::Quote(q)) = r.body.get_mut(QUOTE_BLOCKS[k]) {
                    q.paragraphs[0].segments[0].attribution = Some(dateline_core::Attribution::NameSaid);
                }
                in_scope.push(k);
            }
            Change::Title(k) | Change::Name(k) => {
                if let Some(p) = r.people.iter_mut().find(|p| p.id == SPEAKERS[k]) {
                    match c {
                        Change::Title(_) => p.title = format!("{} {word}", p.title),
                        _ => p.name = format!("{} {word}", p.name),
                    }
                }
                // Names and titles print trimmed: trailing spaces change nothing.
                if !word.trim().is_empty() {
                    in_scope.push(k);
                }
            }
            Change::Paragraph => {
                if let Some(Block::Paragraph { text }) = r.body.get_mut(2) {
                    text.push_str(&format!(" {word}"));
                }
            }
            Change::Footnote => {
                if let Some(f) = r.footnotes.get_mut(0) {
                    f.text = format!("{} {word}", f.text);
                }
            }
        }
        store.save(&id, &r, &meta("Wendy Writer")).expect("save");
        let state = writer.open(&id).expect("open");
        let changed = store.load(&id, Some(1)).map(|old| !dateline_review::state::same_content(&old, &r)).expect("load");
        for a in &state.approvals {
            let expected = match &a.scope {
                ApprovalScope::Release { .. } => changed,
                ApprovalScope::Quote { speaker, .. } => {
                    let k = SPEAKERS.iter().position(|s| s == speaker).expect("speaker");
                    in_scope.contains(&k)
                }
            };
            prop_assert_eq!(a.stale, expected, "{:?} after {:?}: {:?}", a.scope, c, a.stale_reason);
            prop_assert_eq!(a.valid, !expected);
        }
    }
}
