//! The review workflow end to end through the service, on an in-memory store.

mod common;

use common::{meta, newsroom, seed, three_quotes};
use dateline_review::state::SuggestionStatus;
use dateline_review::{
    audit, ApproveTarget, BlockerKind, ReviewService, ReviewStatus, TextRange, Verdict, Via,
};
use dateline_store::Store;

#[test]
fn request_comment_suggest_accept_approve_and_release() {
    let (store, id) = newsroom(&three_quotes());
    let writer = ReviewService::new(&store, "Wendy Writer");
    let editor = ReviewService::new(&store, "Ed Itor");
    let legal = ReviewService::new(&store, "Lee Gal");

    writer
        .transition(&id, ReviewStatus::InReview, Some("ready"), None, &[])
        .expect("to review");
    writer
        .request_review(
            &id,
            &["Ed Itor".into()],
            Some(dateline_review::Role::Legal),
            None,
            None,
        )
        .expect("request");
    assert_eq!(
        editor.waiting_for("Ed Itor").expect("waiting"),
        vec![id.clone()]
    );
    assert_eq!(
        legal.waiting_for("Lee Gal").expect("waiting"),
        vec![id.clone()]
    );
    assert!(writer
        .waiting_for("Wendy Writer")
        .expect("waiting")
        .is_empty());

    let c = editor
        .comment(
            &id,
            "headline",
            Some(TextRange { start: 0, end: 2 }),
            "Spell out UN?",
        )
        .expect("comment");
    // Quote 2 (Ada Okafor) signs off by email, before the suggestion.
    writer
        .approve(
            &id,
            ApproveTarget::Quote {
                number: 2,
                by: None,
                via: Via::Email,
            },
            Verdict::Approve,
            Some("ok by email"),
        )
        .expect("sign-off");
    let s = legal
        .suggest(
            &id,
            "body[3].paragraphs[0].segments[0]",
            "We follow the case closely,",
            None,
        )
        .expect("suggest");
    let state = writer.open(&id).expect("open");
    let view = &state.suggestions[0];
    assert_eq!(view.status, SuggestionStatus::Open);
    assert!(view.diff.as_ref().is_some_and(|d| d.visible_changes > 0));

    let rev = writer.accept(&s, None).expect("accept");
    assert_eq!(rev, 2);
    let log = store.log(&id).expect("log");
    assert_eq!(log[0].author, "Lee Gal", "the revision names the suggester");
    assert!(log[0]
        .message
        .as_deref()
        .is_some_and(|m| m.contains("Wendy Writer")));

    let state = writer.open(&id).expect("open");
    let signoff = &state.approvals[0];
    assert!(signoff.stale && !signoff.valid, "{signoff:?}");
    assert_eq!(signoff.quote, Some(2));

    let blocked = editor
        .transition(&id, ReviewStatus::Approved, None, None, &[])
        .expect_err("blocked");
    assert_eq!(blocked.code(), "blocked");
    let msg = blocked.to_string();
    assert!(
        msg.contains("unresolved comment by Ed Itor on headline"),
        "{msg}"
    );
    assert!(
        msg.contains("sign-off of quote 2 by Ada Okafor is stale"),
        "{msg}"
    );
    assert!(
        msg.contains("quote 1 has no sign-off from Mary Lawlor"),
        "{msg}"
    );
    assert!(msg.contains("no editor approval yet"), "{msg}");

    editor.set_resolved(&c, true).expect("resolve");
    editor
        .approve(
            &id,
            ApproveTarget::Release { role: None },
            Verdict::Approve,
            None,
        )
        .expect("editor approves");
    for n in 1..=3 {
        writer
            .approve(
                &id,
                ApproveTarget::Quote {
                    number: n,
                    by: None,
                    via: Via::Phone,
                },
                Verdict::Approve,
                None,
            )
            .expect("packet answer");
    }
    let state = writer.open(&id).expect("open");
    assert!(state.blockers.is_empty(), "{:?}", state.blockers);
    assert!(
        state.waiting_on.iter().all(|w| w != "Ed Itor"),
        "approving answers the request"
    );

    // A failing check still blocks.
    let check = dateline_review::Blocker {
        kind: BlockerKind::FailingCheck,
        message: "the embargo is in the past".into(),
        record: None,
        field: None,
    };
    let e = editor
        .transition(
            &id,
            ReviewStatus::Approved,
            None,
            None,
            std::slice::from_ref(&check),
        )
        .expect_err("a failing check blocks");
    assert!(e.to_string().contains("the embargo is in the past"));

    editor
        .transition(&id, ReviewStatus::Approved, Some("all clear"), None, &[])
        .expect("approved");
    editor
        .transition(&id, ReviewStatus::Released, None, None, &[])
        .expect("released");
    assert_eq!(
        writer.open(&id).expect("open").status,
        ReviewStatus::Released
    );
    assert_eq!(writer.status(&id).expect("status"), ReviewStatus::Released);
}

#[test]
fn bad_input_gets_a_clear_refusal() {
    let (store, id) = newsroom(&seed());
    let editor = ReviewService::new(&store, "Ed Itor");
    let e = editor
        .comment(&id, "footnotes[7]", None, "Which?")
        .expect_err("no field");
    assert_eq!(e.code(), "no_such_field");
    assert_eq!(e.to_string(), "the release has no field “footnotes[7]”");
    let e = editor
        .comment(&id, "byline", None, "x")
        .expect_err("bad path");
    assert_eq!(e.code(), "bad_path");
    let e = editor
        .comment(
            &id,
            "headline",
            Some(TextRange {
                start: 5,
                end: 5000,
            }),
            "x",
        )
        .expect_err("range");
    assert_eq!(e.code(), "bad_range");
    let huge = "a".repeat(1_000_000);
    let e = editor
        .comment(&id, "headline", None, &huge)
        .expect_err("1 MB");
    assert_eq!(e.code(), "too_long");
    assert!(e.to_string().contains("1000000 bytes"), "{e}");
    let e = editor
        .comment(&id, "headline", None, "  ")
        .expect_err("empty");
    assert_eq!(e.code(), "empty_text");

    let e = editor
        .set_roles("Ed Itor", &[dateline_review::Role::Admin])
        .expect_err("only admins give roles");
    assert_eq!(e.code(), "missing_role");

    let writer = ReviewService::new(&store, "Wendy Writer");
    let e = writer
        .approve(
            &id,
            ApproveTarget::Release {
                role: Some(dateline_review::Role::Legal),
            },
            Verdict::Approve,
            None,
        )
        .expect_err("no role");
    assert_eq!(e.code(), "missing_role");
    assert!(
        e.to_string()
            .contains("Wendy Writer does not hold the role legal"),
        "{e}"
    );
    let stranger = ReviewService::new(&store, "Sam Stranger");
    let e = stranger
        .approve(
            &id,
            ApproveTarget::Release { role: None },
            Verdict::Approve,
            None,
        )
        .expect_err("no role at all");
    assert_eq!(e.code(), "missing_role");
    let e = stranger
        .approve(
            &id,
            ApproveTarget::Quote {
                number: 1,
                by: None,
                via: Via::App,
            },
            Verdict::Approve,
            None,
        )
        .expect_err("not the person quoted");
    assert!(e.to_string().contains("only Mary Lawlor"), "{e}");
    let e = writer
        .approve(
            &id,
            ApproveTarget::Quote {
                number: 9,
                by: None,
                via: Via::Email,
            },
            Verdict::Approve,
            None,
        )
        .expect_err("no quote 9");
    assert!(e.to_string().contains("no quote 9"), "{e}");
    let e = writer
        .transition(&id, ReviewStatus::Released, None, None, &[])
        .expect_err("draft cannot be released");
    assert_eq!(e.code(), "transition_not_allowed");
    let e = editor
        .transition(&id, ReviewStatus::InReview, None, Some("x"), &[])
        .map(|_| ())
        .and_then(|_| editor.transition(&id, ReviewStatus::Approved, None, Some("hurry"), &[]))
        .expect_err("only admins override");
    assert_eq!(e.code(), "missing_role");
}

#[test]
fn a_writer_cannot_approve_their_own_release_unless_the_rules_say_so() {
    let store = dateline_store::SqliteStore::open_in_memory().expect("store");
    let (id, _) = store.create(&seed(), &meta("Solo")).expect("create");
    let solo = ReviewService::new(&store, "Solo");
    // No roles assigned: everyone holds every role, but the writer rule stands.
    let e = solo
        .approve(
            &id,
            ApproveTarget::Release { role: None },
            Verdict::Approve,
            None,
        )
        .expect_err("own release");
    assert_eq!(e.code(), "own_release");
    let rules = dateline_review::Rules {
        writer_may_approve: true,
        ..Default::default()
    };
    solo.set_rules(rules).expect("rules");
    solo.approve(
        &id,
        ApproveTarget::Release { role: None },
        Verdict::Approve,
        None,
    )
    .expect("allowed now");
}

#[test]
fn a_comment_whose_text_is_deleted_is_outdated_and_keeps_its_text() {
    let (store, id) = newsroom(&three_quotes());
    let editor = ReviewService::new(&store, "Ed Itor");
    // "mother of two" in paragraph 0, and "expected" in paragraph 4.
    let r = store.load(&id, None).expect("load");
    let p0 = dateline_review::FieldPath::BlockText(0)
        .text(&r)
        .expect("text");
    let start = p0.find("mother of two").expect("words") as u32;
    let c1 = editor
        .comment(
            &id,
            "body[0].text",
            Some(TextRange {
                start,
                end: start + 13,
            }),
            "Name them?",
        )
        .expect("comment");
    let p4 = dateline_review::FieldPath::Block(4).text(&r).expect("text");
    let at = p4.find("expected").expect("word") as u32;
    let c2 = editor
        .comment(
            &id,
            "body[4]",
            Some(TextRange {
                start: at,
                end: at + 8,
            }),
            "When?",
        )
        .expect("comment");
    let mut next = r.clone();
    next.body[0] = common::para("The expert today raised concerns about the trial.");
    next.body.insert(0, common::para("A new first paragraph."));
    store.save(&id, &next, &meta("Wendy Writer")).expect("save");

    let state = editor.open(&id).expect("open");
    let one = state.comments.iter().find(|c| c.id == c1).expect("kept");
    assert!(one.current.outdated);
    assert_eq!(one.anchor.text, "mother of two");
    let two = state.comments.iter().find(|c| c.id == c2).expect("kept");
    assert!(!two.current.outdated);
    assert_eq!(two.current.field.as_deref(), Some("body[5]"));
    let now = dateline_review::FieldPath::Block(5)
        .text(&next)
        .expect("text");
    let range = two.current.range.expect("range");
    assert_eq!(range.slice(&now).as_deref(), Some("expected"));
    assert_eq!(
        state
            .blockers
            .iter()
            .filter(|b| b.kind == BlockerKind::UnresolvedComment)
            .count(),
        2
    );
    assert!(state
        .blockers
        .iter()
        .any(|b| b.message.contains("(outdated)")));

    // Replies join the thread; resolving the reply resolves the thread.
    let reply = editor.reply(&c1, "Fixed by cutting it.").expect("reply");
    editor.set_resolved(&reply, true).expect("resolve");
    let state = editor.open(&id).expect("open");
    let one = state.comments.iter().find(|c| c.id == c1).expect("kept");
    assert!(one.resolved);
    assert_eq!(one.replies.len(), 1);
    assert_eq!(
        editor
            .set_resolved(&c1, true)
            .map_err(|e| e.code().as_str()),
        Err("invalid_request")
    );
    editor.set_resolved(&c1, false).expect("reopen");
    assert!(!editor.open(&id).expect("open").comments[0].resolved);
}

#[test]
fn an_admin_override_is_recorded_with_what_it_overrode() {
    let (store, id) = newsroom(&seed());
    let admin = ReviewService::new(&store, "Ann Admin");
    admin
        .transition(&id, ReviewStatus::InReview, None, None, &[])
        .expect("review");
    admin
        .transition(
            &id,
            ReviewStatus::Approved,
            None,
            Some("minister's deadline"),
            &[],
        )
        .expect("override");
    let state = admin.open(&id).expect("open");
    let t = state.transitions.last().expect("transition");
    assert_eq!(t.override_reason.as_deref(), Some("minister's deadline"));
    assert!(!t.overridden.is_empty());
    let timeline = admin.audit(&id).expect("audit");
    assert!(timeline
        .iter()
        .any(|e| e.summary.contains("gates overridden: minister's deadline")));
}

#[test]
fn audit_lists_records_revisions_and_exports_as_csv_and_json() {
    let (store, id) = newsroom(&seed());
    let editor = ReviewService::new(&store, "Ed Itor");
    editor
        .comment(&id, "headline", None, "Good, \"short\" headline")
        .expect("comment");
    editor
        .record_export(&id, None, "html", Some("/tmp/out.html"))
        .expect("export");
    let t = editor.audit(&id).expect("audit");
    let kinds: Vec<&str> = t.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, vec!["revision", "comment", "export"]);
    assert_eq!(t[2].summary, "exported as html to /tmp/out.html");
    assert_eq!(t[2].revision, Some(1));
    let csv = audit::to_csv(&t);
    assert_eq!(csv.lines().count(), 4);
    assert!(
        csv.contains("\"comment on headline: Good, \"\"short\"\" headline\""),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&audit::to_json(&t)).expect("json");
    assert_eq!(json[1]["actor"], "Ed Itor");
}

#[test]
fn the_packet_shows_one_quote_in_context_as_html_and_text() {
    let mut r = three_quotes();
    r.body[3] = common::quote("okafor", "We <b>watch</b> & wait,");
    let (store, id) = newsroom(&r);
    let svc = ReviewService::new(&store, "Wendy Writer");
    let p = svc.packet(&id, 2, None).expect("packet");
    assert_eq!(p.speaker, "Ada Okafor, Director of the Lagos Office");
    assert!(p.html.contains("Content-Security-Policy"));
    assert!(
        p.html.contains("We &lt;b&gt;watch&lt;/b&gt; &amp; wait,"),
        "{}",
        p.html
    );
    assert!(!p.html.contains("<b>watch"));
    assert!(p.html.contains("Quote approval request"));
    assert!(p.html.contains("The court refused"), "the paragraph before");
    assert!(p.html.contains("Further hearings"), "the paragraph after");
    assert!(!p.html.contains("legal standards"), "not the other quotes");
    assert!(p.text.contains("We <b>watch</b> & wait,"));
    assert!(
        p.text
            .contains("said Ada Okafor, Director of the Lagos Office"),
        "{}",
        p.text
    );
    assert_eq!(
        svc.packet(&id, 4, None).map_err(|e| e.code().as_str()),
        Err("invalid_request")
    );
}

#[test]
fn the_compare_view_learns_which_approvals_a_change_made_stale() {
    let (store, id) = newsroom(&three_quotes());
    let writer = ReviewService::new(&store, "Wendy Writer");
    for n in 1..=3 {
        writer
            .approve(
                &id,
                ApproveTarget::Quote {
                    number: n,
                    by: None,
                    via: Via::Email,
                },
                Verdict::Approve,
                None,
            )
            .expect("sign-off");
    }
    let mut r = store.load(&id, None).expect("load");
    if let Some(p) = r.people.iter_mut().find(|p| p.id == "brandt") {
        p.title = "General Counsel".into();
    }
    store.save(&id, &r, &meta("Wendy Writer")).expect("save");
    let stale = writer.stale_between(&id, 1, 2).expect("stale");
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].by, "Jonas Brandt");
    assert!(writer.stale_between(&id, 1, 1).expect("none").is_empty());
}

#[test]
fn field_labels_name_fields_as_people_do() {
    use dateline_review::fields::label;
    let r = common::seed();
    assert_eq!(label("headline", &r), "headline");
    assert_eq!(label("body[0].text", &r), "paragraph 1");
    assert_eq!(label("body[3].paragraphs[0].segments[0]", &r), "quote 1");
    assert_eq!(label("body[5]", &r), "quote 2");
    assert_eq!(label("footnotes[0].text", &r), "footnote 1");
    assert_eq!(label("people[0]", &r), "Mary Lawlor");
    assert_eq!(label("contacts[1]", &r), "contact 2");
    assert_eq!(label("not a path", &r), "not a path");
}

#[test]
fn failing_checks_join_the_gates() {
    let mut r = seed();
    // 14 May 2025 is a Wednesday: "on Monday" is an error of the weekday check.
    if let dateline_core::Block::Paragraph { text } = &mut r.body[0] {
        text.push_str(" The expert spoke on Monday, 14 May 2025.");
    }
    let (store, id) = newsroom(&r);
    let linter = dateline_checks::Linter::new(dateline_checks::Profile::for_style(r.style));
    let with = ReviewService::new(&store, "Ed Itor").with_checks(&linter);
    let without = ReviewService::new(&store, "Ed Itor");
    let blockers = with.open(&id).expect("open").blockers;
    let failing: Vec<_> = blockers
        .iter()
        .filter(|b| b.kind == dateline_review::BlockerKind::FailingCheck)
        .collect();
    assert!(
        failing
            .iter()
            .any(|b| b.message.contains("dateline.weekday") && b.message.contains("paragraph 1")),
        "{failing:?}"
    );
    assert!(without
        .open(&id)
        .expect("open")
        .blockers
        .iter()
        .all(|b| b.kind != dateline_review::BlockerKind::FailingCheck));
}

#[test]
fn the_overview_gives_every_release_its_state_writer_and_who_is_asked() {
    let (store, asked) = newsroom(&three_quotes());
    let (moved, _) = store.create(&seed(), &meta("Ola Other")).expect("create");
    let (plain, _) = store.create(&seed(), &meta("Pat Plain")).expect("create");
    // A later revision by someone else: the writer is still who wrote revision 1.
    store
        .save(&plain, &seed(), &meta("Ed Itor"))
        .expect("second revision");
    let writer = ReviewService::new(&store, "Wendy Writer");
    writer
        .transition(&asked, ReviewStatus::InReview, None, None, &[])
        .expect("to review");
    writer
        .request_review(&asked, &["Ed Itor".into()], None, None, None)
        .expect("request");
    writer
        .transition(&moved, ReviewStatus::InReview, None, None, &[])
        .expect("to review");
    let editor = ReviewService::new(&store, "Ed Itor");
    let overview = editor.overview("Ed Itor").expect("overview");
    let of = |id: &str| {
        overview
            .iter()
            .find(|r| r.id == id)
            .map(|r| (r.status, r.waiting_for_me, r.writer.as_str()))
    };
    assert_eq!(overview.len(), 3);
    assert_eq!(
        of(&asked),
        Some((ReviewStatus::InReview, true, "Wendy Writer"))
    );
    assert_eq!(
        of(&moved),
        Some((ReviewStatus::InReview, false, "Ola Other"))
    );
    assert_eq!(of(&plain), Some((ReviewStatus::Draft, false, "Pat Plain")));
    // The trash is left out.
    store.delete(&moved).expect("delete");
    assert_eq!(editor.overview("Ed Itor").expect("overview").len(), 2);
}
