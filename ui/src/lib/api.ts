// The one module that talks to the Tauri shell. Every command of src-tauri/COMMANDS.md has a typed
// wrapper here; a rejected command becomes an `ApiError` whose `sentence` is what the user reads.
// Components import this module, never `@tauri-apps/api`.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { Dateline } from "../bindings/Dateline";
import type { HouseStyleId } from "../bindings/HouseStyleId";
import type { Problem } from "../bindings/Problem";
import type { Release } from "../bindings/Release";
import type {
  Comparison,
  ExportFormat,
  ImportResult,
  OpenRelease,
  ReleaseSummary,
  RevisionInfo,
  RevRef,
  TemplateInfo,
} from "./types";

/** A failed command: the stable `code` from Rust and its sentence. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** What the user reads: a short lead for the code, then the detail from Rust. */
  get sentence(): string {
    const lead = LEADS[this.code];
    const detail = sentenceCase(this.message);
    if (!lead) return detail || "Something went wrong.";
    if (!detail || detail.toLowerCase() === lead.toLowerCase()) return lead;
    return `${lead} ${detail}`;
  }
}

const LEADS: Record<string, string> = {
  not_found: "That release or revision could not be found.",
  invalid_release: "The release has problems to fix first.",
  invalid_json: "The file is not a valid release.",
  invalid_id: "The release id is not valid.",
  too_large: "That is too large to save.",
  database_unavailable: "The release database could not be opened.",
  export_failed: "The export failed.",
  pdf_failed: "The PDF could not be made.",
  internal: "Something went wrong inside Dateline.",
  ipc_unavailable: "Dateline's engine is not available.",
  unknown_format: "Dateline cannot read that kind of file.",
  empty_import: "There is nothing to import in that file.",
};

function sentenceCase(text: string): string {
  const t = text.trim();
  if (!t) return "";
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…)]$/.test(first) ? first : `${first}.`;
}

/** Turns whatever a rejected `invoke` gives into an `ApiError`. */
export function toApiError(raw: unknown): ApiError {
  if (raw instanceof ApiError) return raw;
  if (raw && typeof raw === "object" && "code" in raw && "message" in raw) {
    const r = raw as { code: unknown; message: unknown };
    return new ApiError(String(r.code), String(r.message));
  }
  if (typeof raw === "string") {
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (parsed && typeof parsed === "object" && "code" in parsed) return toApiError(parsed);
    } catch {
      /* not JSON: a plain message */
    }
    return new ApiError("internal", raw);
  }
  if (raw instanceof Error) {
    const noIpc = /__TAURI_INTERNALS__|ipc/i.test(raw.message);
    return new ApiError(noIpc ? "ipc_unavailable" : "internal", raw.message);
  }
  return new ApiError("internal", "");
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  await ready;
  try {
    return await invoke<T>(cmd, args);
  } catch (raw) {
    throw toApiError(raw);
  }
}

// Dev-only mock backend (npm run dev:mock): never part of a production build, where
// import.meta.env.DEV is false and the branch is removed.
const ready: Promise<void> =
  import.meta.env.DEV && import.meta.env.VITE_DATELINE_MOCK === "1"
    ? Promise.all([import("@tauri-apps/api/mocks"), import("./mock")]).then(([mocks, mock]) => {
        mocks.mockIPC((cmd, args) => mock.handle(cmd, (args ?? {}) as Record<string, unknown>), {
          shouldMockEvents: true,
        });
      })
    : Promise.resolve();

/** The commands of the shell. */
export const api = {
  listReleases: (query: string, deleted: boolean) =>
    call<ReleaseSummary[]>("list_releases", { query: query || null, deleted }),
  createRelease: (style: HouseStyleId) => call<string>("create_release", { style }),
  duplicateRelease: (id: string) => call<string>("duplicate_release", { id }),
  deleteRelease: (id: string) => call<null>("delete_release", { id }),
  undeleteRelease: (id: string) => call<null>("undelete_release", { id }),
  openRelease: (id: string) => call<OpenRelease>("open_release", { id }),
  saveWorkingCopy: (id: string, release: Release) =>
    call<null>("save_working_copy", { id, release }),
  saveRevision: (id: string, release: Release, message?: string, name?: string) =>
    call<number>("save_revision", { id, release, message: message || null, name: name || null }),
  history: (id: string) => call<RevisionInfo[]>("history", { id }),
  loadRevision: (id: string, rev: number) => call<Release>("load_revision", { id, rev }),
  restoreRevision: (id: string, rev: number) => call<number>("restore_revision", { id, rev }),
  validateRelease: (release: Release) => call<Problem[]>("validate_release", { release }),
  renderPreview: (release: Release) => call<string>("render_preview", { release }),
  renderDateline: (dateline: Dateline, language: string) =>
    call<string>("render_dateline", { dateline, language }),
  compareRevisions: (id: string, from: RevRef, to: RevRef) =>
    call<Comparison>("compare_revisions", { id, from, to }),
  exportRedline: (id: string, from: RevRef, to: RevRef) =>
    call<string | null>("export_redline", { id, from, to }),
  exportRelease: (release: Release, format: ExportFormat) =>
    call<string | null>("export_release", { release, format }),
  exportPdf: (release: Release) => call<string | null>("export_pdf", { release }),
  importRelease: (text: string, from?: string) =>
    call<ImportResult>("import_release", { text, from: from ?? null }),
  listTemplates: () => call<TemplateInfo[]>("list_templates"),
  startupError: () => call<{ code: string; message: string } | null>("startup_error"),
};

/** Native menu events (see COMMANDS.md). */
export type MenuEvent =
  | "new"
  | "save-revision"
  | "export"
  | "export-pdf"
  | "import"
  | "library"
  | "history"
  | "compare";

const MENU_EVENTS: MenuEvent[] = [
  "new",
  "save-revision",
  "export",
  "export-pdf",
  "import",
  "library",
  "history",
  "compare",
];

/** Subscribes to every native menu event; resolves to a function that unsubscribes. */
export async function onMenu(handler: (event: MenuEvent) => void): Promise<() => void> {
  await ready;
  const unlisteners: UnlistenFn[] = [];
  for (const name of MENU_EVENTS) {
    try {
      unlisteners.push(await listen(`menu://${name}`, () => handler(name)));
    } catch {
      // No event system (plain browser): menus simply do not exist there.
    }
  }
  return () => unlisteners.forEach((u) => u());
}
