// Error banner (a failed command as a human sentence) and short toasts.

import { ApiError, toApiError } from "../lib/api";
import { h } from "../lib/dom";

let banner: HTMLElement | null = null;
let toastEl: HTMLElement | null = null;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

function host(): HTMLElement {
  return document.getElementById("notices") ?? document.body;
}

/** Shows `err` as a sentence in the error banner (replacing any previous one). */
export function showError(err: unknown, context?: string): ApiError {
  const e = toApiError(err);
  banner?.remove();
  const dismiss = h("button", { type: "button", class: "btn icon", testid: "error-dismiss", "aria-label": "Dismiss", onClick: () => clearError() }, "✕");
  banner = h(
    "div",
    { class: "banner error", role: "alert", testid: "error-banner", "data-code": e.code },
    h("span", { class: "banner-text" }, context ? `${context}: ${e.sentence}` : e.sentence),
    dismiss,
  );
  host().appendChild(banner);
  return e;
}

/** Removes the error banner. */
export function clearError(): void {
  banner?.remove();
  banner = null;
}

/** A short confirmation that fades after a few seconds. */
export function toast(text: string): void {
  toastEl?.remove();
  if (toastTimer !== undefined) clearTimeout(toastTimer);
  toastEl = h("div", { class: "toast", role: "status", testid: "toast" }, text);
  host().appendChild(toastEl);
  toastTimer = setTimeout(() => {
    toastEl?.remove();
    toastEl = null;
  }, 4000);
}

let note: HTMLElement | null = null;

/** A note with a list that stays until dismissed (e.g. what to check after an import). */
export function showNote(title: string, items: string[]): void {
  note?.remove();
  note = h(
    "div",
    { class: "banner info note", role: "status", testid: "note" },
    h("div", { class: "banner-text" }, h("strong", null, title), h("ul", null, items.map((i) => h("li", null, i)))),
    h("button", { type: "button", class: "btn icon", "aria-label": "Dismiss", onClick: () => { note?.remove(); note = null; } }, "✕"),
  );
  host().appendChild(note);
}
