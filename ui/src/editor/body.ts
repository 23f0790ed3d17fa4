// The body: an ordered list of blocks that can be added, removed and reordered with the mouse
// (drag handle, arrow buttons) and the keyboard (Alt+↑ / Alt+↓ inside a block).

import type { Block } from "../bindings/Block";
import { move } from "../lib/doc";
import { h, replace } from "../lib/dom";
import { headingEditor, listEditor, paragraphEditor } from "./blocks";
import { button, card, type EditorCtx } from "./ctx";
import { quoteEditor, refreshSpeakerPickers } from "./quote";

const TYPE_LABEL: Record<Block["type"], string> = {
  paragraph: "Paragraph",
  quote: "Quote",
  heading: "Sub-heading",
  list: "List",
};

/** A new, empty block of a type (a quote is spoken by the first person, if any). */
export function newBlock(type: Block["type"], firstPerson: string): Block {
  switch (type) {
    case "paragraph":
      return { type: "paragraph", text: "" };
    case "heading":
      return { type: "heading", text: "" };
    case "list":
      return { type: "list", items: [""] };
    case "quote":
      return { type: "quote", speaker: firstPerson, paragraphs: [{ segments: [{ text: "" }] }] };
  }
}

/** Focuses the element with `testid` inside `root` (the editable part of a Markdown field). */
export function focusTestid(root: ParentNode, testid: string): void {
  const el = root.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  if (!el) return;
  const target = el.classList.contains("md-field") ? el.querySelector<HTMLElement>(".cm-content") : el;
  target?.focus();
}

export function bodySection(ctx: EditorCtx): HTMLElement {
  const list = h("ol", { class: "blocks", "aria-label": "Body blocks" });
  let dragFrom: number | null = null;

  // While a block is dragged, a drop outside the blocks does nothing (instead of pasting the
  // drag's text into whatever field is under the pointer).
  const guardDrops = () => {
    const stop = (e: DragEvent) => {
      if (dragFrom === null || list.contains(e.target as Node)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    const end = () => {
      document.removeEventListener("drop", stop, true);
      document.removeEventListener("dragend", end, true);
    };
    document.addEventListener("drop", stop, true);
    document.addEventListener("dragend", end, true);
  };

  const moveBlock = (from: number, to: number) => {
    if (move(ctx.doc.release.body, from, to)) {
      ctx.changed();
      draw(`block-handle-${to}`);
      announce(`${TYPE_LABEL[ctx.doc.release.body[to]!.type]} moved to position ${to + 1}`);
    }
  };

  const draw = (focus?: string) => {
    const body = ctx.doc.release.body;
    replace(
      list,
      body.map((block, i) => {
        let inner: HTMLElement;
        switch (block.type) {
          case "paragraph":
            inner = paragraphEditor(ctx, block, i);
            break;
          case "heading":
            inner = headingEditor(ctx, block, i);
            break;
          case "list":
            inner = listEditor(ctx, block, i, draw);
            break;
          case "quote":
            inner = quoteEditor(ctx, block, i, draw);
            break;
        }
        const handle = h(
          "button",
          {
            type: "button",
            class: "handle",
            testid: `block-handle-${i}`,
            draggable: "true",
            title: "Drag to reorder, or focus and press ↑ / ↓ (Alt+↑ / Alt+↓ from inside the block)",
            "aria-label": `${TYPE_LABEL[block.type]} ${i + 1}: drag, or press Up / Down to move`,
            onDragstart: (e: DragEvent) => {
              dragFrom = i;
              // WebKitGTK starts a drag only with plain text in it; drops are intercepted (below
              // and in guardDrops) so no text field ever receives this text.
              e.dataTransfer?.setData("text/plain", `${TYPE_LABEL[block.type]} ${i + 1}`);
              guardDrops();
              if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
              item.classList.add("dragging");
            },
            onDragend: () => {
              dragFrom = null;
              item.classList.remove("dragging");
            },
          },
          "⠿",
        );
        const item = h(
          "li",
          {
            class: `block block-${block.type}`,
            testid: `body-block-${i}`,
            "data-type": block.type,
            "data-path": `body[${i}]`,
            onKeydown: (e: KeyboardEvent) => {
              if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
              // Alt+arrows anywhere in the block; plain arrows on its handle.
              const onHandle = (e.target as HTMLElement).classList?.contains("handle");
              if (!e.altKey && !onHandle) return;
              e.preventDefault();
              moveBlock(i, e.key === "ArrowUp" ? i - 1 : i + 1);
            },
            onDragleave: () => item.classList.remove("drop-target"),
          },
          h(
            "div",
            { class: "block-head" },
            handle,
            h("span", { class: "block-type" }, `${TYPE_LABEL[block.type]}`),
            h("span", { class: "block-num muted" }, `#${i + 1}`),
            h(
              "div",
              { class: "row-tools" },
              button("↑", `block-up-${i}`, () => moveBlock(i, i - 1), {
                title: "Move block up",
                class: "btn icon",
                disabled: i === 0,
              }),
              button("↓", `block-down-${i}`, () => moveBlock(i, i + 1), {
                title: "Move block down",
                class: "btn icon",
                disabled: i === body.length - 1,
              }),
              button("✕", `block-remove-${i}`, () => {
                body.splice(i, 1);
                ctx.changed();
                draw(body.length ? `block-handle-${Math.min(i, body.length - 1)}` : "add-paragraph");
                announce(`${TYPE_LABEL[block.type]} removed`);
              }, { title: "Remove block", class: "btn icon danger" }),
            ),
          ),
          inner,
        );
        // Capture phase: a block dropped over a text field moves the block; the field
        // (CodeMirror or an input) never sees the drop.
        item.addEventListener(
          "dragover",
          (e) => {
            if (dragFrom === null) return;
            e.preventDefault();
            e.stopPropagation();
            item.classList.add("drop-target");
          },
          true,
        );
        item.addEventListener(
          "drop",
          (e) => {
            if (dragFrom === null) return;
            e.preventDefault();
            e.stopPropagation();
            item.classList.remove("drop-target");
            const from = dragFrom;
            dragFrom = null;
            moveBlock(from, i);
          },
          true,
        );
        return item;
      }),
    );
    if (focus) focusTestid(root, focus);
  };

  const add = (type: Block["type"]) => {
    ctx.doc.release.body.push(newBlock(type, ctx.doc.release.people[0]?.id ?? ""));
    ctx.changed();
    const n = ctx.doc.release.body.length - 1;
    draw(
      type === "paragraph"
        ? `block-text-${n}`
        : type === "heading"
          ? `block-heading-${n}`
          : type === "list"
            ? `list-item-${n}-0`
            : `quote-speaker-${n}`,
    );
  };

  const live = h("div", { class: "sr-only", "aria-live": "polite" });
  const announce = (text: string) => (live.textContent = text);

  const root = card(
    "Body",
    "sec-body",
    list,
    h(
      "div",
      { class: "add-bar" },
      h("span", { class: "muted" }, "Add"),
      button("+ Paragraph", "add-paragraph", () => add("paragraph")),
      button("+ Quote", "add-quote", () => add("quote")),
      button("+ Sub-heading", "add-heading", () => add("heading")),
      button("+ List", "add-list", () => add("list")),
    ),
    live,
  );
  root.dataset.path = "body";
  ctx.onPeopleChanged(() => refreshSpeakerPickers(root, ctx.doc.release));
  draw();
  return root;
}
