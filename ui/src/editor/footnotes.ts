// Footnotes after the end mark, each tied to people of the release and/or free text.

import type { Footnote } from "../bindings/Footnote";
import { optional } from "../lib/doc";
import { h, replace } from "../lib/dom";
import { field, textInput, type EditorCtx } from "./ctx";
import { repeatSection } from "./repeat";

export function footnotesSection(ctx: EditorCtx): HTMLElement {
  const section = repeatSection<Footnote>(ctx, {
    title: "Footnotes",
    id: "sec-footnotes",
    prefix: "footnote",
    noun: "footnote",
    path: "footnotes",
    items: () => ctx.doc.release.footnotes,
    empty: "No footnotes. A footnote explains a marker (*) used in the body.",
    render: (f, i) => {
      const people = h("div", { class: "checks", role: "group", "aria-label": "People in this footnote" });
      const drawPeople = () =>
        replace(
          people,
          ctx.doc.release.people.length === 0
            ? h("span", { class: "muted" }, "Add people above to tie them to this footnote.")
            : ctx.doc.release.people.map((p) =>
                h(
                  "label",
                  { class: "check" },
                  h("input", {
                    type: "checkbox",
                    testid: `footnote-person-${i}-${p.id}`,
                    checked: (f.people ?? []).includes(p.id),
                    onChange: (e: Event) => {
                      const on = (e.target as HTMLInputElement).checked;
                      const ids = (f.people ?? []).filter((x) => x !== p.id);
                      if (on) ids.push(p.id);
                      f.people = ids;
                      ctx.changed();
                    },
                  }),
                  ` ${p.name || p.id}`,
                ),
              ),
        );
      drawPeople();
      return [
        h(
          "div",
          { class: "grid-2 narrow-first" },
          field("Marker", textInput(ctx, `footnote-marker-${i}`, f.marker, (v) => (f.marker = v), { placeholder: "*" }), `footnotes[${i}].marker`),
          field("Label", textInput(ctx, `footnote-label-${i}`, f.label ?? "", (v) => (f.label = optional(v)), {
            placeholder: "The expert",
          }), `footnotes[${i}].label`),
        ),
        h("div", { class: "field", "data-path": `footnotes[${i}].people` }, h("span", { class: "label" }, "People"), people),
        field("Text", textInput(ctx, `footnote-text-${i}`, f.text ?? "", (v) => (f.text = v), {
          multiline: true,
          rows: 2,
          placeholder: "Optional text, printed after the people",
        }), `footnotes[${i}].text`),
      ];
    },
    adders: [
      {
        label: "+ Footnote",
        testid: "add-footnote",
        create: () => ({ marker: "*", people: [], label: null, text: "" }),
        focus: (i) => `footnote-marker-${i}`,
      },
    ],
  });
  ctx.onPeopleChanged(() => section.redraw());
  return section;
}
