// Review in the form itself: comment markers at the fields they point at, open suggestions shown
// in place with Accept and Reject, and "Comment" / "Suggest" tools on the focused field (on its
// selected text when there is one).

import type { EditorView as CodeMirror } from "@codemirror/view";
import type { ReviewPanel } from "../bindings/ReviewPanel";
import type { SuggestionView } from "../bindings/SuggestionView";
import type { TextRange } from "../bindings/TextRange";
import { renderInline } from "../components/diff-render";
import { h } from "../lib/dom";
import { pathCandidates } from "./problems";

/** Review paths a comment may point at, as the form's `data-path`s spell them. */
const COMMENTABLE = [
  /^headline$/,
  /^subheadline$/,
  /^body\[\d+\]\.text$/,
  /^body\[\d+\]\.paragraphs\[\d+\]\.segments\[\d+\]$/,
  /^body\[\d+\]$/,
  /^footnotes\[\d+\](\.text)?$/,
  /^boilerplate\[\d+\](\.paragraphs\[\d+\])?$/,
  /^contacts\[\d+\]$/,
  /^actions\.items\[\d+\]$/,
  /^people\[\d+\]$/,
];
/** Paths whose text a suggestion replaces. */
const EDITABLE = [/^headline$/, /^subheadline$/, /^body\[\d+\]\.text$/, /^body\[\d+\]\.paragraphs\[\d+\]\.segments\[\d+\]$/, /^footnotes\[\d+\]\.text$/, /^actions\.items\[\d+\]$/];

/** The review path of a form `data-path` (`dateline.date` → `dateline`), or null. */
export function reviewPath(dataPath: string): string | null {
  if (/^dateline(\.|$)/.test(dataPath)) return "dateline";
  return COMMENTABLE.some((re) => re.test(dataPath)) ? dataPath : null;
}

export function isEditable(path: string): boolean {
  return EDITABLE.some((re) => re.test(path));
}

/** The nearest element around `el` whose data-path is a review path. */
export function reviewTarget(el: Element | null): { path: string; el: HTMLElement } | null {
  for (let n = el?.closest<HTMLElement>("[data-path]"); n; n = n.parentElement?.closest<HTMLElement>("[data-path]") ?? null) {
    const p = reviewPath(n.dataset.path ?? "");
    if (p) return { path: p, el: n };
  }
  return null;
}

/** What a control holds and which part of it is selected (in characters, not UTF-16 units). */
export function selectionOf(control: Element): { value: string; range: TextRange | null; quoted: string | null } | null {
  const chars = (s: string) => Array.from(s).length;
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
    const v = control.value;
    const a = control.selectionStart ?? 0;
    const b = control.selectionEnd ?? 0;
    if (b <= a) return { value: v, range: null, quoted: null };
    return { value: v, range: { start: chars(v.slice(0, a)), end: chars(v.slice(0, b)) }, quoted: v.slice(a, b) };
  }
  const host = control.closest(".md-field") as (HTMLElement & { view?: CodeMirror }) | null;
  const view = host?.view;
  if (!view) return null;
  const v = view.state.doc.toString();
  const sel = view.state.selection.main;
  if (sel.empty) return { value: v, range: null, quoted: null };
  return { value: v, range: { start: chars(v.slice(0, sel.from)), end: chars(v.slice(0, sel.to)) }, quoted: v.slice(sel.from, sel.to) };
}

function findField(form: HTMLElement, path: string): HTMLElement | null {
  // The form's fields, not the problem and check lists of its top bar (their items carry paths too).
  const fields = form.querySelector<HTMLElement>(".form") ?? form;
  for (const c of pathCandidates(path)) {
    const el = fields.querySelector<HTMLElement>(`[data-path="${c.replace(/["\\]/g, "\\$&")}"]`);
    if (el) return el;
  }
  return path === "dateline" ? fields.querySelector<HTMLElement>("#sec-dateline") : null;
}

export interface MarkActions {
  openThread(id: string): void;
  decide(s: SuggestionView, accept: boolean): void;
  comment(path: string, range: TextRange | null, quoted: string | null): void;
  suggest(path: string, current: string): void;
}

/** Places comment markers and in-place suggestions of `p` in `form`. */
export function showReviewMarks(form: HTMLElement, p: ReviewPanel, on: MarkActions): void {
  form.querySelectorAll(".review-mark").forEach((el) => el.remove());
  const byField = new Map<HTMLElement, string[]>();
  for (const c of p.state.comments) {
    if (c.resolved || c.current.outdated || !c.current.field) continue;
    const el = findField(form, c.current.field);
    if (!el) continue;
    byField.set(el, [...(byField.get(el) ?? []), c.id]);
  }
  for (const [el, ids] of byField) {
    const name = p.labels[el.dataset.path ?? ""] ?? "this field";
    el.appendChild(
      h(
        "button",
        { type: "button", class: "review-mark comment-marker", testid: "comment-marker", "data-count": String(ids.length), "aria-label": `${ids.length} comment${ids.length === 1 ? "" : "s"} on ${name}`, title: "Show the comments", onClick: () => on.openThread(ids[0]!) },
        `${ids.length} comment${ids.length === 1 ? "" : "s"}`,
      ),
    );
  }
  for (const s of p.state.suggestions) {
    if (s.status !== "open" || !s.currentField) continue;
    const el = findField(form, s.currentField);
    if (!el) continue;
    el.appendChild(
      h(
        "div",
        { class: "review-mark inline-suggestion", testid: "inline-suggestion", "data-id": s.id, role: "group", "aria-label": `Suggestion by ${s.author}` },
        h("div", { class: "small" }, h("strong", null, s.author), " suggests", s.note ? `: ${s.note}` : ""),
        h("p", { class: "diff-text" }, s.diff ? renderInline(s.diff) : s.new),
        h(
          "div",
          { class: "row-tools" },
          h("button", { type: "button", class: "btn", testid: "inline-accept", onClick: () => on.decide(s, true) }, "Accept"),
          h("button", { type: "button", class: "btn subtle", testid: "inline-reject", onClick: () => on.decide(s, false) }, "Reject"),
        ),
      ),
    );
  }
}

/**
 * "Comment" and "Suggest" on the field that has focus: the bar joins the field while focus is in
 * it (so Tab reaches it right after the control) and acts on the control's selection.
 */
export function fieldTools(form: HTMLElement, on: MarkActions): void {
  let control: Element | null = null;
  const bar = h("div", { class: "field-tools", testid: "field-tools", role: "group", "aria-label": "Review this field" });
  const commentBtn = h("button", { type: "button", class: "btn subtle small", testid: "field-comment", title: "Comment on the selected text, or on the whole field" }, "Comment");
  const suggestBtn = h("button", { type: "button", class: "btn subtle small", testid: "field-suggest", title: "Suggest a new text for this field" }, "Suggest");
  bar.append(commentBtn, suggestBtn);
  // Keep the control's selection when the mouse presses a tool.
  bar.addEventListener("mousedown", (e) => e.preventDefault());
  const target = () => (control ? reviewTarget(control) : null);
  commentBtn.addEventListener("click", () => {
    const t = target();
    if (!t || !control) return;
    const sel = selectionOf(control);
    on.comment(t.path, sel?.range ?? null, sel?.quoted ?? null);
  });
  suggestBtn.addEventListener("click", () => {
    const t = target();
    if (!t || !control) return;
    on.suggest(t.path, selectionOf(control)?.value ?? "");
  });
  form.addEventListener("focusin", (e) => {
    const el = e.target as Element;
    if (bar.contains(el)) return;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el.closest(".md-field"))) return;
    const t = reviewTarget(el);
    if (!t) {
      bar.remove();
      control = null;
      return;
    }
    control = el;
    suggestBtn.hidden = !isEditable(t.path);
    const fieldEl = el.closest(".field, .segment, .repeat-item") ?? t.el;
    if (bar.parentElement !== fieldEl) fieldEl.appendChild(bar);
  });
}

/** Scrolls to the field at review path `path` and puts focus in it. */
export function focusField(form: HTMLElement, path: string): void {
  const el = findField(form, path);
  if (!el) return;
  el.scrollIntoView({ behavior: "smooth", block: "center" });
  const control = el.querySelector<HTMLElement>("input, textarea, select, .cm-content");
  if (control) control.focus();
  else {
    el.tabIndex = -1;
    el.focus();
  }
}
