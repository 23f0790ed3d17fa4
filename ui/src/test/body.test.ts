import { describe, expect, it } from "vitest";
import type { EditorCtx } from "../editor/ctx";
import { bodySection } from "../editor/body";
import { ReleaseDoc } from "../lib/doc";
import { sampleRelease } from "./fixtures";
import { allByTestId, byTestId } from "./helpers";

function setup() {
  const doc = new ReleaseDoc(sampleRelease());
  let changes = 0;
  const ctx: EditorCtx = { doc, changed: () => (changes += 1), peopleChanged: () => {}, onPeopleChanged: () => {} };
  const el = bodySection(ctx);
  document.body.replaceChildren(el);
  return { doc, el, changes: () => changes };
}

const types = (doc: ReleaseDoc) => doc.release.body.map((b) => b.type);

describe("body blocks", () => {
  it("reorder with the arrow buttons", () => {
    const { doc, el, changes } = setup();
    byTestId(el, "block-down-0").click();
    expect(types(doc)).toEqual(["quote", "paragraph", "heading", "list"]);
    byTestId(el, "block-up-3").click();
    expect(types(doc)).toEqual(["quote", "paragraph", "list", "heading"]);
    expect(changes()).toBe(2);
    // The DOM follows the model, and the first "up" is disabled.
    expect(allByTestId(el, "body-block-0")[0]!.dataset.type).toBe("quote");
    expect(byTestId<HTMLButtonElement>(el, "block-up-0").disabled).toBe(true);
    expect(byTestId<HTMLButtonElement>(el, "block-down-3").disabled).toBe(true);
  });

  it("reorder with Alt+Up / Alt+Down, keeping focus on the moved block", () => {
    const { doc, el } = setup();
    const key = (n: number, k: string) =>
      byTestId(el, `body-block-${n}`).dispatchEvent(new KeyboardEvent("keydown", { key: k, altKey: true, bubbles: true }));
    key(2, "ArrowUp");
    expect(types(doc)).toEqual(["paragraph", "heading", "quote", "list"]);
    expect(document.activeElement?.getAttribute("data-testid")).toBe("block-handle-1");
    key(0, "ArrowUp"); // already first: nothing moves
    expect(types(doc)).toEqual(["paragraph", "heading", "quote", "list"]);
    // On the handle, plain arrows move the block.
    byTestId(el, "block-handle-1").dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    expect(types(doc)).toEqual(["paragraph", "quote", "heading", "list"]);
    expect(document.activeElement?.getAttribute("data-testid")).toBe("block-handle-2");
    // Elsewhere, without Alt, the arrows are the text cursor's.
    byTestId(el, "body-block-1").dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    expect(types(doc)).toEqual(["paragraph", "quote", "heading", "list"]);
  });

  it("reorder by dragging the handle onto another block", () => {
    const { doc, el } = setup();
    byTestId(el, "block-handle-0").dispatchEvent(new Event("dragstart", { bubbles: true }));
    // Dropped over the paragraph's text field: the block moves, the text is untouched.
    const text = byTestId(el, "body-block-3").querySelector("input")!;
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    text.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(types(doc)).toEqual(["quote", "heading", "list", "paragraph"]);
    expect(doc.release.body[2]).toEqual({ type: "list", items: ["one", "two"] });
  });

  it("add and remove blocks", () => {
    const { doc, el } = setup();
    byTestId(el, "add-quote").click();
    expect(doc.release.body[4]).toEqual({ type: "quote", speaker: "ana", paragraphs: [{ segments: [{ text: "" }] }] });
    byTestId(el, "add-list").click();
    byTestId(el, "add-heading").click();
    byTestId(el, "add-paragraph").click();
    expect(types(doc).slice(4)).toEqual(["quote", "list", "heading", "paragraph"]);
    byTestId(el, "block-remove-0").click();
    expect(types(doc)).toHaveLength(7);
    expect(types(doc)[0]).toBe("quote");
    expect(allByTestId(el, "body-block-6")).toHaveLength(1);
    expect(allByTestId(el, "body-block-7")).toHaveLength(0);
  });
});
