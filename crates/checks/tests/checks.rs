//! Each built-in check with a failing and a passing fixture; where the check
//! has a fix, the fix is applied and the check no longer fires.

mod common;

use chrono::NaiveDate;
use common::*;
use dateline_checks::{apply_fix, Linter, Profile, Severity};
use dateline_core::model::*;

fn embargo(r: &mut Release, until: &str, zone: &str) {
    r.release_line = ReleaseLine::Embargoed {
        until: until.parse().expect("date-time"),
        zone: zone.into(),
    };
}

fn un() -> Profile {
    profile("unOhchr")
}

// ---- dateline ----

#[test]
fn dateline_after_embargo() {
    let mut r = seed();
    embargo(&mut r, "2025-05-13T00:01:00", "Europe/Zurich");
    fails(&r, &un(), "dateline.after-embargo");
    let r = fixed(&r, &un(), "dateline.after-embargo");
    assert_eq!(
        r.dateline.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2025-05-13")
    );
    let mut ok = seed();
    embargo(&mut ok, "2025-05-14T00:01:00", "Europe/Zurich");
    passes(&ok, &un(), "dateline.after-embargo");
}

#[test]
fn dateline_stale_only_before_publication() {
    let mut r = seed();
    r.meta.status = Status::Draft;
    let late = NaiveDate::from_ymd_opt(2025, 7, 1).expect("date");
    let found = Linter::new(un()).with_today(late).run(&r).findings;
    assert!(
        found.iter().any(|f| f.check == "dateline.stale"),
        "{found:#?}"
    );
    passes(&r, &un(), "dateline.stale");
    let published = Linter::new(un()).with_today(late).run(&seed()).findings;
    assert!(published.iter().all(|f| f.check != "dateline.stale"));
}

#[test]
fn dateline_weekday_matches_its_date() {
    let r = with_paragraph("On Thursday, 14 May 2025, the court met.");
    let f = fails(&r, &un(), "dateline.weekday");
    assert_eq!(flagged(&f, paragraph(&r, 1)), "Thursday");
    let r = fixed(&r, &un(), "dateline.weekday");
    assert_eq!(
        paragraph(&r, 1),
        "On Wednesday, 14 May 2025, the court met."
    );
    passes(
        &with_paragraph("On Wednesday, 14 May the court met."),
        &un(),
        "dateline.weekday",
    );
}

#[test]
fn dateline_weekday_in_french_and_in_a_wire_lead() {
    let mut fr = with_paragraph("Le mardi 14 mai 2025, le tribunal a siégé.");
    fr.meta.language = "fr".into();
    let fr = fixed(&fr, &un(), "dateline.weekday");
    assert!(paragraph(&fr, 1).starts_with("Le mercredi 14 mai"));
    // The seed is dated Wednesday 14 May 2025.
    let mut r = seed();
    r.body[0] = Block::Paragraph {
        text: "The expert said Thursday that the trial was unfair.".into(),
    };
    fails(&r, &un(), "dateline.weekday");
    r.body[0] = Block::Paragraph {
        text: "The expert said Wednesday that the trial was unfair.".into(),
    };
    passes(&r, &un(), "dateline.weekday");
}

#[test]
fn dateline_month_style_per_house() {
    let r = with_paragraph("The hearing on 5 Sept. 2025 was closed.");
    let r = fixed(&r, &un(), "dateline.month-style");
    assert_eq!(
        paragraph(&r, 1),
        "The hearing on 5 September 2025 was closed."
    );
    let wire = profile("wire");
    let r = with_paragraph("The hearing on September 5, 2025 and on Jun. 3 was closed.");
    let in_new: Vec<_> = hits(&r, &wire, "dateline.month-style")
        .into_iter()
        .filter(|f| f.path == "body[1].text")
        .collect();
    assert_eq!(in_new.len(), 2);
    let r = fixed(&r, &wire, "dateline.month-style");
    assert_eq!(
        paragraph(&r, 1),
        "The hearing on Sept. 5, 2025 and on June 3 was closed."
    );
    passes_in(
        &with_paragraph("The hearing on Sept. 5 and March 3 was closed."),
        &wire,
        "dateline.month-style",
        "body[1].text",
    );
}

#[test]
fn dateline_ordinals() {
    let r = with_paragraph("The verdict of 14th May was upheld.");
    let r = fixed(&r, &un(), "dateline.ordinal");
    assert_eq!(paragraph(&r, 1), "The verdict of 14 May was upheld.");
    passes(
        &with_paragraph("The verdict of 14 May was upheld."),
        &un(),
        "dateline.ordinal",
    );
}

// ---- embargo ----

#[test]
fn embargo_zone_must_be_known() {
    let mut r = seed();
    embargo(&mut r, "2025-05-14T00:01:00", "Mars/Olympus");
    fails(&r, &un(), "embargo.zone");
    embargo(&mut r, "2025-05-14T00:01:00", "Europe/Zurich");
    passes(&r, &un(), "embargo.zone");
}

#[test]
fn embargo_local_time_across_clock_changes() {
    let mut r = seed();
    r.dateline = None;
    embargo(&mut r, "2025-03-30T02:30:00", "Europe/Zurich");
    assert!(fails(&r, &un(), "embargo.local-time")
        .message
        .contains("does not exist"));
    embargo(&mut r, "2025-10-26T02:30:00", "Europe/Zurich");
    assert!(fails(&r, &un(), "embargo.local-time")
        .message
        .contains("twice"));
    embargo(&mut r, "2025-10-26T04:30:00", "Europe/Zurich");
    passes(&r, &un(), "embargo.local-time");
}

#[test]
fn embargo_noon_and_midnight() {
    let mut r = seed();
    embargo(&mut r, "2025-05-14T00:00:00", "Europe/Zurich");
    let r = fixed(&r, &un(), "embargo.noon-midnight");
    assert!(
        matches!(&r.release_line, ReleaseLine::Embargoed { until, .. } if until.to_string() == "2025-05-14 00:01:00")
    );
    let words = with_paragraph("The report is embargoed until midnight.");
    fails(&words, &un(), "embargo.noon-midnight");
    passes(
        &with_paragraph("The report is embargoed until 00:01 GMT."),
        &un(),
        "embargo.noon-midnight",
    );
}

#[test]
fn embargo_times_carry_a_zone() {
    let r = with_paragraph("The hearing starts at 10:00 on Monday.");
    assert_eq!(
        flagged(&fails(&r, &un(), "embargo.time-zone"), paragraph(&r, 1)),
        "10:00"
    );
    fails(
        &with_paragraph("Doors open at 9 a.m. sharp."),
        &un(),
        "embargo.time-zone",
    );
    for ok in [
        "The hearing starts at 10:00 CET on Monday.",
        "The hearing starts at 10 a.m. local time.",
        "The hearing starts at 14:30 (GMT).",
        "The vote was 3:1 in favour.",
    ] {
        passes(&with_paragraph(ok), &un(), "embargo.time-zone");
    }
}

#[test]
fn embargo_exports_agree_with_the_release_line() {
    let mut r = seed();
    embargo(&mut r, "2025-05-15T00:01:00", "Europe/Zurich");
    // The JSON-LD would publish on 14 May, before the embargo lifts on 15 May.
    let f = fails(&r, &un(), "embargo.exports-disagree");
    assert_eq!(f.severity, Severity::Error);
    let r = fixed(&r, &un(), "embargo.exports-disagree");
    passes(&r, &un(), "dateline.after-embargo");
    let mut ok = seed();
    embargo(&mut ok, "2025-05-14T00:01:00", "Europe/Zurich");
    passes(&ok, &un(), "embargo.exports-disagree");
}

// ---- headline ----

#[test]
fn headline_length_per_house() {
    let wire = profile("wire");
    let mut r = seed();
    passes(&r, &wire, "headline.length");
    r.headline = "Tajikistan: UN expert calls for the release and a fair retrial of journalist Rukhshona Khakimova".into();
    assert_eq!(
        fails(&r, &wire, "headline.length").severity,
        Severity::Warning
    );
    r.headline = "word ".repeat(40);
    assert_eq!(
        fails(&r, &wire, "headline.length").severity,
        Severity::Error
    );
}

#[test]
fn headline_final_stop() {
    let mut r = seed();
    r.headline = "UN expert calls for release of journalist.".into();
    let r = fixed(&r, &un(), "headline.final-stop");
    assert_eq!(r.headline, "UN expert calls for release of journalist");
    let mut ok = seed();
    ok.headline = "Record year for Lumen Energy Inc.".into();
    passes(&ok, &un(), "headline.final-stop");
}

#[test]
fn headline_case() {
    let mut r = seed();
    r.headline = "UN Expert Calls For Release And Retrial Of Journalist".into();
    fails(&r, &un(), "headline.case");
    passes(&seed(), &un(), "headline.case");
    let title = Profile::from_toml("id = \"t\"\n[headline]\ncase = \"title\"\n").expect("profile");
    let mut t = seed();
    t.headline = "UN expert calls for release of journalist".into();
    let t = fixed(&t, &title, "headline.case");
    assert_eq!(t.headline, "UN Expert Calls for Release of Journalist");
}

// ---- quotes ----

fn quote(r: &mut Release, i: usize) -> &mut Quote {
    match &mut r.body[i] {
        Block::Quote(q) => q,
        other => panic!("block {i} is {other:?}"),
    }
}

#[test]
fn quotes_have_a_speaker() {
    let mut r = seed();
    quote(&mut r, 3).speaker = "nobody".into();
    let f = fails(&r, &un(), "quotes.speaker");
    assert_eq!(f.path, "body[3].speaker");
    passes(&seed(), &un(), "quotes.speaker");
}

#[test]
fn quotes_are_attributed() {
    let mut r = seed();
    for s in &mut quote(&mut r, 8).paragraphs[0].segments {
        s.attribution = None;
    }
    fails(&r, &un(), "quotes.unattributed");
    let r = fixed(&r, &un(), "quotes.unattributed");
    passes(&r, &un(), "quotes.later-mention");
}

#[test]
fn quotes_first_mention_is_full() {
    let mut r = seed();
    quote(&mut r, 3).paragraphs[0].segments[0].attribution = Some(Attribution::PronounSaid);
    let f = fails(&r, &un(), "quotes.first-mention");
    assert_eq!(f.path, "body[3].paragraphs[0].segments[0].attribution");
    let fixed_r = fixed(&r, &un(), "quotes.first-mention");
    assert_eq!(
        quote(&mut fixed_r.clone(), 3).paragraphs[0].segments[0].attribution,
        Some(Attribution::SaidNameTitle)
    );
    // Named in full in the writer's text first: a short form is fine.
    let mut named = r.clone();
    named.body[2] = Block::Paragraph {
        text: "Mary Lawlor, the Special Rapporteur, reviewed the case.".into(),
    };
    passes(&named, &un(), "quotes.first-mention");
}

#[test]
fn quotes_later_mentions_are_short() {
    let mut r = seed();
    quote(&mut r, 5).paragraphs[0].segments[0].attribution = Some(Attribution::SaidNameTitle);
    let f = fails(&r, &un(), "quotes.later-mention");
    assert_eq!(f.severity, Severity::Suggestion);
    let r = fixed(&r, &un(), "quotes.later-mention");
    assert_eq!(
        quote(&mut r.clone(), 5).paragraphs[0].segments[0].attribution,
        Some(Attribution::SaidSurname)
    );
}

#[test]
fn quote_marks_balance() {
    let r = with_paragraph("She called it “a travesty. The court disagreed.");
    assert_eq!(
        flagged(&fails(&r, &un(), "quotes.unbalanced"), paragraph(&r, 1)),
        "“"
    );
    fails(
        &with_paragraph("It was a travesty” of justice."),
        &un(),
        "quotes.unbalanced",
    );
    fails(
        &with_paragraph("She called it \"a travesty."),
        &un(),
        "quotes.unbalanced",
    );
    passes(
        &with_paragraph("She called it “a travesty”."),
        &un(),
        "quotes.unbalanced",
    );
    // A quote running over two paragraphs closes only in the second.
    let mut run_on = with_paragraph("“The first paragraph of the statement.");
    run_on.body.insert(
        2,
        Block::Paragraph {
            text: "“The second paragraph,” she said.".into(),
        },
    );
    passes(&run_on, &un(), "quotes.unbalanced");
}

#[test]
fn quote_marks_are_not_mixed() {
    // The seed uses curly marks (its quotes) and curly apostrophes (It’s).
    let r = with_paragraph("She called it \"a travesty\" and said it wasn't fair.");
    assert_eq!(hits(&r, &un(), "quotes.mixed-marks").len(), 3);
    let r = fixed(&r, &un(), "quotes.mixed-marks");
    assert_eq!(
        paragraph(&r, 1),
        "She called it “a travesty” and said it wasn’t fair."
    );
    passes(&r, &un(), "quotes.mixed-marks");
}

// ---- footnotes ----

#[test]
fn footnotes_are_marked_in_the_text() {
    let mut r = seed();
    r.body[0] = Block::Paragraph {
        text: paragraph(&r, 0).replace("expert*", "expert"),
    };
    let f = fails(&r, &un(), "footnotes.unmarked");
    assert_eq!(f.path, "footnotes[0].marker");
    passes(&seed(), &un(), "footnotes.unmarked");
    // Non-symbol markers are found as [1] or ¹.
    let mut numbered = seed();
    numbered.footnotes[0].marker = "1".into();
    numbered.body[0] = Block::Paragraph {
        text: paragraph(&numbered, 0).replace("expert*", "expert[1]"),
    };
    passes(&numbered, &un(), "footnotes.unmarked");
}

#[test]
fn markers_have_footnotes() {
    let r = with_paragraph("Another expert** joined the call, and it was *very* clear.");
    let f = fails(&r, &un(), "footnotes.orphan-marker");
    assert_eq!(flagged(&f, paragraph(&r, 1)), "**");
    assert_eq!(hits(&r, &un(), "footnotes.orphan-marker").len(), 1);
    passes(
        &with_paragraph("It was *very* clear and **bold**."),
        &un(),
        "footnotes.orphan-marker",
    );
}

// ---- closing parts ----

#[test]
fn end_mark_present() {
    let mut r = seed();
    r.end_mark = EndMark::None;
    let r = fixed(&r, &un(), "closing.end-mark");
    assert_eq!(r.end_mark, EndMark::Ends);
}

#[test]
fn end_mark_style() {
    let mut r = seed();
    r.end_mark = EndMark::Thirty;
    let r = fixed(&r, &un(), "closing.end-mark-style");
    assert_eq!(r.end_mark, EndMark::Ends);
    passes(&seed(), &un(), "closing.end-mark-style");
}

#[test]
fn end_mark_not_in_body() {
    let mut r = seed();
    r.body.push(Block::Paragraph {
        text: "ENDS".into(),
    });
    let n = r.body.len();
    let r = fixed(&r, &un(), "closing.end-mark-in-body");
    assert_eq!(r.body.len(), n - 1);
    passes(&seed(), &un(), "closing.end-mark-in-body");
}

#[test]
fn boilerplate_required_and_approved() {
    let wire = profile("wire");
    fails(&seed(), &wire, "closing.boilerplate");
    let mut r = seed();
    r.boilerplate.push(Boilerplate {
        title: "About OHCHR".into(),
        paragraphs: vec!["The Office leads the UN's human rights work.".into()],
    });
    passes(&r, &wire, "closing.boilerplate");

    let house = Profile::from_toml(
        "id = \"ours\"\nextends = \"unOhchr\"\n[[closing.boilerplate]]\ntitle = \"About OHCHR\"\nparagraphs = [\"The Office leads the human rights work of the United Nations.\"]\n",
    )
    .expect("profile");
    fails(&r, &house, "closing.boilerplate-drift");
    let r = fixed(&r, &house, "closing.boilerplate-drift");
    assert_eq!(
        r.boilerplate[0].paragraphs[0],
        "The Office leads the human rights work of the United Nations."
    );
}

#[test]
fn a_contact_with_email_or_phone() {
    let wire = profile("wire");
    let mut r = seed();
    assert_eq!(
        fails(&r, &wire, "closing.contact").severity,
        Severity::Error
    );
    r.contacts.push(Contact {
        name: "Press office".into(),
        phone: Some("+41 22 917 9000".into()),
        ..Default::default()
    });
    passes(&r, &wire, "closing.contact");
}

#[test]
fn links_are_http() {
    let r = with_paragraph("See [the file](ftp://files.ohchr.org/report.pdf).");
    let f = fails(&r, &un(), "closing.link-scheme");
    assert_eq!(
        flagged(&f, paragraph(&r, 1)),
        "ftp://files.ohchr.org/report.pdf"
    );
    let mut a = seed();
    a.actions.items.push(ActionItem::Link {
        label: "Run".into(),
        url: "javascript:alert(1)".into(),
    });
    fails(&a, &un(), "closing.link-scheme");
    passes(&seed(), &un(), "closing.link-scheme");
}

#[test]
fn approved_releases_link_to_no_placeholder() {
    let mut r = with_paragraph("See [the report](https://example.com/report).");
    fails(&r, &un(), "closing.placeholder-link");
    r.meta.status = Status::Draft;
    passes(&r, &un(), "closing.placeholder-link");
    r.meta.status = Status::Approved;
    r.actions.items.push(ActionItem::Link {
        label: "Local".into(),
        url: "http://localhost:8080/x".into(),
    });
    assert_eq!(hits(&r, &un(), "closing.placeholder-link").len(), 2);
}

// ---- style ----

#[test]
fn numbers_one_to_nine_in_words() {
    let r = with_paragraph("The court heard 3 witnesses. 4 more were refused.");
    assert_eq!(hits(&r, &un(), "style.numbers").len(), 2);
    let r = fixed(&r, &un(), "style.numbers");
    assert_eq!(
        paragraph(&r, 1),
        "The court heard three witnesses. Four more were refused."
    );
    passes(
        &with_paragraph("Under article 5 of the law, on 5 May, a 3-year-old and 5% of 3.5 million people in room 4; May 5 too."),
        &un(),
        "style.numbers",
    );
}

#[test]
fn numbers_from_ten_in_figures() {
    let r = with_paragraph("The court heard twelve witnesses and twenty-one experts.");
    let r = fixed(&r, &un(), "style.numbers");
    assert_eq!(
        paragraph(&r, 1),
        "The court heard 12 witnesses and 21 experts."
    );
    passes(
        &with_paragraph("Twelve witnesses spoke; ten million people watched."),
        &un(),
        "style.numbers",
    );
}

#[test]
fn date_format_per_house() {
    let r = with_paragraph("The appeal of May 14, 2025 failed.");
    let r = fixed(&r, &un(), "style.date-format");
    assert_eq!(paragraph(&r, 1), "The appeal of 14 May 2025 failed.");
    let wire = profile("wire");
    let w = with_paragraph("The appeal of 14 January 2025 failed.");
    let w = fixed(&w, &wire, "style.date-format");
    assert_eq!(paragraph(&w, 1), "The appeal of Jan. 14, 2025 failed.");
    passes(&seed(), &un(), "style.date-format");
}

#[test]
fn double_spaces() {
    let r = with_paragraph("The court  met.");
    let r = fixed(&r, &un(), "style.double-space");
    assert_eq!(paragraph(&r, 1), "The court met.");
    passes(&seed(), &un(), "style.double-space");
}

#[test]
fn repeated_words() {
    let r = with_paragraph("The the court met.");
    let r = fixed(&r, &un(), "style.repeated-word");
    assert_eq!(paragraph(&r, 1), "The court met.");
    passes(
        &with_paragraph("She said that that was all."),
        &profile("corporate"),
        "style.double-space",
    );
    passes(&seed(), &un(), "style.repeated-word");
}

#[test]
fn banned_words_and_jargon() {
    let r = with_paragraph("They described them as illegal immigrants.");
    assert_eq!(
        fails(&r, &un(), "style.banned-word").severity,
        Severity::Error
    );
    passes(&seed(), &un(), "style.banned-word");
    let j = with_paragraph("Utilize the funds and leverage the network.");
    let j = fixed(&j, &un(), "style.jargon");
    assert_eq!(paragraph(&j, 1), "Use the funds and use the network.");
}

#[test]
fn exclamation_marks_outside_quotes() {
    fails(
        &with_paragraph("A great day for rights!"),
        &un(),
        "style.exclamation",
    );
    passes(
        &with_paragraph("The crowd chanted “free her!” outside."),
        &un(),
        "style.exclamation",
    );
    let mut q = seed();
    quote(&mut q, 3).paragraphs[0].segments[1].text = "Free her now!".into();
    passes(&q, &un(), "style.exclamation");
}

#[test]
fn first_person_outside_quotes() {
    let r = with_paragraph("We call on the Government to act.");
    assert_eq!(
        flagged(&fails(&r, &un(), "style.first-person"), paragraph(&r, 1)),
        "We"
    );
    passes(
        &with_paragraph("She said “we will act” after World War I ended."),
        &un(),
        "style.first-person",
    );
    passes(&seed(), &un(), "style.first-person");
}

#[test]
fn direct_address_outside_quotes() {
    fails(
        &with_paragraph("You can read the report online."),
        &un(),
        "style.direct-address",
    );
    passes(
        &with_paragraph("Readers can find the report online."),
        &un(),
        "style.direct-address",
    );
}

// ---- French and Spanish typography ----

fn in_language(text: &str, lang: &str) -> Release {
    let mut r = with_paragraph(text);
    r.meta.language = lang.into();
    r
}

#[test]
fn french_spacing() {
    let r = in_language("Pourquoi ? Elle a dit: «non» ; voilà!", "fr");
    let in_new: Vec<_> = hits(&r, &un(), "typography.fr-spacing")
        .into_iter()
        .filter(|f| f.path == "body[1].text")
        .collect();
    assert_eq!(in_new.len(), 6, "{in_new:#?}");
    let r = fixed(&r, &un(), "typography.fr-spacing");
    assert_eq!(
        paragraph(&r, 1),
        "Pourquoi\u{202f}? Elle a dit\u{a0}: «\u{202f}non\u{202f}»\u{202f}; voilà\u{202f}!"
    );
    passes_in(
        &in_language("Voir https://www.ohchr.org à 10:30 GMT.", "fr"),
        &un(),
        "typography.fr-spacing",
        "body[1].text",
    );
    passes(
        &with_paragraph("Why? Because: no!"),
        &un(),
        "typography.fr-spacing",
    );
}

#[test]
fn spanish_inverted_marks() {
    let r = in_language("Qué pasará ahora? ¡Basta ya!", "es");
    assert_eq!(hits(&r, &un(), "typography.es-inverted").len(), 1);
    fails(
        &in_language("¿Qué pasará ahora.", "es"),
        &un(),
        "typography.es-inverted",
    );
    passes(
        &in_language("¿Qué pasará ahora? ¡Basta ya!", "es"),
        &un(),
        "typography.es-inverted",
    );
}

// ---- structure, profiles and fixes ----

#[test]
fn structural_problems_are_errors() {
    let mut r = seed();
    r.headline = "  ".into();
    assert_eq!(fails(&r, &un(), "structure").path, "headline");
    passes(&seed(), &un(), "structure");
}

#[test]
fn a_profile_turns_checks_off_and_changes_severity() {
    let r = with_paragraph("A great day for rights!");
    let off = Profile::from_toml(
        "id = \"x\"\nextends = \"un\"\n[severity]\n\"style.exclamation\" = \"off\"\n",
    )
    .expect("profile");
    passes(&r, &off, "style.exclamation");
    let strict = Profile::from_toml(
        "id = \"x\"\nextends = \"un\"\n[severity]\n\"style.exclamation\" = \"error\"\n",
    )
    .expect("profile");
    assert_eq!(
        fails(&r, &strict, "style.exclamation").severity,
        Severity::Error
    );
}

#[test]
fn a_stale_fix_is_refused() {
    let mut r = seed();
    r.headline = "UN expert calls for release.".into();
    let f = fails(&r, &un(), "headline.final-stop");
    r.headline = "Something else entirely.".into();
    let before = r.clone();
    assert!(apply_fix(&mut r, &f.fix.expect("fix")).is_err());
    assert_eq!(r, before);
}

#[test]
fn ranges_count_utf16_units() {
    // “…” and the emoji are before the double space: UTF-16 offsets, not bytes.
    let r = with_paragraph("“Ü” 😀 and  more");
    let f = fails(&r, &un(), "style.double-space");
    let range = f.range.expect("range");
    let text = paragraph(&r, 1);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16_lossy(&utf16[range.start as usize..range.end as usize]),
        "  "
    );
}
