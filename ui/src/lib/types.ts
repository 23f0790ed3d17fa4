// Types of the IPC contract (src-tauri/COMMANDS.md) that are not generated yet.
// Generated types come from ../bindings; when the Rust side exports one of these, this file
// re-exports the generated one instead of declaring it.

import type { HouseStyleId } from "../bindings/HouseStyleId";
import type { Release } from "../bindings/Release";
import type { Status } from "../bindings/Status";

/** One row of the library. */
export interface ReleaseSummary {
  id: string;
  headline: string;
  status: Status;
  language: string;
  organisation?: string;
  /** RFC 3339 time of the last edit (revision or working copy). */
  updated?: string | null;
  deleted?: boolean;
}

/** What `open_release` returns. */
export interface OpenRelease {
  release: Release;
  fromWorkingCopy: boolean;
  latestRevision: number;
  workingCopySavedAt?: string | null;
}

/** One revision in the history, newest first. */
export interface RevisionInfo {
  number: number;
  author: string;
  /** RFC 3339 time the revision was saved. */
  savedAt: string;
  message?: string | null;
  name?: string | null;
}

/** A side of a comparison. */
export type RevRef = { type: "revision"; number: number } | { type: "workingCopy" };

/** Export formats offered by `export_release` (PDF has its own command). */
export type ExportFormat = "html" | "printHtml" | "markdown" | "text" | "ninjs";

/** What `import_release` returns. */
export interface ImportResult {
  id: string;
  report: unknown;
}

/** A template offered by `list_templates`. */
export interface TemplateInfo {
  id: HouseStyleId;
  name: string;
}

// ---- Comparison (crates/diff/src/model.rs), mirrored until its ts-rs bindings are committed ----

export type FieldStatus = "unchanged" | "changed" | "added" | "removed";
export type BlockStatus = "unchanged" | "changed" | "inserted" | "deleted" | "moved" | "movedAway";
export type OpKind = "equal" | "insert" | "delete" | "replace";
export type Trivial = "whitespace" | "quoteStyle";

export interface CharOp {
  kind: OpKind;
  text: string;
}

export interface WordOp {
  kind: OpKind;
  old: string;
  new: string;
  trivial: Trivial | null;
  hidden: boolean;
  chars: CharOp[] | null;
}

export interface WordDiff {
  ops: WordOp[];
  similarity: number;
  replaced: boolean;
  whitespaceOnly: boolean;
  quoteStyleOnly: boolean;
  visibleChanges: number;
}

export interface FieldDiff {
  path: string;
  name: string;
  status: FieldStatus;
  old: string | null;
  new: string | null;
  diff: WordDiff | null;
  bookkeeping: boolean;
}

export interface BlockDiff {
  entry: number;
  status: BlockStatus;
  kind: string;
  name: string;
  oldIndex: number | null;
  newIndex: number | null;
  old: string | null;
  new: string | null;
  diff: WordDiff | null;
  edited: boolean;
  partner: number | null;
}

export type LabelKind = string;

export interface ChangeLabel {
  kind: LabelKind;
  text: string;
  field: string;
  path: string | null;
  entry: number | null;
  hidden: boolean;
}

/** Result of `compare_revisions`. */
export interface Comparison {
  summary: string;
  labels: ChangeLabel[];
  fields: FieldDiff[];
  blocks: BlockDiff[];
  changeCount: number;
  degraded: boolean;
}
