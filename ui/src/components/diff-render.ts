// Renders the word operations of a comparison: inline (deletions struck, insertions underlined
// in one text) or one side of a side-by-side view. Trivial changes the options hide show plainly.

import { h } from "../lib/dom";
import type { CharOp, WordDiff, WordOp } from "../lib/types";

export type Side = "old" | "new";

function chars(ops: CharOp[], side: Side | "inline"): Node[] {
  return ops
    .filter((c) => side === "inline" || c.kind === "equal" || (side === "old" ? c.kind === "delete" : c.kind === "insert"))
    .map((c) => (c.kind === "equal" ? document.createTextNode(c.text) : c.kind === "delete" ? h("del", null, c.text) : h("ins", null, c.text)));
}

function trivialClass(op: WordOp): string | undefined {
  return op.trivial ? `trivial ${op.trivial}` : undefined;
}

/** The ops as one text with <del> and <ins>. */
export function renderInline(diff: WordDiff): Node[] {
  const out: Node[] = [];
  for (const op of diff.ops) {
    if (op.kind === "equal" || op.hidden) {
      out.push(document.createTextNode(op.kind === "equal" ? op.old : op.new));
    } else if (op.kind === "insert") {
      out.push(h("ins", { class: trivialClass(op) }, op.new));
    } else if (op.kind === "delete") {
      out.push(h("del", { class: trivialClass(op) }, op.old));
    } else if (op.chars && op.chars.length > 0) {
      out.push(h("span", { class: `word-edit ${trivialClass(op) ?? ""}`.trim() }, chars(op.chars, "inline")));
    } else {
      out.push(h("del", { class: trivialClass(op) }, op.old), h("ins", { class: trivialClass(op) }, op.new));
    }
  }
  return out;
}

/** One side of the ops: the old text with deletions marked, or the new text with insertions marked. */
export function renderSide(diff: WordDiff, side: Side): Node[] {
  const out: Node[] = [];
  for (const op of diff.ops) {
    const text = side === "old" ? op.old : op.new;
    if (op.kind === "equal" || op.hidden) {
      out.push(document.createTextNode(text));
    } else if (text === "") {
      continue;
    } else if (op.kind === "replace" && op.chars && op.chars.length > 0) {
      out.push(h("span", { class: "word-edit" }, chars(op.chars, side)));
    } else {
      out.push(h(side === "old" ? "del" : "ins", { class: trivialClass(op) }, text));
    }
  }
  return out;
}

/** A whole text marked as removed or added (no ops: the other side is absent). */
export function renderWhole(text: string | null, as: "del" | "ins" | "plain"): Node[] {
  if (text === null || text === "") return [h("span", { class: "muted absent" }, "—")];
  return as === "plain" ? [document.createTextNode(text)] : [h(as, null, text)];
}
