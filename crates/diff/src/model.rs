//! The comparison result: the one structure the CLI, the redline export and the
//! desktop app's compare view all read.
//!
//! It is built to be rendered without further diffing: every field and body block
//! carries its old and new text, a status, and (when both sides are text) the word
//! operations that turn the old text into the new one. Serde (camelCase) and
//! `ts_rs` bindings make it cross to the UI unchanged.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How to compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct CompareOptions {
    /// Hide changes that only touch whitespace (they stay in the ops, flagged `hidden`).
    pub ignore_whitespace: bool,
    /// Hide changes that only swap curly and straight quotation marks or apostrophes.
    pub ignore_quote_style: bool,
    /// Character-level detail inside changed words (a one-letter typo fix).
    pub char_detail: bool,
    /// Time budget of the whole comparison in milliseconds; past it, texts not yet
    /// compared are shown as replaced.
    pub timeout_ms: u32,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            ignore_whitespace: false,
            ignore_quote_style: false,
            char_detail: true,
            timeout_ms: 150,
        }
    }
}

/// The comparison of two releases, A (old) and B (new).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Comparison {
    /// One line: "4 changes in 3 fields: headline, quote 2, footnote *".
    pub summary: String,
    /// What changed, as a reviewer reads it, in document order.
    pub labels: Vec<ChangeLabel>,
    /// Every field outside the body, in document order, changed or not.
    pub fields: Vec<FieldDiff>,
    /// The body blocks aligned: in reading order of B, with blocks deleted from A
    /// (or moved away from their place in A) at their old position.
    pub blocks: Vec<BlockDiff>,
    /// Number of visible changes (the labels that are not hidden).
    pub change_count: u32,
    /// True when the time budget ran out and some texts are shown as replaced.
    pub degraded: bool,
}

impl Comparison {
    /// True when nothing visible changed.
    pub fn is_unchanged(&self) -> bool {
        self.change_count == 0
    }
}

/// Status of a field outside the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FieldStatus {
    /// Same in A and B.
    Unchanged,
    /// In both, different.
    Changed,
    /// Only in B.
    Added,
    /// Only in A.
    Removed,
}

/// One field outside the body (headline, dateline, a footnote, a contact, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldDiff {
    /// Which field this is.
    pub key: FieldKey,
    /// Model path, from `key`: `headline`, `meta.status`, `footnotes[*]`, `people[lawlor]`, `contacts[1]`.
    pub path: String,
    /// Human name: "headline", "footnote *", "Mary Lawlor", "contact 2".
    pub name: String,
    pub status: FieldStatus,
    /// The field as printed in A (`None` when absent).
    pub old: Option<String>,
    /// The field as printed in B (`None` when absent).
    pub new: Option<String>,
    /// Word operations from `old` to `new` when both exist and differ.
    pub diff: Option<WordDiff>,
    /// Bookkeeping (id, created, updated): shown, never counted as a change.
    pub bookkeeping: bool,
}

/// Status of an aligned body block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BlockStatus {
    /// Same text at the same place.
    Unchanged,
    /// Edited in place. When every change is hidden by the options (whitespace,
    /// quote style), `diff.visibleChanges` is 0 and the block reads as unchanged.
    Changed,
    /// New in B.
    Inserted,
    /// Gone from A.
    Deleted,
    /// In B at a new place (see `edited` for moved + changed); its partner
    /// entry (status `movedAway`) marks where it was in A.
    Moved,
    /// The place in A a moved block left; its partner entry is the `moved` one.
    MovedAway,
}

/// One aligned body block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BlockDiff {
    /// Index of this entry in [`Comparison::blocks`].
    pub entry: u32,
    pub status: BlockStatus,
    /// Block kind: `paragraph`, `quote`, `heading`, `list`.
    pub kind: String,
    /// Human name: "paragraph 3", "quote 2" (numbered by kind, in B when present).
    pub name: String,
    /// Index in A's body.
    pub old_index: Option<u32>,
    /// Index in B's body.
    pub new_index: Option<u32>,
    /// Text of the block in A, as printed (quotes with marks and attributions).
    pub old: Option<String>,
    /// Text of the block in B.
    pub new: Option<String>,
    /// Word operations when the text changed (changed, and moved + edited blocks).
    pub diff: Option<WordDiff>,
    /// True when the text was edited (also for moved blocks).
    pub edited: bool,
    /// For `moved` / `movedAway`: the entry at the other end of the move.
    pub partner: Option<u32>,
}

/// Word-level operations from an old text to a new text.
///
/// Concatenating `old` of every op gives the old text; concatenating `new` gives
/// the new text (see [`WordDiff::apply`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WordDiff {
    pub ops: Vec<WordOp>,
    /// Similarity of the two texts, 0 (unrelated) to 1 (identical).
    pub similarity: f32,
    /// The texts were too different (or the time budget ran out): one replace op.
    pub replaced: bool,
    /// Every change in the ops is whitespace only.
    pub whitespace_only: bool,
    /// Every change in the ops only swaps curly and straight quotation marks.
    pub quote_style_only: bool,
    /// Number of changed ops that are not hidden.
    pub visible_changes: u32,
}

/// What a word operation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum OpKind {
    /// Text common to both sides.
    Equal,
    /// Text only in B.
    Insert,
    /// Text only in A.
    Delete,
    /// Text of A replaced by text of B (shown as a deletion then an insertion).
    Replace,
}

/// Why a change is minor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Trivial {
    /// Only whitespace differs.
    Whitespace,
    /// Only curly vs straight quotation marks or apostrophes differ.
    QuoteStyle,
}

/// One word-level operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WordOp {
    pub kind: OpKind,
    /// Text taken from the old side (empty for inserts).
    pub old: String,
    /// Text of the new side (empty for deletes; same as `old` for equal).
    pub new: String,
    /// Set when the change is whitespace only or quote style only.
    pub trivial: Option<Trivial>,
    /// The change is trivial and the options ask to hide it: show `new` plainly.
    pub hidden: bool,
    /// Character-level detail of a replaced word, when it helps (a typo fix).
    pub chars: Option<Vec<CharOp>>,
}

/// One character-level operation inside a replaced word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CharOp {
    /// `equal`, `insert` or `delete` (never `replace`).
    pub kind: OpKind,
    pub text: String,
}

/// What kind of change a label describes (for icons and filters in the UI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum LabelKind {
    Status,
    Metadata,
    Style,
    ReleaseLine,
    Embargo,
    Headline,
    Subheadline,
    DatelineDate,
    DatelinePlace,
    DatelineStyle,
    Dateline,
    Paragraph,
    Quote,
    QuoteSpeaker,
    Attribution,
    Moved,
    Person,
    EndMark,
    Footnote,
    Boilerplate,
    Contact,
    Actions,
    Whitespace,
    QuoteStyle,
}

/// One change as a reviewer reads it: "quote 2: speaker changed".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChangeLabel {
    pub kind: LabelKind,
    /// The sentence shown: "dateline date 13 May 2025 → 14 May 2025".
    pub text: String,
    /// The field it belongs to, as named in the summary: "quote 2", "footnote *".
    pub field: String,
    /// Path of the field ([`FieldDiff::path`]) when outside the body.
    pub path: Option<String>,
    /// Entry in [`Comparison::blocks`] when in the body (to jump to).
    pub entry: Option<u32>,
    /// A whitespace-only or quote-style-only change the options hide.
    pub hidden: bool,
}

/// A field outside the body, by what it is (its model path is [`FieldKey::path`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "type")]
#[ts(export)]
pub enum FieldKey {
    Id,
    Status,
    Kind,
    Language,
    Organisation,
    Tags,
    Created,
    Updated,
    Style,
    ReleaseLine,
    Headline,
    Subheadline,
    Dateline,
    /// A person, by id.
    Person {
        id: String,
    },
    EndMark,
    /// A footnote, by marker.
    Footnote {
        marker: String,
    },
    /// A boilerplate section, by index (in B when present).
    Boilerplate {
        index: u32,
    },
    /// A contact, by index (in B when present).
    Contact {
        index: u32,
    },
    ActionsTitle,
    /// An item of the actions footer, by index (in B when present).
    Action {
        index: u32,
    },
}

/// Where a field sits: above the body, or in one of the closing groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldGroup {
    /// Metadata (`meta.*`).
    Meta,
    /// Style, release line, headline, subheadline, dateline.
    Head,
    EndMark,
    Footnotes,
    People,
    Boilerplate,
    Contacts,
    Actions,
}

impl FieldKey {
    /// The model path (`meta.status`, `people[lawlor]`, `footnotes[*]`, `contacts[1]`).
    pub fn path(&self) -> String {
        match self {
            FieldKey::Id => "meta.id".into(),
            FieldKey::Status => "meta.status".into(),
            FieldKey::Kind => "meta.kind".into(),
            FieldKey::Language => "meta.language".into(),
            FieldKey::Organisation => "meta.organisation".into(),
            FieldKey::Tags => "meta.tags".into(),
            FieldKey::Created => "meta.created".into(),
            FieldKey::Updated => "meta.updated".into(),
            FieldKey::Style => "style".into(),
            FieldKey::ReleaseLine => "releaseLine".into(),
            FieldKey::Headline => "headline".into(),
            FieldKey::Subheadline => "subheadline".into(),
            FieldKey::Dateline => "dateline".into(),
            FieldKey::Person { id } => format!("people[{id}]"),
            FieldKey::EndMark => "endMark".into(),
            FieldKey::Footnote { marker } => format!("footnotes[{marker}]"),
            FieldKey::Boilerplate { index } => format!("boilerplate[{index}]"),
            FieldKey::Contact { index } => format!("contacts[{index}]"),
            FieldKey::ActionsTitle => "actions.title".into(),
            FieldKey::Action { index } => format!("actions.items[{index}]"),
        }
    }

    /// The group the field belongs to.
    pub fn group(&self) -> FieldGroup {
        match self {
            FieldKey::Id
            | FieldKey::Status
            | FieldKey::Kind
            | FieldKey::Language
            | FieldKey::Organisation
            | FieldKey::Tags
            | FieldKey::Created
            | FieldKey::Updated => FieldGroup::Meta,
            FieldKey::Style
            | FieldKey::ReleaseLine
            | FieldKey::Headline
            | FieldKey::Subheadline
            | FieldKey::Dateline => FieldGroup::Head,
            FieldKey::Person { .. } => FieldGroup::People,
            FieldKey::EndMark => FieldGroup::EndMark,
            FieldKey::Footnote { .. } => FieldGroup::Footnotes,
            FieldKey::Boilerplate { .. } => FieldGroup::Boilerplate,
            FieldKey::Contact { .. } => FieldGroup::Contacts,
            FieldKey::ActionsTitle | FieldKey::Action { .. } => FieldGroup::Actions,
        }
    }
}
