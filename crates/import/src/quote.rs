//! Quote paragraphs: `“…,” said NAME, TITLE. “…”`, `NAME said: “…”`, a quote
//! split by `she said,`, straight or curly marks, French guillemets. A paragraph
//! is a quote only when everything outside the quotation marks is an
//! attribution the model can express; anything else stays a paragraph.

use dateline_core::Attribution;

use crate::people::Mention;

/// A paragraph cut at its quotation marks.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Words outside quotation marks.
    Narration(String),
    /// Words inside quotation marks; `closed` is false when the paragraph ends inside.
    Quoted { text: String, closed: bool },
}

const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// Cuts `text` at its quotation marks. A closing mark written where an opening
/// one belongs (`”We are …`, at the start or after a space, before a word) opens.
pub fn split(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut inside: Option<char> = None;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match inside {
            None => {
                let after_space =
                    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '—' | '–' | ':'));
                let opens = matches!(c, '“' | '«' | '„')
                    || (c == '"' && after_space)
                    // `stating,"We are …`: tight against a comma, before a capital.
                    || (c == '"'
                        && prev == Some(',')
                        && next.is_some_and(char::is_uppercase))
                    || (c == '”' && after_space && next.is_some_and(|n| !n.is_whitespace()))
                    // British single marks: `'Today, MPs have …`, `‘We are …`.
                    || (matches!(c, '\'' | '‘') && after_space && next.is_some_and(char::is_uppercase));
                // `’’Toutes les équipes …’’`: a doubled single mark, as some
                // agencies write quotation marks (kept as `‟` while inside).
                let doubled = matches!(c, '’' | '\'') && next == Some(c) && after_space;
                if doubled {
                    chars.next();
                    out.push(Piece::Narration(std::mem::take(&mut buf)));
                    inside = Some('‟');
                    prev = Some(c);
                    continue;
                }
                if opens {
                    out.push(Piece::Narration(std::mem::take(&mut buf)));
                    inside = Some(c);
                } else {
                    buf.push(c);
                }
            }
            Some(open) => {
                let closes = match open {
                    '‟' if matches!(c, '’' | '\'') && next == Some(c) => {
                        chars.next();
                        true
                    }
                    '‟' => false,
                    '«' => c == '»',
                    '"' | '”' => c == '"' || c == '”',
                    // A single mark closes after punctuation and before a space
                    // or the end (`… waiting,' said`); an apostrophe does not.
                    '\'' | '‘' => {
                        matches!(c, '\'' | '’')
                            && prev.is_some_and(|p| matches!(p, '.' | ',' | '!' | '?' | ';'))
                            && next.is_none_or(|n| n.is_whitespace() || matches!(n, ',' | ')'))
                    }
                    _ => c == '”' || (c == '"' && open == '„') || c == '“' && open == '„',
                };
                if closes {
                    out.push(Piece::Quoted {
                        text: buf.trim_matches(SPACES).to_string(),
                        closed: true,
                    });
                    buf.clear();
                    inside = None;
                } else {
                    buf.push(c);
                }
            }
        }
        prev = Some(c);
    }
    if inside.is_some() {
        out.push(Piece::Quoted {
            text: buf.trim_matches(SPACES).to_string(),
            closed: false,
        });
    } else {
        out.push(Piece::Narration(buf));
    }
    out.retain(|p| !matches!(p, Piece::Narration(n) if n.trim_matches(SPACES).is_empty()));
    out
}

/// One attribution: its form and what it says about the speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Attr {
    pub form: Attribution,
    pub mention: Mention,
    /// The language of the verb (`en`, `fr`, `es`).
    pub lang: &'static str,
    /// The attribution was written in a form the model cannot print as is
    /// (`council member Rosa Jimenez said`, `added`, `— Name`): it is printed
    /// in the nearest standard form and its words are listed as dropped.
    pub reworded: bool,
    /// The attribution as written (without the quotation).
    pub written: String,
}

/// A paragraph read as a quote paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotePara {
    pub lead_in: Option<Attr>,
    /// Segment text and the attribution after it.
    pub segments: Vec<(String, Option<Attr>)>,
    /// The last segment is not closed: the quote continues in the next paragraph.
    pub open_end: bool,
}

/// Reads `text` as a quote paragraph, or `None` when it is not one.
pub fn parse(text: &str) -> Option<QuotePara> {
    let pieces = split(text.trim());
    // An opening mark left out: `We are ready,” said Jane Doe.`
    if pieces.iter().all(|p| matches!(p, Piece::Narration(_))) {
        return dialogue_dash(text.trim()).or_else(|| missing_open(text.trim()));
    }
    let mut lead_in = None;
    let mut segments: Vec<(String, Option<Attr>)> = Vec::new();
    let mut open_end = false;
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Narration(n) => {
                let n = n.trim_matches(SPACES);
                if i == 0 {
                    lead_in = Some(attribution(n, true)?);
                } else if i == pieces.len() - 1
                    && !n.is_empty()
                    && n.chars().all(|c| matches!(c, '.' | ',' | ';' | '!' | '?'))
                {
                    // Spanish and French put the full stop after the closing mark: `”.`
                    continue;
                } else if i == pieces.len() - 1 && note_marker(n) {
                    // `« … »*`: a footnote's marker after the closing mark stays
                    // with the words it notes.
                    let last = segments.last_mut()?;
                    last.0.push_str(n);
                    continue;
                } else {
                    let last_piece = i == pieces.len() - 1;
                    let last = segments.last_mut()?;
                    if last.1.is_some() {
                        return None;
                    }
                    let a = attribution(n, false)
                        .or_else(|| last_piece.then(|| name_label(n)).flatten())?;
                    last.1 = Some(a);
                }
            }
            Piece::Quoted { text, closed } => {
                if text.trim().is_empty() {
                    return None;
                }
                open_end = !closed;
                match inserted_attribution(text) {
                    Some((before, a, after)) => {
                        segments.push((before, Some(a)));
                        if !after.is_empty() {
                            segments.push((after, None));
                        }
                    }
                    None => segments.push((text.clone(), None)),
                }
            }
        }
    }
    if segments.is_empty() {
        return None;
    }
    // A closing mark left out: `“We are ready, said Jane Doe.` ends in its attribution.
    if open_end {
        if let Some(last) = segments.last_mut().filter(|l| l.1.is_none()) {
            if let Some((text, attr)) = unclosed_attribution(&last.0) {
                *last = (text, Some(attr));
                open_end = false;
            }
        }
    }
    Some(QuotePara {
        lead_in,
        segments,
        open_end,
    })
}

/// `La concejala de Cultura, Elena Mora Vidal, ha presentado el programa
/// ante los vecinos:`, `Jane Doe, CEO of Acme, opened the meeting:`: a name
/// and its title set off by commas, then any short predicate, before a
/// colon. The verb need not be a speech verb: the colon hands over to the
/// words quoted.
fn subject_then_predicate(body: &str) -> Option<Attr> {
    let parts: Vec<&str> = body.split(", ").map(str::trim).collect();
    if let [one] = parts.as_slice() {
        return role_name_predicate(one);
    }
    let [a, b, predicate] = parts.as_slice() else {
        return None;
    };
    let words = predicate.split_whitespace().count();
    if !(1..=15).contains(&words)
        || !predicate.starts_with(char::is_lowercase)
        || predicate.contains(['“', '”', '"', '«', '»', '.'])
    {
        return None;
    }
    let person = |n: &str| {
        let n = HONORIFICS
            .iter()
            .find_map(|h| n.strip_prefix(h).and_then(|r| r.strip_prefix(' ')))
            .unwrap_or(n);
        (name_ok(n)
            && (2..=4).contains(&n.split_whitespace().count())
            && !n.split_whitespace().any(title_word))
        .then(|| n.to_string())
    };
    let (name, title) = match (person(a), person(b)) {
        (Some(n), None) => (n, b.to_string()),
        (None, Some(n)) => (n, a.to_string()),
        _ => return None,
    };
    Some(attr(
        Attribution::NameSaidColon,
        full(name, Some(title)),
        "en",
        true,
    ))
}

/// `La alcaldesa Carmen Ruiz fue clara:`, `Mayor Jane Park was blunt:`: a
/// role (an article and lower-case words, or title words), a name of two or
/// three words, then a short lower-case predicate.
fn role_name_predicate(body: &str) -> Option<Attr> {
    const ARTICLES: [&str; 7] = ["The", "Le", "La", "Les", "El", "Los", "Las"];
    let words: Vec<&str> = body.split_whitespace().collect();
    for start in 1..=4 {
        let prefix = words.get(..start)?;
        let role_ok = prefix.iter().enumerate().all(|(k, w)| {
            w.starts_with(char::is_lowercase) || title_word(w) || (k == 0 && ARTICLES.contains(w))
        }) && prefix
            .iter()
            .any(|w| w.starts_with(char::is_lowercase) || title_word(w));
        if !role_ok {
            continue;
        }
        for len in [3, 2] {
            let Some(run) = words.get(start..start + len) else {
                continue;
            };
            let name = run.join(" ");
            let predicate = words.get(start + len..).unwrap_or_default();
            if name_ok(&name)
                && !run.iter().any(|w| title_word(w))
                && (1..=8).contains(&predicate.len())
                && predicate.iter().all(|w| w.starts_with(char::is_lowercase))
            {
                let role = prefix
                    .iter()
                    .skip(usize::from(ARTICLES.contains(&prefix[0])))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                return Some(attr(
                    Attribution::NameSaidColon,
                    full(name, Some(role)),
                    "en",
                    true,
                ));
            }
        }
    }
    None
}

/// `Anne Roux, bibliothécaire` under or after a closed quote, with no verb
/// and no dash: a signature naming the speaker (a name of two to four
/// words, then at most a short title).
fn name_label(n: &str) -> Option<Attr> {
    let body = n.trim_matches(SPACES).trim_end_matches('.').trim();
    if body.split_whitespace().count() > 14 || body.contains(['“', '”', '"', '«', '»']) {
        return None;
    }
    let (name, title) = match body.split_once(", ") {
        Some((name, title)) => (name, Some(title)),
        None => (body, None),
    };
    let words = name.split_whitespace().count();
    if !name_ok(name)
        || !(2..=4).contains(&words)
        || name.split_whitespace().any(|w| TITLE_WORDS.contains(&w))
    {
        return None;
    }
    let form = if title.is_some() {
        Attribution::SaidNameTitle
    } else {
        Attribution::SaidName
    };
    let mut a = attr(
        form,
        full(name.to_string(), title.map(str::to_string)),
        "en",
        true,
    );
    a.written = n.trim().to_string();
    Some(a)
}

/// `dijo Prieto`, `explique-t-elle`, `a-t-il ajouté`: words that open with a
/// speech verb (not `selon`, `para`) or are a French inversion, and do not end
/// on a courtesy title cut by its stop (`said Dr`).
fn verb_first(inner: &str) -> bool {
    let lower = inner.to_lowercase();
    let verb = VERBS.iter().any(|(v, _)| {
        !before_only(v)
            && lower
                .strip_prefix(v)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    });
    let last = inner.split_whitespace().last().unwrap_or("");
    (verb || french_inversion(inner).is_some())
        && !HONORIFICS.contains(&last)
        && !HONORIFICS.contains(&format!("{last}.").as_str())
}

/// Spanish dialogue written with dashes instead of marks: `—Estamos listos
/// —dijo la alcaldesa Carmen Ruiz.`, `—Estamos listos —dijo Ruiz—. Mañana
/// abrimos.`
fn dialogue_dash(text: &str) -> Option<QuotePara> {
    let body = text.strip_prefix('—')?;
    if body.starts_with(char::is_whitespace) {
        return None;
    }
    let k = body.find(" —")?;
    let said = body.get(..k)?.trim();
    let rest = body.get(k + " —".len()..)?;
    let (inner, after) = match rest.find('—') {
        Some(j) => (rest.get(..j)?, rest.get(j + '—'.len_utf8()..)?),
        None => (rest, ""),
    };
    let inner = inner.trim().trim_end_matches('.');
    if said.is_empty() || !verb_first(inner) {
        return None;
    }
    let a = attribution(inner, false)?;
    let after = after.trim_start_matches(['.', ',', ';']).trim();
    let mut segments = vec![(said.to_string(), Some(a))];
    if !after.is_empty() {
        segments.push((after.to_string(), None));
    }
    Some(QuotePara {
        lead_in: None,
        segments,
        open_end: false,
    })
}

/// An attribution set inside the quotation marks: `« Nous avons trié,
/// explique-t-elle. Certains … »`, `“Se perdían —dijo Prieto—. Hoy …”`.
/// Returns the words before it (with their comma), the attribution and the
/// words after it; `None` when no verb-first attribution or French inversion
/// sits between a comma or dash and the next stop.
fn inserted_attribution(text: &str) -> Option<(String, Attr, String)> {
    // Spanish: between two em dashes.
    if let Some(i) = text.find('—').filter(|i| *i > 0) {
        let rest = text.get(i + '—'.len_utf8()..)?;
        if let Some(j) = rest.find('—') {
            let inner = rest.get(..j)?.trim();
            let after = rest.get(j + '—'.len_utf8()..)?;
            if verb_first(inner) && inner.split_whitespace().count() <= 10 {
                if let Some(a) = attribution(inner, false) {
                    let after = after.trim_start_matches(['.', ',', ';']).trim();
                    let before = text.get(..i)?.trim_end();
                    return Some((before.to_string(), a, after.to_string()));
                }
            }
        }
    }
    // A comma, then the attribution, then a full stop or a comma.
    for (i, _) in text.match_indices(", ") {
        let rest = text.get(i + 2..)?;
        if !rest.starts_with(char::is_lowercase) {
            continue;
        }
        let Some(j) = rest.find(['.', ',']) else {
            continue;
        };
        let inner = rest.get(..j)?.trim();
        if inner.split_whitespace().count() > 8 || !verb_first(inner) {
            continue;
        }
        let Some(a) = attribution(inner, false) else {
            continue;
        };
        let after = rest.get(j + 1..)?.trim();
        let before = text.get(..=i)?.trim_end();
        return Some((before.to_string(), a, after.to_string()));
    }
    None
}

/// `*`, `**`, `†`, `¹`, `[1]`, `(1)` (and a full stop after it): a footnote's
/// marker alone after a closing quotation mark.
fn note_marker(n: &str) -> bool {
    let m = n.trim_end_matches(['.', ',']);
    !m.is_empty()
        && (m
            .chars()
            .all(|c| matches!(c, '*' | '†' | '‡' | '§') || "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c))
            && m.chars().count() <= 4
            || crate::tail::markers_in(m).first().is_some_and(|k| k == m))
}

/// English speech verbs: (past, present).
const EN_VERBS: &[(&str, &str)] = &[
    ("said", "says"),
    ("added", "adds"),
    ("noted", "notes"),
    ("told", "tells"),
    ("explained", "explains"),
    ("stressed", "stresses"),
    ("stated", "states"),
    ("commented", "comments"),
    ("continued", "continues"),
    ("concluded", "concludes"),
    ("remarked", "remarks"),
    ("observed", "observes"),
    ("declared", "declares"),
    ("emphasised", "emphasises"),
    ("emphasized", "emphasizes"),
    ("warned", "warns"),
    ("recalled", "recalls"),
    ("insisted", "insists"),
    ("pointed out", "points out"),
    ("acknowledged", "acknowledges"),
    ("argued", "argues"),
    ("cautioned", "cautions"),
    ("urged", "urges"),
    ("underlined", "underlines"),
    ("highlighted", "highlights"),
    ("affirmed", "affirms"),
    ("wrote", "writes"),
    ("replied", "replies"),
    ("responded", "responds"),
    ("admitted", "admits"),
    ("recounted", "recounts"),
    ("reflected", "reflects"),
    ("asserted", "asserts"),
    ("conceded", "concedes"),
    ("reiterated", "reiterates"),
    ("confirmed", "confirms"),
    ("shared", "shares"),
    ("quipped", "quips"),
    ("joked", "jokes"),
    ("predicted", "predicts"),
];

/// French speech verbs: (present, passé composé). A reflexive verb's
/// passé composé is written with `'` and `’` and in both genders.
const FR_VERBS: &[(&str, &str)] = &[
    ("déclare", "a déclaré"),
    ("dit", "a dit"),
    ("ajoute", "a ajouté"),
    ("souligne", "a souligné"),
    ("explique", "a expliqué"),
    ("indique", "a indiqué"),
    ("affirme", "a affirmé"),
    ("poursuit", "a poursuivi"),
    ("conclut", "a conclu"),
    ("estime", "a estimé"),
    ("précise", "a précisé"),
    ("rappelle", "a rappelé"),
    ("insiste", "a insisté"),
    ("commente", "a commenté"),
    ("réagit", "a réagi"),
    ("témoigne", "a témoigné"),
    ("lance", "a lancé"),
    ("martèle", "a martelé"),
    ("avertit", "a averti"),
    ("note", "a noté"),
    ("relève", "a relevé"),
    ("observe", "a observé"),
    ("reconnaît", "a reconnu"),
    ("confie", "a confié"),
    ("plaide", "a plaidé"),
    ("répond", "a répondu"),
    ("salue", "a salué"),
    ("regrette", "a regretté"),
    ("dénonce", "a dénoncé"),
    ("prévient", "a prévenu"),
    ("raconte", "a raconté"),
    ("assure", "a assuré"),
    ("admet", "a admis"),
    ("ironise", "a ironisé"),
    ("détaille", "a détaillé"),
    ("reprend", "a repris"),
    ("déplore", "a déploré"),
    ("alerte", "a alerté"),
    ("confirme", "a confirmé"),
    ("avance", "a avancé"),
    ("fait valoir", "a fait valoir"),
    ("met en garde", "a mis en garde"),
    ("nuance", "a nuancé"),
    ("complète", "a complété"),
    ("tranche", "a tranché"),
    ("résume", "a résumé"),
    ("se réjouit", "s'est réjoui"),
    ("se félicite", "s'est félicité"),
    ("s'inquiète", "s'est inquiété"),
    ("s'exclame", "s'est exclamé"),
];

/// The other spellings of the reflexive verbs above: the typographic
/// apostrophe and the feminine.
const FR_REFLEXIVE_FORMS: &[&str] = &[
    "s’est réjoui",
    "s'est réjouie",
    "s’est réjouie",
    "s’est félicité",
    "s'est félicitée",
    "s’est félicitée",
    "s’inquiète",
    "s’est inquiété",
    "s'est inquiétée",
    "s’est inquiétée",
    "s’exclame",
    "s’est exclamé",
    "s'est exclamée",
    "s’est exclamée",
];

/// Spanish speech verbs: (preterite, present, perfect).
const ES_VERBS: &[(&str, &str, &str)] = &[
    ("dijo", "dice", "ha dicho"),
    ("afirmó", "afirma", "ha afirmado"),
    ("señaló", "señala", "ha señalado"),
    ("explicó", "explica", "ha explicado"),
    ("agregó", "agrega", "ha agregado"),
    ("añadió", "añade", "ha añadido"),
    ("indicó", "indica", "ha indicado"),
    ("aseguró", "asegura", "ha asegurado"),
    ("declaró", "declara", "ha declarado"),
    ("destacó", "destaca", "ha destacado"),
    ("resaltó", "resalta", "ha resaltado"),
    ("subrayó", "subraya", "ha subrayado"),
    ("manifestó", "manifiesta", "ha manifestado"),
    ("aclaró", "aclara", "ha aclarado"),
    ("sostuvo", "sostiene", "ha sostenido"),
    ("precisó", "precisa", "ha precisado"),
    ("comentó", "comenta", "ha comentado"),
    ("expresó", "expresa", "ha expresado"),
    ("remarcó", "remarca", "ha remarcado"),
    ("puntualizó", "puntualiza", "ha puntualizado"),
    ("informó", "informa", "ha informado"),
    ("recalcó", "recalca", "ha recalcado"),
    ("reconoció", "reconoce", "ha reconocido"),
    ("insistió", "insiste", "ha insistido"),
    ("advirtió", "advierte", "ha advertido"),
    ("concluyó", "concluye", "ha concluido"),
    ("enfatizó", "enfatiza", "ha enfatizado"),
    ("apuntó", "apunta", "ha apuntado"),
    ("relató", "relata", "ha relatado"),
    ("respondió", "responde", "ha respondido"),
    ("detalló", "detalla", "ha detallado"),
    ("valoró", "valora", "ha valorado"),
    ("agradeció", "agradece", "ha agradecido"),
    ("lamentó", "lamenta", "ha lamentado"),
    ("contó", "cuenta", "ha contado"),
    ("recordó", "recuerda", "ha recordado"),
    ("reiteró", "reitera", "ha reiterado"),
    ("admitió", "admite", "ha admitido"),
    ("opinó", "opina", "ha opinado"),
    ("consideró", "considera", "ha considerado"),
    ("estimó", "estima", "ha estimado"),
    ("defendió", "defiende", "ha defendido"),
    ("celebró", "celebra", "ha celebrado"),
    ("narró", "narra", "ha narrado"),
    ("denunció", "denuncia", "ha denunciado"),
    ("aseveró", "asevera", "ha aseverado"),
    ("mencionó", "menciona", "ha mencionado"),
    ("sentenció", "sentencia", "ha sentenciado"),
    ("acotó", "acota", "ha acotado"),
    ("expuso", "expone", "ha expuesto"),
    ("planteó", "plantea", "ha planteado"),
    ("resumió", "resume", "ha resumido"),
    ("alertó", "alerta", "ha alertado"),
    ("argumentó", "argumenta", "ha argumentado"),
    ("reflexionó", "reflexiona", "ha reflexionado"),
    ("ponderó", "pondera", "ha ponderado"),
    ("exclamó", "exclama", "ha exclamado"),
    ("confesó", "confiesa", "ha confesado"),
    ("completó", "completa", "ha completado"),
    ("remató", "remata", "ha rematado"),
    ("deploró", "deplora", "ha deplorado"),
    ("reivindicó", "reivindica", "ha reivindicado"),
];

/// Every form of every speech verb with its language (`en`, `fr`, `es`),
/// longest first, so that `a dit` is tried before `dit`; and the words that
/// only come before the speaker (`according to`, `selon`, `según`).
static VERBS: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        let mut v: Vec<(&'static str, &'static str)> = Vec::new();
        for (past, present) in EN_VERBS {
            v.extend([(*past, "en"), (*present, "en")]);
        }
        for (present, perfect) in FR_VERBS {
            v.extend([(*present, "fr"), (*perfect, "fr")]);
        }
        v.extend(FR_REFLEXIVE_FORMS.iter().map(|f| (*f, "fr")));
        for (preterite, present, perfect) in ES_VERBS {
            v.extend([(*preterite, "es"), (*present, "es"), (*perfect, "es")]);
        }
        v.extend(BEFORE_ONLY.iter().map(|b| (b.0, b.1)));
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        v
    });
/// The verbs the model prints.
const PRINTED: [&str; 3] = ["said", "a déclaré", "dijo"];
/// Words that only come before the speaker (`according to Jane Doe`, `pour
/// Jane Doe, « … »`), with their language.
const BEFORE_ONLY: [(&str, &str); 5] = [
    ("according to", "en"),
    ("selon", "fr"),
    ("según", "es"),
    ("pour", "fr"),
    ("para", "es"),
];

/// Whether `w` (lower-cased) is a form of a speech verb or a word that
/// introduces a speaker (`selon`, `para`).
pub(crate) fn speech_word(w: &str) -> bool {
    VERBS.iter().any(|(v, _)| *v == w)
}

fn before_only(v: &str) -> bool {
    BEFORE_ONLY.iter().any(|(b, _)| *b == v)
}
const PRONOUNS: [&str; 11] = [
    "he", "she", "they", "il", "elle", "ils", "elles", "él", "ella", "ellos", "ellas",
];
/// Courtesy titles dropped from a name (`Dr. Okoye` is Okoye).
pub(crate) const HONORIFICS: [&str; 23] = [
    "Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Dr.", "Dr", "Mme", "M.", "Sr.", "Sra.", "Dra.",
    "Prof.", "Mx.", "Dame", "Shri", "Smt.", "Smt", "H.E.", "S.E.", "Madame", "Monsieur",
];
const NAME_PARTICLES: [&str; 14] = [
    "de", "van", "von", "der", "den", "al", "bin", "da", "dos", "la", "le", "du", "del", "y",
];

/// A title word (`Minister`), or a compound one opening with it
/// (`Director-General`, `Secretary-General`).
pub fn title_word(w: &str) -> bool {
    TITLE_WORDS.contains(&w)
        || w.split_once('-')
            .is_some_and(|(a, _)| TITLE_WORDS.contains(&a))
}

/// Words that open a title written before a name (`Mayor Jane Doe`).
pub const TITLE_WORDS: &[&str] = &[
    "Cabinet",
    "Mayor",
    "Judge",
    "County",
    "City",
    "State",
    "Senator",
    "Sen",
    "Representative",
    "Rep",
    "Governor",
    "Gov",
    "President",
    "Vice",
    "Minister",
    "Prime",
    "Secretary",
    "Commissioner",
    "Director",
    "Chief",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Chair",
    "Councilmember",
    "Councillor",
    "Council",
    "Member",
    "Professor",
    "Prof",
    "General",
    "Deputy",
    "Ambassador",
    "Executive",
    "Sheriff",
    "Superintendent",
    "High",
    "Special",
    "Envoy",
    "Rapporteur",
    "Head",
    "Officer",
    "CEO",
    "Founder",
    "Co-founder",
    "Administrator",
    "Manager",
    "Librarian",
    "Clerk",
    "Curator",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Treasurer",
    "Coach",
    "Captain",
    "Principal",
    "Chancellor",
    "Provost",
    "Inspector",
    "Constable",
    "Sergeant",
    "Detective",
    "Lieutenant",
    "Colonel",
    "Commander",
    "Editor",
    "Economist",
    "Meteorologist",
    "Councilwoman",
    "Councilman",
    "Alderman",
    "Congressman",
    "Congresswoman",
    "Assemblymember",
    "Trustee",
    "Coordinator",
    "Supervisor",
    "Comptroller",
    "Attorney",
    "Prosecutor",
    "Leader",
    "Partner",
    "Ranger",
    "Warden",
];

/// Whether `s` reads as a person's name: one to five capitalised words.
pub fn name_ok(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && s.chars().count() <= 60
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '’' | '\''))
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(w))
}

/// `text` with its first letter lower-cased (`Said` → `said`).
fn uncap(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Reads an attribution (`said NAME, TITLE`, `she said`, `according to NAME`,
/// `— NAME, TITLE`; before the quote, when `lead`: `NAME said:` or `NAME, TITLE:`).
fn attribution(n: &str, lead: bool) -> Option<Attr> {
    // Spanish and some house styles put the comma after the closing mark: `”, dijo …`.
    let n = n
        .trim_matches(SPACES)
        .trim_start_matches(',')
        .trim_matches(SPACES);
    // `Jane Park (pictured) said:`, `Park (54) said.`: an aside in brackets.
    let plain = without_asides(n);
    let mut a = attribution_words(n, lead).or_else(|| {
        (plain != n)
            .then(|| attribution_words(&plain, lead))
            .flatten()
    })?;
    a.written = n.to_string();
    Some(a)
}

/// `n` without its bracketed asides (`(pictured)`, `(54)`).
fn without_asides(n: &str) -> String {
    let mut out = String::with_capacity(n.len());
    let mut depth = 0usize;
    for c in n.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
        .replace(" :", ":")
}

fn attr(form: Attribution, mention: Mention, lang: &'static str, reworded: bool) -> Attr {
    Attr {
        form,
        mention,
        lang,
        reworded,
        written: String::new(),
    }
}

/// `tal y como`, `as`: what opens an attribution set inside a sentence
/// (`…, ya que, tal y como informó Benavente, "…"`).
pub const AS_CONNECTORS: [&str; 6] = [
    "tal y como ",
    "tal como ",
    "como ",
    "as ",
    "comme ",
    "ainsi que ",
];

fn attribution_words(n: &str, lead: bool) -> Option<Attr> {
    if lead {
        // `2. At the outset, Minister Sawada said,`: a numbered paragraph's number.
        let digits = n.chars().take_while(char::is_ascii_digit).count();
        if (1..=2).contains(&digits) {
            if let Some(r) = n.get(digits..).and_then(|r| r.strip_prefix(". ")) {
                return attribution_words(r, lead);
            }
        }
        // `tal y como informó Benavente,`: the verb, then the name.
        if let Some(r) = AS_CONNECTORS
            .iter()
            .find_map(|c| n.strip_prefix(c))
            .and_then(|r| r.strip_suffix(','))
        {
            for (verb, lang) in VERBS.iter().copied() {
                if before_only(verb) {
                    continue;
                }
                let Some(who) = r.strip_prefix(verb).and_then(|w| w.strip_prefix(' ')) else {
                    continue;
                };
                let (name, title, _) = split_name_title(who)?;
                let mention = if name.contains(' ') {
                    full(name, title)
                } else {
                    surname(name).with_title(title)
                };
                return Some(attr(Attribution::NameSaidColon, mention, lang, true));
            }
            return None;
        }
        // `Añadió que “…”`, `Jane Doe added that “…”`: the verb and a
        // conjunction; the verb alone means the person last quoted.
        if let Some(b) = [" que", " that"].iter().find_map(|c| n.strip_suffix(c)) {
            let lower = uncap(b.trim());
            if let Some((_, lang)) = VERBS.iter().find(|(v, _)| *v == lower && !before_only(v)) {
                return Some(attr(
                    Attribution::PronounSaid,
                    Mention::default(),
                    lang,
                    true,
                ));
            }
            return attribution_words(b.trim_end(), true);
        }
        // `NAME said: “…”`, and `NAME, TITLE, said, “…”` (a comma after the verb).
        // `He stated “…”`: a short subject and verb with no stop before the quote;
        // `Ortiz, the newly elected President of the group, said "…"`: a name
        // and its title set off by commas, then the verb.
        let verb_last = |n: &str| {
            VERBS
                .iter()
                .any(|(v, _)| !before_only(v) && n.ends_with(&format!(" {v}")))
        };
        let words = n.split_whitespace().count();
        // `De son côté, Jean Roy, maire, estime que « … »`: the clause of
        // occasion does not count.
        let core = without_occasion(n).unwrap_or(n);
        // `La jefa de enfermería Rosa Ibarra dijo`: an article, a role and a name.
        let role_and_name = || {
            n.rsplit_once(' ')
                .and_then(|(subject, _)| leading_person(subject))
                .is_some()
        };
        let bare_verb = verb_last(n)
            && (words <= 6
                || (words <= 16 && core.matches(", ").count() == 2)
                || (words <= 10 && role_and_name()));
        let (body, colon) = match (n.strip_suffix(':'), n.strip_suffix(',')) {
            (Some(b), _) => (b.trim_end(), true),
            (None, Some(b)) => (b.trim_end(), false),
            (None, None) if bare_verb => (n, true),
            (None, None) => return None,
        };
        // `Según la jefa de inmunización de la OSPA, Dalia Montesinos, “…”`,
        // `According to Jane Doe, “…”`: the speaker named before the quote.
        if !colon {
            let lower = uncap(body);
            for (verb, lang) in VERBS.iter().copied().filter(|(v, _)| before_only(v)) {
                let Some(rest) = lower.strip_prefix(verb).and_then(|r| r.strip_prefix(' ')) else {
                    continue;
                };
                // `Selon l'architecte X, qui a dessiné le bâtiment, « … »`.
                let (name, title, _) = split_name_title(rest)
                    .or_else(|| without_relative(rest).and_then(split_name_title))?;
                let mention = if name.contains(' ') {
                    full(name, title)
                } else {
                    surname(name).with_title(title)
                };
                return Some(attr(Attribution::NameSaidColon, mention, lang, true));
            }
        }
        // `Responding to the report, Jane Doe, title, said:`: an opening clause
        // about the occasion before the speaker.
        let occasion = without_occasion(body);
        let body = occasion.unwrap_or(body);
        for (verb, lang) in VERBS.iter().copied() {
            if before_only(verb) {
                continue;
            }
            let Some(subject) = body.strip_suffix(verb).and_then(|r| r.strip_suffix(' ')) else {
                continue;
            };
            let subject = subject.trim_end_matches(',').trim_end();
            // `He stated “…”`, `She said: “…”`: the person last meant.
            let pronoun = subject.to_lowercase();
            if PRONOUNS.contains(&pronoun.as_str()) {
                let mention = Mention {
                    pronoun: Some(pronoun),
                    ..Mention::default()
                };
                return Some(attr(Attribution::PronounSaid, mention, lang, true));
            }
            // `El alcalde Mauricio Henao aseguró:`, `The surgeon Ana Ruiz said:`:
            // an article and a role in lower case before the name.
            if let Some((name, title, _)) = ["el ", "la ", "the ", "le ", "l'", "l’"]
                .iter()
                .any(|a| subject.to_lowercase().starts_with(a))
                .then(|| leading_person(subject))
                .flatten()
            {
                let (form, mention) = said_colon(name, title);
                return Some(attr(form, mention, lang, true));
            }
            // `The governor continued, "…"`: a role named before (its article,
            // then one to four words).
            if let Some(role) = role_after_verb(&uncap(subject))
                .filter(|r| (2..=5).contains(&r.split_whitespace().count()))
            {
                let mention = Mention {
                    role: Some(role),
                    ..Mention::default()
                };
                return Some(attr(Attribution::RoleSaid, mention, lang, true));
            }
            // `Professor Jane Park, who led the study, said:`.
            // `El alcalde X recorrió el barrio y aseguró:`: the sentence's subject.
            let joined = [" y", " and", " et"]
                .iter()
                .find_map(|c| subject.strip_suffix(c))
                .and_then(leading_person);
            let (name, title, reworded) = split_name_title(subject)
                .or_else(|| {
                    without_relative(subject)
                        .and_then(split_name_title)
                        .map(|(n, t, _)| (n, t, true))
                })
                .or(joined)
                .or_else(|| subject_person(subject))?;
            let (form, mention) = said_colon(name, title);
            return Some(attr(
                form,
                mention,
                lang,
                reworded || occasion.is_some() || !PRINTED.contains(&verb),
            ));
        }
        // `Ferraz told a meeting of donors later in the day:`, `Jane Doe, title,
        // a déclaré jeudi 30 juin :`: the verb, then a few words of whom or
        // when, before the colon.
        if colon {
            if let Some(a) = verb_then_circumstance(body).or_else(|| subject_then_predicate(body)) {
                return Some(a);
            }
        }
        // `Jane Doe, CEO of Acme, welcomed the ruling, saying,` or `…, expresses
        // his enthusiasm stating,`: a participle ends a clause about the speaker.
        if !colon {
            const PARTICIPLES: [&str; 6] = [
                "saying",
                "stating",
                "adding",
                "noting",
                "explaining",
                "commenting",
            ];
            let clause = PARTICIPLES.iter().find_map(|p| {
                let b = body.strip_suffix(p)?;
                b.ends_with([' ', ','])
                    .then_some(b.trim_end_matches([' ', ',']))
            })?;
            let parts: Vec<&str> = clause.split(", ").map(str::trim).collect();
            let (name, title) = match parts.as_slice() {
                [first, ..] if name_ok(first) && first.contains(' ') => {
                    let title = (parts.len() >= 3)
                        .then(|| parts[1])
                        .filter(|t| t.chars().next().is_some_and(char::is_uppercase));
                    (first.to_string(), title.map(str::to_string))
                }
                _ => {
                    // `Jane Doe welcomed the ruling`: the name, then what they did.
                    let words: Vec<&str> = parts.first()?.split_whitespace().collect();
                    let name = [3, 2].iter().find_map(|n| {
                        let w = words.get(..*n)?;
                        let rest = words.get(*n)?;
                        let name = w.join(" ");
                        (name_ok(&name) && rest.chars().next().is_some_and(char::is_lowercase))
                            .then_some(name)
                    })?;
                    (name, None)
                }
            };
            return Some(attr(
                Attribution::NameSaidColon,
                full(name, title),
                "en",
                true,
            ));
        }
        // A label: `Dr. Amara Okoye, Director of Primary Care:`; not a role
        // with its article (`The Prime Minister, Jane Doe, issued …:`).
        let (name, title, _) = split_name_title(body)?;
        let article = ["The ", "Le ", "La ", "El ", "Les ", "Los ", "Las "]
            .iter()
            .any(|a| name.starts_with(a));
        if !name.contains(' ') || article || body.split_whitespace().count() > 20 {
            return None;
        }
        return Some(attr(
            Attribution::NameSaidColon,
            full(name, title),
            "en",
            true,
        ));
    }
    let body = n.strip_suffix(['.', ',']).unwrap_or(n).trim_end();
    // `President Okafor said, addressing the athletes, many of whom …`,
    // `dijo, señalando …`, `a-t-il dit, en s'adressant …`: a clause of what
    // the speaker was doing, after the verb.
    let body = body
        .match_indices(", ")
        .find_map(|(i, _)| {
            let (head, clause) = (body.get(..i)?, body.get(i + 2..)?);
            let first = clause.split_whitespace().next()?;
            let participle = first.chars().all(char::is_lowercase)
                && ((first.len() > 5 && first.ends_with("ing"))
                    || first.ends_with("ando")
                    || first.ends_with("iendo")
                    || first == "en");
            let said = head
                .split_whitespace()
                .any(|w| speech_word(&w.to_lowercase()));
            (participle && said && head.split_whitespace().count() >= 2).then_some(head)
        })
        .unwrap_or(body);
    // `Jane Doe said today`: the time of saying after the verb.
    let body = [
        " today",
        " yesterday",
        " tonight",
        " this week",
        " on monday",
        " on tuesday",
        " on wednesday",
        " on thursday",
        " on friday",
        " on saturday",
        " on sunday",
        " hoy",
        " ayer",
        " aujourd'hui",
        " aujourd’hui",
    ]
    .iter()
    .find_map(|t| {
        let cut = body.len().checked_sub(t.len())?;
        body.get(cut..)
            .filter(|end| end.eq_ignore_ascii_case(t))
            .and_then(|_| body.get(..cut))
    })
    .unwrap_or(body);
    // `Park said simply`, `Park added quietly`: an adverb after the verb.
    let body = body
        .rsplit_once(' ')
        .filter(|(b, adverb)| {
            adverb.len() > 3
                && adverb.ends_with("ly")
                && b.rsplit(' ')
                    .next()
                    .is_some_and(|v| speech_word(&v.to_lowercase()))
        })
        .map_or(body, |(b, _)| b);
    // `Jane Park said Tuesday`, `dijo este martes`: a day after the verb.
    let body = body
        .rsplit_once(' ')
        .filter(|(_, day)| crate::dates::is_weekday(day))
        .map(|(b, _)| {
            ["on", "este", "ce", "el", "le"]
                .iter()
                .find_map(|p| b.strip_suffix(p).and_then(|r| r.strip_suffix(' ')))
                .unwrap_or(b)
        })
        .filter(|b| b.contains(' ') || speech_word(&b.to_lowercase()))
        .unwrap_or(body);
    // `— Daniel Roe, Chief Technology Officer`: a signature under the quote.
    // `--Name, title` (a typewriter's dash set tight against the name).
    if let Some(label) = ["— ", "– ", "-- ", "- ", "—", "–", "--"]
        .iter()
        .find_map(|d| body.strip_prefix(d))
    {
        let (name, title, _) = split_name_title(label.trim())?;
        let form = if title.is_some() {
            Attribution::SaidNameTitle
        } else if name.contains(' ') {
            Attribution::SaidName
        } else {
            Attribution::SaidSurname
        };
        let mention = if name.contains(' ') {
            full(name, title)
        } else {
            surname(name).with_title(title)
        };
        return Some(attr(form, mention, "en", true));
    }
    // French inversion: `a-t-il ajouté`, `ajoute-t-elle`, `dit-il`.
    if let Some(pronoun) = french_inversion(body) {
        let mention = Mention {
            pronoun: Some(pronoun.to_string()),
            ..Mention::default()
        };
        return Some(attr(Attribution::PronounSaid, mention, "fr", true));
    }
    let lower_first = uncap(body);
    // `“…”, dijo. “…”`: the verb alone, for the person just named or quoted.
    if let Some((_, lang)) = VERBS
        .iter()
        .find(|(v, _)| *v == lower_first && !before_only(v))
    {
        return Some(attr(
            Attribution::PronounSaid,
            Mention::default(),
            lang,
            true,
        ));
    }
    for (verb, lang) in VERBS.iter().copied() {
        let reworded_verb = !PRINTED.contains(&verb) || !body.starts_with(verb);
        if let Some(rest) = lower_first
            .strip_prefix(verb)
            .and_then(|r| r.strip_prefix(' '))
        {
            let Some((name, title, reworded)) = split_name_title(rest)
                .or_else(|| without_circumstance(rest).and_then(split_name_title))
                .or_else(|| without_relative(rest).and_then(split_name_title))
                .or_else(|| {
                    let named = without_trade(rest)?;
                    split_name_title(without_relative(named).unwrap_or(named))
                })
                .map(|(n, t, r)| (n, t, r || split_name_title(rest).is_none()))
            else {
                // `added the HCC president`, `ha manifestado el ministro de
                // Hacienda`: the verb first, then a role naming someone already quoted.
                // `indicó en su discurso el jefe comunal`: an occasion, then the role.
                let occasion_then_role = || {
                    let first = rest.split_whitespace().next()?;
                    if !CIRCUMSTANCES.contains(&first) {
                        return None;
                    }
                    [" el ", " la ", " the ", " le ", " l’", " l'"]
                        .iter()
                        .filter_map(|a| rest.find(a).map(|i| i + 1))
                        .filter(|i| {
                            rest.get(..*i)
                                .is_some_and(|o| o.split_whitespace().count() <= 4)
                        })
                        .min()
                        .and_then(|i| role_after_verb(rest.get(i..)?))
                };
                return role_after_verb(rest)
                    .or_else(occasion_then_role)
                    .map(|role| {
                        let mention = Mention {
                            role: Some(role),
                            ..Mention::default()
                        };
                        attr(Attribution::RoleSaid, mention, lang, true)
                    });
            };
            let single = !name.contains(' ');
            let (form, mention) = match (single, title) {
                (_, Some(t)) => (Attribution::SaidNameTitle, full(name, Some(t))),
                (false, None) => (Attribution::SaidName, full(name, None)),
                (true, None) => (Attribution::SaidSurname, surname(name)),
            };
            return Some(attr(form, mention, lang, reworded || reworded_verb));
        }
        if before_only(verb) {
            continue;
        }
        // `SUBJECT verb`, or `SUBJECT told reporters` (an object after `told`).
        let subject = body
            .strip_suffix(verb)
            .and_then(|r| r.strip_suffix(' '))
            .or_else(|| {
                // `Park wrote on social media`, `Park said at the launch`:
                // a few words of where or to whom after the verb.
                body.split_once(&format!(" {verb} "))
                    .filter(|(_, tail)| {
                        let first = tail.split_whitespace().next().unwrap_or("");
                        let words = tail.split_whitespace().count();
                        (verb == "told" && words <= 4)
                            || (words <= 6
                                && (CIRCUMSTANCES.contains(&first)
                                    || matches!(first, "to" | "a" | "aux" | "al")))
                    })
                    .map(|(s, _)| s)
            });
        let Some(subject) = subject else { continue };
        let reworded_verb = !PRINTED.contains(&verb) || !body.ends_with(verb);
        let subject = subject.trim_end_matches(',').trim_end();
        // `the President of the Assembly, Eleni Markou, told delegates`.
        if let Some((title, name)) = subject.rsplit_once(", ") {
            if name_ok(name) && name.contains(' ') && !name_ok(title) {
                return Some(attr(
                    Attribution::NameTitleSaid,
                    full(name.to_string(), Some(title.to_string())),
                    lang,
                    true,
                ));
            }
        }
        if PRONOUNS.contains(&subject) {
            let mention = Mention {
                pronoun: Some(subject.to_string()),
                ..Mention::default()
            };
            return Some(attr(Attribution::PronounSaid, mention, lang, reworded_verb));
        }
        let article = [
            "the ", "l’", "l'", "la ", "le ", "el ", "los ", "las ", "les ",
        ]
        .iter()
        .any(|a| subject.starts_with(a));
        if !article {
            if let Some((name, Some(t), true)) = split_name_title(subject) {
                return Some(attr(
                    Attribution::NameTitleSaid,
                    full(name, Some(t)),
                    lang,
                    true,
                ));
            }
        }
        if subject.chars().next().is_some_and(char::is_lowercase) {
            let words = subject.split_whitespace().count();
            if (2..=6).contains(&words) && !subject.contains([',', ';', '“', '"']) {
                let mention = Mention {
                    role: Some(subject.to_string()),
                    ..Mention::default()
                };
                return Some(attr(Attribution::RoleSaid, mention, lang, reworded_verb));
            }
            return None;
        }
        let (name, title, reworded) = split_name_title(subject)?;
        let single = !name.contains(' ');
        let (form, mention) = match (single, title) {
            (_, Some(t)) => (Attribution::NameTitleSaid, full(name, Some(t))),
            (false, None) => (Attribution::NameSaid, full(name, None)),
            (true, None) => (Attribution::SurnameSaid, surname(name)),
        };
        return Some(attr(form, mention, lang, reworded || reworded_verb));
    }
    None
}

/// `the HCC president`, `el ministro de Hacienda`: a role after the verb (an
/// article, then two to six lowercase-led words with no clause in them).
fn role_after_verb(rest: &str) -> Option<String> {
    const ARTICLES: [&str; 6] = ["the ", "el ", "la ", "le ", "l’", "l'"];
    // `the Minister, calling on the Member States to …`: a clause about what
    // they did next ends the role.
    let rest =
        rest.split_once(", ")
            .filter(|(_, clause)| {
                clause.split_whitespace().next().is_some_and(|w| {
                    w.ends_with("ing") || w.ends_with("ant") || w.ends_with("ando")
                })
            })
            .map_or(rest, |(role, _)| role);
    let after = ARTICLES.iter().find_map(|a| rest.strip_prefix(a))?;
    let words = rest.split_whitespace().count();
    let first_lower = after.chars().next().is_some_and(|c| c.is_lowercase())
        // `the Minister`: a title word, capitalised.
        || after
            .split_whitespace()
            .all(title_word)
        // `the IOC President`, `the UN Secretary-General`: an organisation's
        // initials, then title words.
        || after.split_once(' ').is_some_and(|(initials, title)| {
            (2..=6).contains(&initials.chars().count())
                && initials.chars().all(|c| c.is_uppercase())
                && title.split_whitespace().all(title_word)
        })
        || after
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    // `said the company in a statement`: an organisation, or an occasion, is
    // not someone quoted.
    const BODIES: [&str; 12] = [
        "company",
        "organisation",
        "organization",
        "group",
        "government",
        "ministry",
        "agency",
        "statement",
        "empresa",
        "gobierno",
        "entreprise",
        "gouvernement",
    ];
    let plain = !after
        .split_whitespace()
        .any(|w| CIRCUMSTANCES.contains(&w) || BODIES.contains(&w.trim_end_matches(['.', ','])));
    ((2..=6).contains(&words) && first_lower && plain && !rest.contains([',', ';', '“', '"', '«']))
        .then(|| rest.to_string())
}

/// Words that open a phrase of place, time or occasion after a speaker's
/// name (`declaró Ana Ruiz en su intervención`, `said Tom Lee at the launch`).
const CIRCUMSTANCES: [&str; 24] = [
    "devant",
    "frente",
    "en",
    "in",
    "at",
    "during",
    "durante",
    "lors",
    "dans",
    "à",
    "au",
    "on",
    "before",
    "ante",
    "tras",
    "after",
    "antes",
    "después",
    "avant",
    "après",
    "pendant",
    "while",
    "when",
    "following",
];

/// `SUBJECT VERB a few lower-case words` (the words before a colon that
/// opens a quote): the speaker the subject names.
fn verb_then_circumstance(body: &str) -> Option<Attr> {
    let (i, verb, lang) = VERBS
        .iter()
        .filter(|(v, _)| !before_only(v))
        .filter_map(|(v, l)| body.find(&format!(" {v} ")).map(|i| (i, *v, *l)))
        .min_by_key(|(i, _, _)| *i)?;
    let after = body.get(i + verb.len() + 2..)?.trim();
    let words = after.split_whitespace().count();
    if !(1..=12).contains(&words)
        || !after.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        || after.contains(['“', '”', '"', '«', '»', ',', '.'])
    {
        return None;
    }
    let subject = body.get(..i)?.trim_end().trim_end_matches(',').trim_end();
    let subject = without_occasion(subject).unwrap_or(subject);
    // `… resaltó que la ciudad le debe mucho:` reports words: narration, kept.
    let reports = after
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w, "que" | "that" | "qu'"));
    let (name, title, _) = split_name_title(subject)
        .or_else(|| (!reports).then(|| subject_person(subject)).flatten())?;
    if name.split_whitespace().count() > 4 {
        return None;
    }
    let (form, mention) = said_colon(name, title);
    Some(attr(form, mention, lang, true))
}

/// `Durante la ceremonia, el concejal Jane Doe resaltó que la bancada …`,
/// `Jane Doe stressed that the plan …`: whom narration reports speaking (the
/// subject of a speech verb followed by `que` / `that`).
pub(crate) fn reported_speaker(body: &str) -> Option<Mention> {
    let i = VERBS
        .iter()
        .filter(|(v, _)| !before_only(v))
        .filter_map(|(v, _)| {
            // `X told reporters that …`, `X a dit aux élus que …`: the
            // verb, at most three words of whom, then the conjunction.
            body.match_indices(&format!(" {v} ")).find_map(|(i, m)| {
                let after = body.get(i + m.len() - 1..)?;
                after
                    .split_whitespace()
                    .take(4)
                    .any(|w| matches!(w, "que" | "that"))
                    .then_some(i)
            })
        })
        .min()?;
    let whole = body.get(..i)?.trim();
    // An opening clause before the speaker (`Durante la ceremonia,`).
    let subject = whole.rsplit_once(", ").map_or(whole, |(_, s)| s).trim();
    let (name, title, _) = split_name_title(subject).or_else(|| subject_person(whole))?;
    if !name.contains(' ') || name.split_whitespace().count() > 4 {
        return None;
    }
    Some(full(name, title))
}

/// `El alcalde Mauricio Henao Restrepo recorrió … y`, `El médico cirujano
/// Hernán Vidal`, `Por su lado, el médico …, Hernán Vidal,`: the person a
/// subject names when `split_name_title` cannot read it whole: an article and
/// a role in lower case before the name, a name at the head of a sentence
/// whose verb comes before `y` / `and` / `et`, or a name in apposition after
/// an opening clause.
fn subject_person(subject: &str) -> Option<(String, Option<String>, bool)> {
    let subject = subject.trim().trim_end_matches(',').trim_end();
    if let Some(found) = split_name_title(subject) {
        return Some(found);
    }
    // A name set off by commas last: `…, el médico a cargo, Hernán Vidal`.
    if let Some((_, last)) = subject.rsplit_once(", ") {
        if let Some((n, t, _)) = split_name_title(last.trim()) {
            if n.contains(' ') {
                return Some((n, t, true));
            }
        }
    }
    // An opening clause (`Por su lado,`) before the subject.
    let bare = match subject.split_once(", ") {
        Some((open, rest)) if open.split_whitespace().count() <= 4 => rest,
        _ => subject,
    };
    leading_person(bare).or_else(|| leading_person(subject))
}

/// An article, up to four lower-case words of role, then a name of two to
/// four capitalised words, then the end or a lower-case word (a verb).
fn leading_person(s: &str) -> Option<(String, Option<String>, bool)> {
    const ARTICLES: [&str; 8] = ["el", "la", "the", "le", "los", "las", "les", "l'"];
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut k = 0;
    if words
        .first()
        .is_some_and(|w| ARTICLES.contains(&w.to_lowercase().as_str()))
    {
        k = 1;
    }
    let role_start = k;
    while words
        .get(k)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
        && k - role_start < 4
    {
        k += 1;
    }
    let role = words.get(role_start..k)?.join(" ");
    let name_start = k;
    while words.get(k).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !w.ends_with([',', '.', ':', ';'])
            && w.chars().skip(1).any(char::is_lowercase)
    }) && k - name_start < 4
    {
        k += 1;
    }
    let name = words.get(name_start..k)?.join(" ");
    let count = k - name_start;
    let next_ok = words
        .get(k)
        .is_none_or(|w| w.chars().next().is_some_and(char::is_lowercase));
    // A role is needed when the name does not open the subject, and a role
    // word must not be a verb (`dijo Ana Ruiz`).
    let role_ok =
        role.is_empty() == (role_start == name_start) && !role.split_whitespace().any(speech_word);
    ((2..=4).contains(&count)
        && next_ok
        && role_ok
        && name_ok(&name)
        && (role_start > 0 || !role.is_empty()))
    .then(|| (name, (!role.is_empty()).then_some(role), true))
}

/// The mention of `name` (with `title`) before "said:", and its attribution
/// form: a surname alone without a title is `SurnameSaidColon`.
fn said_colon(name: String, title: Option<String>) -> (Attribution, Mention) {
    let single = !name.contains(' ');
    let mention = if single {
        surname(name).with_title(title)
    } else {
        full(name, title)
    };
    let form = if single && mention.title.is_none() {
        Attribution::SurnameSaidColon
    } else {
        Attribution::NameSaidColon
    };
    (form, mention)
}

/// `NAME, TITLE en su intervención` → `NAME, TITLE`: the words before a
/// phrase of place, time or occasion, when there is one.
fn without_circumstance(s: &str) -> Option<&str> {
    let mut at = 0;
    for w in s.split(' ') {
        if at > 0 && CIRCUMSTANCES.contains(&w) {
            return s
                .get(..at)
                .map(|p| p.trim_end().trim_end_matches(','))
                .filter(|p| !p.is_empty());
        }
        at += w.len() + 1;
    }
    None
}

/// `Carrasco, que ha recorrido las instalaciones` → `Carrasco`: the speaker
/// before a relative clause about them.
/// `l'océanographe Vallestad`, `la bióloga Ana Ruiz`, `the economist Lee`:
/// an article and a common noun (a trade) before the name; the name.
fn without_trade(s: &str) -> Option<&str> {
    const ARTICLES: [&str; 9] = [
        "l'", "l’", "le ", "la ", "el ", "the ", "los ", "les ", "lo ",
    ];
    let after = ARTICLES.iter().find_map(|a| s.strip_prefix(a))?;
    let (noun, name) = after.split_once(' ')?;
    let trade = noun.chars().count() >= 4
        && noun.chars().all(|c| c.is_lowercase() || c == '-')
        && !VERBS.iter().any(|(v, _)| *v == noun);
    (trade && name.starts_with(char::is_uppercase)).then_some(name)
}

fn without_relative(s: &str) -> Option<&str> {
    const RELATIVES: [&str; 10] = [
        ", que ",
        ", quien ",
        ", who ",
        ", qui ",
        ", which ",
        ", dont ",
        ", whose ",
        ", cuyo ",
        ", cuya ",
        ", lequel ",
    ];
    let i = RELATIVES.iter().filter_map(|r| s.find(r)).min()?;
    s.get(..i).map(str::trim).filter(|p| !p.is_empty())
}

/// Participles that open a clause about the occasion of a quote
/// (`Responding to the report, …`, `Commenting on the news, …`).
const OCCASIONS: &[&str] = &[
    // Discourse openers: `De son côté, Jean Roy a estimé …`.
    "de son côté,",
    "de leur côté,",
    "pour sa part,",
    "por su parte,",
    "por su lado,",
    "de su lado,",
    "por otra parte,",
    "por otro lado,",
    "en tanto,",
    "a su turno,",
    "a su vez,",
    "de su parte,",
    "pour leur part,",
    "de même,",
    "d'autre part,",
    "quant à lui,",
    "quant à elle,",
    "for their part,",
    "separately,",
    "elsewhere,",
    "likewise,",
    "asimismo,",
    "además,",
    "en outre,",
    "par ailleurs,",
    "meanwhile,",
    "for her part,",
    "for his part,",
    "in addition,",
    "suite au ",
    "suite à ",
    "following ",
    "tras ",
    "responding to ",
    "reacting to ",
    "in reaction to ",
    "en réaction à ",
    "en réaction aux ",
    "en réaction au ",
    "en reacción a ",
    "commenting on ",
    "speaking at ",
    "speaking about ",
    "in response to ",
    "réagissant à ",
    "commentant ",
    "en respuesta a ",
    "respondiendo a ",
    "asked about ",
    "asked whether ",
    "al ser preguntado ",
    "al ser preguntada ",
    "interrogé sur ",
    "interrogée sur ",
];

/// `Responding to the report, Director of Policy at X, Jane Doe` → `Director
/// of Policy at X, Jane Doe`: the subject without an opening clause about the
/// occasion (cut at its first comma).
pub(crate) fn without_occasion(s: &str) -> Option<&str> {
    let lower = s.to_lowercase();
    // `Marking Tip Line Month, Governor Jane Doe said …`: an English
    // participle opens a clause about the occasion.
    let participle = s.split_whitespace().next().is_some_and(|w| {
        w.len() > 5 && w.ends_with("ing") && w.starts_with(char::is_uppercase) && !w.contains(',')
    });
    if !participle {
        OCCASIONS.iter().find(|o| lower.starts_with(*o))?;
    }
    let comma = s.find(", ")?;
    s.get(comma + 2..).map(str::trim).filter(|r| !r.is_empty())
}

/// The pronoun of a French inverted attribution (`a-t-il ajouté`,
/// `a-t-elle déclaré`, `ajoute-t-elle`, `dit-il`, `poursuit-il`).
fn french_inversion(body: &str) -> Option<&'static str> {
    let l = body.trim().to_lowercase();
    for p in ["il", "elle", "ils", "elles"] {
        if let Some(rest) = l.strip_prefix(&format!("a-t-{p} ")) {
            if !rest.is_empty() && !rest.contains(' ') {
                return Some(p);
            }
        }
        let single = !l.contains(' ');
        if single && (l.ends_with(&format!("-t-{p}")) || l.ends_with(&format!("-{p}"))) {
            return Some(p);
        }
    }
    None
}

/// `We are ready,” said Jane Doe.`: a closing mark with no opening one; the
/// paragraph up to it is the quoted text when an attribution follows it.
fn missing_open(text: &str) -> Option<QuotePara> {
    let (i, c) = text.char_indices().find(|(_, c)| matches!(c, '”' | '»'))?;
    let quoted = text.get(..i)?.trim_matches(SPACES);
    let after = text.get(i + c.len_utf8()..)?;
    if quoted.split_whitespace().count() < 2 || after.contains(['“', '”', '"', '«', '»']) {
        return None;
    }
    let a = attribution(after, false)?;
    Some(QuotePara {
        lead_in: None,
        segments: vec![(quoted.to_string(), Some(a))],
        open_end: false,
    })
}

/// `We are ready, said Jane Doe.` (the closing mark left out): the quoted text
/// and the attribution at its end.
fn unclosed_attribution(text: &str) -> Option<(String, Attr)> {
    for (i, _) in text.rmatch_indices(", ").take(3) {
        let (quoted, rest) = (text.get(..=i)?, text.get(i + 2..)?);
        if rest.split_whitespace().count() > 16 || quoted.trim().is_empty() {
            return None;
        }
        if let Some(a) = attribution(rest, false) {
            return Some((quoted.trim().to_string(), a));
        }
    }
    None
}

fn full(name: String, title: Option<String>) -> Mention {
    Mention {
        name: Some(name),
        title,
        ..Mention::default()
    }
}

fn surname(name: String) -> Mention {
    Mention {
        surname: Some(name),
        ..Mention::default()
    }
}

impl Mention {
    fn with_title(mut self, title: Option<String>) -> Mention {
        self.title = title;
        self
    }
}

/// `Mary Lawlor, Special Rapporteur on …` → name and title; the name must read
/// as one. `Commissioner for Agriculture Johan Lindberg` (a title before the
/// name) gives the name and that title, flagged as reworded; so does a
/// courtesy title (`Dr. Okoye` is Okoye).
pub fn split_name_title(s: &str) -> Option<(String, Option<String>, bool)> {
    let (name, title) = match s.split_once(", ") {
        Some((n, t)) => (
            n.trim(),
            Some(t.trim().to_string()).filter(|t| !t.is_empty()),
        ),
        None => (s.trim(), None),
    };
    // `Benítez, y agregó que …`: a clause goes on after the name, not a title.
    const CLAUSE: [&str; 12] = [
        "and ",
        "but ",
        "who ",
        "which ",
        "y ",
        "que ",
        "quien ",
        "et ",
        "qui ",
        "mais ",
        "adding ",
        "añadiendo ",
    ];
    if title
        .as_deref()
        .is_some_and(|t| CLAUSE.iter().any(|c| t.starts_with(c)))
    {
        return None;
    }
    let honorific = HONORIFICS
        .iter()
        .find_map(|h| name.strip_prefix(h).and_then(|r| r.strip_prefix(' ')));
    if let Some(bare) = honorific.filter(|b| name_ok(b)) {
        let (n, t, _) = split_name_title(&match &title {
            Some(t) => format!("{bare}, {t}"),
            None => bare.to_string(),
        })?;
        return Some((n, t, true));
    }
    // `Keystone Advisory’s Transaction Associate Haden Buckley`: an
    // organisation's title before the name; the name is the last two words.
    if title.is_none() {
        let words: Vec<&str> = name.split_whitespace().collect();
        if let Some(k) = words
            .iter()
            .position(|w| w.ends_with("’s") || w.ends_with("'s"))
            .filter(|k| words.len() >= k + 4)
        {
            let (pre, who) = words.split_at(words.len() - 2);
            let who = who.join(" ");
            if name_ok(&who) && pre.len() > k + 1 {
                return Some((who, Some(pre.join(" ")), true));
            }
        }
    }
    if name_ok(name) {
        // `County Judge Maria Alvarez`, `NLT Vice President Ana Ortiz`: the
        // words up to the last title word are a title, not the name.
        let words: Vec<&str> = name.split_whitespace().collect();
        let is_title = |w: &&str| {
            w.trim_end_matches('.')
                .split('-')
                .all(|part| TITLE_WORDS.contains(&part))
        };
        let lead = words
            .get(..words.len().saturating_sub(2))
            .and_then(|pre| pre.iter().rposition(is_title))
            .map_or(0, |i| i + 1);
        if lead > 0 && words.len() >= lead + 2 {
            let (pre, rest) = words.split_at(lead);
            let title = match title {
                Some(t) => format!("{}, {t}", pre.join(" ")),
                None => pre.join(" "),
            };
            return Some((rest.join(" "), Some(title), true));
        }
        return Some((name.to_string(), title, false));
    }
    // `the Mayor of Oakton, Jane Park`: the title first, the name after a comma.
    if let Some((pre, last)) = s.rsplit_once(", ") {
        let last = last.trim();
        if name_ok(last)
            && last.contains(' ')
            && !name_ok(pre)
            && pre.split_whitespace().count() <= 12
        {
            return Some((last.to_string(), Some(pre.trim().to_string()), true));
        }
        // `Durante el arranque de las obras en la colonia X, la presidenta
        // municipal, Jane Doe`: a long clause of occasion, then the role
        // (its article, a few words) and the name.
        let role = pre.rsplit_once(", ").map(|(_, r)| r.trim());
        if let Some(role) = role.filter(|r| {
            ["the ", "el ", "la ", "le ", "l'", "l’"]
                .iter()
                .any(|a| r.starts_with(a))
                && (2..=6).contains(&r.split_whitespace().count())
                && !r.contains(['“', '"', '«'])
        }) {
            if name_ok(last) && last.contains(' ') {
                return Some((last.to_string(), Some(role.to_string()), true));
            }
        }
    }
    // `fund co-founder Dana Sofia Marsh, owner of …`: a role before the
    // name, the title after it; the role joins the title. Not when the name
    // follows the comma (`la directora de Agua Viva, Marta Gil, …`).
    if let Some(t) = &title {
        let first = t.split(", ").next().unwrap_or(t);
        let last = name.split_whitespace().last().unwrap_or("").to_lowercase();
        if name_ok(first)
            || NAME_PARTICLES.contains(&last.as_str())
            || matches!(last.as_str(), "of" | "for" | "at")
        {
            return None;
        }
    }
    // `Kofi Mensah of the Ocean Justice Foundation`: the organisation after the name.
    for of in [
        " of the ",
        " of ",
        " from the ",
        " from ",
        " de la ",
        " del ",
        " du ",
        " de ",
    ] {
        if let Some((who, org)) = name.split_once(of) {
            if name_ok(who)
                && who.contains(' ')
                && !who
                    .split_whitespace()
                    .any(|w| TITLE_WORDS.contains(&w.trim_end_matches('.')))
                && org.chars().next().is_some_and(char::is_uppercase)
            {
                let org = format!("{}{org}", of.trim_start());
                let title = match &title {
                    Some(t) => format!("{org}, {t}"),
                    None => org,
                };
                return Some((who.to_string(), Some(title), true));
            }
        }
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    for take in [3, 2] {
        if words.len() > take && words.len() <= take + 6 {
            let (pre, tail) = words.split_at(words.len() - take);
            let candidate = tail.join(" ");
            let pre = pre.join(" ");
            // `porte-parole du HCA Mathieu Diallo`: an acronym before the name is not in it.
            let acronym = tail.first().is_some_and(|w| {
                w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '&')
            });
            if name_ok(&candidate)
                && !acronym
                && !name_ok(&pre)
                && !pre.contains(['“', '"', '(', ','])
            {
                let title = match &title {
                    Some(t) => format!("{pre}, {t}"),
                    None => pre,
                };
                return Some((candidate, Some(title), true));
            }
        }
    }
    // `le docteur Ndiaye`, `el doctor Pérez`: an article and a role, then a
    // surname alone.
    if let [article, role, surname] = words.as_slice() {
        const ARTICLES: [&str; 4] = ["le", "la", "el", "the"];
        const ROLES: [&str; 14] = [
            "docteur",
            "doctor",
            "doctora",
            "professeur",
            "professeure",
            "profesor",
            "profesora",
            "colonel",
            "coronel",
            "général",
            "general",
            "commandant",
            "capitaine",
            "capitán",
        ];
        if ARTICLES.contains(&article.to_lowercase().as_str())
            && ROLES.contains(&role.to_lowercase().as_str())
            && name_ok(surname)
        {
            let title = match &title {
                Some(t) => format!("{article} {role}, {t}"),
                None => format!("{article} {role}"),
            };
            return Some((surname.to_string(), Some(title), true));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_paragraph() {
        let p = parse("“Rukhshona Khakimova’s trial appears to have fallen short,” said Mary Lawlor, Special Rapporteur on the situation of human rights defenders. “This raises serious concerns.”").unwrap();
        assert_eq!(p.segments.len(), 2);
        let a = p.segments[0].1.as_ref().unwrap();
        assert_eq!(a.form, Attribution::SaidNameTitle);
        assert_eq!(a.mention.name.as_deref(), Some("Mary Lawlor"));
        assert_eq!(
            a.mention.title.as_deref(),
            Some("Special Rapporteur on the situation of human rights defenders")
        );
        assert_eq!(p.segments[1].0, "This raises serious concerns.");
        assert!(!p.open_end);
    }

    #[test]
    fn forms() {
        let form = |s: &str| parse(s).and_then(|p| p.segments[0].1.as_ref().map(|a| a.form));
        assert_eq!(form("“A,” she said."), Some(Attribution::PronounSaid));
        assert_eq!(form("“A,” the expert said."), Some(Attribution::RoleSaid));
        assert_eq!(form("“A,” Lawlor said."), Some(Attribution::SurnameSaid));
        assert_eq!(form("\"A,\" said Jane Doe."), Some(Attribution::SaidName));
        assert_eq!(
            form("“A,” Jane Doe, CEO of Acme, said."),
            Some(Attribution::NameTitleSaid)
        );
        assert_eq!(
            form("«\u{202f}A,\u{202f}» a déclaré Marie Curie."),
            Some(Attribution::SaidName)
        );
        let lead = parse("Jane Doe said: “We are ready.”").unwrap();
        assert_eq!(lead.lead_in.unwrap().form, Attribution::NameSaidColon);
        assert!(parse("“We are ready.").unwrap().open_end);
        assert_eq!(parse("She called it “unacceptable” and left."), None);
        assert_eq!(
            form("We are ready,” said Jane Doe."),
            Some(Attribution::SaidName)
        );
        assert_eq!(parse("It was a long day,” and then nothing."), None);
        for inverted in [
            "« A », a-t-il ajouté.",
            "« A », ajoute-t-elle.",
            "« A », dit-il.",
        ] {
            assert_eq!(form(inverted), Some(Attribution::PronounSaid), "{inverted}");
        }
        assert_eq!(parse("“A,” said the company in a statement."), None);
        assert_eq!(parse("No quotes here."), None);
    }

    #[test]
    fn present_tense_comma_lead_ins_and_circumstances() {
        let who = |s: &str| {
            let p = parse(s).unwrap_or_else(|| panic!("not a quote: {s}"));
            let a = p
                .lead_in
                .or_else(|| p.segments[0].1.clone())
                .unwrap_or_else(|| panic!("no attribution: {s}"));
            a.mention.name.or(a.mention.surname).unwrap_or_default()
        };
        for (text, name) in [
            (
                "“A”, afirma Joan Miralles, director general de SSF.",
                "Joan Miralles",
            ),
            (
                "“A”, dice Felipe Arancibia, vicepresidente de AutoMercado.",
                "Felipe Arancibia",
            ),
            (
                "« A », affirme Hélène Garnier, présidente.",
                "Hélène Garnier",
            ),
            (
                "“A”, declaró Lucía Ferrán en su intervención.",
                "Lucía Ferrán",
            ),
            ("\"A,\" said Tom Lee at the launch.", "Tom Lee"),
            (
                "Gordon Reyes, Chairman, Founder and CEO of Pinfall, said, “A.”",
                "Gordon Reyes",
            ),
            (
                "Priya Castellano, Chief Executive Officer, noted, “A.",
                "Priya Castellano",
            ),
            ("Okafor continued, \"A.\"", "Okafor"),
        ] {
            assert_eq!(who(text), name, "{text}");
        }
        // A comma after narration is no lead-in; a label needs its colon.
        assert_eq!(parse("In a statement, the company said, “A.”"), None);
        assert_eq!(parse("Jane Doe, CEO of Acme, “A.”"), None);
    }

    #[test]
    fn participle_lead_ins() {
        let lead = |s: &str| {
            let p = parse(s).unwrap_or_else(|| panic!("not a quote: {s}"));
            let a = p.lead_in.unwrap_or_else(|| panic!("no lead-in: {s}"));
            (a.mention.name.unwrap_or_default(), a.mention.title)
        };
        assert_eq!(
            lead("Ruth Adeyemi, Chair of Harbour Trust, welcomed the decision, saying, “This is a good day.”"),
            ("Ruth Adeyemi".to_string(), Some("Chair of Harbour Trust".to_string()))
        );
        assert_eq!(
            lead(
                "Tom Okafor, Director of Sales, expresses his thanks stating,\"We are grateful.\""
            ),
            (
                "Tom Okafor".to_string(),
                Some("Director of Sales".to_string())
            )
        );
        assert_eq!(
            lead("Lena Fischer welcomed the vote, adding, “It was overdue.”"),
            ("Lena Fischer".to_string(), None)
        );
        // No name before the clause: no attribution.
        assert!(parse("The board welcomed the vote, saying, “It was overdue.”").is_none());
    }

    #[test]
    fn possessive_organisation_title_before_the_name() {
        let p = parse(
            "Redfern Capital’s Managing Partner Tomas Greer commented, “It was a fair price.”",
        )
        .expect("a quote");
        let a = p.lead_in.expect("a lead-in");
        assert_eq!(a.mention.name.as_deref(), Some("Tomas Greer"));
        assert_eq!(
            a.mention.title.as_deref(),
            Some("Redfern Capital’s Managing Partner")
        );
    }

    #[test]
    fn reaction_and_spanish_perfect_verbs() {
        let who = |s: &str| {
            let p = parse(s).unwrap_or_else(|| panic!("not a quote: {s}"));
            let a = p.segments[0]
                .1
                .clone()
                .unwrap_or_else(|| panic!("no attribution: {s}"));
            a.mention.name.or(a.mention.surname).unwrap_or_default()
        };
        assert_eq!(
            who("« Nous sommes très touchés », a réagi Chloé Marin."),
            "Chloé Marin"
        );
        assert_eq!(
            who("\"Hay que actuar ya\", ha señalado la directora de Agua Viva, Marta Gil, durante la presentación."),
            "Marta Gil"
        );
        assert_eq!(
            who("“Seguimos trabajando”, ha explicado Pablo Roda, portavoz de la red."),
            "Pablo Roda"
        );
    }

    #[test]
    fn british_single_marks_and_apostrophes() {
        let p = parse("'Today, MPs have set out the price of delay.").expect("a quote");
        assert!(p.open_end);
        assert_eq!(
            p.segments[0].0,
            "Today, MPs have set out the price of delay."
        );
        let p = parse("'We are ready,' said Jane Doe. 'The Ministers' plan is late.'")
            .expect("a quote");
        assert_eq!(p.segments.len(), 2);
        assert_eq!(p.segments[1].0, "The Ministers' plan is late.");
        assert!(!p.open_end);
        // Apostrophes in narration open nothing.
        assert_eq!(
            parse("The Ministers' plan is late, the council's report says."),
            None
        );
    }

    #[test]
    fn speaker_named_before_the_quote_and_after_an_occasion() {
        let p = parse(
            "Según la jefa de inmunización de la OSPA, Dalia Montesinos, “el reto es llegar”.",
        )
        .expect("a quote");
        let a = p.lead_in.expect("a lead-in");
        assert_eq!(a.mention.name.as_deref(), Some("Dalia Montesinos"));
        assert!(a.reworded);
        let p = parse("Responding to the report, Director of Policy at the Trust, Odile Brannagh, said: “We have been here before.”")
            .expect("a quote");
        let a = p.lead_in.expect("a lead-in");
        assert_eq!(a.mention.name.as_deref(), Some("Odile Brannagh"));
        assert!(a.reworded);
    }

    #[test]
    fn relative_clause_after_the_speaker() {
        let p =
            parse("“Llegaremos antes”, ha explicado Carrasco, que ha recorrido las instalaciones.")
                .expect("a quote");
        let a = p.segments[0].1.clone().expect("an attribution");
        assert_eq!(a.mention.surname.as_deref(), Some("Carrasco"));
        assert!(a.reworded);
        let p = parse(
            "“Ningún joven debe dejar la escuela”, puntualizó Villaseñor durante la conferencia.",
        )
        .expect("a quote");
        let a = p.segments[0].1.clone().expect("an attribution");
        assert_eq!(a.mention.surname.as_deref(), Some("Villaseñor"));
        // A clause that goes on with what was said keeps the paragraph a paragraph.
        assert_eq!(
            parse("“Llegaremos”, dijo Benítez, y agregó que faltan fondos."),
            None
        );
    }

    #[test]
    fn role_before_the_name_and_circumstance_after_it() {
        let who = |s: &str| {
            let p = parse(s).unwrap_or_else(|| panic!("not a quote: {s}"));
            let a = p.segments[0].1.clone().expect("an attribution");
            (
                a.mention.name.unwrap_or_default(),
                a.mention.title.unwrap_or_default(),
            )
        };
        assert_eq!(
            who("\"We are ready,\" said fund co-founder Dana Marsh, owner of a small firm."),
            (
                "Dana Marsh".into(),
                "fund co-founder, owner of a small firm".into()
            )
        );
        assert_eq!(
            who("“Queremos escuchar”, dijo Ismael Okonkwo antes de partir de Ginebra.").0,
            "Ismael Okonkwo"
        );
        let p = parse("In reaction to the press conference, Oxbridge Aid's Head of Office, Nadia Okello, said, \"We welcome it.\"")
            .expect("a quote");
        assert_eq!(
            p.lead_in.expect("a lead-in").mention.name.as_deref(),
            Some("Nadia Okello")
        );
    }
}
