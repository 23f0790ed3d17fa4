// Headline (with a live character count against the wire's limits) and subheadline.

import { h } from "../lib/dom";
import { optional } from "../lib/doc";
import { card, field, textInput, type EditorCtx } from "./ctx";

/** Ideal and maximum headline length (wire practice). */
export const HEADLINE_IDEAL = 80;
export const HEADLINE_MAX = 170;

/** The "n characters" text and its level. */
export function headlineCount(text: string): { text: string; level: "ok" | "long" | "too-long" } {
  const n = [...text].length;
  const level = n > HEADLINE_MAX ? "too-long" : n > HEADLINE_IDEAL ? "long" : "ok";
  const note =
    level === "too-long"
      ? ` — over ${HEADLINE_MAX}, wires cut it`
      : level === "long"
        ? ` — over the ideal ${HEADLINE_IDEAL}`
        : "";
  return { text: `${n} character${n === 1 ? "" : "s"}${note}`, level };
}

export function headlineSection(ctx: EditorCtx): HTMLElement {
  const r = ctx.doc.release;
  const count = h("span", { class: "count", testid: "headline-count", "aria-live": "polite" });
  const showCount = () => {
    const c = headlineCount(ctx.doc.release.headline);
    count.textContent = c.text;
    count.dataset.level = c.level;
  };
  const headline = textInput(ctx, "field-headline", r.headline, (v) => {
    ctx.doc.release.headline = v;
    showCount();
  }, { multiline: true, rows: 2, placeholder: "What happened, in one line" });
  headline.classList.add("headline-input");
  // A headline is one line: Enter does not break it (pasted line breaks become spaces).
  headline.addEventListener("keydown", (e) => {
    if ((e as KeyboardEvent).key === "Enter") e.preventDefault();
  });
  headline.addEventListener("input", () => {
    if (/[\r\n]/.test(headline.value)) {
      headline.value = headline.value.replace(/\s*[\r\n]+\s*/g, " ");
      ctx.doc.release.headline = headline.value;
      showCount();
      ctx.changed();
    }
  });
  showCount();
  const sub = textInput(ctx, "field-subheadline", r.subheadline ?? "", (v) => {
    ctx.doc.release.subheadline = optional(v);
  }, { multiline: true, rows: 2, placeholder: "Optional: a sentence or two that adds to the headline" });
  return card(
    "Headline",
    "sec-headline",
    field("Headline", headline, "headline", count),
    field("Subheadline", sub, "subheadline"),
  );
}
