// After the body: the end mark and the boilerplate ("About …", notes to editors).

import type { Boilerplate } from "../bindings/Boilerplate";
import type { EndMark } from "../bindings/EndMark";
import { h, select } from "../lib/dom";
import { END_MARKS } from "../lib/labels";
import { card, field, textInput, type EditorCtx } from "./ctx";
import { repeatSection } from "./repeat";

/** Paragraphs ↔ the text of one textarea, paragraphs separated by a blank line. */
export function joinParagraphs(paragraphs: string[]): string {
  return paragraphs.join("\n\n");
}
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

export function endMarkSection(ctx: EditorCtx): HTMLElement {
  const custom = h("input", {
    type: "text",
    testid: "field-end-mark-custom",
    placeholder: "* *** *",
    "aria-label": "Custom end mark",
    onInput: (e: Event) => {
      ctx.doc.release.endMark = { type: "custom", text: (e.target as HTMLInputElement).value };
      ctx.changed();
    },
  });
  const mark = ctx.doc.release.endMark;
  custom.value = mark.type === "custom" ? mark.text : "";
  custom.hidden = mark.type !== "custom";
  const kind = select({ testid: "field-end-mark" }, END_MARKS, mark.type, (v) => {
    ctx.doc.release.endMark = (v === "custom" ? { type: "custom", text: custom.value || "###" } : { type: v }) as EndMark;
    custom.hidden = v !== "custom";
    if (v === "custom") {
      custom.value = custom.value || "###";
      custom.focus();
    }
    ctx.changed();
  });
  return card("End mark", "sec-end-mark", h("div", { class: "grid-2" }, field("End mark", kind, "endMark"), custom));
}

export function boilerplateSection(ctx: EditorCtx): HTMLElement {
  return repeatSection<Boilerplate>(ctx, {
    title: "Boilerplate",
    id: "sec-boilerplate",
    prefix: "boilerplate",
    noun: "section",
    path: "boilerplate",
    items: () => ctx.doc.release.boilerplate,
    empty: "No boilerplate. Add an “About …” section or notes to editors.",
    render: (b, i) => [
      field("Title", textInput(ctx, `boilerplate-title-${i}`, b.title, (v) => (b.title = v), {
        placeholder: "About OHCHR",
      }), `boilerplate[${i}].title`),
      field(
        "Text",
        textInput(ctx, `boilerplate-text-${i}`, joinParagraphs(b.paragraphs), (v) => (b.paragraphs = splitParagraphs(v)), {
          multiline: true,
          rows: 4,
          placeholder: "Paragraphs, separated by a blank line",
        }),
        `boilerplate[${i}].paragraphs`,
        "Separate paragraphs with a blank line. Markdown links and emphasis work.",
      ),
    ],
    adders: [
      {
        label: "+ Boilerplate section",
        testid: "add-boilerplate",
        create: () => ({ title: "", paragraphs: [] }),
        focus: (i) => `boilerplate-title-${i}`,
      },
    ],
  });
}
