// Dateline: places, date and style, with the dateline as the core renders it shown live.

import type { Dateline } from "../bindings/Dateline";
import type { DatelineStyle } from "../bindings/DatelineStyle";
import type { HouseStyleId } from "../bindings/HouseStyleId";
import { api } from "../lib/api";
import { optional } from "../lib/doc";
import { h, replace, select } from "../lib/dom";
import { DATELINE_STYLES } from "../lib/labels";
import { LatestOnly } from "../lib/latest";
import { button, card, field, type EditorCtx } from "./ctx";

const HOUSE_DATELINE: Record<HouseStyleId, DatelineStyle> = {
  unOhchr: "unOhchr",
  wire: "ap",
  corporate: "unClassic",
};

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function datelineSection(ctx: EditorCtx): HTMLElement {
  const body = h("div", { class: "dateline-body" });
  const rendered = h("output", { class: "dateline-rendered", testid: "dateline-rendered", "aria-live": "polite" });
  const renderer = new LatestOnly<{ d: Dateline; lang: string }, string>(
    ({ d, lang }) => api.renderDateline(d, lang),
    (text) => {
      rendered.textContent = text || "(no dateline printed)";
      rendered.classList.remove("error");
    },
    120,
    () => {
      rendered.textContent = "The dateline cannot be rendered yet: check the places and date.";
      rendered.classList.add("error");
    },
  );
  let last = "";
  const refreshRendered = (force = false) => {
    const d = ctx.doc.release.dateline;
    if (!d) return;
    // Only ask again when the dateline or the language changed (not on every keystroke elsewhere).
    const key = JSON.stringify([d, ctx.doc.release.meta.language]);
    if (key === last && !force) return;
    last = key;
    renderer.push({ d: JSON.parse(JSON.stringify(d)) as Dateline, lang: ctx.doc.release.meta.language });
  };
  ctx.doc.onChange(() => refreshRendered());

  const enabled = h("input", {
    type: "checkbox",
    testid: "field-dateline-enabled",
    checked: !!ctx.doc.release.dateline,
    onChange: (e: Event) => {
      const on = (e.target as HTMLInputElement).checked;
      ctx.doc.release.dateline = on
        ? { places: [{ city: "" }], date: today(), style: HOUSE_DATELINE[ctx.doc.release.style] }
        : null;
      draw();
      ctx.changed();
    },
  });

  const draw = (focus?: string) => {
    const d = ctx.doc.release.dateline;
    if (!d) {
      replace(body);
      rendered.textContent = "";
      return;
    }
    const places = d.places.map((p, i) =>
      h(
        "div",
        { class: "place-row" },
        field(
          i === 0 ? "City" : `City ${i + 1}`,
          h("input", {
            type: "text",
            testid: `dateline-city-${i}`,
            value: p.city,
            placeholder: "Geneva",
            onInput: (e: Event) => {
              p.city = (e.target as HTMLInputElement).value;
              ctx.changed();
            },
          }),
          `dateline.places[${i}].city`,
        ),
        field(
          "Region or country",
          h("input", {
            type: "text",
            testid: `dateline-region-${i}`,
            value: p.region ?? "",
            placeholder: "optional",
            onInput: (e: Event) => {
              p.region = optional((e.target as HTMLInputElement).value);
              ctx.changed();
            },
          }),
          `dateline.places[${i}].region`,
        ),
        button("✕", `dateline-remove-${i}`, () => {
          d.places.splice(i, 1);
          draw("dateline-add-place");
          ctx.changed();
        }, { title: "Remove this place", class: "btn icon danger", disabled: d.places.length <= 1 }),
      ),
    );
    const date = h("input", {
      type: "date",
      testid: "field-dateline-date",
      value: d.date,
      onInput: (e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        if (v) {
          d.date = v;
          ctx.changed();
        }
      },
    });
    const style = select({ testid: "field-dateline-style" }, DATELINE_STYLES, d.style, (v) => {
      d.style = v as DatelineStyle;
      ctx.changed();
    });
    replace(
      body,
      h("div", { class: "places", "data-path": "dateline.places" }, places),
      button("+ Add place", "dateline-add-place", () => {
        d.places.push({ city: "" });
        draw(`dateline-city-${d.places.length - 1}`);
        ctx.changed();
      }, { class: "btn subtle" }),
      h("div", { class: "grid-2" }, field("Date", date, "dateline.date"), field("Style", style, "dateline.style")),
      h("div", { class: "dateline-out" }, h("span", { class: "muted" }, "Prints as "), rendered),
    );
    refreshRendered(true);
    if (focus) body.querySelector<HTMLElement>(`[data-testid="${focus}"]`)?.focus();
  };
  draw();

  const section = card(
    "Dateline",
    "sec-dateline",
    h("label", { class: "check" }, enabled, " This release has a dateline"),
    body,
  );
  section.dataset.path = "dateline";
  return section;
}
