//! The shapes real releases take that the importer must read (issue 13):
//! attribution verbs and labels in three languages, statements, quotes over
//! several paragraphs, odd quotation marks, headline furniture, dateline
//! variants, closing parts, and inline Markdown kept from rich sources.
#![allow(clippy::unwrap_used)] // a test may panic

use dateline_core::{Block, Release};
use dateline_import::{import, ImportOptions};

fn release(text: &str) -> Release {
    import(text.as_bytes(), &ImportOptions::default())
        .expect("imports")
        .release
}

/// The speaker of each quote block, by name.
fn speakers(r: &Release) -> Vec<String> {
    r.body
        .iter()
        .filter_map(|b| match b {
            Block::Quote(q) => r
                .people
                .iter()
                .find(|p| p.id == q.speaker)
                .map(|p| p.name.clone()),
            _ => None,
        })
        .collect()
}

fn with_body(body: &str) -> Release {
    release(&format!("Town opens a new library today\n\nOAKTON, 4 May 2026 – The town opened a library.\n\n{body}\n\nENDS"))
}

#[test]
fn attribution_verbs_labels_and_word_order() {
    for (body, who) in [
        ("“We are proud,” says Jane Park, the mayor.", "Jane Park"),
        ("“We are proud,” Jane Park added.", "Jane Park"),
        ("“We are proud,” noted Jane Park.", "Jane Park"),
        ("“We are proud,” Jane Park told reporters.", "Jane Park"),
        (
            "“We are proud,” according to Jane Park, the mayor.",
            "Jane Park",
        ),
        ("“We are proud.” Said Jane Park.", "Jane Park"),
        ("“We are proud” said Jane Park, the mayor.", "Jane Park"),
        ("“We are proud.” — Jane Park, Mayor of Oakton", "Jane Park"),
        (
            "Jane Park, Mayor of Oakton:\n\n“We are proud of every shelf in it.”",
            "Jane Park",
        ),
        ("“We are proud,” said Mayor Jane Park.", "Jane Park"),
        (
            "“We are proud,” said the Mayor of Oakton, Jane Park.",
            "Jane Park",
        ),
        ("”We are proud,” said Jane Park.", "Jane Park"),
        ("\"We are proud of it, said Jane Park.", "Jane Park"),
        ("We are proud of it,” said Jane Park.", "Jane Park"),
    ] {
        assert_eq!(speakers(&with_body(body)), [who], "{body}");
    }
}

#[test]
fn french_and_spanish_attributions() {
    for (body, who) in [
        ("« Nous sommes fiers », a déclaré Claire Roy.", "Claire Roy"),
        (
            "« Nous sommes fiers », a dit Claire Roy, maire.",
            "Claire Roy",
        ),
        (
            "« Nous sommes fiers », a ajouté Mme Claire Roy.",
            "Claire Roy",
        ),
        ("« Nous sommes fiers », selon Claire Roy.", "Claire Roy"),
        ("“Estamos orgullosos”, dijo Ana Gil.", "Ana Gil"),
        (
            "“Estamos orgullosos”, afirmó Ana Gil, alcaldesa.",
            "Ana Gil",
        ),
        ("“Estamos orgullosos”, señaló Ana Gil.", "Ana Gil"),
        ("“Estamos orgullosos”, explicó Ana Gil.", "Ana Gil"),
        ("“Estamos orgullosos”, según Ana Gil.", "Ana Gil"),
    ] {
        assert_eq!(speakers(&with_body(body)), [who], "{body}");
    }
}

#[test]
fn reworded_attributions_are_listed_not_lost() {
    let out = import(
        "Town opens a library\n\nOAKTON, 4 May 2026 – Text.\n\n“We are proud,” Jane Park added.\n\nENDS".as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    assert!(out.report.dropped.iter().any(|d| d.text.contains("added")));
    assert!(out
        .report
        .unsure
        .iter()
        .any(|f| f.note.contains("reworded")));
}

#[test]
fn statements_continuations_and_multi_paragraph_quotes() {
    let r = with_body("Statement from Jane Park:\n\n“The library is open.”\n\n“Come and see it.”");
    assert_eq!(speakers(&r), ["Jane Park", "Jane Park"]);
    let r = with_body("Following is a statement by Jane Park, Mayor of Oakton, on the opening:\n\n“The library is open.\n\n“Every child can borrow books.”");
    assert_eq!(speakers(&r), ["Jane Park"]);
    let r = release("Statement by Jane Park, Mayor of Oakton, on the new library\n\n“The library is open to all.”\n\n“Come and see it.”");
    assert_eq!(speakers(&r), ["Jane Park", "Jane Park"]);
    let r = with_body("“The library is open,” said Jane Park.\n\n“Come and see it.”");
    assert_eq!(speakers(&r), ["Jane Park", "Jane Park"]);
}

#[test]
fn headlines_under_furniture() {
    for top in [
        "SC/8215",
        "GA/12950\n9120th Meeting (AM)",
        "Home › News › Releases",
        "Wed Mar  4 10:12:40 CET 2026",
    ] {
        let r = release(&format!("{top}\n\nCouncil renews the mission for a year\n\nThe Council today renewed the mission."));
        assert_eq!(r.headline, "Council renews the mission for a year", "{top}");
    }
    let r = release("[OCA PR][EN] Alliance asks cities to publish code\n\nMarch, 4th 2026\n\nThe Alliance asked cities today.");
    assert_eq!(r.headline, "Alliance asks cities to publish code");
}

#[test]
fn dateline_variants() {
    let date = |text: &str| {
        let r = release(text);
        let d = r
            .dateline
            .unwrap_or_else(|| panic!("no dateline in {text}"));
        (
            d.places
                .iter()
                .map(|p| p.city.clone())
                .collect::<Vec<_>>()
                .join("/"),
            d.date.to_string(),
        )
    };
    let h = "Council opens the new bridge\n\n";
    let lead = "\n\nThe council opened the bridge today.";
    assert_eq!(
        date(&format!(
            "08/10/2004\n\n{h}The council opened the bridge today."
        )),
        ("".into(), "2004-10-08".into())
    );
    assert_eq!(
        date(&format!(
            "Thursday, 28 April 2016 - 9:25am |\n\n{h}The council opened it."
        )),
        ("".into(), "2016-04-28".into())
    );
    assert_eq!(
        date(&format!(
            "FOR IMMEDIATE RELEASE: TUESDAY 15 FEBRUARY 2005\n\n{h}The council opened it."
        )),
        ("".into(), "2005-02-15".into())
    );
    assert_eq!(
        date(&format!("{h}--19 May 2015--{lead}")),
        ("".into(), "2015-05-19".into())
    );
    assert_eq!(
        date(&format!("{h}PERTH\n\n6 October 2026{lead}")),
        ("Perth".into(), "2026-10-06".into())
    );
    assert_eq!(
        date(&format!(
            "{h}Brussels, 31 October 2015 The council opened the bridge."
        )),
        ("Brussels".into(), "2015-10-31".into())
    );
    assert_eq!(
        date(&format!(
            "{h}WWW.BRIDGES.EXAMPLE – May 3, 2026 – The council opened it."
        )),
        ("www.bridges.example".into(), "2026-05-03".into())
    );
    assert_eq!(
        date(&format!(
            "{h}KABUL/KATHMANDU/DELHI, 12 May 2021 – The council opened it."
        )),
        ("Kabul/Kathmandu/Delhi".into(), "2021-05-12".into())
    );
}

#[test]
fn closing_parts() {
    let r = release("Council opens the bridge\n\nOAKTON, 4 May 2026 – Text.\n\nAbout Oakton\n\nOakton is a town.\n\n# # #\n\nMedia contact(s)\nJo Hill\njo@oakton.example");
    assert_eq!(r.end_mark.text(), Some("# # #"));
    assert_eq!(r.contacts.len(), 1);
    assert_eq!(r.contacts[0].email.as_deref(), Some("jo@oakton.example"));
    let md = "# Council opens the bridge\n\nOAKTON, 4 May 2026 – Text.\n\n## Media contacts\n\n| Name | Email |\n| --- | --- |\n| Jo Hill | jo@oakton.example |\n| Al Roe | al@oakton.example |\n";
    let r = release(md);
    let names: Vec<&str> = r.contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Jo Hill", "Al Roe"]);
}

#[test]
fn rich_inline_text_is_kept_from_markdown_and_html() {
    let r = release("# Council opens the bridge\n\n**OAKTON, 4 May 2026** – The *new* bridge is [open](https://oakton.example/bridge).\n\nIt has `two` lanes.");
    let texts: Vec<String> = r
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts[0],
        "The *new* bridge is [open](https://oakton.example/bridge)."
    );
    assert_eq!(texts[1], "It has `two` lanes.");
    let r = release("<h1>Council opens the bridge</h1><p>OAKTON, 4 May 2026 – The <em>new</em> bridge is <a href=\"https://oakton.example/b\">open</a>.</p><p>Unsafe <a href=\"javascript:x()\">link</a> and <b>bold</b>.</p>");
    match (&r.body[0], &r.body[1]) {
        (Block::Paragraph { text: a }, Block::Paragraph { text: b }) => {
            assert_eq!(a, "The *new* bridge is [open](https://oakton.example/b).");
            assert_eq!(b, "Unsafe link and **bold**.");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn place_alone_between_head_and_lead_with_a_date_line_above() {
    let r = release("Mar 9, 2026\n\nHarbor Newswire marks forty years of service\n\nHarbor Newswire\n\nPORTLAND\n\nThe modern age of the news release began forty years ago, when the service sent its first release to nine newsrooms.\n\nENDS");
    let d = r.dateline.expect("a dateline");
    let places: Vec<&str> = d.places.iter().map(|p| p.city.as_str()).collect();
    assert_eq!(places, ["Portland"]);
    assert_eq!(d.date.to_string(), "2026-03-09");
    assert_eq!(r.headline, "Harbor Newswire marks forty years of service");
    // A heading in capitals inside the body is no dateline.
    let r = release("Mar 9, 2026\n\nHarbor Newswire marks forty years\n\nMONTREAL, 9 March 2026 – The service began forty years ago.\n\nHISTORY\n\nThe service sent its first release to nine newsrooms and a telephone line in a small office.");
    assert_eq!(
        r.dateline.map(|d| d.places[0].city.clone()).as_deref(),
        Some("Montreal")
    );
}

#[test]
fn a_press_desk_under_contacts_and_a_heading_after_them() {
    let r = release("<html><body><main><h1>Town opens a new library today</h1>\n<p>OAKTON, 4 May 2026 – The town opened a library.</p>\n<h2>Contacts</h2>\n<p>Media Relations<br>Town of Oakton<br>613-555-0111<br><a href=\"mailto:media@oakton.example\">media@oakton.example</a></p>\n<h2>Search for related information by keyword</h2>\n<p>Libraries | Oakton | Culture</p>\n</main></body></html>");
    assert_eq!(r.contacts.len(), 1, "{:?}", r.contacts);
    assert_eq!(r.contacts[0].name, "Media Relations");
    assert_eq!(r.contacts[0].email.as_deref(), Some("media@oakton.example"));
    assert!(r
        .boilerplate
        .iter()
        .any(|b| b.title.contains("Search for related information")));
}

#[test]
fn a_forwarded_release_loses_its_mail_wrapper_and_cover_note() {
    let text = "[town-list] (fwd) NEWS: library opens\n\nkim at lists.example\nMon May 4 09:12:00 CET 2026\n\nSee below, worth a look.\n\n----- Forwarded message from press at oakton.example -----\n\nFrom: press at oakton.example\nDate: Mon, 4 May 2026 08:00:00 +0200\nSubject: NEWS: library opens\n\nHi Kim,\n\nThe town opens its library today; the release is below.\n\nBest regards\nAnna\n\nAnna Berg\nTown of Oakton\n555-0100\n\nTown opens a new library today\n\nOAKTON and ELM RIDGE, 4 May 2026 – The town opened a library that both villages will share.\n\n“We are proud,” said Jane Park, the mayor.\n\nENDS";
    let out = import(text.as_bytes(), &ImportOptions::default()).unwrap();
    let r = &out.release;
    assert_eq!(r.headline, "Town opens a new library today");
    let places: Vec<&str> = r
        .dateline
        .as_ref()
        .map(|d| d.places.iter().map(|p| p.city.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(places, ["Oakton", "Elm Ridge"]);
    assert_eq!(speakers(r), ["Jane Park"]);
    assert!(out
        .report
        .dropped
        .iter()
        .any(|d| d.text.contains("Hi Kim") && d.reason.contains("cover note")));
}

#[test]
fn genre_and_dateline_on_one_line_above_the_headline() {
    let r = release("Communiqué de presse – Lyon, le 3 février 2026\n\nLes jardins partagés ouvrent au public\n\nLa ville ouvre ses douze jardins partagés aux habitants dès ce samedi.\n\n« Chacun pourra venir cultiver sa parcelle », explique Léa Rivière, adjointe au maire.");
    assert_eq!(r.headline, "Les jardins partagés ouvrent au public");
    let d = r.dateline.clone().expect("a dateline");
    assert_eq!(d.places[0].city, "Lyon");
    assert_eq!(d.date.to_string(), "2026-02-03");
    assert_eq!(speakers(&r), ["Léa Rivière"]);
}

#[test]
fn relayed_release_separator_and_repeated_headline() {
    let r = release("Trust answers the care report\n\nLEEDS, England, June 5 -- The Harbour Trust posted the following news release:\n\n* * *\n\nTrust answers the care report\n\nResponding to the report, Director of Care at The Harbour Trust, Ruth Amis, said:\n\n'The report shows the cost of delay.\n\n'Families cannot wait another year.'\n\nThe Harbour Trust is a charity.");
    assert_eq!(r.end_mark, dateline_core::EndMark::None);
    assert_eq!(speakers(&r), ["Ruth Amis"]);
    let d = r.dateline.clone().expect("a dateline");
    assert_eq!(d.places[0].city, "Leeds");
    let repeated = r
        .body
        .iter()
        .any(|b| matches!(b, Block::Paragraph { text } if text == "Trust answers the care report"));
    assert!(!repeated, "the repeated headline stays in the body");
}

#[test]
fn set_release_time_gives_the_date() {
    let r = release("STATEMENT\n\nFor release: 10.30am, Tuesday 4 March 2026\n\nCharity calls for warmer homes\n\nStatement from Ann Holt, Chief Executive of Warm Streets:\n\n\"Tenants cannot wait another winter.\"\n\nENDS");
    assert_eq!(r.headline, "Charity calls for warmer homes");
    assert_eq!(
        r.dateline.clone().expect("a date").date.to_string(),
        "2026-03-04"
    );
    assert_eq!(speakers(&r), ["Ann Holt"]);
}

#[test]
fn dateline_line_over_the_genre_line_over_the_headline() {
    let r = release("Lyon, le 5 avril 2026\n\nCOMMUNIQUÉ DE PRESSE\n\nLa ville plante mille arbres dans ses écoles\n\nLa ville de Lyon plantera mille arbres dans les cours de ses écoles d'ici l'été.\n\n« Chaque école aura son ombre », souligne Anne Vidal, adjointe au maire.");
    assert_eq!(r.headline, "La ville plante mille arbres dans ses écoles");
    let d = r.dateline.clone().expect("a dateline");
    assert_eq!(d.places[0].city, "Lyon");
    assert_eq!(d.date.to_string(), "2026-04-05");
    assert_eq!(speakers(&r), ["Anne Vidal"]);
}

#[test]
fn minister_header_release_contact_and_bracketed_place() {
    let r = release("Hon Rawiri Hohaia\nMinister of Transport\n\n14 May 2026\n\nNew ferry for the Sounds\n\nA new ferry will sail between Picton and the outer Sounds from June, the Minister announced today.\n\n“This ferry links families to work and school,” Rawiri Hohaia says.");
    assert_eq!(r.headline, "New ferry for the Sounds");
    assert_eq!(
        r.dateline.clone().expect("a date").date.to_string(),
        "2026-05-14"
    );
    assert_eq!(speakers(&r), ["Rawiri Hohaia"]);
    let r = release("For Immediate Release: Monday, March 2, 2026\nMEDIA CONTACT: Lou Park, 520-555-0100, lou@club.example\n\nStudents Plant a Garden\nfor the Food Bank\n\n(Tucson, AZ) February 20, 2026\n\nStudents will plant a vegetable garden for the food bank on Monday.\n\n\"We want to help,\" said Ada Ruiz, a student.");
    assert_eq!(r.headline, "Students Plant a Garden for the Food Bank");
    let d = r.dateline.clone().expect("a dateline");
    assert_eq!(d.places[0].city, "Tucson");
    assert_eq!(d.date.to_string(), "2026-02-20");
    assert_eq!(r.contacts[0].email.as_deref(), Some("lou@club.example"));
}

#[test]
fn french_briefing_summary_speaker() {
    let r = release("Le HCA s'inquiète des départs forcés\n\nCeci est un résumé des déclarations du porte-parole du HCA Lucien Abadie – à qui toute citation peut être attribuée – lors de la conférence de presse de ce jour.\n\nLe HCA est préoccupé par les départs forcés vers la frontière.\n\n« Des familles entières sont arrivées sans rien. »");
    assert_eq!(speakers(&r), ["Lucien Abadie"]);
}

#[test]
fn mail_subject_over_the_capitals_headline() {
    let r = release("PROJECT NEWS: The Wren Group Becomes The Wren Foundation\n\nAda Lee (ada@comms.example)\nWed, 30 Jun 2026 11:02:34 -0400\n\nTHE WREN GROUP BECOMES\nTHE WREN FOUNDATION\n\nhttp://www.wren.example/ -- June 30, 2026 -- The Wren Group today announced the creation of the Wren Foundation.\n\n\"This is an important step,\" said Omar Reyes, chairman.");
    assert_eq!(r.headline, "THE WREN GROUP BECOMES THE WREN FOUNDATION");
    assert_eq!(speakers(&r), ["Omar Reyes"]);
}

#[test]
fn speaker_named_in_the_paragraph_over_the_quote() {
    let r = with_body("Parks Trust's Advocacy Director Mere Tawhiri says the budget has put three projects on hold:\n\n“The parks need this money now.\n\n“Next week's budget is the moment to fix this.”");
    assert_eq!(speakers(&r), ["Mere Tawhiri"]);
}

#[test]
fn roles_after_the_verb_names_with_their_organisation_and_replies() {
    let r = with_body(
        "“We will go on,” said committee president Sofia Lind.\n\n“Every party must commit,” added the committee president.",
    );
    assert_eq!(speakers(&r), ["Sofia Lind", "Sofia Lind"]);
    let r =
        with_body("“The ships must stay out,” said Kofi Mensah of the Ocean Justice Foundation.");
    assert_eq!(speakers(&r), ["Kofi Mensah"]);
    let r = with_body(
        "Al ser preguntado por las críticas, Julián Bolaños ha respondido: \"Lo hemos explicado todo\".\n\n\"Publicaremos la auditoría\", ha manifestado el ministro de Hacienda.",
    );
    assert_eq!(speakers(&r), ["Julián Bolaños", "Julián Bolaños"]);
    // An organisation or an occasion after the verb is nobody quoted.
    assert!(speakers(&with_body(
        "“We are ready,” said the company in a statement."
    ))
    .is_empty());
}

#[test]
fn narration_then_quote_in_one_paragraph_and_a_pronoun_for_the_person_narrated() {
    let r = with_body(
        "The president also raised concerns about the border. “Civilians must reach care,” Mr Wyss said.",
    );
    assert_eq!(speakers(&r), ["Wyss"]);
    assert!(matches!(r.body.first(), Some(Block::Paragraph { .. })));
    let r = with_body(
        "En recevant la délégation, le Premier ministre, Didier Kouassi, a salué la visite : « C'est un signal fort », a-t-il souligné.",
    );
    assert_eq!(speakers(&r), ["Didier Kouassi"]);
}

#[test]
fn statements_by_a_role_and_name_and_whole_quotes_under_a_headline_naming_one_person() {
    let r = release(
        "Statement by the Prime Minister to mark the New Year\n\nDecember 31, 2026\n\nThe Prime Minister, Julien Arsenault, issued the following statement to mark the New Year:\n\n“Tonight, Canadians count down to midnight.\n\n“From our family to yours, happy New Year.”",
    );
    assert_eq!(speakers(&r), ["Julien Arsenault"]);
    let r = release(
        "Déclaration\n\nLa Directrice générale du Fonds Hélène Marchetti défend le droit de parler pour les enfants\n\nNEW YORK, 7 septembre 2026 – « Le Fonds est profondément préoccupé par cette décision.\n\n« Le Fonds continuera de remplir son mandat ».",
    );
    assert_eq!(speakers(&r), ["Hélène Marchetti"]);
}

#[test]
fn a_quote_signed_on_the_next_line_and_an_html_pull_quote() {
    let r = release(
        "<h1>Harbour repairs at Port Verity</h1><p>December 10, 2026 - Port Verity, Prince Edward Island</p><p>The minister announced a contract for the wharf.</p><h2>Quote</h2><p>“This investment gives the fishers a safe harbour.”</p><p>The Honourable Gail Trenholm, Minister of Fisheries and Oceans</p>",
    );
    assert_eq!(speakers(&r), ["Gail Trenholm"]);
    let r = release(
        "<h1>Aid group calls for cheap medicines</h1><p>9 February 2026</p><p>The group wrote to the leaders today.</p><blockquote><p>Raising the price of medicines would undo years of progress on health.</p><p>Rohan Mehta</p><p>Policy Adviser</p></blockquote><p>Generic medicines supply most treatments.</p>",
    );
    assert_eq!(speakers(&r), ["Rohan Mehta"]);
}

#[test]
fn furniture_date_lines_and_datelines_of_agencies_and_governments() {
    let r = release(
        "Archived page: may contain outdated information!\n  • Send page\n  • Print page\n\nCommittee president ends talks in Ostrava\n\n05-04-2026 News Release 26/47\n\nGeneva/Ostrava (HCC) – The president of the committee ended two days of talks today.",
    );
    assert_eq!(r.headline, "Committee president ends talks in Ostrava");
    let d = r.dateline.unwrap();
    assert_eq!(d.date.to_string(), "2026-04-05");
    let cities: Vec<&str> = d.places.iter().map(|p| p.city.as_str()).collect();
    assert_eq!(cities, ["Geneva", "Ostrava"]);
    let r = release(
        "MÉDICOS DEL MUNDO UNIDO\n\nUn año de fiebre: la respuesta llegó tarde\n\nLa organización publica hoy un análisis crítico de la epidemia.",
    );
    assert_eq!(r.headline, "Un año de fiebre: la respuesta llegó tarde");
    let r = release(
        "Déclaration du premier ministre\n\nLe 31 décembre 2026\nOttawa (Ontario)\n\nLe premier ministre a fait une déclaration ce soir.",
    );
    assert_eq!(r.dateline.unwrap().places[0].city, "Ottawa");
    let opts = ImportOptions {
        document_date: Some("2026-03-09".parse().unwrap()),
        ..ImportOptions::default()
    };
    let r = import(
        "Renuevan la Villa Deportiva\n\nLoreto, Baja California Sur (BCS). Con instalaciones nuevas crecen las posibilidades del estado.".as_bytes(),
        &opts,
    )
    .unwrap()
    .release;
    assert_eq!(r.dateline.unwrap().places[0].city, "Loreto");
    let r = release(
        "Budget could be a first sign\n\nLast edited 22 March 2026 at 9:00am\n\nThe group welcomed several measures in the budget today.",
    );
    assert_eq!(r.dateline.unwrap().date.to_string(), "2026-03-22");
}

#[test]
fn hard_wrapped_paragraphs_without_blank_lines_and_a_markdown_end_mark() {
    let text = "FOUNDATION'S COMMUNITY KEEPS GROWING AS NEW PROJECTS JOIN\nHILLSDALE MD – 12 June 2026 – The Lantern Software\nFoundation, volunteers and maintainers of open source\nprojects, today reported new projects.\nA midyear review of the all-volunteer Foundation found\nthat the gateway remains its most used program.\n\"More teams want to build software in the open and\nshare the work fairly,\" said Chair Tomas Everly.\nThe redesigned website lists every project with its\nmentors and its release schedule today.";
    let r = release(text);
    assert_eq!(speakers(&r), ["Tomas Everly"], "{:?}", r.body);
    assert!(r.body.len() >= 4, "{:?}", r.body);
    let r = release("# Acme opens a plant\n\nAUSTIN, Texas, June 3, 2026 – Acme opened a plant.\n\n# # #\n\n**About Acme**\n\nAcme makes things.");
    assert_eq!(r.end_mark.text(), Some("# # #"));
}

#[test]
fn a_verb_alone_a_title_before_the_name_and_a_capitalised_role() {
    let r = with_body(
        "El Alto Comisionado Tomás Aguirre habló hoy en Ginebra sobre los desplazados.\n\n“Hemos protegido a quienes huyen de la guerra”, dijo. “Ahora vemos otras causas”.",
    );
    assert_eq!(speakers(&r), ["Tomás Aguirre"]);
    let r = with_body(
        "On Monday, the Minister for Asylum, Jean Wirtgen, explained the decision. \"There is only a European answer\", stated the Minister, calling on the Member States to act.\n\n\"We will not leave them alone\", the Minister added.",
    );
    assert_eq!(speakers(&r), ["Jean Wirtgen", "Jean Wirtgen"]);
}

#[test]
fn more_datelines_end_marks_and_furniture_above_the_headline() {
    let r = release("Governments call for a recall\n\nLondon 17 January 2026 - The group welcomed a call by 17 governments today.\n\n= = =");
    let d = r.dateline.as_ref().unwrap();
    assert_eq!(
        (d.places[0].city.as_str(), d.date.to_string().as_str()),
        ("London", "2026-01-17")
    );
    assert_eq!(r.end_mark.text(), Some("= = ="));
    let opts = ImportOptions {
        document_date: Some("2026-12-17".parse().unwrap()),
        ..ImportOptions::default()
    };
    let r = import(
        "La banque va construire un siège\n\nDakar — Le conseil d'administration de la banque a approuvé la construction.".as_bytes(),
        &opts,
    )
    .unwrap()
    .release;
    assert_eq!(r.dateline.unwrap().places[0].city, "Dakar");
    let r = release(
        "Today — we open a new library in the town centre.\n\nThe library has 20,000 books.",
    );
    assert!(r.dateline.is_none_or(|d| d.places.is_empty()));
    let r = release(
        "[this announcement is available online at https://s.example/x ]\n\nThe Foundation Celebrates 25 Years\n\nThe Foundation announced today its anniversary.",
    );
    assert_eq!(r.headline, "The Foundation Celebrates 25 Years");
    let r = release(
        "(AGENPRESS) – dom 10 marzo 2026 ORG News Release\n\n10 March 2026\n\nPresident travels to the valley\n\nGeneva (ORG) – The president of the committee visited the valley on Sunday.",
    );
    assert_eq!(r.headline, "President travels to the valley");
    let r = release(
        "News\n\n    • Council Meeting · Press releases\n    • Justice and Home Affairs\n\nSpecial Council: the Presidency explains its decision\n\nThe Presidency has called a special Council.",
    );
    assert_eq!(
        r.headline,
        "Special Council: the Presidency explains its decision"
    );
}

#[test]
fn speakers_announced_by_a_verb_a_dash_a_label_line_or_a_statement_headline() {
    // A verb with a few words of whom or when before the colon.
    let r =
        with_body("Jane Park told a meeting of donors later in the day:\n\n“We have a few weeks.”");
    assert_eq!(speakers(&r), ["Jane Park"]);
    let r = with_body(
        "Jeanne Roy, présidente de l'association, a déclaré jeudi 4 mai :« Nous sommes prêts. »",
    );
    assert_eq!(speakers(&r), ["Jeanne Roy"]);
    // A dash opening the words a statement announces.
    let r = with_body("After the vote, Dr. Jane Park made the following statement:\n\n– It is humbling to be trusted with this library, and I will keep listening to every reader who walks through its doors.");
    assert_eq!(speakers(&r), ["Jane Park"]);
    // Her name and title alone on a line over her words.
    let r = with_body("Dr Jane Park, Mayor of Oakton\n\n“The library belongs to every one of us.”");
    assert_eq!(speakers(&r), ["Jane Park"]);
    // A footnote's marker after the closing mark.
    let r = release("Statement by Jane Park, Mayor of Oakton\n\nOAKTON, 4 May 2026 – « Aucun mot ne suffit. »*\n\nThe town mourns.\n\n* The town issues no other statement.");
    assert_eq!(speakers(&r), ["Jane Park"]);
    assert_eq!(r.footnotes.len(), 1);
    // A first-person statement under `Statement by …`, masthead lines above it.
    let r = release("The Executive Office\nMayor Jane Park\nPrint this document\n\nFor Immediate Release\nOffice of the Press Secretary\nJune 25, 2026\n\nStatement by Mayor Jane Park on the Library Vote\n\nI welcome the council's vote to open the library on Sundays.\n\nOur town will be better for it.\n\n# # #");
    assert_eq!(
        r.headline,
        "Statement by Mayor Jane Park on the Library Vote"
    );
    assert_eq!(speakers(&r), ["Jane Park"]);
}

#[test]
fn headlines_under_a_masthead_or_a_company_name() {
    let r = release("Imprimir\n\n15 de setiembre, 2026\n\nMinistra Laura Etcheverry\n\nLa pobreza baja por tercer año\n\nLa reducción de la pobreza acompaña el crecimiento, afirmó la ministra.");
    assert_eq!(r.headline, "La pobreza baja por tercer año");
    assert_eq!(
        r.dateline.map(|d| d.date.to_string()).as_deref(),
        Some("2026-09-15")
    );
    let r = release("|\n30 August 2026 |\nACME PLASTICS PLC\n(\"Acme\", the \"Company\" or the \"Group\")\nThe information in this announcement is deemed to be inside information under the Market Abuse Regulation, and it is now in the public domain.\nInterim Results\nAcme Plastics Plc (AIM: ACM), a maker of additives for plastics, is pleased to announce its results for the six months ended 30 June 2026.\nJane Park, Chief Executive of Acme, commented: \"Demand grew in every region, and we enter the second half with a strong order book.\"\nFor further information, please contact:\nAcme Plastics Plc\nJane Park, Chief Executive    +44 (0)20 5555 0670\n");
    assert_eq!(r.headline, "Interim Results");
    assert_eq!(speakers(&r), ["Jane Park"]);
    assert_eq!(r.contacts.len(), 1);
    assert_eq!(
        r.contacts[0].organisation.as_deref(),
        Some("Acme Plastics Plc")
    );
}

#[test]
fn more_dateline_and_date_forms() {
    let r = release("Council opens the bridge\n\n15 February 2026, Rome - With the season near, the council opened the bridge.");
    let d = r.dateline.expect("dateline");
    assert_eq!(d.places[0].city, "Rome");
    assert_eq!(d.date.to_string(), "2026-02-15");
    let r = import(
        "El ministro insiste en la llamada\n\nSantiago 3 Mar. (AUSTRAL) -\n\nLa autoridad detalló la cronología de los hechos de esta mañana.".as_bytes(),
        &ImportOptions {
            document_date: "2026-03-04".parse().ok(),
            ..ImportOptions::default()
        },
    )
    .expect("imports")
    .release;
    let d = r.dateline.expect("dateline");
    assert_eq!(d.places[0].city, "Santiago");
    assert_eq!(d.date.to_string(), "2026-03-03");
    let r = release("# Tidewater 4.0 ships\n\n*Posted by Amara Lind on 4 May 2026*\n\nThe project released version 4.0 today.[^1]\n\n[^1]: The design was discussed in public.\n[^2]: Images are signed.");
    assert_eq!(
        r.dateline.map(|d| d.date.to_string()).as_deref(),
        Some("2026-05-04")
    );
    let markers: Vec<&str> = r.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers[0], "1");
}

#[test]
fn contacts_above_the_lead_in_a_press_box_in_a_byline_or_for_two() {
    let names =
        |r: &Release| -> Vec<String> { r.contacts.iter().map(|c| c.name.clone()).collect() };
    let r = release("Board receives a nomination\n\nAvailable in: Español, Français\n\nJane Park: 202-555-0142\nAl Roe: 202-555-0178\n\nWASHINGTON, March 16, 2026 — The Board received a nomination today.");
    assert_eq!(names(&r), ["Jane Park", "Al Roe"]);
    assert!(r.subheadline.is_none());
    let r = release("Contact presse\n\nPour toute demande d'interview :\n\n+33 1 55 38 66 00\n\npresse@oakton.example\n\nLa loi doit être revue avant le vote\n\nJeudi 24 juillet 2026\n\nLa loi menace le droit de manifester, a déclaré l'association jeudi.\n\nPour toute demande média, merci de contacter le service presse\nOakton Libertés – Service presse – 01 55 38 66 00 – presse@oakton.example");
    assert_eq!(r.headline, "La loi doit être revue avant le vote");
    assert_eq!(names(&r), ["Service presse"]);
    assert_eq!(
        r.contacts[0].email.as_deref(),
        Some("presse@oakton.example")
    );
    let r = release("<h1>Quieter classrooms help reading</h1><p>Date: 8/28/2026<br>By: L.K. Amsel<br>Phone: (513) 555-1824<br>Photos By: Dana Kidd</p><p>Researchers followed 1,200 pupils for two years.</p>");
    assert_eq!(names(&r), ["L.K. Amsel"]);
    let r = with_body("Lugar: Plaza Mayor\nHorario: de 11:30 a 13:30 h\nPersona de contacto: Luis Orduña y/o Maribel Escartín\nTeléfono de contacto: 600 555 084");
    assert_eq!(names(&r), ["Luis Orduña", "Maribel Escartín"]);
}

#[test]
fn narration_split_from_a_quote_keeps_its_links() {
    let r = release("# Town opens a library\n\n**OAKTON, 4 May 2026** – The town opened a library.\n\nThe *new* library is [open](https://oakton.example/lib) on Sundays. “We are proud,” said Jane Park, the mayor.\n\nENDS");
    assert!(r.body.iter().any(|b| matches!(b, Block::Paragraph { text } if text == "The *new* library is [open](https://oakton.example/lib) on Sundays.")));
    assert_eq!(speakers(&r), ["Jane Park"]);
}

#[test]
fn paren_markers_with_their_notes_under_notes_to_editors() {
    let r = release("Towns call for a whaling ban\n\nLondon 17 January 2026 - Seventeen towns called for a ban today. (1)\n\nThe call was delivered this morning. (2)\n\nENDS\n\nNotes to editors\n(1) The towns are listed online.\n(2) Photographs are available.\n\nContact: Press desk, press@towns.example");
    let markers: Vec<&str> = r.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers, ["(1)", "(2)"]);
    assert_eq!(r.contacts.len(), 1);
}

#[test]
fn date_lines_with_articles_times_and_month_names() {
    let date = |top: &str| {
        release(&format!("{top}\n\nCouncil opens the bridge\n\nThe council opened the bridge today, after two years of work."))
            .dateline
            .map(|d| d.date.to_string())
    };
    assert_eq!(
        date("Le vendredi 14 juin 2026, 12 h 10").as_deref(),
        Some("2026-06-14")
    );
    assert_eq!(date("01-May-2026 17:18 IST").as_deref(), Some("2026-05-01"));
    assert_eq!(
        date("Posted On: 08 APR 2026 5:24PM by Press Bureau Delhi").as_deref(),
        Some("2026-04-08")
    );
    // A date alone closing a short release with no dateline.
    let r = release("Media Release\n\nOpposition at odds over child care\n\n\"The Opposition does not know what it is doing,\" Minister for Families, Marcus Brody, said today.\n\n\"Its spokesperson could not give a straight answer.\"\n\nMr Brody said families deserved to know.\n\n15 May 2026");
    assert_eq!(
        r.dateline.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2026-05-15")
    );
    assert_eq!(speakers(&r), ["Marcus Brody", "Marcus Brody"]);
    // A place and date on their own line under the deck's bullets.
    let r = release("<p>Nota de prensa</p><h1>El Gobierno aprueba el plan de vivienda rural</h1><ul><li>El plan movilizará 900 millones</li><li>Las ayudas cubrirán el 60%</li></ul><p>Madrid, jueves 12 de marzo de 2026</p><p>El Consejo de Ministros ha aprobado este jueves el plan.</p>");
    let d = r.dateline.expect("dateline");
    assert_eq!(
        (d.places[0].city.as_str(), d.date.to_string()),
        ("Madrid", "2026-03-12".to_string())
    );
}

#[test]
fn ministers_named_in_the_head_and_roles_resolved_to_the_subject() {
    let r = release("JOINT MEDIA RELEASE\n\nSenator the Hon. Simon Bramwell\nMinister for Finance\nSenator for South Australia\n\nThe Hon. Paula Fenwick MP\nMinister for Communications\n\nDate: Monday, 2 November 2026\n\nPostal review to put regional customers first\n\nThe Government has asked the Board of National Post to review regional services.\n\n\"People in country towns deserve the same service,\" Minister Bramwell said.\n\n\"We want a plan, not a report,\" Minister Fenwick said.");
    assert_eq!(r.headline, "Postal review to put regional customers first");
    assert_eq!(speakers(&r), ["Simon Bramwell", "Paula Fenwick"]);
    let r = release("Defence Minister Shri Arvind Menon meets his counterpart\n\nPosted On: 08 APR 2026 5:24PM by Press Bureau Delhi\n\nDefence Minister Shri Arvind Menon held talks with the Defence Minister of Qadira, Sheikh Rashid bin Hamdan, in New Delhi today.\n\n\"Our ties must now grow,\" the Minister said.\n\nHe stated \"We are ready to build together\".");
    assert_eq!(speakers(&r), ["Arvind Menon", "Arvind Menon"]);
    let r = release("Commission welcomes the ceasefire\n\nAddis Ababa, Ethiopia, 12 March 2026: The Chairperson of the Commission, H.E. Moussa Diallo Traoré, welcomes the ceasefire signed yesterday.\n\n\"This agreement belongs to the people,\" said the Chairperson.");
    assert_eq!(speakers(&r), ["Moussa Diallo Traoré"]);
    let r = release("COMUNICADO DE PRENSA (ESPAÑOL/ENGLISH): La pobreza en Costaverde corre el riesgo de pasar desapercibida\n\nLa pobreza en Costaverde corre el riesgo de pasar desapercibida, advierte experto de la ONU\n\nSANTIAGO DEL MAR (24 de marzo de 2026) – El crecimiento esconde bolsas de pobreza, advirtió hoy el Relator Especial.");
    assert_eq!(
        r.headline,
        "La pobreza en Costaverde corre el riesgo de pasar desapercibida, advierte experto de la ONU"
    );
    assert_eq!(
        r.dateline.map(|d| d.places[0].city.clone()).as_deref(),
        Some("Santiago del Mar")
    );
}

fn place_and_date(r: &Release) -> (Vec<String>, String) {
    r.dateline
        .as_ref()
        .map_or((Vec::new(), String::new()), |d| {
            (
                d.places.iter().map(|p| p.city.clone()).collect(),
                d.date.to_string(),
            )
        })
}

#[test]
fn wire_datelines_with_the_date_in_brackets_dotted_dates_and_agency_months() {
    let read = |line: &str| {
        place_and_date(&release(&format!(
            "Harbour reopens to ferries\n\n{line} the harbour authority reopened the east quay to ferries this morning."
        )))
    };
    let (places, date) = read("QUÉBEC, le 9 juill. 2026 /CNW/ - La capitainerie annonce que");
    assert_eq!(
        (places, date.as_str()),
        (vec!["Québec".to_string()], "2026-07-09")
    );
    let (places, date) = read("OTTAWA, ONTARIO--(CCNMatthews - 3 déc. 2026) - Selon");
    assert_eq!(
        (places, date.as_str()),
        (vec!["Ottawa".to_string()], "2026-12-03")
    );
    let (places, date) = read("Lausanne, 4.11.2026 - Selon un communiqué,");
    assert_eq!(
        (places, date.as_str()),
        (vec!["Lausanne".to_string()], "2026-11-04")
    );
    let (places, date) = read("Bogotá D. C., 3 de marzo de 2026 – Según");
    assert_eq!(
        (places, date.as_str()),
        (vec!["Bogotá".to_string()], "2026-03-03")
    );
    // The month before the day, the agency in brackets, a full stop; the year is the document's.
    let r = import(
        "Puerto abre el muelle este\n\nCusco, ago. 21 (AGENCIA SUR). La autoridad portuaria abrió hoy el muelle este."
            .as_bytes(),
        &ImportOptions {
            document_date: "2026-08-21".parse().ok(),
            ..ImportOptions::default()
        },
    )
    .unwrap()
    .release;
    assert_eq!(
        place_and_date(&r),
        (vec!["Cusco".to_string()], "2026-08-21".to_string())
    );
}

#[test]
fn post_stamps_menus_notices_and_addresses_above_the_headline() {
    // A partner site's post stamp over the release's own date: the latter is the date.
    let r = release("You are here\n\nAgency chief honours a retired ranger\n\nParks Partnership - Wed, 04/15/2026 - 09:40\n14 April 2026\n\nThe Agency's Director-General Lina Moreau paid tribute to the ranger, Tom Reyes, who retired on Monday.\n\n\"He gave forty years to the park,\" said the Director-General.");
    assert_eq!(r.headline, "Agency chief honours a retired ranger");
    assert_eq!(place_and_date(&r).1, "2026-04-14");
    assert_eq!(speakers(&r), ["Lina Moreau"]);
    // A menu, a notice about reuse and the agency's address over the headline.
    let r = release("Home - Media\nPress releases\nMedia advisories\nEvents calendar\nPrinter friendly version\n\nMedia are free to use and reproduce our press releases\n\n12, rue des Tilleuls\n75007 PARIS, France\n\nAgency condemns the attack on a radio station\n\n02-06-2026 3:10 pm - (Press Release N°2026-41)\n\nThe agency condemned today the attack on a community radio station.");
    assert_eq!(r.headline, "Agency condemns the attack on a radio station");
    assert_eq!(place_and_date(&r).1, "2026-06-02");
    // The issuer's line printed twice, a date, then a quoted headline.
    let r = release("Town of Belmont - Office of the Mayor\n\nTown of Belmont - Office of the Mayor\n\n3 mars 2026 9h15 HE\n\n\"Our streets come first\" - Mayor Ana Lutz\n\nBELMONT, ONTARIO--(Wire - 3 mars 2026) - The mayor set out her road plan today.");
    assert_eq!(r.headline, "\"Our streets come first\" - Mayor Ana Lutz");
    // A city's name in capitals, a genre line and a contact block over the date and the headline.
    let r = release("TOWN OF ELDON\nNEWS RELEASE\n\nContact: Rita Gomez\n(555) 300-1212\nrgomez@eldon.example\n\nMay 4, 2026\n\nEldon opens its first skate park\n\nThe Town of Eldon opened its skate park on Saturday.\n\n###");
    assert_eq!(r.headline, "Eldon opens its first skate park");
    assert_eq!(r.contacts.len(), 1);
    // An institution's lines, the genre, then the headline under it.
    let r = release("Universidad del Valle Alto\nSede Norte\n\nCOMUNICADO\n\nSuspensión de clases en la Sede Norte\n\nCali, 2 de abril de 2026\n\nLa Rectoría informa que las clases se suspenden hoy.");
    assert_eq!(r.headline, "Suspensión de clases en la Sede Norte");
    // A media advisory's genre before the headline.
    let r = release("Avis aux médias - Le maire présente le budget\n\nLAVAL, le 2 juill. 2026 /CNW/ - Le maire présentera le budget demain.");
    assert_eq!(r.headline, "Le maire présente le budget");
}

#[test]
fn canadian_wire_and_federal_contacts_and_address_footers() {
    let r = release("Le maire présente le budget\n\nLAVAL, le 2 juill. 2026 /CNW/ - Le maire présentera le budget demain.\n\nSOURCE Ville de Laval - Cabinet du maire\n\nSource : Paul Girard, Attaché de presse, 450 555 1000, paul.girard@laval.example; Renseignements : Ville de Laval, Relations de presse, presse@laval.example");
    let got: Vec<(String, Option<String>)> = r
        .contacts
        .iter()
        .map(|c| (c.name.clone(), c.email.clone()))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("paul.girard@laval.example"));
    assert_eq!(got[1].1.as_deref(), Some("presse@laval.example"));
    let r = release("Le budget est adopté\n\nMONTREAL, QUEBEC--(CCNMatthews - 3 déc. 2026) - Le conseil a adopté le budget.\n\n-30-\n\nRenseignements : Marc Roy, Attaché de presse, 514 555 2000");
    assert_eq!(
        r.contacts.first().map(|c| c.name.as_str()),
        Some("Marc Roy")
    );
    let r = release("<h1>Le gouvernement fixe ses priorités</h1><p>Berne, 3.2.2026 - Le gouvernement a fixé ses priorités.</p><h2>Adresse pour l'envoi de questions</h2><p>Service de presse, tél. +41 58 555 00 00</p>");
    assert_eq!(
        r.contacts.first().map(|c| c.name.as_str()),
        Some("Service de presse")
    );
    // The organisation's footer with its web site under the press officer is not a contact.
    let r = release("Council welcomes the truce\n\nNairobi, Kenya, 3 May 2026: The Council welcomed the truce.\n\nFor further information contact:\nMs. Ruth Achieng | Communication Office | ruth@council.example\n\nCommunication Office, Regional Council I E-mail: info@council.example I Web Site: www.council.example I Nairobi | Kenya");
    assert_eq!(r.contacts.len(), 1);
}

#[test]
fn attributions_after_that_occasions_roles_and_courtesy_titles() {
    // `Añadió que “…”`: the person last quoted.
    let r = with_body("“El parque es de todos”, dijo Marta Ruiz, alcaldesa.\n\nAñadió que “las obras terminan en junio”.");
    assert_eq!(speakers(&r), ["Marta Ruiz", "Marta Ruiz"]);
    // An occasion before the role, and a second role for the only person quoted.
    let r = with_body("La asociación eligió a su nueva directiva, encabezada por el alcalde de Rocafuerte, Julio Paredes, que habló en la ceremonia.\n\n“Los municipios son la primera cara del Estado”, indicó en su discurso el jefe comunal.\n\n“No pararemos la descentralización”, expresó el alcalde de Rocafuerte.");
    assert_eq!(speakers(&r), ["Julio Paredes", "Julio Paredes"]);
    // A name and title set off by commas, then `said "…"` in the sentence.
    let r = with_body(
        "Lee, the new chair of the mayors' forum, said \"Every town needs a fair share.\"",
    );
    assert_eq!(speakers(&r), ["Lee"]);
    // `devant` after the name, and `Madame` dropped from it.
    let r = with_body("Le président, Paul Keller, a présenté le plan.\n\n« Nous tiendrons le budget », a souligné M. Keller devant les députés.");
    assert_eq!(speakers(&r), ["Paul Keller"]);
    let r = with_body("Madame Lise Gagnon, porte-parole, défend le plan.\n\n\"Le plan est juste\", affirme Madame Gagnon.");
    assert_eq!(speakers(&r), ["Lise Gagnon"]);
}

#[test]
fn quotes_inside_sentences_and_numbered_paragraphs() {
    let r = with_body("El plan ayudará a los barrios pequeños, ya que, tal y como informó Carmen Vidal, \"la mitad no tiene biblioteca\".");
    assert_eq!(speakers(&r), ["Carmen Vidal"]);
    // The words before the clause stay as a paragraph.
    assert!(r
        .body
        .iter()
        .any(|b| matches!(b, Block::Paragraph { text } if text.contains("barrios pequeños"))));
    let r = release("Minister meets her counterpart\n\nMarch 3, 2026\n\n1. On March 3, Minister Ana Sato met the Minister of Foreign Affairs of Norland.\n\n2. At the start, Minister Sato said, \"I welcome my colleague on her first visit.\"\n\n3. The two ministers agreed to meet again.");
    assert_eq!(speakers(&r), ["Ana Sato"]);
}

#[test]
fn statements_signed_labelled_or_titled_and_starred_notes() {
    // A first-person statement with no marks, signed under its last paragraph.
    let r = release("<h1>Federation President statement</h1><p>3 Mar 2026</p><p>After the claims made online about what I said at the final, I want to be clear.</p><p>I thanked the referees for their work.</p><p>Karin Holm<br>Federation President</p>");
    assert_eq!(speakers(&r), ["Karin Holm"]);
    // A label over paragraphs each opening a quotation mark, under a headline naming the speaker.
    let r = release("<h1>Director-General Omar Haddad welcomes the Board's decision</h1><p>2 May 2026</p><p><strong>Statement of the Director-General</strong></p><p>“I welcome the decision of the Board.</p><p>“It shows what dialogue can do.”</p><p>*The decision goes to the plenary on 9 May.</p><p>Contact: Lea Brun, press@agency.example</p>");
    assert_eq!(speakers(&r), ["Omar Haddad"]);
    let markers: Vec<&str> = r.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers, ["*"]);
}

#[test]
fn agency_end_mark_with_initials_and_no_date_made_up() {
    let r = release("Universidad anuncia becas\n\nLima, set. 2 (AGENCIA SUR). La universidad anunció 300 becas.\n\n(FIN) JPR/LMC");
    assert_eq!(r.end_mark.text(), Some("(FIN)"));
    let text = "Le maire salue les nouveaux fonds\n\n– Présent à l'annonce, le maire a salué les fonds pour l'eau.";
    let r = import(
        text.as_bytes(),
        &ImportOptions {
            document_date: "2026-11-02".parse().ok(),
            ..ImportOptions::default()
        },
    )
    .unwrap()
    .release;
    // The document's date only completes a dateline's year: a text with no
    // date keeps no dateline.
    assert!(r.dateline.is_none());
    assert!(release(text).dateline.is_none());
}

#[test]
fn first_person_words_after_an_occasion_and_says_colon() {
    // An occasion before the speaker, then her words with no opening mark and
    // a stray closing one at their end.
    let r = release("<h1>Manifestation pour le logement</h1><p>Suite à la manifestation du 3 mai à Nantes, Claire Vidal, présidente de Toits Pour Tous, déclare :</p><p>Nous regrettons que la manifestation ait été dispersée par la force.</p><p>Les habitants doivent pouvoir se faire entendre sur le logement.\"</p>");
    assert_eq!(speakers(&r), ["Claire Vidal"]);
    let Some(Block::Quote(q)) = r.body.iter().find(|b| matches!(b, Block::Quote(_))) else {
        panic!("no quote");
    };
    assert_eq!(q.paragraphs.len(), 2);
}

#[test]
fn police_print_page_masthead_date_genre_and_a_governor_continuing() {
    // A printed page's running head, the force's name and office over the
    // date, the genre line under it; a surname completed from the lead; an
    // occasion opened by a participle; a role before its verb.
    let r = release("- Bayside Police Department - https://www.baysidepolice.example -\n\nChief Thanks Neighbourhood Watch 05-02-26\n\nBAYSIDE POLICE DEPARTMENT\nOFFICE OF THE CHIEF OF POLICE\nPHONE: 555-0199\nMAY 2, 2026\n\nMEDIA RELEASE\n\nPolice Chief Dana Kealoha today thanked the watch groups of the harbour district.\n\n\"Every call from a watch group helps,\" Kealoha said.\n\nOpening Safety Week, Governor Mele Akana said in a message to the groups: \"You make the harbour safer.\"\n\nThe governor continued, \"Keep calling.\"");
    assert_eq!(
        dateline_core::markdown::to_plain(&r.headline),
        "Chief Thanks Neighbourhood Watch 05-02-26"
    );
    assert_eq!(
        r.dateline.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2026-05-02")
    );
    assert_eq!(speakers(&r), ["Dana Kealoha", "Mele Akana", "Mele Akana"]);
    assert!(!r
        .body
        .iter()
        .any(|b| matches!(b, Block::Paragraph { text } if text == "MEDIA RELEASE")));
}

#[test]
fn ministry_press_statement_signed_in_capitals_over_bullets() {
    let r = release("REPUBLIC OF OLANDA\nMINISTRY OF WATER\n\nPRESS STATEMENT\n\nDate: 3rd May, 2026\n\nBOREHOLE WATER IN LINDI FOUND SAFE TO DRINK\n\nI wish to inform the public that the samples taken in Lindi last week are free of contamination.\n\n• Testing will continue every month.\n\n• Results will be posted at the district office.\n\nI thank the residents for their patience.\n\nENG. PETER MAKORI\nCABINET SECRETARY\nMINISTRY OF WATER");
    assert_eq!(
        dateline_core::markdown::to_plain(&r.headline),
        "BOREHOLE WATER IN LINDI FOUND SAFE TO DRINK"
    );
    // A genre line is no place.
    assert!(r.dateline.as_ref().is_some_and(|d| d.places.is_empty()));
    assert_eq!(speakers(&r), ["Peter Makori"]);
}

#[test]
fn financial_wire_stamp_issuer_line_and_notices() {
    let r = release("ZURICH, SWITZERLAND--(Wirelink - May 04, 2026) -\nAlpenbio AG /\nAlpenbio starts a trial of its new vaccine\nProcessed and transmitted by Wirelink Corporate Services.\nThe issuer is solely responsible for the content of this announcement.\n\nZurich, Switzerland, May 4, 2026 - Alpenbio AG announced today that it has started a trial.\n\nDr. Lena Frei, Chief Executive Officer, said: \"We are ready.\"");
    assert_eq!(
        dateline_core::markdown::to_plain(&r.headline),
        "Alpenbio starts a trial of its new vaccine"
    );
    assert_eq!(speakers(&r), ["Lena Frei"]);
}

#[test]
fn agency_slug_doubled_single_marks_and_a_doctor_named_by_surname() {
    let r = import(
        "SENEGAL-EDUCATION / Louga : 300 classes rénovées avant la rentrée (directeur)\n\nLouga, 2 sept (APS) – Trois cents classes seront rénovées avant la rentrée, a annoncé le directeur de l'académie, le docteur Moussa Fall.\n\n’’Les travaux ont commencé dans tous les départements’’, a déclaré le docteur Fall lors d'une visite.\n\nIl a précisé que les écoles rurales passent en premier. ’’Aucune classe ne sera oubliée’’, a-t-il assuré.\n\nMF/ASB".as_bytes(),
        &ImportOptions {
            document_date: "2026-09-02".parse().ok(),
            ..ImportOptions::default()
        },
    )
    .unwrap()
    .release;
    assert_eq!(
        dateline_core::markdown::to_plain(&r.headline),
        "Louga : 300 classes rénovées avant la rentrée (directeur)"
    );
    assert_eq!(speakers(&r), ["Moussa Fall", "Moussa Fall"]);
}

#[test]
fn genre_lines_with_their_date_and_a_spanish_place_closed_by_punto_guion() {
    let r = release("<p>Communiqué de presse du 05.04.2026</p><h1>Cambriolage à Onex : appel à témoins</h1><p>Dans la nuit de samedi, un commerce a été cambriolé.</p>");
    assert_eq!(
        r.dateline.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2026-04-05")
    );
    let r = release("Aguas Vivas pide frenar la planta\n\nBoletín de prensa - 14 mayo, 2026\n\nMonterrey, N.L.- La organización Aguas Vivas pidió frenar la planta.\n\n“Hay que proteger el río”, señaló Lucía Treviño, vocera de Aguas Vivas.\n\nContacto: Raúl Garza, medios, rgarza@aguasvivas.example");
    let d = r.dateline.as_ref().unwrap();
    assert_eq!(d.date.to_string(), "2026-05-14");
    assert_eq!(d.places[0].city, "Monterrey");
    assert_eq!(d.places[0].region.as_deref(), Some("N.L."));
    assert_eq!(speakers(&r), ["Lucía Treviño"]);
    assert_eq!(r.contacts.len(), 1);
    assert_eq!(r.contacts[0].name, "Raúl Garza");
    // A speaker's label in a transcript is no place.
    let r =
        release("Rueda de prensa tras el Consejo\n\n3.11.2026\n\nPortavoz.- Buenos días a todos.");
    assert!(r.dateline.as_ref().is_some_and(|d| d.places.is_empty()));
}

#[test]
fn statement_from_label_and_a_name_linked_to_her_address() {
    let r = release("<h1>Statement from Commissioner Ruth Ames, M.D., on the new labels</h1><p>For Immediate Release: March 3, 2026</p><p>Statement From: Commissioner of Medicines Ruth Ames M.D.</p><p>We have heard the concerns of patients about small print.</p><p>I encourage everyone to comment.</p><h2>Inquiries</h2><p>Media: <a href=\"mailto:press@agency.example\">Tom Hale</a> 301-555-0100</p><p>Consumer: 888-555-0100</p>");
    assert_eq!(speakers(&r), ["Ruth Ames"]);
    assert_eq!(r.contacts.len(), 1, "{:?}", r.contacts);
    assert_eq!(r.contacts[0].name, "Tom Hale");
    assert_eq!(r.contacts[0].email.as_deref(), Some("press@agency.example"));
}

#[test]
fn narration_reporting_words_then_the_words_themselves() {
    // `X resaltó que …: “…”`: the narration stays a paragraph, the quote is X's.
    let r = release("Concejo reconoce a la fundación\n\nCali, 3 de mayo de 2026. El Concejo reconoció a la fundación.\n\nDurante el acto, la concejala Marta Ospina resaltó que la ciudad le debe mucho: “Sin ellos, muchos niños no tendrían un hogar”\n\n“Es un trabajo que honra a Cali”, enfatizó la concejala.");
    assert_eq!(speakers(&r), ["Marta Ospina", "Marta Ospina"]);
    assert!(r
        .body
        .iter()
        .any(|b| matches!(b, Block::Paragraph { text } if text.contains("le debe mucho"))));
    // A quote standing alone under a paragraph reporting someone's words.
    let r = release("# Concejo reconoce a la fundación\n\nCali, 3 de mayo de 2026. El Concejo entregó el reconocimiento.\n\nEl concejal Andrés Mejía destacó que la niñez es lo primero. Según el cabildante, la directora Ana Ruiz hace un gran trabajo.\n\n“Cada niño importa”.");
    assert_eq!(speakers(&r), ["Andrés Mejía"]);
}

#[test]
fn regional_contact_lines_and_a_label_run_into_the_name() {
    let r = release("Harbor Partners advises on the sale of Delta Tiles\n\nHarbor Partners announced the sale of Delta Tiles today.\n\n“We are glad for both families,” said Harbor Partners associate Nina Cole.\n\nAmericas: Omar Reyes at +1 (855) 555-0101 / reyes@harbor.example\n\nEurope: Ida Berg at +44 (0) 20 5555 0102 / berg@harbor.example\n\nABOUT HARBOR PARTNERS:\n\nHarbor Partners helps owners sell their companies.\n\nContact DetailsLena Park\n\n+1 813-555-0103\n\npark@harbor.example\n\nCompany Websitehttps://www.harbor.example/\n\nView source version on wire.example: https://wire.example/news/harbor-153571147");
    let names: Vec<&str> = r.contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Omar Reyes", "Ida Berg", "Lena Park"]);
    assert_eq!(r.contacts[0].email.as_deref(), Some("reyes@harbor.example"));
    assert_eq!(r.contacts[2].phone.as_deref(), Some("+1 813-555-0103"));
}

#[test]
fn attribution_verbs_in_every_tense_of_the_table() {
    for (body, who) in [
        (
            "“We kept every receipt,” admits Tom Reyes, the treasurer.",
            "Tom Reyes",
        ),
        (
            "« Le quartier attendait ce lieu », s'est réjouie Claire Dubois.",
            "Claire Dubois",
        ),
        (
            "« Le quartier attendait ce lieu », se félicite Claire Dubois.",
            "Claire Dubois",
        ),
        (
            "“Habrá talleres cada semana”, detalla Ana Gil, concejala.",
            "Ana Gil",
        ),
        (
            "“Habrá talleres cada semana”, ha valorado Ana Gil.",
            "Ana Gil",
        ),
        (
            "Le maire, Louis Ferrand, se réjouit : « C'est un lieu pour tout le monde. »",
            "Louis Ferrand",
        ),
        (
            "Pour Claire Dubois, adjointe à la culture, « ce lieu change la vie du quartier ».",
            "Claire Dubois",
        ),
        (
            "Para Ana Gil, concejala de Cultura, “la biblioteca es de todos”.",
            "Ana Gil",
        ),
    ] {
        assert_eq!(speakers(&with_body(body)), [who], "{body}");
    }
}

#[test]
fn attribution_set_inside_the_quotation_marks() {
    for (body, who) in [
        (
            "La bibliothécaire Anne Roux, responsable du fonds ancien, a préparé l'ouverture.\n\n« Nous avons trié dix mille livres, explique-t-elle. Certains dormaient depuis un siècle. »",
            "Anne Roux",
        ),
        (
            "« Nous avons trié dix mille livres, a précisé Anne Roux. Certains dormaient depuis un siècle. »",
            "Anne Roux",
        ),
        (
            "“Estos libros se perdían —explicó la directora, Rosa Prieto Gil—. Hoy cualquiera puede leerlos.”",
            "Rosa Prieto Gil",
        ),
    ] {
        assert_eq!(speakers(&with_body(body)), [who], "{body}");
    }
    // A comma inside the quote before ordinary words is no attribution.
    let r = with_body("“We open the doors, the shelves and the garden,” said Jane Park.");
    assert_eq!(speakers(&r), ["Jane Park"]);
    let Some(Block::Quote(q)) = r.body.iter().find(|b| matches!(b, Block::Quote(_))) else {
        panic!("a quote");
    };
    assert_eq!(q.paragraphs[0].segments.len(), 1);
}

#[test]
fn a_surname_quoted_after_the_full_name_with_two_surnames() {
    for (body, who) in [
        (
            "La alcaldesa, Carmen Ruiz Soto, inauguró el edificio.\n\n“Es un día para todos los vecinos”, ha afirmado Ruiz.",
            "Carmen Ruiz Soto",
        ),
        (
            "La directora, Rosa Prieto Gil, presentó el proyecto.\n\n“Estos libros se perdían —dijo Prieto—. Hoy cualquiera puede leerlos.”",
            "Rosa Prieto Gil",
        ),
    ] {
        assert_eq!(speakers(&with_body(body)), [who], "{body}");
    }
    // A day after the name is no second surname.
    assert_eq!(
        speakers(&with_body(
            "The vote was called by Jane Park Monday.\n\n“We are ready,” Park said."
        )),
        ["Jane Park"]
    );
}

#[test]
fn speaker_named_in_the_paragraph_before_or_in_a_label_after() {
    for (body, who) in [
        (
            "La concejala de Cultura, Elena Mora Vidal, ha presentado el programa de actividades ante los vecinos:\n\n“Habrá talleres todas las semanas.”",
            "Elena Mora Vidal",
        ),
        (
            "Town manager Ellis Grey told reporters that the building would stay open late. \"We want students here after school.\"",
            "Ellis Grey",
        ),
        (
            "« Les enfants ont tout de suite trouvé leur coin. »\nAnne Roux, bibliothécaire",
            "Anne Roux",
        ),
        (
            "Selon l'architecte Paul Viret, qui a dessiné le bâtiment, « la lumière entre par le toit ».",
            "Paul Viret",
        ),
    ] {
        assert_eq!(speakers(&with_body(body)), [who], "{body}");
    }
    // Narration after a quote that is no name keeps the paragraph a paragraph.
    assert!(speakers(&with_body(
        "“Open every day” was the slogan of the campaign."
    ))
    .is_empty());
}

#[test]
fn roles_asides_openers_and_dialogue_dashes() {
    for (body, who) in [
        (
            "“We waited ten years,” said Jane Park, the mayor.\n\n“The books are the easy part,” said Omar Lind, the town clerk.\n\n“Now we need readers,” the mayor said.",
            &["Jane Park", "Omar Lind", "Jane Park"][..],
        ),
        (
            "Jane Park, the mayor, said the town had waited ten years. “Now it is done,” she said.",
            &["Jane Park"],
        ),
        ("Jane Park (pictured) said: “We are ready.”", &["Jane Park"]),
        (
            "Professor Jane Park, who led the study, said: “We are ready.”",
            &["Jane Park"],
        ),
        ("\"We are ready,\" Jane Park said Tuesday.", &["Jane Park"]),
        (
            "De son côté, Jean Roy, maire de la ville, estime que « la ville a tenu parole ».",
            &["Jean Roy"],
        ),
        (
            "La alcaldesa Carmen Ruiz fue clara: “Estamos listos”.",
            &["Carmen Ruiz"],
        ),
        (
            "—Estamos listos —dijo la alcaldesa Carmen Ruiz.",
            &["Carmen Ruiz"],
        ),
    ] {
        assert_eq!(speakers(&with_body(body)), who, "{body}");
    }
    // A dash opening a list item is no dialogue.
    assert!(speakers(&with_body("— Horario ampliado los sábados.")).is_empty());
}

#[test]
fn title_nouns_signed_letters_and_first_surnames() {
    let r = release("# Town opens a library\n\n**OAKTON, 4 May 2026** — The town opened a library.\n\nHead Librarian Ruth Ames said:\n\n> “The shelves are full and the doors are open.”\n\nTown Clerk Omar Lind added: “We are proud.”\n");
    assert_eq!(speakers(&r), ["Ruth Ames", "Omar Lind"]);
    let r = release("<html><body><h1>Statement from Chairman Tom Reyes</h1><p>Monday 12 October 2026</p><p>Dear members,</p><p>I want to write to you about the season.</p><p>We took a hard decision on Sunday, and I stand by it.</p><p>Tom Reyes<br>Chairman, Oakton Rowing Club</p></body></html>");
    assert_eq!(speakers(&r), ["Tom Reyes"]);
    let r = with_body("“Estamos listos”, afirmó Juan Pérez Gil, alcalde de la villa.\n\nEl edificio costó dos millones.\n\n“Ha valido la pena”, concluyó Pérez.");
    assert_eq!(speakers(&r), ["Juan Pérez Gil", "Juan Pérez Gil"]);
    let r = with_body("“Era el momento”, cuenta Juan Pérez, de 62 años.");
    assert_eq!(speakers(&r), ["Juan Pérez"]);
}

#[test]
fn embargo_in_french_hours_date_labels_and_a_country_in_brackets() {
    // An embargo line between the dateline and the headline is no headline.
    let r = release("COMMUNIQUÉ DE PRESSE – Lyon, le 4 mars 2026\n\nSous embargo jusqu'au 4 mars 2026, 12 h (heure de Paris)\n\nLes renards des villes dorment le jour\n\nUne étude montre que les renards des villes dorment le jour.\n");
    assert_eq!(
        dateline_core::markdown::to_plain(&r.headline),
        "Les renards des villes dorment le jour"
    );
    let d = r.dateline.expect("a dateline");
    assert_eq!(d.places[0].city, "Lyon");
    assert_eq!(d.date.to_string(), "2026-03-04");
    let r = release("<html><body><h1>El hospital abre una unidad nueva</h1><p>Fecha: 09/05/2026</p><p>El hospital abrió una unidad.</p></body></html>");
    assert_eq!(r.dateline.expect("a date").date.to_string(), "2026-05-09");
    let r = release("# La Biblioteca abre su archivo\n\n**LIMA (Perú), 8 de abril de 2026.** La Biblioteca abrió su archivo.\n");
    let d = r.dateline.expect("a dateline");
    assert_eq!(d.places[0].city, "Lima");
    assert_eq!(d.date.to_string(), "2026-04-08");
}

#[test]
fn headline_person_words_after_the_verb_and_datelines_run_into_the_lead() {
    let r = release("Mayor Jane Park opens the new library\n\nOAKTON, 4 May 2026 – The town opened a library.\n\n“We waited ten years for this,” she said.\n");
    assert_eq!(speakers(&r), ["Jane Park"]);
    let r = with_body("“We are ready,” Jane Park, the mayor, told The Oakton Star.\n\n“It took ten years,” Park wrote on social media.");
    assert_eq!(speakers(&r), ["Jane Park", "Jane Park"]);
    let r = release("Town opens a new library\n\nParis, le 12 mars 2026, la ville a ouvert une bibliothèque.\n\n« Nous sommes prêts », a déclaré Jean Roy.\n");
    let d = r.dateline.expect("a dateline");
    assert_eq!(
        (d.places[0].city.as_str(), d.date.to_string()),
        ("Paris", "2026-03-12".to_string())
    );
    let r = release("La ciudad abre una biblioteca\n\n(Ciudad de México, 12 de marzo de 2026).- La ciudad abrió una biblioteca.\n");
    let d = r.dateline.expect("a dateline");
    assert_eq!(d.places[0].city, "Ciudad de México");
    assert_eq!(d.date.to_string(), "2026-03-12");
}

#[test]
fn contact_blocks_above_the_headline_and_phone_signs() {
    let r = release("Dec 8, 2026\n\nAna Pérez\nHeadquarters, Port Ellery\n555-0190\nana.perez@agency.example\n\nTom Fenn\nLaunch Centre, Fla.\n555-0123\ntom.fenn@agency.example\n\nRELEASE: 26-100\n\nAGENCY HEAD'S STATEMENT ON THE FIRST FLIGHT\n\nPORT ELLERY, Fla. -- Agency Administrator Ruth Ames issued the following statement about today's first flight:\n\n\"This is a proud day.\n\n\"We will fly again.\"\n\n-end-\n");
    let contacts: Vec<(&str, Option<&str>)> = r
        .contacts
        .iter()
        .map(|c| (c.name.as_str(), c.email.as_deref()))
        .collect();
    assert_eq!(
        contacts,
        [
            ("Ana Pérez", Some("ana.perez@agency.example")),
            ("Tom Fenn", Some("tom.fenn@agency.example"))
        ]
    );
    assert_eq!(
        dateline_core::markdown::to_plain(&r.headline),
        "AGENCY HEAD'S STATEMENT ON THE FIRST FLIGHT"
    );
    assert_eq!(speakers(&r), ["Ruth Ames"]);
    assert_eq!(r.end_mark.text(), Some("-end-"));
    let r = with_body(
        "Contact presse : Claire Roux ☎ (+33) 1 23 45 67 89 – claire.roux@oakton.example",
    );
    assert_eq!(r.contacts[0].name, "Claire Roux");
}

#[test]
fn an_adverb_after_the_verb() {
    assert_eq!(
        speakers(&with_body("“We are ready,” Park said simply.")),
        ["Park"]
    );
    assert_eq!(
        speakers(&with_body(
            "« Nous sommes prêts », résume sobrement Jean Roy."
        )),
        ["Jean Roy"]
    );
}

#[test]
fn an_office_line_under_the_issuer_in_capitals_is_no_headline() {
    let r = release("TOWN OF OAKTON\nOffice of the Mayor\n\nFOR IMMEDIATE RELEASE\nMay 4, 2026\n\nTown opens a new library\n\nThe town opened a library.\n");
    assert_eq!(
        dateline_core::markdown::to_plain(&r.headline),
        "Town opens a new library"
    );
    assert_eq!(r.dateline.expect("a date").date.to_string(), "2026-05-04");
}

#[test]
fn html_q_elements_are_quotation_marks() {
    let r = release("<html><body><h1>Town opens a library</h1><p>OAKTON, 4 May 2026 — The town opened a library.</p><p><em>“We are ready,”</em> said <strong>Jane Park</strong>.</p><p><q>The money is there</q>, she added.</p></body></html>");
    assert_eq!(speakers(&r), ["Jane Park", "Jane Park"]);
}

#[test]
fn first_person_letters_signed_at_the_end_then_page_links() {
    // English, HTML: no name in the heading, a closing, the signature
    // (name, `<br>`, title and organisation), then share and top links.
    let r = release("<html><body><main><h1>A message from our director</h1><p>Friday 6 November 2026</p><p>Dear friends,</p><p>This winter we expect more families at our doors than in any year since we opened, and I want you to hear it from me first.</p><p>Our volunteers have already doubled the Saturday shifts. We will open a second pantry in the north of the city before Christmas.</p><p>Thank you for standing with us.</p><p>Yours sincerely,</p><p>Amara Bello<br>Executive Director, Riverside Food Bank</p><p><a href=\"/share\">Share</a></p><p><a href=\"#top\">Return to top</a></p></main></body></html>");
    assert_eq!(speakers(&r), ["Amara Bello"]);
    assert!(!r
        .body
        .iter()
        .any(|b| matches!(b, Block::Paragraph { text } if text.contains("Return to top"))));
    // French, plain text: the name and title on two lines, then a back link.
    let r = release("Lettre ouverte aux habitants de Valbrune\n\nLe 3 mars 2026\n\nChers habitants,\n\nJe sais combien les travaux de la rue Haute pèsent sur votre quotidien depuis l'automne.\n\nNous avons demandé à l'entreprise de rouvrir la circulation le samedi, et je m'engage à vous tenir informés chaque semaine.\n\nMarianne Leclerc\nMaire de Valbrune\n\nRetour aux actualités\n");
    assert_eq!(speakers(&r), ["Marianne Leclerc"]);
    // Spanish, Markdown: first person without a pronoun, two surnames, a
    // back link under the signature.
    let r = release("# Carta del presidente a los socios\n\nQueridos socios:\n\nQuiero agradeceros el apoyo de esta temporada, la más difícil que recuerdo en el club.\n\nHemos cerrado las cuentas con superávit y nuestra escuela de vela ya tiene lista de espera.\n\n**Andrés Molina Ruiz**  \nPresidente del Club Náutico Puerto Alba\n\n[Volver a noticias](/noticias)\n");
    assert_eq!(speakers(&r), ["Andrés Molina Ruiz"]);
    // English, plain text: name and title on one line after a dash.
    let r = release("Statement on the closure of the Eastgate pool\n\n12 June 2026\n\nI know how much the Eastgate pool means to the families who have swum there for forty years.\n\nWe have asked engineers to tell us by August whether the roof can be saved, and I will share their answer with you as soon as we have it.\n\n— Priya Natarajan, President, Eastgate Swimming Club\n\nBack to news\n");
    assert_eq!(speakers(&r), ["Priya Natarajan"]);
}

#[test]
fn a_quote_with_its_speaker_on_the_next_line_and_no_verb() {
    // French, HTML: `<br>` then name and role.
    let r = release("<html><body><h1>La ville plante mille arbres</h1><p>Publié le 04/03/2026</p><p>La ville de Valbrune a planté mille arbres cet hiver dans ses quartiers les plus chauds.</p><p>« Chaque rue aura son ombre d'ici cinq ans. »<br>Camille Faure, cheffe du service des espaces verts</p><p>Les habitants peuvent parrainer un arbre en ligne.</p></body></html>");
    assert_eq!(speakers(&r), ["Camille Faure"]);
    // English, HTML: `<br>` then a dash, name and role.
    let r = release("<html><body><h1>Town opens a library</h1><p>OAKTON, 4 May 2026 — The town opened a library.</p><p>“The shelves are full and the doors are open.”<br>— Ruth Ames, head librarian</p></body></html>");
    assert_eq!(speakers(&r), ["Ruth Ames"]);
    // English, plain text: the next line, a dash.
    let r = with_body(
        "“Buses will run every ten minutes from June.”\n— Daniel Osei, head of transport planning",
    );
    assert_eq!(speakers(&r), ["Daniel Osei"]);
    // Spanish, Markdown: a hard line break, then name and role.
    let r = release("# El pueblo abre una biblioteca\n\n**Oakton, 4 de mayo de 2026.** El pueblo abrió una biblioteca.\n\n“Los estantes están llenos y las puertas, abiertas.”  \nLucía Benítez, coordinadora del programa\n\nLa biblioteca abre de lunes a sábado.\n");
    assert_eq!(speakers(&r), ["Lucía Benítez"]);
    // A sentence under a quote is no speaker.
    let r = with_body("“Buses will run every ten minutes.”\nThe timetable is online.");
    assert!(speakers(&r).is_empty());
}

#[test]
fn undated_datelines_with_a_glued_dash_capitals_and_a_colon_or_a_bracketed_country() {
    let read =
        |head: &str, lead: &str| place_and_date(&release(&format!("{head}\n\n{lead}\n\nENDS")));
    // A place with the hyphen set tight against it, then spaces; the date
    // from the line above.
    let (places, date) = read(
        "Fishers count the cost of the storms\n\n12 March 2026",
        "Mombasa-  The fisheries board said on Thursday that storms had sunk forty boats along the coast.",
    );
    assert_eq!(
        (places, date.as_str()),
        (vec!["Mombasa".to_string()], "2026-03-12")
    );
    let (places, _) = read(
        "Les pêcheurs comptent leurs pertes\n\n12 mars 2026",
        "Dakar– Le comité des pêches a indiqué jeudi que les tempêtes avaient coulé quarante pirogues.",
    );
    assert_eq!(places, ["Dakar"]);
    // A place in capitals and a colon.
    let (places, _) = read(
        "Investigadores hallan una rana nueva\n\n3 de mayo de 2026",
        "VILLA SERENA: Un equipo de la universidad describió esta semana una rana que solo vive en dos arroyos.",
    );
    assert_eq!(places, ["Villa Serena"]);
    let (places, _) = read(
        "Port workers vote on a new contract\n\n3 May 2026",
        "KINGSTOWN, Saint Vincent: Dock workers will vote on Friday on a contract that raises wages by six per cent.",
    );
    assert_eq!(places, ["Kingstown"]);
    // A label in capitals and a colon is no place.
    let (places, _) = read(
        "Port workers vote on a new contract\n\n3 May 2026",
        "UPDATE: Dock workers will vote on Friday on a contract that raises wages by six per cent.",
    );
    assert!(places.is_empty());
    // One capitalised word and an en dash, then the lead.
    let (places, _) = read(
        "La agencia pide fondos para los refugiados\n\n14 de abril de 2026",
        "Viena – El director regional de la agencia, Tomás Riquelme, pidió hoy más fondos para los campamentos del sur.",
    );
    assert_eq!(places, ["Viena"]);
    // A country in square brackets, a day without the year, an agency and a colon.
    let (places, date) = read(
        "Sports News\n\nUpdated: Mar 2, 2026 09:10 IST\n\nSkaters bring home three medals",
        "Oslo [Norway], March 2 (KPA): The national skating team returned on Monday with three medals from the world championships.",
    );
    assert_eq!(
        (places, date.as_str()),
        (vec!["Oslo".to_string()], "2026-03-02")
    );
}

#[test]
fn date_lines_with_an_update_a_label_or_a_time_first() {
    let read = |head: &str| {
        place_and_date(&release(&format!(
            "{head}\n\nThe library on Mill Street will stay open until ten every weekday from June.\n\nENDS"
        )))
        .1
    };
    assert_eq!(
        read("Library hours grow\n\nPublié le 05/06/2026 – Mis à jour le 07/06/2026"),
        "2026-06-05"
    );
    assert_eq!(
        read("Library hours grow\n\nPublished 5 June 2026 | Updated 7 June 2026"),
        "2026-06-05"
    );
    assert_eq!(
        read("Campus News 05/06/2026\n\nLibrary hours grow"),
        "2026-06-05"
    );
    let r = release("09:30 hrs. Junio 5 del 2026\n\nLA BIBLIOTECA DE LA CALLE MOLINO AMPLÍA SU HORARIO DE INVIERNO\n\nLa biblioteca de la calle Molino abrirá hasta las diez todos los días laborables.\n");
    assert_eq!(
        r.headline,
        "LA BIBLIOTECA DE LA CALLE MOLINO AMPLÍA SU HORARIO DE INVIERNO"
    );
    assert_eq!(place_and_date(&r).1, "2026-06-05");
}

#[test]
fn a_numbered_bulletin_heading_over_the_headline() {
    let r = release("# Boletín No. 88\n\n## Abre la nueva clínica veterinaria municipal\n\n**Valle Alto, Jalisco, a 2 de marzo de 2026.-** La clínica atenderá a perros y gatos de forma gratuita.\n");
    assert_eq!(r.headline, "Abre la nueva clínica veterinaria municipal");
    let r = release("Bulletin n° 12\n\nLa commune ouvre une clinique vétérinaire\n\nValmont, le 2 mars 2026 – La clinique soignera les chiens et les chats gratuitement.\n");
    assert_eq!(r.headline, "La commune ouvre une clinique vétérinaire");
}

#[test]
fn contact_blocks_opening_with_the_organisation_and_a_source_link_under_them() {
    let r = release("Harbour opens a ferry line\n\nOAKTON, 4 May 2026 – The harbour opened a ferry line.\n\nContacts\n\nOakton Ferries Group\nLena Marsh\nHead of communications\nlena.marsh@ferries.example\n\nPress office – Agence Bleu Marine\nPaul Ardent\n+33 1 23 45 67 89\npaul@bleumarine.example\n\nView the source version on wire.example: https://wire.example/news/ferry-88\n");
    let got: Vec<(&str, Option<&str>)> = r
        .contacts
        .iter()
        .map(|c| (c.name.as_str(), c.email.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Lena Marsh", Some("lena.marsh@ferries.example")),
            ("Paul Ardent", Some("paul@bleumarine.example"))
        ]
    );
}

#[test]
fn a_quote_signed_with_a_tight_double_hyphen_name_or_role_first() {
    let r = with_body("“The pantry will stay open every night this winter.”\n--Nadia Flores, Director of Programs & Outreach");
    assert_eq!(speakers(&r), ["Nadia Flores"]);
    let r = release("<html><body><h1>Aid agency warns of hunger</h1><p>LUSAKA – The agency said on Monday that rations would be cut in June.</p><p>“We have enough grain for eight weeks and not one day more.”<br>--Country Director for Southern Africa, Ingrid Halvorsen</p></body></html>");
    assert_eq!(speakers(&r), ["Ingrid Halvorsen"]);
}

#[test]
fn a_trade_before_the_surname_a_long_occasion_before_the_role_and_initials_before_a_title() {
    // French: an article and a trade before the surname, a relative clause after.
    let r = release("Les pêcheurs comptent leurs pertes\n\nDAKAR, 12 mars 2026 – Le comité des pêches a indiqué jeudi que les tempêtes avaient coulé quarante pirogues.\n\nL'ingénieure Awa Ndiaye dirige l'équipe envoyée sur la côte.\n\n« Nous reconstruirons chaque pirogue avant la saison », a déclaré l'ingénieure Ndiaye, dont l'équipe est arrivée lundi.\n");
    assert_eq!(speakers(&r), ["Awa Ndiaye"]);
    // Spanish: a long clause of time and place, then the role and the name.
    let r = release("Abre la clínica municipal\n\nVALLE ALTO, 2 de marzo de 2026.- La clínica atenderá a perros y gatos de forma gratuita.\n\nDurante la inauguración de la clínica en la colonia Las Flores, la presidenta municipal, Marta Ibáñez Soto, manifestó: “Cuidar a los animales también es cuidar a las familias”.\n");
    assert_eq!(speakers(&r), ["Marta Ibáñez Soto"]);
    // English: an organisation's initials before the title, after an occasion.
    let r = release("Skaters named for the Games\n\nOSLO, 2 March 2026 – The federation named its team on Monday, with IOC President Jane Park at the ceremony.\n\nAddressing the skaters, the IOC President said: \"You have earned every minute of this.\"\n");
    assert_eq!(speakers(&r), ["Jane Park"]);
}

#[test]
fn a_pronoun_after_narration_naming_someone_else_than_the_last_speaker() {
    // English: a long title with its complement before the name.
    let r = release("Skaters named for the Games\n\nOSLO, 2 March 2026 – The federation named its team on Monday.\n\n\"You have earned every minute of this,\" said federation president Jane Park.\n\nUN Special Envoy for Sport Tomas Lindqvist thanked the coaches.\n\n\"Nobody gets to a start line alone,\" he said.\n");
    assert_eq!(speakers(&r), ["Jane Park", "Tomas Lindqvist"]);
    // Spanish: the director named in apposition, then the bare verb.
    let r = release("Arranca el bacheo nocturno\n\nVALLE ALTO, 2 de marzo de 2026.- El municipio empezó a reparar baches de noche.\n\n“Las calles en buen estado son seguridad”, afirmó la alcaldesa Marta Ibáñez Soto.\n\nPor su parte, el director de Obras, Raúl Quintero Paz, detalló que se usará asfalto en caliente.\n\n“Trabajaremos todas las noches hasta junio”, puntualizó.\n");
    assert_eq!(speakers(&r), ["Marta Ibáñez Soto", "Raúl Quintero Paz"]);
}

#[test]
fn a_clause_after_the_verb_a_title_with_its_complement_and_a_letter_signed_under_its_title() {
    // English: what the speaker was doing, after the verb.
    let r = with_body("“Every one of you has earned this place,” Coach Dana Whitley said, addressing the rowers, most of whom had trained through the winter.");
    assert_eq!(speakers(&r), ["Dana Whitley"]);
    // Spanish: a gerund after the verb.
    let r = with_body("“Este es el año del río”, dijo Lucía Benítez, señalando el nuevo muelle.");
    assert_eq!(speakers(&r), ["Lucía Benítez"]);
    // A title and its complement before the name, narration then the quote.
    let r = with_body("“We will bring the cup home,” said Jane Park.\n\nChef de Mission Oskar Lind, who rowed at two Games, said the crews would fly out in May. “The first week is about rest,” he said.");
    assert_eq!(speakers(&r), ["Jane Park", "Oskar Lind"]);
    // A letter closed by the title (`Your Mayor,`, `Votre maire,`), then the name alone.
    let r = release("A letter from the mayor\n\nOAKTON, 4 May 2026 – Dear neighbours,\n\nI want to tell you myself that the Mill Street bridge will close for repairs in June.\n\nWe have asked the builders to finish before the school year, and I will write again when they do.\n\nYour Mayor,\n\nJane Park\n");
    assert_eq!(speakers(&r), ["Jane Park"]);
    let r = release("# Le mot du maire : la rentrée\n\n*Publié le 01/09/2026*\n\nChers habitants,\n\nJe sais que les travaux de la rue Haute ont pesé sur votre été.\n\nNous avons obtenu que le chantier s'arrête le samedi, et je vous tiendrai informés chaque semaine.\n\nVotre maire,\n\n**Marianne Leclerc**\n\n[Retour aux actualités](/actualites)\n");
    assert_eq!(speakers(&r), ["Marianne Leclerc"]);
}

#[test]
fn a_statement_under_a_label_attributing_it_to_one_person() {
    // English: a police service's label over plain paragraphs.
    let r = release("Crash closes coast road\n\nTuesday, 3 March 2026 - 7:45am\n\nPlease attribute to Senior Sergeant Hemi Walker:\n\nOne person has died after a two-car crash on the coast road near Ruatapu overnight.\n\nThe road will stay closed while the serious crash unit examines the scene.\n\nENDS\n");
    assert_eq!(speakers(&r), ["Hemi Walker"]);
    // French and Spanish labels, with the role after the name.
    let r = release("Incendie au port de plaisance\n\nLORIENT, 3 mars 2026 – Un incendie a détruit deux voiliers cette nuit.\n\nPropos à attribuer à Gaëlle Rouxel, commandante des pompiers :\n\nLes secours sont arrivés en huit minutes et personne n'a été blessé.\n");
    assert_eq!(speakers(&r), ["Gaëlle Rouxel"]);
    let r = release("Cierre temporal del puente viejo\n\nSALTA, 3 de marzo de 2026.- El puente viejo permanecerá cerrado desde el lunes.\n\nDeclaraciones atribuibles a Ramiro Sosa, director de Vialidad:\n\nLas obras durarán seis semanas y el tránsito se desviará por la avenida del Río.\n");
    assert_eq!(speakers(&r), ["Ramiro Sosa"]);
    // A cause is no label: nothing is quoted.
    let r = with_body("The delay is attributable to the storm that closed the quarry:\n\nThe works will resume in April.");
    assert!(speakers(&r).is_empty());
}

#[test]
fn date_lines_after_a_section_label_or_run_into_an_update() {
    for (text, date) in [
        // A section, a middle dot, then the date under its label.
        (
            "# Committee warns on bus cuts\n\n*Committee news · Published Thursday 5 March 2026*\n\nThe Transport Committee has warned that rural bus routes are at risk.\n",
            "2026-03-05",
        ),
        (
            "# Hausse des loyers étudiants\n\n*Actualité · Publié le 6 mars 2026*\n\nLa commission s'inquiète de la hausse des loyers étudiants.\n",
            "2026-03-06",
        ),
        // Two spans of a page run into one line: the first date, not the update.
        (
            "<h1>Nouvelle saison au musée</h1><p><span>Publié le 5 mars 2026</span><span>Dernière mise à jour : 9 mars 2026</span></p><p>Le musée ouvre sa nouvelle saison avec trois expositions consacrées à la photographie.</p>",
            "2026-03-05",
        ),
        (
            "<h1>New season at the museum</h1><p><span>Published 5 March 2026</span><span>Last updated 9 March 2026</span></p><p>The museum opens its new season with three exhibitions of photography from the coast.</p>",
            "2026-03-05",
        ),
    ] {
        let r = release(text);
        assert_eq!(place_and_date(&r).1, date, "{text}");
    }
}

#[test]
fn a_source_line_under_the_contacts_names_the_issuer_not_a_contact() {
    for tail in [
        "Media contact\n\nKari Olsen\npress@lumen.example\n\nSOURCE: Lumen Robotics",
        "Media contact\n\nKari Olsen\npress@lumen.example\n\nSource: Lumen Robotics AS",
    ] {
        let r = with_body(tail);
        let names: Vec<&str> = r.contacts.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Kari Olsen"], "{tail}");
    }
}

#[test]
fn a_short_headline_in_capitals_under_a_date_line() {
    let r = release("12 March 2026\n\nFERRY FARES CUT\n\nFares on the island ferry fall by a fifth from April, the harbour board said on Thursday.\n");
    assert_eq!(r.headline, "FERRY FARES CUT");
    assert_eq!(place_and_date(&r), (Vec::new(), "2026-03-12".to_string()));
    // An organisation's name in capitals, then the headline, under the date.
    let r = release("12 March 2026\n\nHARBOUR BOARD\n\nFerry fares cut by a fifth\n\nFares on the island ferry fall by a fifth from April, the board said on Thursday.\n");
    assert_eq!(r.headline, "Ferry fares cut by a fifth");
}

#[test]
fn a_dateline_with_the_issuers_full_name_in_brackets() {
    for (text, place, date) in [
        (
            "<h1>Des puits pour douze villages</h1><p><em>Niamey, 14 octobre 2026 (Fondation Eau Pour Tous)</em> – Douze villages du Tillabéri ont désormais accès à l'eau potable.</p>",
            "Niamey",
            "2026-10-14",
        ),
        (
            "Wells for twelve villages\n\nNairobi, 14 October 2026 (Clean Water Alliance of Kenya) – Twelve villages now have clean water within a short walk.\n",
            "Nairobi",
            "2026-10-14",
        ),
        (
            "Pozos para doce aldeas\n\nLima, 14 de octubre de 2026 (Fundación Agua Viva del Perú) – Doce comunidades de la sierra tienen ahora agua potable.\n",
            "Lima",
            "2026-10-14",
        ),
    ] {
        let r = release(text);
        assert_eq!(
            place_and_date(&r),
            (vec![place.to_string()], date.to_string()),
            "{text}"
        );
    }
}

#[test]
fn a_masthead_and_offices_over_the_genre_line_are_not_the_headline() {
    // Offices in running case over the genre line, then a dateline on its own line.
    let r = release("RÉPUBLIQUE FRANÇAISE\n\nSous-préfecture de Ribeyrac\nService de la communication\n\nCommuniqué de presse\n\nRibeyrac, le 8 juin 2026\n\nCanicule : les horaires des piscines sont étendus jusqu'à 22 heures\n\nEn raison de la canicule annoncée, les piscines municipales ouvriront plus tard.\n");
    assert_eq!(
        r.headline,
        "Canicule : les horaires des piscines sont étendus jusqu'à 22 heures"
    );
    // A masthead in capitals over a numbered genre line and a headline in capitals.
    let r = release("CUERPO DE BOMBEROS\nOFICINA DE PRENSA\n\nCOMUNICADO No. 17 – 2026\n\nBOMBEROS CONTROLAN INCENDIO FORESTAL EN LA SIERRA NORTE\n\nEl Cuerpo de Bomberos informa que el incendio declarado el lunes en la sierra norte fue controlado.\n");
    assert_eq!(
        r.headline,
        "BOMBEROS CONTROLAN INCENDIO FORESTAL EN LA SIERRA NORTE"
    );
}

#[test]
fn narration_naming_the_speaker_then_a_colon_or_que_before_the_quote() {
    // Spanish: the subject at the head of the sentence, another verb, then `y aseguró:`.
    let r = with_body("La gobernadora Elena Suárez Vidal visitó las obras del acueducto y afirmó: “El agua llegará a cada casa antes de diciembre”.");
    assert_eq!(speakers(&r), ["Elena Suárez Vidal"]);
    // An article and a trade of two words before the name, then `dijo que «…»`.
    let r = with_body("La jefa de enfermería Rosa Ibarra dijo que «el nuevo pabellón cambia la forma de trabajar del equipo».");
    assert_eq!(speakers(&r), ["Rosa Ibarra"]);
    // An opening clause, a role and the name in apposition, then `dijo que «…»`.
    let r = with_body("Por su lado, el jefe del servicio de guardia, Tomás Aguirre, dijo que «la demora media bajó a cuarenta minutos».");
    assert_eq!(speakers(&r), ["Tomás Aguirre"]);
    // English: an article and a trade before the name, then `said:`.
    let r = with_body(
        "The head teacher Maria Lowe said: “Every child will have a laptop by September.”",
    );
    assert_eq!(speakers(&r), ["Maria Lowe"]);
    // French: an opening clause and a verb of the wider family.
    let r = with_body(
        "Quant à elle, la directrice Anne Morel a déploré : « Nous avons perdu deux mois. »",
    );
    assert_eq!(speakers(&r), ["Anne Morel"]);
}

#[test]
fn speech_verbs_of_the_wider_family() {
    for (body, who) in [
        (
            "“Nadie debería dormir en la calle”, ha denunciado Clara Ruiz, portavoz de la red.",
            "Clara Ruiz",
        ),
        ("“El plan llega tarde”, alertó Clara Ruiz.", "Clara Ruiz"),
        (
            "« Le budget ne suffira pas », a alerté Claire Morel.",
            "Claire Morel",
        ),
        (
            "“The budget will not stretch that far,” conceded Clare Moore.",
            "Clare Moore",
        ),
        (
            "“We will be back next year,” quipped Clare Moore.",
            "Clare Moore",
        ),
    ] {
        assert_eq!(speakers(&with_body(body)), [who], "{body}");
    }
}

#[test]
fn a_person_introduced_after_a_copula_then_a_pronoun() {
    let r = with_body("“The wait is down to five weeks,” said Dr Priyanka Shah, the consultant.\n\nThe first pupil through the door was eleven-year-old Tom Hayes, from Brookfield.\n\n“It smells like new pencils,” he said.");
    assert_eq!(speakers(&r), ["Priyanka Shah", "Tom Hayes"]);
}
