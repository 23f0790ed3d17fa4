// Editors of the simple body blocks: paragraph (Markdown), sub-heading, bullet list.

import type { Block } from "../bindings/Block";
import { markdownField } from "../components/markdown-field";
import { h } from "../lib/dom";
import { button, field, textInput, type EditorCtx } from "./ctx";

type Of<T extends Block["type"]> = Extract<Block, { type: T }>;

export function paragraphEditor(ctx: EditorCtx, block: Of<"paragraph">, i: number): HTMLElement {
  const md = markdownField({
    value: block.text,
    testid: `block-text-${i}`,
    label: `Paragraph ${i + 1}`,
    placeholder: "Write the paragraph (Markdown: *italic*, **bold**, [link](https://…))",
    onChange: (v) => {
      block.text = v;
      ctx.changed();
    },
  });
  return h("div", { class: "field", "data-path": `body[${i}].text` }, md);
}

export function headingEditor(ctx: EditorCtx, block: Of<"heading">, i: number): HTMLElement {
  const input = textInput(ctx, `block-heading-${i}`, block.text, (v) => (block.text = v), {
    placeholder: "Sub-heading",
    label: `Sub-heading ${i + 1}`,
  });
  input.classList.add("heading-input");
  return h("div", { class: "field", "data-path": `body[${i}].text` }, input);
}

export function listEditor(ctx: EditorCtx, block: Of<"list">, i: number, redraw: (focus?: string) => void): HTMLElement {
  const items = block.items.map((item, m) =>
    h(
      "li",
      { class: "list-item" },
      field(
        `Item ${m + 1}`,
        textInput(ctx, `list-item-${i}-${m}`, item, (v) => (block.items[m] = v), { placeholder: "List item" }),
        `body[${i}].items[${m}]`,
      ),
      button("✕", `list-remove-${i}-${m}`, () => {
        block.items.splice(m, 1);
        ctx.changed();
        redraw(`list-add-${i}`);
      }, { title: "Remove item", class: "btn icon danger" }),
    ),
  );
  return h(
    "div",
    { class: "list-editor", "data-path": `body[${i}].items` },
    h("ul", null, items),
    button("+ Item", `list-add-${i}`, () => {
      block.items.push("");
      ctx.changed();
      redraw(`list-item-${i}-${block.items.length - 1}`);
    }, { class: "btn subtle" }),
  );
}
