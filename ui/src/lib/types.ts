// Types of the IPC contract (src-tauri/COMMANDS.md) that are not generated yet.
// Generated types come from ../bindings; when the Rust side exports one of these, this file
// re-exports the generated one instead of declaring it.

import type { HouseStyleId } from "../bindings/HouseStyleId";
import type { ImportReport } from "../bindings/ImportReport";
import type { Release } from "../bindings/Release";

export type { ReleaseSummary } from "../bindings/ReleaseSummary";
export type { RevisionInfo } from "../bindings/RevisionInfo";

/** What `open_release` returns. */
export interface OpenRelease {
  release: Release;
  fromWorkingCopy: boolean;
  latestRevision: number;
  workingCopySavedAt?: string | null;
}

/** A side of a comparison. */
export type RevRef = { type: "revision"; number: number } | { type: "workingCopy" };

/** Export formats of `export_release` (PDF has its own command). */
export type { Format as ExportFormat } from "../bindings/Format";

/** What `import_release` returns. */
export interface ImportResult {
  id: string;
  report: ImportReport | null;
}

/** A template offered by `list_templates`. */
export interface TemplateInfo {
  id: HouseStyleId;
  name: string;
}

export type { Comparison } from "../bindings/Comparison";
export type { ChangeLabel } from "../bindings/ChangeLabel";
export type { FieldDiff } from "../bindings/FieldDiff";
export type { BlockDiff } from "../bindings/BlockDiff";
export type { WordDiff } from "../bindings/WordDiff";
export type { WordOp } from "../bindings/WordOp";
export type { CharOp } from "../bindings/CharOp";
