// The checks while writing: a count and list beside the validation problems, a note under each
// field a finding is about (with its quick fix), and underlines in the Markdown fields.

import type { LintFinding } from "../bindings/LintFinding";
import type { LintFix } from "../bindings/LintFix";
import type { LintReport } from "../bindings/LintReport";
import { showLintMarks, type LintMark } from "../components/markdown-field";
import { h, replace } from "../lib/dom";
import { pathCandidates } from "./problems";

export interface ChecksActions {
  fix(f: LintFix): void;
  jump(path: string): void;
}

export interface ChecksUi {
  /** The count button and its list, for the form's top bar. */
  el: HTMLElement;
  show(report: LintReport): void;
}

const SEVERITY: Record<LintFinding["severity"], string> = { error: "Error", warning: "Warning", suggestion: "Suggestion" };

function fixButton(f: LintFinding, on: ChecksActions): HTMLElement | null {
  if (!f.fix) return null;
  const fix = f.fix;
  return h("button", { type: "button", class: "btn subtle small", testid: "finding-fix", onClick: () => on.fix(fix) }, fix.label);
}

/** The field at `path` among the form's fields (not the lists in its top bar, which carry paths too). */
function exactField(form: HTMLElement, path: string): HTMLElement | null {
  const fields = form.querySelector<HTMLElement>(".form") ?? form;
  return fields.querySelector<HTMLElement>(`[data-path="${path.replace(/["\\]/g, "\\$&")}"]`);
}

export function checksPanel(form: HTMLElement, on: ChecksActions): ChecksUi {
  const count = h("button", { type: "button", class: "problem-count check-count", testid: "check-count", "aria-expanded": "false", "aria-controls": "check-list" });
  const list = h("ul", { class: "problem-list", id: "check-list", testid: "check-list", hidden: true });
  count.addEventListener("click", () => {
    list.hidden = !list.hidden;
    count.setAttribute("aria-expanded", String(!list.hidden));
  });

  // The report last drawn and the nodes it was drawn into: while typing, most answers repeat
  // it, and drawing it again would rebuild the list, the notes under the fields and every
  // field's underlines for nothing. A field drawn again since (a block added or moved) lost its
  // note or underlines, so the report is drawn again then.
  let drawn = "";
  let drawnInto: Element[] = [];
  const show = (report: LintReport) => {
    const key = JSON.stringify(report.findings);
    if (key === drawn && drawnInto.every((el) => el.isConnected)) return;
    drawn = key;
    const n = report.findings.length;
    const errors = report.findings.filter((f) => f.severity === "error").length;
    count.dataset.count = String(n);
    count.dataset.errors = String(errors);
    count.textContent = n === 0 ? "✓ Checks pass" : `${n} check${n === 1 ? "" : "s"}${errors ? ` (${errors} error${errors === 1 ? "" : "s"})` : ""}`;
    count.classList.toggle("ok", n === 0);
    replace(
      list,
      report.findings.map((f) =>
        h(
          "li",
          { testid: "finding", "data-check": f.check, "data-path": f.path, "data-severity": f.severity },
          h("span", { class: `sev sev-${f.severity}` }, `${SEVERITY[f.severity]}: `),
          h("button", { type: "button", class: "link", onClick: () => on.jump(f.path) }, f.message),
          h("span", { class: "muted small" }, ` (${f.check})`),
          fixButton(f, on),
        ),
      ),
    );
    if (n === 0) {
      list.hidden = true;
      count.setAttribute("aria-expanded", "false");
    }

    // Notes under the fields.
    form.querySelectorAll(".finding-note").forEach((el) => el.remove());
    for (const f of report.findings) {
      let target: HTMLElement | null = null;
      for (const c of pathCandidates(f.path)) {
        target = exactField(form, c);
        if (target) break;
      }
      if (!target) continue;
      target.appendChild(
        h(
          "div",
          { class: `finding-note sev-${f.severity}`, role: "note", testid: "field-finding", "data-check": f.check, "data-path": f.path },
          h("span", { class: "sev" }, `${SEVERITY[f.severity]}: `),
          f.message,
          " ",
          fixButton(f, on),
        ),
      );
    }

    // Underlines in the Markdown fields.
    const marks = new Map<HTMLElement, LintMark[]>();
    for (const f of report.findings) {
      if (!f.range) continue;
      const field = exactField(form, f.path);
      const host = field?.querySelector<HTMLElement>(".md-field");
      if (!host || host.parentElement?.closest("[data-path]") !== field) continue;
      marks.set(host, [...(marks.get(host) ?? []), { from: f.range.start, to: f.range.end, severity: f.severity, message: f.message }]);
    }
    form.querySelectorAll<HTMLElement>(".md-field").forEach((host) => showLintMarks(host, marks.get(host) ?? []));
    drawnInto = [...form.querySelectorAll(".finding-note"), ...marks.keys()];
  };

  return { el: h("div", { class: "problems" }, count, list), show };
}
