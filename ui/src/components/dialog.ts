// Modal dialogs on <dialog>: a confirmation, and the "save revision" form. Escape cancels,
// focus goes to the first field and back where it was afterwards.

import { h } from "../lib/dom";

function open(dialog: HTMLDialogElement, focus: HTMLElement | null): void {
  document.body.appendChild(dialog);
  if (typeof dialog.showModal === "function") dialog.showModal();
  else dialog.setAttribute("open", "");
  focus?.focus();
}

function close(dialog: HTMLDialogElement, returnFocus: Element | null): void {
  if (typeof dialog.close === "function" && dialog.open) dialog.close();
  dialog.remove();
  if (returnFocus instanceof HTMLElement) returnFocus.focus();
}

/** Asks a yes/no question; resolves true on OK. */
export function confirmDialog(title: string, text: string, okLabel: string): Promise<boolean> {
  const before = document.activeElement;
  return new Promise((resolve) => {
    const done = (v: boolean) => {
      close(dialog, before);
      resolve(v);
    };
    const ok = h("button", { type: "button", class: "btn primary danger-fill", testid: "confirm-ok", onClick: () => done(true) }, okLabel);
    const cancel = h("button", { type: "button", class: "btn", testid: "confirm-cancel", onClick: () => done(false) }, "Cancel");
    const dialog = h(
      "dialog",
      { class: "dialog", testid: "confirm-dialog", "aria-labelledby": "confirm-title", onCancel: (e: Event) => { e.preventDefault(); done(false); } },
      h("h2", { id: "confirm-title" }, title),
      h("p", null, text),
      h("div", { class: "dialog-actions" }, cancel, ok),
    );
    open(dialog, cancel);
  });
}

/** What the save dialog returns. */
export interface RevisionNote {
  message: string;
  name: string;
}

/** Asks for an optional message and checkpoint name; resolves null when cancelled. */
export function saveRevisionDialog(nextRev: number): Promise<RevisionNote | null> {
  const before = document.activeElement;
  return new Promise((resolve) => {
    const done = (v: RevisionNote | null) => {
      close(dialog, before);
      resolve(v);
    };
    const message = h("input", { type: "text", id: "save-message", testid: "save-message", placeholder: "What changed? (optional)", maxlength: "500", spellcheck: "true" });
    const name = h("input", { type: "text", id: "save-name", testid: "save-name", placeholder: "e.g. Sent for review (optional)", maxlength: "500" });
    const form = h(
      "form",
      {
        method: "dialog",
        onSubmit: (e: Event) => {
          e.preventDefault();
          done({ message: message.value.trim(), name: name.value.trim() });
        },
      },
      h("h2", { id: "save-title" }, `Save revision ${nextRev}`),
      h("p", { class: "muted" }, "A revision is a fixed point in the history you can compare and restore."),
      h("div", { class: "field" }, h("label", { for: "save-message" }, "Message"), message),
      h("div", { class: "field" }, h("label", { for: "save-name" }, "Checkpoint name"), name),
      h(
        "div",
        { class: "dialog-actions" },
        h("button", { type: "button", class: "btn", testid: "save-cancel", onClick: () => done(null) }, "Cancel"),
        h("button", { type: "submit", class: "btn primary", testid: "save-confirm" }, "Save revision"),
      ),
    );
    const dialog = h(
      "dialog",
      { class: "dialog", testid: "save-dialog", "aria-labelledby": "save-title", onCancel: (e: Event) => { e.preventDefault(); done(null); } },
      form,
    );
    open(dialog, message);
  });
}
