// What every editor section gets: the release, a way to say "changed", and shared events.

import type { ReleaseDoc } from "../lib/doc";
import { h, uid } from "../lib/dom";

/** Shared by the sections of one open release. */
export interface EditorCtx {
  doc: ReleaseDoc;
  /** The model changed (a field was edited): autosave, preview, validation follow. */
  changed(): void;
  /** People were added, removed or renamed: speaker and footnote pickers refresh. */
  peopleChanged(): void;
  onPeopleChanged(fn: () => void): void;
}

/** A labelled field wrapper; `path` ties validation problems to it. */
export function field(label: string, control: HTMLElement, path?: string, hint?: Node | string): HTMLElement {
  if (!control.id) control.id = uid(label);
  return h(
    "div",
    { class: "field", "data-path": path },
    h("label", { for: control.id }, label),
    control,
    hint ? h("div", { class: "hint" }, hint) : null,
  );
}

interface TextOpts {
  placeholder?: string;
  type?: string;
  label?: string;
  multiline?: boolean;
  rows?: number;
}

/** An `<input>` (or `<textarea>`) bound to a string of the model. */
export function textInput(
  ctx: EditorCtx,
  testid: string,
  value: string,
  set: (value: string) => void,
  opts: TextOpts = {},
): HTMLInputElement | HTMLTextAreaElement {
  const onInput = (e: Event) => {
    set((e.target as HTMLInputElement).value);
    ctx.changed();
  };
  const common = {
    testid,
    placeholder: opts.placeholder,
    "aria-label": opts.label,
    spellcheck: opts.type ? undefined : "true",
    onInput,
  };
  if (opts.multiline) {
    const ta = h("textarea", { ...common, rows: opts.rows ?? 3 });
    ta.value = value;
    return ta;
  }
  const input = h("input", { ...common, type: opts.type ?? "text" });
  input.value = value;
  return input;
}

/** A small text button. */
export function button(
  label: string,
  testid: string,
  onClick: () => void,
  opts: { title?: string; class?: string; disabled?: boolean } = {},
): HTMLButtonElement {
  return h(
    "button",
    {
      type: "button",
      class: opts.class ?? "btn",
      testid,
      title: opts.title,
      "aria-label": opts.title,
      disabled: opts.disabled,
      onClick,
    },
    label,
  );
}

/** A section card with a heading and an optional action bar. */
export function card(title: string, id: string, ...children: (Node | null)[]): HTMLElement {
  return h(
    "section",
    { class: "card", id, "aria-labelledby": `${id}-h` },
    h("h2", { id: `${id}-h` }, title),
    ...children,
  );
}

/** Row controls of an item in a list: up, down, remove. */
export function rowTools(
  prefix: string,
  i: number,
  count: number,
  onMove: (to: number) => void,
  onRemove: () => void,
  noun: string,
): HTMLElement {
  return h(
    "div",
    { class: "row-tools" },
    button("↑", `${prefix}-up-${i}`, () => onMove(i - 1), {
      title: `Move ${noun} up`,
      class: "btn icon",
      disabled: i === 0,
    }),
    button("↓", `${prefix}-down-${i}`, () => onMove(i + 1), {
      title: `Move ${noun} down`,
      class: "btn icon",
      disabled: i === count - 1,
    }),
    button("✕", `${prefix}-remove-${i}`, onRemove, { title: `Remove ${noun}`, class: "btn icon danger" }),
  );
}
