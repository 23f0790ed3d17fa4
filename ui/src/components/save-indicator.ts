// The autosave indicator: saved / unsaved changes / saving / error.

import { toApiError } from "../lib/api";
import type { SaveState } from "../lib/autosave";
import { h } from "../lib/dom";

const TEXT: Record<SaveState, string> = {
  saved: "All changes saved",
  pending: "Unsaved changes…",
  saving: "Saving…",
  error: "Not saved",
};

export function saveIndicator(): { el: HTMLElement; set(state: SaveState, error?: unknown): void } {
  const el = h("span", { class: "save-indicator", testid: "save-indicator", role: "status", "aria-live": "polite" });
  const set = (state: SaveState, error?: unknown) => {
    el.dataset.state = state;
    el.textContent = TEXT[state];
    el.title = state === "error" && error ? `${toApiError(error).sentence} Retrying…` : "";
  };
  set("saved");
  return { el, set };
}
