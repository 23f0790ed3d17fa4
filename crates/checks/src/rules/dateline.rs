//! Dateline checks: the date against the embargo and the calendar, weekdays
//! named in the text, and the house's way of writing dates.

use chrono::{Datelike, NaiveDate};
use dateline_core::{Block, ReleaseLine, Status};

use super::calendar::{dates, said_weekdays, weekday_name, AP_MONTHS, EN_MONTHS};
use super::{Cx, Sink};
use crate::fields::FieldKind;
use crate::finding::{Edit, Fix};
use crate::profile::MonthStyle;

pub(super) fn check(cx: &Cx, sink: &mut Sink) {
    against_embargo_and_today(cx, sink);
    weekdays(cx, sink);
    if cx.lang == "en" {
        month_style_and_ordinals(cx, sink);
    }
}

fn against_embargo_and_today(cx: &Cx, sink: &mut Sink) {
    let Some(d) = &cx.r.dateline else { return };
    if let ReleaseLine::Embargoed { until, .. } = &cx.r.release_line {
        let lifts = until.date();
        if d.date > lifts {
            sink.whole(
                "dateline.after-embargo",
                "dateline.date",
                format!(
                    "the dateline is dated {}, after the embargo lifts on {}",
                    d.date, lifts
                ),
                Some(Fix::one(
                    "Date the dateline on the day the embargo lifts",
                    Edit::Set {
                        path: "dateline.date".into(),
                        value: serde_json::Value::String(lifts.to_string()),
                    },
                )),
            );
        }
    }
    let unpublished = matches!(
        cx.r.meta.status,
        Status::Draft | Status::InReview | Status::Approved
    );
    let age = (cx.today - d.date).num_days();
    if unpublished && age > cx.profile.dates.max_age_days {
        sink.whole(
            "dateline.stale",
            "dateline.date",
            format!(
                "the dateline is {age} days old ({}); update it before the release goes out",
                d.date
            ),
            None,
        );
    }
}

fn weekdays(cx: &Cx, sink: &mut Sink) {
    if !sink.on("dateline.weekday") || !matches!(cx.lang.as_str(), "en" | "fr" | "es") {
        return;
    }
    let default_year =
        cx.r.dateline
            .as_ref()
            .map(|d| d.date.year())
            .unwrap_or(cx.today.year());
    for field in cx.fields {
        for m in dates(&cx.lang, field.text) {
            let Some((range, named)) = m.weekday.clone() else {
                continue;
            };
            let year = m.year.unwrap_or(default_year);
            let Some(date) = NaiveDate::from_ymd_opt(year, m.month, m.day) else {
                continue;
            };
            if date.weekday() != named {
                let written = &field.text[range.clone()];
                let right = weekday_name(&cx.lang, date.weekday(), written);
                sink.at(
                    "dateline.weekday",
                    field,
                    range.clone(),
                    format!(
                        "{date} is a {}, not a {written}",
                        weekday_name(&cx.lang, date.weekday(), "A")
                    ),
                    Some(Fix::one(
                        format!("Change to {right}"),
                        Edit::replace(&field.path, field.text, range, right.clone()),
                    )),
                );
            }
        }
    }
    // "said Friday" in the lead names the dateline's day.
    let (Some(d), true) = (&cx.r.dateline, cx.lang == "en") else {
        return;
    };
    let lead =
        cx.r.body
            .iter()
            .position(|b| matches!(b, Block::Paragraph { .. }));
    for field in cx
        .fields
        .iter()
        .filter(|f| f.block.is_some() && f.block == lead)
    {
        for (range, named) in said_weekdays(field.text) {
            if named != d.date.weekday() {
                let written = &field.text[range.clone()];
                let right = weekday_name("en", d.date.weekday(), written);
                sink.at(
                    "dateline.weekday",
                    field,
                    range.clone(),
                    format!(
                        "the dateline's date, {}, is a {right}, not a {written}",
                        d.date
                    ),
                    Some(Fix::one(
                        format!("Change to {right}"),
                        Edit::replace(&field.path, field.text, range, right.clone()),
                    )),
                );
            }
        }
    }
}

fn month_style_and_ordinals(cx: &Cx, sink: &mut Sink) {
    let ap = cx.profile.dates.months == MonthStyle::Ap;
    for field in cx.fields.iter().filter(|f| f.kind != FieldKind::QuoteText) {
        for m in dates("en", field.text) {
            if let Some(o) = m.ordinal.clone() {
                let suffix = &field.text[o.clone()];
                sink.at(
                    "dateline.ordinal",
                    field,
                    o.clone(),
                    format!(
                        "write dates without “{suffix}”: {} not {}{suffix}",
                        m.day, m.day
                    ),
                    Some(Fix::one(
                        format!("Remove “{suffix}”"),
                        Edit::replace(&field.path, field.text, o, ""),
                    )),
                );
            }
            let written = &field.text[m.month_range.clone()];
            let wanted = month_form(m.month, ap);
            if written != wanted {
                let why = if ap {
                    "AP style abbreviates Jan. Feb. Aug. Sept. Oct. Nov. Dec. before a day and spells out March to July"
                } else {
                    "the house writes month names in full"
                };
                sink.at(
                    "dateline.month-style",
                    field,
                    m.month_range.clone(),
                    format!("write “{wanted}”, not “{written}”: {why}"),
                    Some(Fix::one(
                        format!("Change to {wanted}"),
                        Edit::replace(&field.path, field.text, m.month_range.clone(), wanted),
                    )),
                );
            }
        }
    }
}

/// The house form of month `month` (1–12) before a day.
pub(super) fn month_form(month: u32, ap: bool) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    if ap {
        AP_MONTHS[i]
    } else {
        EN_MONTHS[i]
    }
}
