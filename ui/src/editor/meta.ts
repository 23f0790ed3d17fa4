// Metadata: house style, organisation, language, kind, tags. (The review state is changed in the
// review panel, through the workspace's rules and gates.)

import type { HouseStyleId } from "../bindings/HouseStyleId";
import type { Kind } from "../bindings/Kind";
import { h, select } from "../lib/dom";
import { HOUSE_STYLES, KINDS } from "../lib/labels";
import { card, field, textInput, type EditorCtx } from "./ctx";

/** "a, b ,, c" → ["a", "b", "c"] */
export function parseTags(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

export function metaSection(ctx: EditorCtx): HTMLElement {
  const r = ctx.doc.release;
  const sel = <T extends string>(testid: string, table: ReadonlyArray<readonly [T, string]>, v: T, set: (v: T) => void) =>
    select({ testid }, table, v, (x) => {
      set(x as T);
      ctx.changed();
    });
  return card(
    "Details",
    "sec-meta",
    h(
      "div",
      { class: "grid-2" },
      field("House style", sel<HouseStyleId>("field-style", HOUSE_STYLES, r.style, (v) => (ctx.doc.release.style = v)), "style"),
      field("Kind", sel<Kind>("field-kind", KINDS, r.meta.kind, (v) => (ctx.doc.release.meta.kind = v)), "meta.kind"),
      field(
        "Language",
        textInput(ctx, "field-language", r.meta.language, (v) => (ctx.doc.release.meta.language = v.trim()), {
          type: "text",
          placeholder: "en, fr-CH, es",
        }),
        "meta.language",
      ),
    ),
    field("Organisation", textInput(ctx, "field-organisation", r.meta.organisation, (v) => (ctx.doc.release.meta.organisation = v), {
      placeholder: "OHCHR",
    }), "meta.organisation"),
    field(
      "Tags",
      textInput(ctx, "field-tags", r.meta.tags.join(", "), (v) => (ctx.doc.release.meta.tags = parseTags(v)), {
        placeholder: "Tajikistan, journalists",
      }),
      "meta.tags",
      "Separate tags with commas.",
    ),
  );
}
