// The rows of the library: headline (with organisation, revisions, unsaved edits), status,
// language, last edit and the row's actions. Rows are focusable: Enter opens, Delete moves to
// the trash, arrows move between rows.

import { h } from "../lib/dom";
import type { Presence } from "../bindings/Presence";
import { presenceMarker, presenceSentence } from "../components/presence";
import type { ReleaseReview } from "../bindings/ReleaseReview";
import { formatTime, labelOf, REVIEW_STATUSES } from "../lib/labels";
import type { ReleaseSummary } from "../lib/types";

export interface RowActions {
  open(id: string): void;
  remove(r: ReleaseSummary): void;
  act(what: "restore" | "duplicate", r: ReleaseSummary): void;
}

function action(label: string, testid: string, cls: string, run: () => void, title?: string): HTMLButtonElement {
  return h(
    "button",
    {
      type: "button",
      class: cls,
      testid,
      title,
      onClick: (e: Event) => {
        e.stopPropagation();
        run();
      },
    },
    label,
  );
}

/** Rows asked and drawn at first, and then each time the reader reaches the end of what is drawn. */
export const CHUNK = 60;

/**
 * Rows of an answer drawn at once: more than a window shows. The rest of the answer is drawn
 * after the next frame is painted, so a search as you type shows its first rows sooner.
 */
export const FIRST_DRAWN = 20;

/** Runs `f` after the next frame is painted (at once where there are no frames). */
function afterPaint(f: () => void): void {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(f, 0));
  else setTimeout(f, 0);
}

/** The rows of the list from `offset` (at most `CHUNK`), asked of Rust when the reader gets there. */
export type MoreRows = (offset: number) => Promise<ReleaseSummary[]>;

/**
 * The header row and the rows of a list of `total` releases, `first` of which are known: a library
 * of 10,000 releases asks for 60 rows at start and draws the first 20 at once, the rest after
 * the next paint; the next window is asked (`more`) and
 * drawn when the list's end scrolls into view or the arrow keys reach it. Each row tells assistive
 * technology its position in the whole list.
 */
export function releaseRows(
  first: ReleaseSummary[],
  total: number,
  more: MoreRows,
  trash: boolean,
  on: RowActions,
  reviews: Map<string, ReleaseReview> = new Map(),
): HTMLElement[] {
  const head = h(
    "div",
    { class: "lib-row lib-head", "aria-hidden": "true" },
    h("span", null, "Headline"),
    h("span", null, "Status"),
    h("span", null, "Language"),
    h("span", null, "Last edit"),
    h("span", null, ""),
  );
  let drawn = 0;
  // Rows answered but not drawn yet (the end of an answer, drawn after the next paint).
  let held: ReleaseSummary[] = [];
  const end = h("div", { class: "lib-more muted small", testid: "library-more", "aria-hidden": "true" });
  const draw = (rows: ReleaseSummary[]): HTMLElement | null => {
    const at = drawn;
    const next = rows.slice(0, FIRST_DRAWN).map((r, i) => row(r, at + i));
    held = rows.slice(FIRST_DRAWN);
    if (held.length > 0) {
      afterPaint(() => {
        if (held.length > 0 && end.isConnected) draw(held);
      });
    }
    drawn += next.length;
    end.before(...next);
    // An empty window is the end, even if the count said more (releases were trashed meanwhile).
    const done = held.length === 0 && (drawn >= total || rows.length === 0);
    end.textContent = done ? "" : `${total - drawn} more…`;
    end.hidden = done;
    if (done) observer?.disconnect();
    return next[0] ?? null;
  };
  // One window is asked at a time; a list replaced meanwhile (a new search) drops its answer.
  let asking: Promise<HTMLElement | null> | null = null;
  const drawMore = (): Promise<HTMLElement | null> => {
    if (end.hidden) return Promise.resolve(null);
    if (held.length > 0) return Promise.resolve(draw(held));
    asking ??= more(drawn)
      .then((rows) => (end.isConnected ? draw(rows) : null))
      .catch(() => null)
      .finally(() => {
        asking = null;
      });
    return asking;
  };
  const observer =
    typeof IntersectionObserver === "function"
      ? new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting) && end.isConnected) void drawMore();
        }, { rootMargin: "600px" })
      : null;
  const row = (r: ReleaseSummary, index: number): HTMLElement => {
    const open = () => {
      if (!trash) on.open(r.id);
    };
    const actions = trash
      ? [action("Restore", "release-restore", "btn", () => on.act("restore", r))]
      : [
          action("Duplicate", "release-duplicate", "btn subtle", () => on.act("duplicate", r), "Duplicate"),
          action("Delete", "release-delete", "btn subtle danger", () => on.remove(r), "Move to the trash"),
        ];
    const details = [r.organisation, r.hasWorkingCopy ? "unsaved edits" : "", `${r.revisions} revision${r.revisions === 1 ? "" : "s"}`]
      .filter(Boolean)
      .join(" · ");
    return h(
      "div",
      {
        class: `lib-row${trash ? " in-trash" : ""}`,
        role: "listitem",
        testid: "release-row",
        "data-id": r.id,
        tabindex: "0",
        "aria-posinset": String(index + 1),
        "aria-setsize": String(total),
        "aria-label": r.headline || "Untitled release",
        onClick: open,
        onKeydown: (e: KeyboardEvent) => {
          if (e.target !== e.currentTarget) return;
          if (e.key === "Enter") open();
          else if (e.key === "Delete" && !trash) on.remove(r);
          else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            const here = e.currentTarget as HTMLElement;
            const next = (e.key === "ArrowDown" ? here.nextElementSibling : here.previousElementSibling) as HTMLElement | null;
            if (next?.dataset.testid === "release-row") next.focus();
            else if (next === end && !end.hidden) {
              void drawMore().then((added) => {
                if (added && document.activeElement === here) added.focus();
              });
            }
          }
        },
      },
      h(
        "span",
        { class: "lib-headline" },
        h("span", { class: "lib-title", testid: "release-headline" }, r.headline || h("em", { class: "muted" }, "Untitled release")),
        h("span", { class: "muted small org" }, details),
      ),
      statusCell(reviews.get(r.id)),
      h("span", { class: "lang", testid: "release-language" }, r.language),
      h("span", { class: "muted", testid: "release-updated" }, formatTime(r.updated)),
      h("span", { class: "lib-actions" }, actions),
    );
  };
  // The first window is drawn once `end` has a parent to be inserted before.
  const frame = document.createDocumentFragment();
  frame.append(head, end);
  draw(first);
  observer?.observe(end);
  return Array.from(frame.children) as HTMLElement[];
}

/** The review state of a row, and a flag when the person is asked to review it. */
function statusCell(review: ReleaseReview | undefined): HTMLElement {
  if (!review) return h("span", { class: "muted", testid: "release-status" }, "—");
  return h(
    "span",
    { class: "status-cell" },
    h("span", { class: `status rs-${review.status}`, testid: "release-status", "data-status": review.status }, labelOf(REVIEW_STATUSES, review.status)),
    review.waitingForMe ? h("span", { class: "badge warn", testid: "waiting-for-me" }, "asks you") : null,
    review.myApprovalStale ? h("span", { class: "badge warn", testid: "my-approval-stale", title: "The text changed after you approved it" }, "your approval is stale") : null,
  );
}

/**
 * Marks the rows others have open (a small badge, and the row's accessible name says who), in
 * place: focus and scrolling stay where they are.
 */
export function markPresence(list: ParentNode, byRelease: Map<string, Presence[]>): void {
  for (const row of Array.from(list.querySelectorAll<HTMLElement>('[data-testid="release-row"]'))) {
    row.querySelector('[data-testid="release-presence"]')?.remove();
    const people = byRelease.get(row.dataset.id ?? "");
    const title = row.querySelector(".lib-title")?.textContent || "Untitled release";
    const marker = presenceMarker(people);
    if (marker) row.querySelector(".lib-title")?.after(marker);
    row.setAttribute("aria-label", marker && people ? `${title} (${presenceSentence(people)})` : title);
  }
}
