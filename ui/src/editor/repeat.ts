// A card holding a list of like items (people, contacts, footnotes…): each item a small form
// with move/remove tools, and an "add" button. Structural changes redraw the card.

import { move } from "../lib/doc";
import { h, replace } from "../lib/dom";
import { focusTestid } from "./body";
import { button, card, rowTools, type EditorCtx } from "./ctx";

export interface RepeatOptions<T> {
  title: string;
  id: string;
  /** testid prefix: items are `${prefix}-N`, tools `${prefix}-up-N` … */
  prefix: string;
  noun: string;
  /** Model path of the list (`people`, `actions.items`) for problems. */
  path: string;
  items: () => T[];
  render: (item: T, i: number) => (HTMLElement | null)[];
  adders: { label: string; testid: string; create: () => T; focus: (i: number) => string }[];
  /** Called after an add, remove or move (e.g. people → speaker pickers). */
  onStructure?: () => void;
  /** Extra content above the list (e.g. the actions title). */
  header?: HTMLElement;
  itemAttrs?: (item: T) => Record<string, string>;
  empty?: string;
}

export function repeatSection<T>(ctx: EditorCtx, o: RepeatOptions<T>): HTMLElement & { redraw: () => void } {
  const list = h("div", { class: "repeat" });
  const structural = () => {
    ctx.changed();
    o.onStructure?.();
  };
  const draw = (focus?: string) => {
    const items = o.items();
    replace(
      list,
      items.length === 0 ? h("p", { class: "muted empty" }, o.empty ?? `No ${o.noun}s yet.`) : null,
      items.map((item, i) =>
        h(
          "div",
          { class: "repeat-item", testid: `${o.prefix}-${i}`, "data-path": `${o.path}[${i}]`, ...(o.itemAttrs?.(item) ?? {}) },
          h("div", { class: "repeat-fields" }, o.render(item, i)),
          rowTools(
            o.prefix,
            i,
            items.length,
            (to) => {
              if (move(items, i, to)) {
                structural();
                draw(`${o.prefix}-${to < i ? "up" : "down"}-${to}`);
              }
            },
            () => {
              items.splice(i, 1);
              structural();
              draw(o.adders[0]?.testid);
            },
            o.noun,
          ),
        ),
      ),
    );
    if (focus) focusTestid(root, focus);
  };
  const root = card(
    o.title,
    o.id,
    o.header ?? null,
    list,
    h(
      "div",
      { class: "add-bar" },
      o.adders.map((a) =>
        button(a.label, a.testid, () => {
          const items = o.items();
          items.push(a.create());
          structural();
          draw(a.focus(items.length - 1));
        }, { class: "btn subtle" }),
      ),
    ),
  ) as HTMLElement & { redraw: () => void };
  root.redraw = () => draw();
  draw();
  return root;
}
