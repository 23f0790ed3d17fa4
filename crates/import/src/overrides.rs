//! The writer's corrections from the review screen: after a paste the app
//! shows every part of the input with what it became ([`crate::Part`]); the
//! writer may say "this paragraph is a quote by …", "this line is the
//! dateline", and the import runs again with those parts pinned. Parts are
//! named by their index, which is stable for the same input.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One correction: what part `part` of the input is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
#[ts(export)]
pub enum Override {
    /// The part is the headline.
    Headline {
        /// The part's index.
        part: usize,
    },
    /// The part is the dateline: a place and a date (`GENEVA (14 May 2025) –`,
    /// `Brussels, 31 October 2015`), or a date alone (`08/10/2004`).
    Dateline {
        /// The part's index.
        part: usize,
    },
    /// The part is a quote by `speaker` (a full name); `title` when known.
    Quote {
        /// The part's index.
        part: usize,
        /// The speaker's full name.
        speaker: String,
        /// The speaker's title, if any.
        #[serde(default)]
        title: Option<String>,
    },
    /// The part is a plain paragraph, not a quote.
    Paragraph {
        /// The part's index.
        part: usize,
    },
    /// The part is page furniture: leave it out (it is listed as dropped).
    Drop {
        /// The part's index.
        part: usize,
    },
}

impl Override {
    /// The index of the part the correction is about.
    pub fn part(&self) -> usize {
        match self {
            Override::Headline { part }
            | Override::Dateline { part }
            | Override::Quote { part, .. }
            | Override::Paragraph { part }
            | Override::Drop { part } => *part,
        }
    }
}
