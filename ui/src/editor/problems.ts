// Validation problems shown next to their fields: a problem at `body[3].speaker` goes under the
// element whose data-path is that path, or the nearest enclosing one (`body[3]`, then `body`).

import type { Problem } from "../bindings/Problem";
import { h, uid } from "../lib/dom";

/** Parent paths of a model path, most specific first: `a.b[2].c` → `a.b[2].c`, `a.b[2]`, `a.b`, `a`. */
export function pathCandidates(path: string): string[] {
  const out: string[] = [];
  let p = path;
  while (p) {
    out.push(p);
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return out;
}

/** Removes old problem notes inside `root` and places one note per problem; returns the unplaced. */
export function showProblems(root: HTMLElement, problems: Problem[]): Problem[] {
  root.querySelectorAll('[data-testid="field-problem"]').forEach((el) => el.remove());
  root.querySelectorAll(".has-problem").forEach((el) => el.classList.remove("has-problem"));
  root.querySelectorAll("[aria-invalid]").forEach((el) => {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("aria-describedby");
  });
  const unplaced: Problem[] = [];
  for (const p of problems) {
    let target: Element | null = null;
    for (const c of pathCandidates(p.path)) {
      target = root.querySelector(`[data-path="${c.replace(/["\\]/g, "\\$&")}"]`);
      if (target) break;
    }
    if (!target) {
      unplaced.push(p);
      continue;
    }
    target.classList.add("has-problem");
    const note = h("div", { class: "problem", role: "note", id: uid("problem"), testid: "field-problem", "data-path": p.path }, "⚠ ", p.message);
    target.appendChild(note);
    // The field's own control says it is invalid and why (screen readers read the note with it).
    const control = target.querySelector<HTMLElement>("input, textarea, select, .cm-content");
    if (control) {
      control.setAttribute("aria-invalid", "true");
      const ids = [control.getAttribute("aria-describedby"), note.id].filter(Boolean).join(" ");
      control.setAttribute("aria-describedby", ids);
    }
  }
  return unplaced;
}
