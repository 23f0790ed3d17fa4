// The actions footer: an optional title and an ordered mix of links and plain lines.

import type { ActionItem } from "../bindings/ActionItem";
import { optional } from "../lib/doc";
import { h } from "../lib/dom";
import { field, textInput, type EditorCtx } from "./ctx";
import { repeatSection } from "./repeat";

export function actionsSection(ctx: EditorCtx): HTMLElement {
  const title = field(
    "Footer title",
    textInput(ctx, "field-actions-title", ctx.doc.release.actions.title ?? "", (v) => (ctx.doc.release.actions.title = optional(v)), {
      placeholder: "Actions (leave empty for none)",
    }),
    "actions.title",
  );
  return repeatSection<ActionItem>(ctx, {
    title: "Actions footer",
    id: "sec-actions",
    prefix: "action",
    noun: "item",
    path: "actions.items",
    header: title,
    items: () => ctx.doc.release.actions.items,
    itemAttrs: (a) => ({ "data-type": a.type }),
    empty: "No links or lines in the footer.",
    render: (a, i) =>
      a.type === "link"
        ? [
            h(
              "div",
              { class: "grid-2" },
              field("Link label", textInput(ctx, `action-label-${i}`, a.label, (v) => (a.label = v), { placeholder: "Submit information" }), `actions.items[${i}].label`),
              field("URL", textInput(ctx, `action-url-${i}`, a.url, (v) => (a.url = v.trim()), { type: "url", placeholder: "https://… or mailto:…" }), `actions.items[${i}].url`),
            ),
          ]
        : [field("Line", textInput(ctx, `action-text-${i}`, a.text, (v) => (a.text = v), { placeholder: "A plain line of text" }), `actions.items[${i}].text`)],
    adders: [
      {
        label: "+ Link",
        testid: "add-action-link",
        create: () => ({ type: "link", label: "", url: "" }),
        focus: (i) => `action-label-${i}`,
      },
      {
        label: "+ Line",
        testid: "add-action-line",
        create: () => ({ type: "line", text: "" }),
        focus: (i) => `action-text-${i}`,
      },
    ],
  });
}
