// The one module that talks to the Tauri shell. The commands and their types are generated from
// the Rust command table (../generated/commands.ts); this module binds them to `invoke` and turns
// a rejected command into an `ApiError` whose `sentence` is what the user reads. Components import
// this module, never `@tauri-apps/api`.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { PresenceChanged } from "../bindings/PresenceChanged";
import type { SyncChanged } from "../bindings/SyncChanged";
import type { SyncStatus } from "../bindings/SyncStatus";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { Problem } from "../bindings/Problem";
import { bindCommands, type Commands } from "../generated/commands";
import { MENU_EVENTS, type MenuEvent } from "../generated/labels";

export type { MenuEvent };

/** Codes from Rust, plus the one the UI itself raises when there is no shell to talk to. */
export type UiErrorCode = ErrorCode | "ipc_unavailable";

/** A failed command: the stable `code` from Rust and its sentence. */
export class ApiError extends Error {
  constructor(
    readonly code: UiErrorCode | string,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** What the user reads: a short lead for the code, then the detail from Rust. */
  get sentence(): string {
    const lead = (LEADS as Record<string, string>)[this.code];
    const detail = sentenceCase(this.message);
    if (!lead) return detail || "Something went wrong.";
    if (!detail || detail.toLowerCase() === lead.toLowerCase()) return lead;
    return `${lead} ${detail}`;
  }
}

// One lead per code: the compiler refuses this table when Rust adds a code it lacks.
const LEADS: Record<UiErrorCode, string> = {
  invalid_json: "The file is not a valid release.",
  invalid_release: "The release has problems to fix first.",
  invalid_input: "Dateline could not read that request.",
  not_found: "That release or revision could not be found.",
  ambiguous_id: "That short id matches more than one release.",
  too_large: "That is too large to save.",
  busy: "The release database is busy.",
  corrupt_database: "The release database is damaged.",
  disk_full: "The disk is full.",
  newer_database: "The release database is from a newer Dateline.",
  not_a_database: "That file is not a Dateline database.",
  read_only: "The release database cannot be written.",
  sqlite: "The release database failed.",
  io: "A file could not be read or written.",
  no_data_dir: "Dateline has no folder for its data.",
  no_working_copy: "There are no unsaved edits.",
  database_unavailable: "The release database could not be opened.",
  unknown_format: "Dateline cannot read that kind of file.",
  unknown_paper: "That paper size is unknown.",
  empty: "There is nothing to import in that file.",
  invalid_utf8: "That file is not text Dateline can read.",
  binary: "That file is not text.",
  no_content: "No press release was found in that file.",
  bad_override: "That correction does not fit the pasted text.",
  bad_path: "That is not a field of the release.",
  no_such_field: "That field is not in the release any more.",
  bad_range: "That selection does not fit the field.",
  too_long: "That text is too long.",
  empty_text: "Write something first.",
  missing_role: "You do not hold the role this needs.",
  own_release: "Writers cannot approve their own release.",
  transition_not_allowed: "The release cannot move to that state from here.",
  blocked: "Something still blocks this.",
  invalid_request: "That cannot be done.",
  bad_record: "A review record could not be read.",
  bad_check_config: "The workspace's checks could not be loaded.",
  stale_fix: "That fix was made for an older text of the field.",
  not_signed_in: "You are not signed in to the team server.",
  offline: "The team server cannot be reached; your work is kept here and sent later.",
  server_refused: "The team server refused.",
  json_failed: "The JSON could not be written.",
  export_failed: "The export failed.",
  pdf_failed: "The PDF could not be made.",
  internal: "Something went wrong inside Dateline.",
  ipc_unavailable: "Dateline's engine is not available.",
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
    const r = raw as { code: unknown; message: unknown; problems?: unknown };
    const problems = Array.isArray(r.problems) ? (r.problems as Problem[]) : [];
    return new ApiError(String(r.code), String(r.message), problems);
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

async function call(cmd: string, args: Record<string, unknown>): Promise<unknown> {
  await ready;
  try {
    return await invoke(cmd, args);
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

/** The commands of the shell (see src-tauri/COMMANDS.md). */
export const api: Commands = bindCommands(call);

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

/** Subscribes to the team workspace's sync state (after each round); resolves to an unsubscribe. */
export async function onSyncStatus(handler: (status: SyncStatus) => void): Promise<() => void> {
  await ready;
  try {
    return await listen<SyncStatus>("sync://status", (e) => handler(e.payload));
  } catch {
    return () => {};
  }
}

/**
 * Subscribes to the window being asked to close (its close button, File → Quit): the shell holds
 * the close until `api.closeWindow()` is called, or a few seconds have passed.
 */
export async function onCloseRequested(handler: () => void): Promise<() => void> {
  await ready;
  try {
    return await listen("app://close-requested", () => handler());
  } catch {
    return () => {};
  }
}

/**
 * Subscribes to live pulls: colleagues' records arrived for `releases` (or, with `all`, for any
 * release); resolves to an unsubscribe.
 */
export async function onSyncChanged(handler: (changed: SyncChanged) => void): Promise<() => void> {
  await ready;
  try {
    return await listen<SyncChanged>("sync://changed", (e) => handler(e.payload));
  } catch {
    return () => {};
  }
}

/** Subscribes to presence changes (who has a release open); resolves to an unsubscribe. */
export async function onPresenceChanged(handler: (changed: PresenceChanged) => void): Promise<() => void> {
  await ready;
  try {
    return await listen<PresenceChanged>("presence://changed", (e) => handler(e.payload));
  } catch {
    return () => {};
  }
}
