//! Embargo checks: the embargo instant exists in its zone, is not the
//! ambiguous midnight, the exports carry the same instant, and every time of
//! day in the text names its zone.

use std::sync::LazyLock;

use chrono::{LocalResult, NaiveTime, TimeZone, Timelike};
use dateline_core::ReleaseLine;
use regex::Regex;

use super::{Cx, Sink};
use crate::fields::FieldKind;
use crate::finding::{Edit, Fix};

pub(super) fn check(cx: &Cx, sink: &mut Sink) {
    release_line(cx, sink);
    times_in_text(cx, sink);
}

fn release_line(cx: &Cx, sink: &mut Sink) {
    let ReleaseLine::Embargoed { until, zone } = &cx.r.release_line else {
        return;
    };
    let Ok(tz) = zone.trim().parse::<chrono_tz::Tz>() else {
        sink.whole(
            "embargo.zone",
            "releaseLine.zone",
            format!("“{zone}” is not a known time zone; the exports cannot state when the embargo lifts"),
            None,
        );
        return;
    };
    let instant = match tz.from_local_datetime(until) {
        LocalResult::Single(t) => Some(t),
        LocalResult::Ambiguous(a, _) => {
            sink.whole(
                "embargo.local-time",
                "releaseLine.until",
                format!("{until} happens twice in {zone} (the clocks go back); choose a time outside the change"),
                None,
            );
            Some(a)
        }
        LocalResult::None => {
            sink.whole(
                "embargo.local-time",
                "releaseLine.until",
                format!(
                    "{until} does not exist in {zone} (the clocks go forward); choose another time"
                ),
                None,
            );
            None
        }
    };
    if until.time() == NaiveTime::MIN {
        let fixed = until.with_minute(1).unwrap_or(*until);
        sink.whole(
            "embargo.noon-midnight",
            "releaseLine.until",
            "an embargo at midnight is read as the start or the end of the day; use 00:01",
            Some(Fix::one(
                "Lift the embargo at 00:01",
                Edit::Set {
                    path: "releaseLine.until".into(),
                    value: serde_json::Value::String(fixed.format("%Y-%m-%dT%H:%M:%S").to_string()),
                },
            )),
        );
    }
    // The exports must state the same instant and must not publish earlier.
    let Some(instant) = instant else { return };
    let utc = instant
        .with_timezone(&chrono::Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let ninjs = dateline_export::ninjs::to_ninjs(cx.r, "", "");
    if ninjs.embargoed_until.as_deref() != Some(utc.as_str()) {
        sink.whole(
            "embargo.exports-disagree",
            "releaseLine",
            format!(
                "the ninjs export states the embargo as {}, the release line as {utc}",
                ninjs.embargoed_until.as_deref().unwrap_or("nothing")
            ),
            None,
        );
    }
    let json_ld = dateline_export::jsonld::json_ld(cx.r);
    if let Some(published) = json_ld.get("datePublished").and_then(|v| v.as_str()) {
        let day = published.get(..10).unwrap_or(published);
        let lifts = until.date().format("%Y-%m-%d").to_string();
        if day < lifts.as_str() {
            sink.whole(
                "embargo.exports-disagree",
                "dateline.date",
                format!("the JSON-LD export gives {day} as the publication date, before the embargo lifts on {lifts}"),
                Some(Fix::one(
                    "Date the dateline on the day the embargo lifts",
                    Edit::Set {
                        path: "dateline.date".into(),
                        value: serde_json::Value::String(lifts),
                    },
                )),
            );
        }
    }
}

/// A time of day and the words after it.
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?ix)\b(?: (?:[01]?\d|2[0-3])[:h][0-5]\d (?:\s*[ap]\.?m\.?)? | (?:1[0-2]|0?[1-9])\s*[ap]\.m\.(?:\B|\b) | (?:1[0-2]|0?[1-9])\s*[ap]m\b | noon | midnight | midi | minuit | mediodía | medianoche )",
    )
    .expect("a static pattern compiles")
});

/// Zone words that may follow a time.
static ZONE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"^[\s,(]*(?:(?:GMT|UTC|CET|CEST|EET|EEST|WET|WEST|BST|IST|JST|AEST|AEDT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|Z)\b|(?i:local\s+time|heure\s+(?:de|locale)|hora\s+(?:de|local)|\w+\s+time\b))",
    )
    .expect("a static pattern compiles")
});

fn times_in_text(cx: &Cx, sink: &mut Sink) {
    let (zone_on, noon_on) = (
        sink.on("embargo.time-zone"),
        sink.on("embargo.noon-midnight"),
    );
    if !zone_on && !noon_on {
        return;
    }
    for field in cx.fields.iter().filter(|f| f.kind != FieldKind::QuoteText) {
        if !field
            .text
            .bytes()
            .any(|b| b.is_ascii_digit() || b == b'n' || b == b'N' || b == b'm')
        {
            continue;
        }
        for m in TIME.find_iter(field.text) {
            let word = m.as_str().to_lowercase();
            if matches!(
                word.as_str(),
                "noon" | "midnight" | "midi" | "minuit" | "mediodía" | "medianoche"
            ) {
                sink.at(
                    "embargo.noon-midnight",
                    field,
                    m.range(),
                    format!(
                        "“{}” is ambiguous; write the time and its zone (12:00 GMT, 00:01 CET)",
                        m.as_str()
                    ),
                    None,
                );
                continue;
            }
            // A ratio or score such as 3:1 is not a time: the pattern needs two minute digits.
            if !ZONE.is_match(&field.text[m.end()..]) {
                sink.at(
                    "embargo.time-zone",
                    field,
                    m.range(),
                    format!(
                        "the time “{}” has no time zone (add GMT, CET, local time…)",
                        m.as_str()
                    ),
                    None,
                );
            }
        }
    }
}
