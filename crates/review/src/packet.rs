//! The quote approval packet: one quote in context for the person quoted,
//! who usually has no account — as an HTML page and as plain text to paste
//! into an email.
//!
//! The context is the quote with the paragraphs around it, rendered by
//! `dateline-export` exactly as the release will print (speaker line and
//! attributions included), inside its page shell with its escaping and
//! Content-Security-Policy; a short request heads the page.

use dateline_core::{ActionItem, Actions, Block, EndMark, Release, ReleaseLine};
use dateline_export::inline::escape;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::fields::quote_block;
use crate::ReviewError;

/// How many blocks of context are shown before and after the quote.
pub const CONTEXT_BLOCKS: usize = 1;

/// A packet in both forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Packet {
    /// The quote's number (1-based).
    pub quote: u32,
    /// The person quoted.
    pub speaker: String,
    /// The revision shown.
    pub revision: u32,
    /// Standalone HTML page.
    pub html: String,
    /// Plain text for an email.
    pub text: String,
}

/// The packet of quote `n` (1-based) of `r`, revision `revision`.
pub fn packet(r: &Release, revision: u32, n: u32) -> Result<Packet, ReviewError> {
    let i = quote_block(r, n)?;
    let Some(Block::Quote(q)) = r.body.get(i) else {
        return Err(ReviewError::Invalid(format!("there is no quote {n}")));
    };
    let speaker = r
        .people
        .iter()
        .find(|p| p.id == q.speaker)
        .map(dateline_core::text::person_label)
        .unwrap_or_else(|| q.speaker.clone());
    let from = i.saturating_sub(CONTEXT_BLOCKS);
    let to = (i + CONTEXT_BLOCKS + 1).min(r.body.len());
    let mut ctx = r.clone();
    ctx.body = r
        .body
        .get(from..to)
        .map(<[Block]>::to_vec)
        .unwrap_or_default();
    if from > 0 {
        ctx.dateline = None; // the dateline only prints before the first paragraph
    }
    ctx.release_line = ReleaseLine::None;
    ctx.end_mark = EndMark::None;
    ctx.footnotes.clear();
    ctx.boilerplate.clear();
    ctx.contacts.clear();
    ctx.actions = Actions {
        title: None,
        items: Vec::<ActionItem>::new(),
    };
    let intro = format!(
        "Quote approval request: please check quote {n}, by {speaker}, below as it will be published (revision {revision}), and reply “approved” or with the changes you need."
    );
    let page = dateline_export::preview_html(&ctx);
    let note = format!(
        "<aside class=\"packet\" style=\"border:1px solid #999;padding:0.5em 1em;margin:1em 0\"><p>{}</p></aside>\n",
        escape(&intro)
    );
    // The request opens the page's main landmark, above the release.
    let at = page
        .find("<main")
        .and_then(|m| page[m..].find('>').map(|end| m + end + 1));
    let html = match at {
        Some(at) => format!("{}{note}{}", &page[..at], &page[at..]),
        None => format!("{note}{page}"),
    };
    let body = dateline_export::text::render_plain(&ctx);
    let text = format!("{intro}\n\n---\n\n{}\n---\n", body.trim_end());
    Ok(Packet {
        quote: n,
        speaker,
        revision,
        html,
        text,
    })
}
