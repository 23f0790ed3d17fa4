// Modal dialogs on <dialog>: a confirmation, and the "save revision" form. Escape cancels,
// focus goes to the first field and back where it was afterwards.

import { h, uid } from "../lib/dom";

/** Shows `dialog` as a modal and focuses `focus`. */
export function openDialog(dialog: HTMLDialogElement, focus: HTMLElement | null): void {
  open(dialog, focus);
}

/** Closes and removes `dialog`; focus goes back to `returnFocus`. */
export function closeDialog(dialog: HTMLDialogElement, returnFocus: Element | null): void {
  close(dialog, returnFocus);
}

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

/** One control of a form dialog. */
export interface FormField {
  name: string;
  label: string;
  kind?: "text" | "textarea" | "select" | "date" | "email";
  value?: string;
  /** `[value, label]` pairs of a select. */
  options?: ReadonlyArray<readonly [string, string]>;
  placeholder?: string;
  hint?: string;
  required?: boolean;
  rows?: number;
}

/** A modal form: resolves with each field's value by name, or null when cancelled. */
export function formDialog(opts: {
  title: string;
  intro?: string | Node;
  fields: FormField[];
  submit: string;
  testid: string;
}): Promise<Record<string, string> | null> {
  const before = document.activeElement;
  const titleId = uid("form-title");
  return new Promise((resolve) => {
    const done = (v: Record<string, string> | null) => {
      close(dialog, before);
      resolve(v);
    };
    const controls = opts.fields.map((f) => {
      const id = uid(f.name);
      const common = { id, name: f.name, testid: `${opts.testid}-${f.name}`, placeholder: f.placeholder, required: f.required };
      let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
      if (f.kind === "textarea") {
        control = h("textarea", { ...common, rows: f.rows ?? 4, spellcheck: "true" });
      } else if (f.kind === "select") {
        control = h("select", common, (f.options ?? []).map(([v, l]) => h("option", { value: v }, l)));
      } else {
        control = h("input", { ...common, type: f.kind ?? "text", spellcheck: f.kind ? undefined : "true" });
      }
      if (f.value !== undefined) control.value = f.value;
      const hintId = f.hint ? `${id}-hint` : undefined;
      if (hintId) control.setAttribute("aria-describedby", hintId);
      return { f, control, row: h("div", { class: "field" }, h("label", { for: id }, f.label), control, f.hint ? h("div", { class: "hint", id: hintId }, f.hint) : null) };
    });
    const form = h(
      "form",
      {
        method: "dialog",
        onSubmit: (e: Event) => {
          e.preventDefault();
          const out: Record<string, string> = {};
          for (const { f, control } of controls) out[f.name] = control.value;
          done(out);
        },
      },
      h("h2", { id: titleId }, opts.title),
      opts.intro ? (typeof opts.intro === "string" ? h("p", { class: "muted" }, opts.intro) : opts.intro) : null,
      controls.map((c) => c.row),
      h(
        "div",
        { class: "dialog-actions" },
        h("button", { type: "button", class: "btn", testid: `${opts.testid}-cancel`, onClick: () => done(null) }, "Cancel"),
        h("button", { type: "submit", class: "btn primary", testid: `${opts.testid}-submit` }, opts.submit),
      ),
    );
    const dialog = h(
      "dialog",
      { class: "dialog wide", testid: opts.testid, "aria-labelledby": titleId, onCancel: (e: Event) => { e.preventDefault(); done(null); } },
      form,
    );
    open(dialog, controls[0]?.control ?? null);
  });
}
