// The library: the releases (a window at a time) with headline, status, language and last edit; search; new from a
// house-style template; duplicate; delete to the trash (with confirmation) and restore from it.

import type { HouseStyleId } from "../bindings/HouseStyleId";
import { confirmDialog, formDialog } from "../components/dialog";
import { importReview } from "./import-review";
import { showError, showNote, toast } from "../components/notify";
import { api, onPresenceChanged, onSyncChanged } from "../lib/api";
import type { Presence } from "../bindings/Presence";
import { debounce, h, replace } from "../lib/dom";
import { HOUSE_STYLES } from "../lib/labels";
import type { SourceFormat } from "../bindings/SourceFormat";
import type { ReleasePage } from "../bindings/ReleasePage";
import type { ReleaseSummary } from "../lib/types";
import type { ReleaseReview } from "../bindings/ReleaseReview";
import { CHUNK, markPresence, releaseRows, type MoreRows } from "./library-rows";
import { settingsDialog } from "./settings";

/** Which releases the library lists. */
type Scope = "all" | "waiting" | "mine";
const SCOPES: [Scope, string][] = [
  ["all", "All"],
  ["waiting", "Waiting for me"],
  ["mine", "Mine"],
];

export interface LibraryHooks {
  open(id: string): void;
}

const TEMPLATE_HINT: Record<HouseStyleId, string> = {
  unOhchr: "GENEVA (14 May 2025) – … ENDS, expert footnote",
  wire: "AP dateline, ### end mark",
  corporate: "Classic dateline, -ENDS-, About section",
};

/**
 * The User Timing names of one search as you type: from the key's input event to the question,
 * its answer (IPC and store), and the drawing of its rows, which is building the row elements,
 * putting them in the list and marking who has which release open.
 */
export const SEARCH_TIMINGS = [
  "library-search-start",
  "library-search-answer",
  "library-search-draw",
  "library-search-build",
  "library-search-insert",
  "library-search-presence",
] as const;

/**
 * Records one search's timings from its moments (input, asked, answered, built, inserted, done),
 * read by the app measurement (tests/e2e/measure.rs); the last 200 of each are kept.
 */
function timeSearch(input: number, asked: number, answered: number, built: number, inserted: number): void {
  const done = performance.now();
  const spans: [number, number][] = [[input, asked], [asked, answered], [answered, done], [answered, built], [built, inserted], [inserted, done]];
  try {
    SEARCH_TIMINGS.forEach((name, i) => {
      if (performance.getEntriesByName(name, "measure").length >= 200) performance.clearMeasures(name);
      const [start, end] = spans[i]!;
      performance.measure(name, { start, end });
    });
  } catch {
    // A webview without User Timing: nothing is recorded.
  }
}

export function libraryView(hooks: LibraryHooks): {
  el: HTMLElement;
  refresh(): Promise<void>;
  openNewMenu(): void;
  focusSearch(): void;
  importFile(): Promise<void>;
} {
  let trash = false;
  let query = "";
  let scope: Scope = "all";
  /** The workspace name, once read (`null`: not read yet, or the settings changed). */
  let me: string | null = null;
  /** When the search text last changed, and when the last list's rows were built and put in place (a list
   * with no rows, "no release matches", is not timed). */
  let typed = 0;
  let built = 0;
  let inserted = 0;
  const list = h("div", { class: "library-list", testid: "library-list" });
  const search = h("input", {
    type: "search",
    class: "search",
    testid: "library-search",
    placeholder: "Search headlines, text, tags…",
    "aria-label": "Search releases",
    onInput: () => {
      query = search.value;
      typed = performance.now();
      searchNow();
    },
  });

  // Who has which release open (others only); markers are updated in place.
  let present = new Map<string, Presence[]>();
  let presenceSeq = 0;
  const loadPresence = async () => {
    const mine = ++presenceSeq;
    const all = await api.workspacePresence().catch(() => [] as Presence[]);
    if (mine !== presenceSeq) return;
    present = new Map();
    for (const p of all) present.set(p.release, [...(present.get(p.release) ?? []), p]);
    if (!trash) markPresence(list, present);
  };

  // Searches answered after a newer one are dropped.
  let seq = 0;
  // The review states of the last full refresh: a new search text does not change them.
  let lastReviews: ReleaseReview[] | null = null;
  /**
   * Lists the first window of the releases (the next ones are asked as the reader gets there);
   * `searching` reuses the review states and presence already read.
   */
  const refresh = async (searching = false) => {
    const mine = ++seq;
    try {
      // The review states come alongside; the list still shows if they cannot be read.
      const reviewsAsked: Promise<ReleaseReview[]> = trash
        ? Promise.resolve([])
        : searching && lastReviews
          ? Promise.resolve(lastReviews)
          : api.reviewOverview().catch(() => [] as ReleaseReview[]);
      const whoAsked = me !== null ? Promise.resolve(me) : api.workspaceSettings().then((w): string | null => w.name, () => null);
      // "Waiting for me" and "Mine" list the releases the review states name: the store filters
      // by those ids. "All" and the trash are asked at once, beside the review states.
      const idsAsked: Promise<string[] | null> =
        trash || scope === "all"
          ? Promise.resolve(null)
          : Promise.all([reviewsAsked, whoAsked]).then(([reviews, who]) =>
              reviews.filter((r) => (scope === "waiting" ? r.waitingForMe : r.writer === who)).map((r) => r.id),
            );
      const text = query.trim() || null;
      const ask = (ids: string[] | null, offset: number) => api.listReleases(text, trash, ids, offset, CHUNK);
      const asked = performance.now();
      const [[page, ids], reviews, who] = await Promise.all([
        idsAsked.then((ids) => Promise.all([ask(ids, 0), ids] as const)),
        reviewsAsked,
        whoAsked,
      ]);
      if (mine !== seq) return;
      const answered = performance.now();
      me = who;
      if (!trash) lastReviews = reviews;
      const byId = new Map(reviews.map((r) => [r.id, r]));
      const waiting = reviews.filter((r) => r.waitingForMe).length;
      scopeButtons.waiting.textContent = waiting > 0 ? `Waiting for me (${waiting})` : "Waiting for me";
      draw(page, (offset) => ask(ids, offset).then((p) => p.rows), byId);
      if (!trash) markPresence(list, present);
      if (searching && built >= answered) timeSearch(Math.min(typed, asked), asked, answered, built, inserted);
      else void loadPresence();
    } catch (err) {
      if (mine === seq) showError(err, "The library could not be loaded");
    }
  };
  const scopeButtons = Object.fromEntries(
    SCOPES.map(([s, label]) => [
      s,
      h("button", {
        type: "button",
        class: "seg",
        testid: `library-scope-${s}`,
        "aria-pressed": String(s === scope),
        onClick: () => {
          scope = s;
          for (const [k, b] of Object.entries(scopeButtons)) b.setAttribute("aria-pressed", String(k === s));
          void refresh();
        },
      }, label),
    ]),
  ) as Record<Scope, HTMLButtonElement>;
  const scopeBar = h("div", { class: "segmented", role: "group", "aria-label": "Show" }, Object.values(scopeButtons));
  // Search as you type: a key searches at once. Keys typed while a search is under way are
  // answered by one more search when it is back, with the text as it is then: never more than
  // one search waits, and none waits for a pause in the typing.
  let searching: Promise<void> | null = null;
  let again = false;
  const searchNow = () => {
    if (searching) {
      again = true;
      return;
    }
    searching = refresh(true).finally(() => {
      searching = null;
      if (again) {
        again = false;
        searchNow();
      }
    });
  };

  const create = async (style: HouseStyleId) => {
    hideMenu();
    try {
      const id = await api.createRelease(style);
      hooks.open(id);
    } catch (err) {
      showError(err, "The release was not created");
    }
  };

  const templateButtons = HOUSE_STYLES.map(([style, label]) =>
    h(
      "button",
      { type: "button", role: "menuitem", tabindex: "-1", class: "menu-item", testid: `template-${style}`, onClick: () => void create(style) },
      h("span", null, label),
      h("span", { class: "muted small" }, TEMPLATE_HINT[style]),
    ),
  );
  const menu = h("div", { class: "menu", role: "menu", hidden: true, "aria-label": "Templates" }, templateButtons);
  menu.addEventListener("keydown", (e: KeyboardEvent) => {
    const i = templateButtons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "ArrowDown") templateButtons[(i + 1) % templateButtons.length]?.focus();
    else if (e.key === "ArrowUp") templateButtons[(i - 1 + templateButtons.length) % templateButtons.length]?.focus();
    else if (e.key === "Home") templateButtons[0]?.focus();
    else if (e.key === "End") templateButtons[templateButtons.length - 1]?.focus();
    else if (e.key === "Escape") {
      hideMenu();
      newBtn.focus();
    } else if (e.key === "Tab") {
      hideMenu();
      newBtn.focus();
      return;
    } else return;
    e.preventDefault();
  });
  const newBtn = h("button", { type: "button", class: "btn primary", testid: "library-new", "aria-haspopup": "menu", onClick: () => (menu.hidden ? showMenu() : hideMenu()) }, "+ New release");
  const showMenu = () => {
    menu.hidden = false;
    newBtn.setAttribute("aria-expanded", "true");
    templateButtons[0]?.focus();
  };
  const hideMenu = () => {
    menu.hidden = true;
    newBtn.setAttribute("aria-expanded", "false");
  };

  /** File → Import and the Import… button: Rust asks for the file and reads it; then the review. */
  const importFile = async () => {
    try {
      const file = await api.openImportFile();
      if (file) await review(file.text, file.format, file.name);
    } catch (err) {
      showError(err, "The file could not be imported");
    }
  };

  /** The review screen, then the editor on the imported release. */
  const review = async (text: string, format: SourceFormat | null, name: string) => {
    const res = await importReview(text, format, name);
    if (!res) return;
    const unsure = res.report?.unsure ?? [];
    if (unsure.length > 0) {
      showNote(
        `Imported ${name}. Please check:`,
        unsure.map((f) => `${f.note} (${f.field})`),
      );
    } else {
      toast(`Imported ${name}`);
    }
    hooks.open(res.id);
  };
  const paste = async () => {
    const v = await formDialog({
      title: "Paste a release",
      intro: "Paste the text of a press release (from a web page, an email or a document). You will see what was recognised before anything is saved.",
      fields: [{ name: "text", label: "Text", kind: "textarea", rows: 14, required: true }],
      submit: "Continue",
      testid: "paste-dialog",
    });
    if (v?.text?.trim()) await review(v.text, null, "the pasted text");
  };

  const trashBtn = h("button", {
    type: "button",
    class: "btn subtle",
    testid: "library-show-trash",
    "data-state": "active",
    onClick: () => {
      trash = !trash;
      trashBtn.dataset.state = trash ? "trash" : "active";
      trashBtn.textContent = trash ? "← Back to releases" : "Trash";
      heading.textContent = trash ? "Trash" : "Releases";
      scopeBar.hidden = trash;
      void refresh();
    },
  }, "Trash");
  const heading = h("h1", null, "Releases");

  const remove = async (r: ReleaseSummary) => {
    const ok = await confirmDialog("Move to the trash?", `“${r.headline || "Untitled release"}” goes to the trash. You can restore it from there at any time.`, "Move to trash");
    if (!ok) return;
    try {
      await api.deleteRelease(r.id);
      toast("Moved to the trash");
      await refresh();
      (list.querySelector<HTMLElement>('[data-testid="release-row"]') ?? search).focus();
    } catch (err) {
      showError(err, "The release was not deleted");
    }
  };

  const draw = (page: ReleasePage, more: MoreRows, reviews: Map<string, ReleaseReview>) => {
    if (page.total === 0 && !trash && !query && scope === "all") {
      list.removeAttribute("role");
      replace(
        list,
        h(
          "div",
          { class: "welcome", testid: "library-empty" },
          h("h2", null, "Start your first release"),
          h("p", { class: "muted" }, "Pick a house style. Every part of the release is a field you fill in; the preview shows it as it will be sent."),
          h(
            "div",
            { class: "welcome-cards" },
            HOUSE_STYLES.map(([style, label]) =>
              h("button", { type: "button", class: "welcome-card", testid: `welcome-${style}`, onClick: () => void create(style) }, h("strong", null, label), h("span", { class: "muted small" }, TEMPLATE_HINT[style])),
            ),
          ),
        ),
      );
      return;
    }
    if (page.total === 0 || page.rows.length === 0) {
      list.removeAttribute("role");
      list.removeAttribute("aria-label");
      const why = trash ? "The trash is empty." : query ? `No release matches “${query}”.` : scope === "waiting" ? "Nobody is waiting for your review." : "You have not written a release yet.";
      replace(list, h("p", { class: "empty muted", testid: "library-empty" }, why));
      return;
    }
    list.setAttribute("role", "list");
    list.setAttribute("aria-label", trash ? "Releases in the trash" : "Releases");
    const rows = releaseRows(page.rows, page.total, more, trash, {
        open: hooks.open,
        remove: (r) => void remove(r),
        act: async (what, r) => {
          try {
            let focusId: string | null = null;
            if (what === "restore") await api.undeleteRelease(r.id);
            else focusId = await api.duplicateRelease(r.id);
            toast(what === "restore" ? "Restored" : "Duplicated");
            await refresh();
            // Focus stays in the list: on the copy, else on the first row, else on search.
            const row =
              (focusId ? list.querySelector<HTMLElement>(`[data-testid="release-row"][data-id="${focusId}"]`) : null) ??
              list.querySelector<HTMLElement>('[data-testid="release-row"]');
            (row ?? search).focus();
          } catch (err) {
            showError(err, what === "restore" ? "The release was not restored" : "The release was not duplicated");
          }
        },
      }, reviews);
    built = performance.now();
    replace(list, rows);
    inserted = performance.now();
  };

  const el = h(
    "div",
    { class: "library-view", testid: "library-view" },
    h(
      "header",
      { class: "lib-top" },
      heading,
      search,
      h("div", { class: "menu-wrap" }, newBtn, menu),
      h("button", { type: "button", class: "btn subtle", testid: "library-import", onClick: () => void importFile() }, "Import…"),
      h("button", { type: "button", class: "btn subtle", testid: "library-paste", onClick: () => void paste() }, "Paste…"),
      trashBtn,
      h("button", { type: "button", class: "btn subtle", testid: "open-settings", onClick: () => void settingsDialog().then(() => { me = null; void refresh(); }) }, "Settings"),
    ),
    scopeBar,
    list,
    h("p", { class: "muted small shortcut-hint" }, "Press ", h("kbd", null, "F1"), " for keyboard shortcuts."),
  );
  const outside = (e: MouseEvent) => {
    if (!el.isConnected) document.removeEventListener("click", outside);
    else if (!menu.hidden && !el.querySelector(".menu-wrap")?.contains(e.target as Node)) hideMenu();
  };
  document.addEventListener("click", outside);
  // Live: colleagues' new releases and revisions, and who has what open. The subscriptions end
  // at the first event after the library left the page.
  const offChanged = onSyncChanged(() => {
    if (!el.isConnected) return void offChanged.then((off) => off());
    const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-testid="release-row"]')?.dataset.id;
    void refresh().then(() => {
      if (focused) list.querySelector<HTMLElement>(`[data-testid="release-row"][data-id="${focused}"]`)?.focus();
    });
  });
  const presenceLater = debounce(() => void loadPresence(), 200);
  const offPresence = onPresenceChanged(() => {
    if (!el.isConnected) return void offPresence.then((off) => off());
    presenceLater();
  });
  void refresh();
  return { el, refresh, openNewMenu: showMenu, focusSearch: () => search.focus(), importFile };
}
