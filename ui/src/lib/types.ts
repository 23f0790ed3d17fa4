// The IPC contract's types (src-tauri/COMMANDS.md), all generated from the Rust types by ts-rs
// into ../bindings; this module gathers them under the names the UI uses.

export type { ApiError as ApiErrorShape } from "../bindings/ApiError";
export type { BlockDiff } from "../bindings/BlockDiff";
export type { ChangeLabel } from "../bindings/ChangeLabel";
export type { CharOp } from "../bindings/CharOp";
export type { Comparison } from "../bindings/Comparison";
export type { FieldDiff } from "../bindings/FieldDiff";
export type { Format as ExportFormat } from "../bindings/Format";
export type { ImportResult } from "../bindings/ImportResult";
export type { OpenRelease } from "../bindings/OpenRelease";
export type { ReleaseSummary } from "../bindings/ReleaseSummary";
export type { RevisionInfo } from "../bindings/RevisionInfo";
export type { RevRef } from "../bindings/RevRef";
export type { TemplateInfo } from "../bindings/TemplateInfo";
export type { WordDiff } from "../bindings/WordDiff";
export type { WordOp } from "../bindings/WordOp";
