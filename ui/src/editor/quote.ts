// A quote block: speaker chosen from the release's people, paragraphs of quoted segments, each
// segment with the attribution that follows it, and an optional lead-in per paragraph.

import type { Attribution } from "../bindings/Attribution";
import type { Block } from "../bindings/Block";
import type { Person } from "../bindings/Person";
import type { Release } from "../bindings/Release";
import { markdownField } from "../components/markdown-field";
import { h, replace, select } from "../lib/dom";
import { ATTRIBUTIONS } from "../lib/labels";
import { button, field, type EditorCtx } from "./ctx";

type QuoteBlock = Extract<Block, { type: "quote" }>;

const NO_ATTRIBUTION = [["", "— no attribution —"]] as const;

/** Options of the speaker picker: every person, plus the current id when it names nobody. */
export function speakerOptions(people: Person[], current: string): [string, string][] {
  const opts: [string, string][] = people.map((p) => [p.id, p.name ? `${p.name} (${p.id})` : p.id]);
  if (!people.some((p) => p.id === current)) opts.unshift([current, current ? `${current} (unknown person)` : "— choose a speaker —"]);
  return opts;
}

/** Refreshes every speaker picker after the people changed (values from the model). */
export function refreshSpeakerPickers(root: ParentNode, release: Release): void {
  for (const sel of root.querySelectorAll<HTMLSelectElement>("select[data-role=speaker]")) {
    const block = release.body[Number(sel.dataset.block)];
    const current = block?.type === "quote" ? block.speaker : sel.value;
    replace(sel, speakerOptions(release.people, current).map(([v, l]) => h("option", { value: v }, l)));
    sel.value = current;
  }
}

export function quoteEditor(ctx: EditorCtx, q: QuoteBlock, i: number, redraw: (focus?: string) => void): HTMLElement {
  const speaker = select(
    { testid: `quote-speaker-${i}`, "data-role": "speaker", "data-block": String(i) },
    speakerOptions(ctx.doc.release.people, q.speaker),
    q.speaker,
    (v) => {
      q.speaker = v;
      ctx.changed();
    },
  );
  const attrSelect = (testid: string, value: Attribution | null | undefined, set: (a: Attribution | null) => void) =>
    select({ testid, class: "attr" }, [...NO_ATTRIBUTION, ...ATTRIBUTIONS], value ?? "", (v) => {
      set(v === "" ? null : (v as Attribution));
      ctx.changed();
    });

  const paras = q.paragraphs.map((para, p) => {
    const segments = para.segments.map((seg, s) =>
      h(
        "div",
        { class: "segment", "data-path": `body[${i}].paragraphs[${p}].segments[${s}]` },
        h("span", { class: "qmark", "aria-hidden": "true" }, "“"),
        markdownField({
          value: seg.text,
          testid: `quote-text-${i}-${p}-${s}`,
          label: `Quote ${i + 1}, paragraph ${p + 1}, segment ${s + 1}`,
          placeholder: "The quoted words, punctuation included",
          onChange: (v) => {
            seg.text = v;
            ctx.changed();
          },
        }),
        h("span", { class: "qmark", "aria-hidden": "true" }, "”"),
        h(
          "div",
          { class: "segment-tools" },
          field("then", attrSelect(`quote-attr-${i}-${p}-${s}`, seg.attribution, (a) => (seg.attribution = a))),
          button("✕", `quote-remove-segment-${i}-${p}-${s}`, () => {
            para.segments.splice(s, 1);
            ctx.changed();
            redraw(`quote-add-segment-${i}-${p}`);
          }, { title: "Remove segment", class: "btn icon danger", disabled: para.segments.length <= 1 }),
        ),
      ),
    );
    return h(
      "div",
      { class: "quote-para", testid: `quote-para-${i}-${p}`, "data-path": `body[${i}].paragraphs[${p}]` },
      h(
        "div",
        { class: "quote-para-head" },
        h("span", { class: "muted" }, `Paragraph ${p + 1}`),
        field("Lead-in", attrSelect(`quote-leadin-${i}-${p}`, para.leadIn, (a) => (para.leadIn = a))),
        button("Remove paragraph", `quote-remove-para-${i}-${p}`, () => {
          q.paragraphs.splice(p, 1);
          ctx.changed();
          redraw(`quote-add-para-${i}`);
        }, { class: "btn subtle danger", disabled: q.paragraphs.length <= 1 }),
      ),
      segments,
      button("+ Segment", `quote-add-segment-${i}-${p}`, () => {
        para.segments.push({ text: "" });
        ctx.changed();
        redraw(`quote-text-${i}-${p}-${para.segments.length - 1}`);
      }, { class: "btn subtle" }),
    );
  });

  return h(
    "div",
    { class: "quote-editor" },
    field("Speaker", speaker, `body[${i}].speaker`),
    paras,
    button("+ Quote paragraph", `quote-add-para-${i}`, () => {
      q.paragraphs.push({ segments: [{ text: "" }] });
      ctx.changed();
      redraw(`quote-text-${i}-${q.paragraphs.length - 1}-0`);
    }, { class: "btn subtle" }),
  );
}
