// An open release: toolbar (back, autosave indicator, who else is here, tabs, save revision,
// export), and the Edit tab (form + live preview), History tab and Compare tab. Signed in to a
// team server, the editor sends a presence heartbeat (viewing, or editing while there are unsaved
// edits) and follows colleagues' revisions as they arrive: shown at once when there is nothing
// unsaved here, else announced with an offer to compare.

import type { Release } from "../bindings/Release";
import { confirmDialog, saveRevisionDialog } from "../components/dialog";
import { exportMenu, type ExportChoice } from "../components/export-menu";
import { clearError, showError, toast } from "../components/notify";
import { previewPane, structuredCloneSafe } from "../components/preview";
import { saveIndicator } from "../components/save-indicator";
import { MOD } from "../components/shortcuts";
import type { EditorCtx } from "../editor/ctx";
import { api, onPresenceChanged, onSyncChanged } from "../lib/api";
import { presenceLine, revisionNotice } from "../components/presence";
import { Autosaver } from "../lib/autosave";
import { ReleaseDoc } from "../lib/doc";
import { debounce, h, replace } from "../lib/dom";
import { formatTime } from "../lib/labels";
import { LatestOnly } from "../lib/latest";
import type { OpenRelease } from "../lib/types";
import { compareView } from "./compare";
import { conflictBanner } from "./conflicts";
import { editForm } from "./edit-form";
import { historyView } from "./history";
import { fieldTools, focusField, showReviewMarks, type MarkActions } from "../editor/review-marks";
import type { ReviewPanel } from "../bindings/ReviewPanel";
import { labelOf, REVIEW_STATUSES } from "../lib/labels";
import { reviewView, type QuoteRef } from "./review";
import { checksPanel } from "../editor/checks";
import type { LintFix } from "../bindings/LintFix";

export type Tab = "edit" | "history" | "compare";
/** How often the open release's presence is renewed (the server forgets it after ~45 s). */
export const HEARTBEAT_MS = 15_000;
/** What the column beside the form shows; kept while the app runs. */
type Side = "preview" | "review";
let sideChoice: Side = "preview";

export interface EditorView {
  el: HTMLElement;
  id: string;
  doc: ReleaseDoc;
  autosaver: Autosaver;
  showTab(tab: Tab): void;
  saveRevision(): Promise<void>;
  /** Shows the preview or the review panel beside the form. */
  showSide(side: "preview" | "review"): void;
  exportAs(choice: ExportChoice): Promise<void>;
  openExportMenu(): void;
  /** Saves pending changes and stops timers. */
  close(): Promise<void>;
}

/** What the editor asks of the app. */
export interface EditorHooks {
  back(): void;
  /** Open the release again from the store (after a restore), on `tab`. */
  reopen(tab: Tab): void;
}

export function editorView(id: string, opened: OpenRelease, hooks: EditorHooks): EditorView {
  const doc = new ReleaseDoc(opened.release);
  let latestRevision = opened.latestRevision;
  const indicator = saveIndicator();
  const autosaver = new Autosaver(
    () => api.saveWorkingCopy(id, structuredCloneSafe(doc.release)).then(() => undefined),
    (state, err) => indicator.set(state, err),
  );

  const peopleListeners: (() => void)[] = [];
  const ctx: EditorCtx = {
    doc,
    changed: () => doc.emit(),
    peopleChanged: () => peopleListeners.forEach((f) => f()),
    onPeopleChanged: (f) => peopleListeners.push(f),
  };

  const preview = previewPane();
  const form = editForm(ctx);
  const validator = new LatestOnly<Release, Awaited<ReturnType<typeof api.validateRelease>>>(
    (r) => api.validateRelease(r),
    (problems) => form.setProblems(problems),
    300,
  );
  const applyFix = async (fix: LintFix) => {
    try {
      await autosaver.flush();
      const fixed = await api.applyFix(structuredCloneSafe(doc.release), fix);
      await api.saveWorkingCopy(id, fixed);
      toast(`Fixed: ${fix.label}`);
      hooks.reopen("edit");
    } catch (err) {
      showError(err, "The fix was not applied");
    }
  };
  const checks = checksPanel(form.el, { fix: (f) => void applyFix(f), jump: (path) => focusField(form.el, path) });
  form.el.querySelector(".form-top")?.appendChild(checks.el);
  // Lint as you type: on the blocking pool in Rust; answers older than the last applied are dropped.
  const linter = new LatestOnly<Release, Awaited<ReturnType<typeof api.lintRelease>>>(
    (r) => api.lintRelease(r),
    (report) => checks.show(report),
    300,
  );
  // Spelling in the release's language, its names never flagged: set again when they change.
  let spellKey = "";
  const spelling = () => {
    const r = doc.release;
    form.el.lang = r.meta.language || "en";
    const key = JSON.stringify([r.meta.language, r.meta.organisation, r.people.map((p) => p.name), r.dateline?.places, r.contacts.map((c) => [c.name, c.organisation])]);
    if (key === spellKey) return;
    spellKey = key;
    void api.setSpelling(structuredCloneSafe(r)).catch(() => {});
  };
  const spellingLater = debounce(spelling, 1500);
  const title = h("h1", { class: "doc-title", title: doc.release.headline }, doc.release.headline || "Untitled release");
  // Unsaved edits: kept as the working copy until saved as a revision or discarded.
  let hasEdits = opened.fromWorkingCopy;
  let discarded = false;
  let closed = false;
  // Presence: who else has this release open; renewed every HEARTBEAT_MS and whenever this
  // editor starts or stops having unsaved edits.
  const presence = presenceLine();
  let beatEditing: boolean | null = null;
  const beat = () => {
    if (closed) return;
    beatEditing = hasEdits;
    void api.presenceHeartbeat(id, hasEdits).then((people) => {
      if (!closed) presence.show(people);
    }, () => {});
  };
  const beatTimer = setInterval(beat, HEARTBEAT_MS);
  const offPresence = onPresenceChanged((c) => {
    if (closed || c.release !== id) return;
    void api.releasePresence(id).then((people) => {
      if (!closed) presence.show(people);
    }, () => {});
  });
  doc.onChange((r) => {
    hasEdits = true;
    if (beatEditing === false) beat();
    discardBtn.disabled = false;
    autosaver.touch();
    preview.update(r);
    validator.push(structuredCloneSafe(r));
    linter.push(structuredCloneSafe(r));
    spellingLater();
    const heading = r.headline || "Untitled release";
    if (title.textContent !== heading) {
      title.textContent = heading;
      title.title = r.headline;
    }
  });

  const banner = opened.fromWorkingCopy
    ? h(
        "div",
        { class: "banner info", testid: "working-copy-banner", role: "status" },
        `Your unsaved changes${opened.workingCopySavedAt ? ` from ${formatTime(opened.workingCopySavedAt)}` : ""} were kept. The last saved revision is ${opened.latestRevision}. Press ${MOD}+S to save them as a revision.`,
      )
    : null;

  const quotes = (): QuoteRef[] => {
    const people = new Map(doc.release.people.map((p) => [p.id, p.name]));
    const out: QuoteRef[] = [];
    for (const b of doc.release.body) {
      if (b.type === "quote") out.push({ number: out.length + 1, speaker: people.get(b.speaker) ?? b.speaker });
    }
    return out;
  };
  const statusBtn = h("button", { type: "button", class: "btn subtle status-btn", testid: "toolbar-review-status", title: "Show the review", onClick: () => showSide("review", true) }, "Review");
  const review = reviewView(id, {
    jumpTo: (path) => {
      showTab("edit");
      focusField(form.el, path);
    },
    reload: () => hooks.reopen("edit"),
    flush: () => autosaver.flush(),
    changed: (p: ReviewPanel) => {
      showReviewMarks(form.el, p, marks);
      const open = p.state.comments.filter((c) => !c.resolved).length;
      replace(statusBtn, h("span", { class: `status rs-${p.state.status}` }, labelOf(REVIEW_STATUSES, p.state.status)), open > 0 ? h("span", { class: "muted small" }, `${open} comment${open === 1 ? "" : "s"}`) : "");
      statusBtn.title = `Review: ${labelOf(REVIEW_STATUSES, p.state.status)}, ${open} open comment${open === 1 ? "" : "s"}. Show the review.`;
    },
    quotes,
  });
  const marks: MarkActions = {
    openThread: (cid) => {
      showSide("review");
      review.focusThread(cid);
    },
    decide: (sg, accept) => void review.decide(sg, accept),
    comment: (path, range, quoted) => void review.comment(path, range, quoted).then(() => showSide("review")),
    suggest: (path, current) => void review.suggest(path, current).then(() => showSide("review")),
  };
  fieldTools(form.el, marks);
  const sideTabs: Record<Side, HTMLButtonElement> = {
    preview: h("button", { type: "button", role: "tab", class: "tab", id: `side-preview-${id}`, "aria-controls": `side-${id}`, testid: "side-preview", onClick: () => showSide("preview", true) }, "Preview"),
    review: h("button", { type: "button", role: "tab", class: "tab", id: `side-review-${id}`, "aria-controls": `side-${id}`, testid: "side-review", onClick: () => showSide("review", true) }, "Review"),
  };
  const sideBody = h("div", { class: "side-body", role: "tabpanel", id: `side-${id}` });
  const sideList = h("div", { class: "tabs side-tabs", role: "tablist", "aria-label": "Beside the form" }, sideTabs.preview, sideTabs.review);
  const side = h("div", { class: "side-pane" }, sideList, sideBody);
  sideList.addEventListener("keydown", (e) => {
    const k = (e as KeyboardEvent).key;
    if (k !== "ArrowLeft" && k !== "ArrowRight") return;
    const next: Side = sideChoice === "preview" ? "review" : "preview";
    showSide(next);
    sideTabs[next].focus();
  });
  const showSide = (which: Side, focus = false) => {
    sideChoice = which;
    if (current !== "edit") showTab("edit");
    for (const [name, btn] of Object.entries(sideTabs)) {
      btn.setAttribute("aria-selected", String(name === which));
      btn.tabIndex = name === which ? 0 : -1;
    }
    sideBody.setAttribute("aria-labelledby", sideTabs[which].id);
    replace(sideBody, which === "preview" ? preview.el : review.el);
    if (which === "review") void review.refresh();
    if (focus) sideTabs[which].focus();
  };
  const editPane = h("div", { class: "edit-tab" }, form.el, side);
  const content = h("div", { class: "tab-content", role: "tabpanel", id: `panel-${id}` });
  const tabs: Record<Tab, HTMLButtonElement> = {
    edit: h("button", { type: "button", role: "tab", class: "tab", id: `tab-edit-${id}`, "aria-controls": `panel-${id}`, testid: "tab-edit", onClick: () => showTab("edit") }, "Edit"),
    history: h("button", { type: "button", role: "tab", class: "tab", id: `tab-history-${id}`, "aria-controls": `panel-${id}`, testid: "tab-history", onClick: () => showTab("history") }, "History"),
    compare: h("button", { type: "button", role: "tab", class: "tab", id: `tab-compare-${id}`, "aria-controls": `panel-${id}`, testid: "tab-compare", onClick: () => showTab("compare") }, "Compare"),
  };

  let current: Tab = "edit";
  const showTab = (tab: Tab) => {
    current = tab;
    for (const [name, btn] of Object.entries(tabs)) {
      btn.setAttribute("aria-selected", String(name === tab));
      btn.tabIndex = name === tab ? 0 : -1;
    }
    content.setAttribute("aria-labelledby", tabs[tab].id);
    // Focus inside the view being replaced would fall to <body>: it goes to the tab instead.
    const keepFocus = () => {
      if (!document.activeElement || document.activeElement === document.body) tabs[tab].focus();
    };
    const hadFocus = content.contains(document.activeElement);
    if (tab === "edit") {
      replace(content, editPane);
      if (hadFocus) keepFocus();
      return;
    }
    if (hadFocus) tabs[tab].focus();
    // History and compare read the stored working copy: save it first.
    void autosaver.flush().then(() => {
      if (current !== tab) return;
      if (tab === "history") {
        replace(content, historyView(id, { onRestored: reload }).el);
      } else {
        replace(content, compareView(id, latestRevision, comparePair).el);
        comparePair = undefined;
      }
    });
  };

  const reload = () => hooks.reopen("history");

  // Colleagues' revisions, as the live sync pulls them.
  let seenRevision = latestRevision;
  let comparePair: [string, string] | undefined;
  const notice = revisionNotice({
    compare: () => {
      comparePair = [`rev:${seenRevision}`, "working"];
      showTab("compare");
      tabs.compare.focus();
    },
    dismiss: () => tabs[current].focus(),
  });
  const pulled = async () => {
    const revs = await api.history(id);
    if (closed) return;
    void review.refresh();
    const newest = revs[0];
    if (!newest || newest.number <= seenRevision) return;
    seenRevision = newest.number;
    if (!hasEdits) {
      // Nothing unsaved here: the colleague's revision becomes the shown text.
      toast(`${newest.author || "A colleague"} saved revision ${newest.number}`);
      hooks.reopen(current);
      return;
    }
    latestRevision = newest.number;
    notice.show(newest.author, newest.number);
    if (current === "history") showTab("history");
  };
  const offChanged = onSyncChanged((c) => {
    if (closed || !(c.all || c.releases.includes(id))) return;
    void pulled().catch(() => {});
  });

  const saveRevision = async () => {
    // Ctrl+S can arrive twice (the page's key handler and the native menu's accelerator).
    if (document.querySelector('[data-testid="save-dialog"]')) return;
    // The store validates the save (once); a refusal carries the problems, shown in the form.
    const note = await saveRevisionDialog(latestRevision + 1);
    if (!note) return;
    try {
      await autosaver.flush();
      const rev = await api.saveRevision(id, structuredCloneSafe(doc.release), note.message ?? null, note.name ?? null);
      latestRevision = rev;
      seenRevision = Math.max(seenRevision, rev);
      hasEdits = false;
      notice.clear();
      beat();
      discardBtn.disabled = true;
      banner?.remove();
      clearError();
      toast(`Revision ${rev} saved`);
      void review.refresh();
      // Colleagues see it soon: a sync round now (nothing happens when not signed in).
      void api.syncNow().catch(() => {});
      if (current !== "edit") showTab(current);
    } catch (err) {
      const e = showError(err, "The revision was not saved");
      if (e.code === "invalid_release") {
        form.setProblems(e.problems);
        form.openProblems();
      }
    }
  };

  const exportAs = async (choice: ExportChoice) => {
    try {
      const snapshot = structuredCloneSafe(doc.release);
      const path = choice === "pdf" ? await api.exportPdf(snapshot) : await api.exportRelease(snapshot, choice);
      if (path) toast(`Exported to ${path}`);
    } catch (err) {
      showError(err, "The export failed");
    }
  };

  const discard = async () => {
    if (!hasEdits) return;
    const ok = await confirmDialog(
      "Discard unsaved edits?",
      `The edits made since revision ${latestRevision} will be dropped. The saved revisions stay as they are.`,
      "Discard edits",
    );
    if (!ok) {
      discardBtn.focus();
      return;
    }
    discarded = true;
    await autosaver.abandon();
    try {
      await api.discardWorkingCopy(id);
      toast("Unsaved edits discarded");
      hooks.reopen("edit");
    } catch (err) {
      discarded = false;
      showError(err, "The edits were not discarded");
    }
  };
  const discardBtn = h("button", { type: "button", class: "btn subtle", testid: "discard-edits", disabled: !hasEdits, onClick: () => void discard(), title: "Drop the edits made since the last saved revision" }, "Discard edits");

  const menu = exportMenu((c) => void exportAs(c));
  const toolbar = h(
    "header",
    { class: "toolbar" },
    h("button", { type: "button", class: "btn subtle", testid: "back-to-library", onClick: () => hooks.back(), title: `Back to the library (${MOD}+L)` }, "← Library"),
    title,
    indicator.el,
    presence.el,
    statusBtn,
    h("div", { class: "tabs", role: "tablist", "aria-label": "Release views" }, tabs.edit, tabs.history, tabs.compare),
    h("div", { class: "toolbar-end" },
      discardBtn,
      h("button", { type: "button", class: "btn primary", testid: "save-revision", onClick: () => void saveRevision(), title: `Save a revision (${MOD}+S)` }, "Save revision"),
      menu.el,
    ),
  );
  // Text two people changed differently (a merge kept the version saved last): a banner offers the chooser.
  const conflictsSlot = h("div", { class: "conflicts-slot" });
  void Promise.all([api.mergeConflicts(id), api.workspaceSettings().then((w) => w.name, () => "")]).then(
    ([conflicts, me]) => {
      const b = conflictBanner(conflicts, me, id, async () => {
        await autosaver.flush();
        hooks.reopen("edit");
      });
      if (b) conflictsSlot.replaceChildren(b);
    },
    () => undefined,
  );
  const el = h("div", { class: "editor-view", testid: "editor-view", "data-id": id }, toolbar, banner, conflictsSlot, notice.el, content);
  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  toolbar.querySelector(".tabs")?.addEventListener("keydown", (e) => {
    const k = (e as KeyboardEvent).key;
    if (k !== "ArrowLeft" && k !== "ArrowRight") return;
    const order: Tab[] = ["edit", "history", "compare"];
    const next = order[(order.indexOf(current) + (k === "ArrowRight" ? 1 : 2)) % 3]!;
    showTab(next);
    tabs[next].focus();
  });

  showTab("edit");
  showSide(sideChoice);
  void preview.now(doc.release);
  void api.validateRelease(doc.release).then(form.setProblems, () => {});
  void linter.now(structuredCloneSafe(doc.release));
  spelling();
  beat();

  const view: EditorView = {
    el,
    id,
    doc,
    autosaver,
    showTab,
    saveRevision,
    showSide,
    exportAs,
    openExportMenu: () => menu.open(),
    close: async () => {
      if (!closed) {
        closed = true;
        clearInterval(beatTimer);
        void offPresence.then((off) => off());
        void offChanged.then((off) => off());
        void api.presenceLeave(id).catch(() => {});
      }
      if (!discarded) await autosaver.flush();
      autosaver.dispose();
    },
  };
  return view;
}
