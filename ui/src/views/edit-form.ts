// The form of an open release: every field of the model, in the order of the printed release,
// with validation problems placed next to their fields.

import type { Problem } from "../bindings/Problem";
import { actionsSection } from "../editor/actions";
import { bodySection } from "../editor/body";
import { boilerplateSection, endMarkSection } from "../editor/closing";
import { contactsSection } from "../editor/contacts";
import type { EditorCtx } from "../editor/ctx";
import { datelineSection } from "../editor/dateline";
import { footnotesSection } from "../editor/footnotes";
import { headlineSection } from "../editor/headline";
import { metaSection } from "../editor/meta";
import { peopleSection } from "../editor/people";
import { showProblems } from "../editor/problems";
import { releaseLineSection } from "../editor/release-line";
import { h, replace } from "../lib/dom";

const SECTIONS: [string, string][] = [
  ["sec-headline", "Headline"],
  ["sec-release-line", "Release line"],
  ["sec-dateline", "Dateline"],
  ["sec-body", "Body"],
  ["sec-people", "People"],
  ["sec-end-mark", "End mark"],
  ["sec-footnotes", "Footnotes"],
  ["sec-boilerplate", "Boilerplate"],
  ["sec-contacts", "Contacts"],
  ["sec-actions", "Actions"],
  ["sec-meta", "Details"],
];

export interface EditForm {
  el: HTMLElement;
  setProblems(problems: Problem[]): void;
  /** Unfolds the list of problems (after a refused save). */
  openProblems(): void;
}

export function editForm(ctx: EditorCtx): EditForm {
  const count = h("button", { type: "button", class: "problem-count", testid: "problem-count", "aria-expanded": "false" });
  const list = h("ul", { class: "problem-list", testid: "problem-list", hidden: true });
  count.addEventListener("click", () => {
    list.hidden = !list.hidden;
    count.setAttribute("aria-expanded", String(!list.hidden));
  });
  const jump = h(
    "nav",
    { class: "jump", "aria-label": "Sections" },
    SECTIONS.map(([id, label]) =>
      h("a", {
        href: `#${id}`,
        onClick: (e: Event) => {
          e.preventDefault();
          const section = document.getElementById(id);
          if (!section) return;
          section.scrollIntoView({ behavior: "smooth", block: "start" });
          // Focus follows the jump (keyboard and screen-reader users land in the section).
          section.tabIndex = -1;
          section.focus({ preventScroll: true });
        },
      }, label),
    ),
  );
  const form = h(
    "div",
    { class: "form" },
    headlineSection(ctx),
    releaseLineSection(ctx),
    datelineSection(ctx),
    bodySection(ctx),
    peopleSection(ctx),
    endMarkSection(ctx),
    footnotesSection(ctx),
    boilerplateSection(ctx),
    contactsSection(ctx),
    actionsSection(ctx),
    metaSection(ctx),
  );
  const el = h("div", { class: "form-pane" }, h("div", { class: "form-top" }, jump, h("div", { class: "problems" }, count, list)), form);

  // The problems last drawn and their notes under the fields: an answer that repeats them (most,
  // while typing) changes nothing, unless a field was drawn again since and lost its note.
  let drawn: string | null = null;
  let notes: Element[] = [];
  const setProblems = (problems: Problem[]) => {
    const key = JSON.stringify(problems);
    if (key === drawn && notes.every((el) => el.isConnected)) return;
    drawn = key;
    count.dataset.count = String(problems.length);
    count.textContent = problems.length === 0 ? "✓ No problems" : `⚠ ${problems.length} problem${problems.length === 1 ? "" : "s"}`;
    count.classList.toggle("ok", problems.length === 0);
    replace(
      list,
      problems.map((p) =>
        h(
          "li",
          { testid: "problem", "data-path": p.path },
          h("button", {
            type: "button",
            class: "link",
            onClick: () => {
              const note = form.querySelector<HTMLElement>(`[data-testid="field-problem"][data-path="${p.path.replace(/"/g, '\\"')}"]`);
              const target = note?.parentElement;
              target?.scrollIntoView({ behavior: "smooth", block: "center" });
              target?.querySelector<HTMLElement>("input, textarea, select, .cm-content")?.focus();
            },
          }, p.message),
          h("span", { class: "muted small" }, ` (${p.path})`),
        ),
      ),
    );
    if (problems.length === 0) list.hidden = true;
    showProblems(form, problems);
    notes = [...form.querySelectorAll('[data-testid="field-problem"]')];
  };
  setProblems([]);
  const openProblems = () => {
    if (count.dataset.count === "0") return;
    list.hidden = false;
    count.setAttribute("aria-expanded", "true");
  };
  return { el, setProblems, openProblems };
}
