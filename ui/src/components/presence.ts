// Presence: who else has a release open ("Ana is editing", "Ben is viewing"), for the editor's
// header and the library's rows, and the notice that a colleague saved a new revision while the
// user has unsaved edits (in a polite live region, with Compare and Dismiss).

import type { Presence } from "../bindings/Presence";
import { h, replace } from "../lib/dom";

/** Names in reading order: "Ana", "Ana and Ben", "Ana, Ben and Chen". */
function names(list: string[]): string {
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

/** One sentence for the people who have a release open: editors first, then viewers. */
export function presenceSentence(people: Presence[]): string {
  const unique = (editing: boolean) => [...new Set(people.filter((p) => p.editing === editing).map((p) => p.user))].sort();
  const editors = unique(true);
  const viewers = unique(false).filter((u) => !editors.includes(u));
  const parts: string[] = [];
  if (editors.length > 0) parts.push(`${names(editors)} ${editors.length === 1 ? "is" : "are"} editing`);
  if (viewers.length > 0) parts.push(`${names(viewers)} ${viewers.length === 1 ? "is" : "are"} viewing`);
  return parts.join("; ");
}

/** The editor header's line: who else is here; hidden when nobody is. */
export function presenceLine(): { el: HTMLElement; show(people: Presence[]): void } {
  const text = h("span", { class: "presence-text" });
  const el = h("div", { class: "presence-line", testid: "presence-line", hidden: true }, h("span", { class: "presence-dot", "aria-hidden": "true" }), text);
  return {
    el,
    show(people) {
      const sentence = presenceSentence(people);
      el.hidden = sentence === "";
      el.dataset.editing = String(people.some((p) => p.editing));
      el.setAttribute("aria-label", sentence ? `Also here: ${sentence}` : "Nobody else has this release open");
      el.title = sentence;
      replace(text, sentence);
    },
  };
}

/** The library row's marker: a small badge when others have the release open. */
export function presenceMarker(people: Presence[] | undefined): HTMLElement | null {
  if (!people || people.length === 0) return null;
  const sentence = presenceSentence(people);
  const editing = people.some((p) => p.editing);
  const first = [...new Set(people.map((p) => p.user))].sort();
  const label = first.length === 1 ? first[0]! : `${first.length} people`;
  return h("span", { class: `badge presence${editing ? " editing" : ""}`, testid: "release-presence", title: sentence, "data-editing": String(editing) }, h("span", { "aria-hidden": "true" }, "● "), label);
}

/** What the notice offers. */
export interface NoticeActions {
  compare(): void;
  dismiss(): void;
}

/**
 * The live region that tells of a colleague's new revision while the user has unsaved edits;
 * never takes focus. `show` puts the notice in, `clear` takes it out (the region itself stays, so
 * screen readers announce what is put in it).
 */
export function revisionNotice(actions: NoticeActions): { el: HTMLElement; show(author: string, revision: number): void; clear(): void } {
  const el = h("div", { class: "revision-notice-region", role: "status", "aria-live": "polite", testid: "revision-notice-region" });
  const clear = () => replace(el);
  return {
    el,
    clear,
    show(author, revision) {
      const who = author.trim() || "A colleague";
      replace(
        el,
        h(
          "div",
          { class: "banner info revision-notice", testid: "revision-notice", "data-rev": String(revision) },
          h("span", { class: "banner-text" }, `${who} saved a new revision (#${revision}). Your unsaved edits are kept.`),
          h("button", { type: "button", class: "btn", testid: "revision-notice-compare", onClick: () => actions.compare() }, "Compare"),
          h("button", {
            type: "button",
            class: "btn icon",
            testid: "revision-notice-dismiss",
            "aria-label": "Dismiss the notice",
            onClick: () => {
              clear();
              actions.dismiss();
            },
          }, "✕"),
        ),
      );
    },
  };
}
