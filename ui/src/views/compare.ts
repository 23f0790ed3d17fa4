// Compare: pick two revisions (or a revision and the working copy); the summary and the
// semantic labels on top; side-by-side or inline view; next/previous change; export redline.

import { renderInline, renderSide, renderWhole } from "../components/diff-render";
import { showError, toast } from "../components/notify";
import { api } from "../lib/api";
import { h, replace, select } from "../lib/dom";
import type { BlockDiff, Comparison, FieldDiff, RevRef } from "../lib/types";

export type CompareMode = "side" | "inline";

/** `rev:3` / `working` ↔ RevRef. */
export function parseRef(v: string): RevRef {
  return v.startsWith("rev:") ? { type: "revision", number: Number(v.slice(4)) } : { type: "workingCopy" };
}

/** Default pair: the two latest revisions, or the only revision and the working copy. */
export function defaultPair(latest: number): [string, string] {
  return latest >= 2 ? [`rev:${latest - 1}`, `rev:${latest}`] : [`rev:${Math.max(latest, 1)}`, "working"];
}

interface Row {
  key: string;
  name: string;
  status: string;
  cls: string;
  changed: boolean;
  /** Old and new columns of the side-by-side view. */
  old: () => Node[];
  new: () => Node[];
  /** The one column of the inline view. */
  inline: () => Node[];
}

const note = (text: string): Node[] => [h("span", { class: "move-note" }, text)];

function fieldRow(f: FieldDiff): Row {
  return {
    key: `f:${f.path}`,
    name: f.name,
    status: f.status,
    cls: `st-${f.status}`,
    changed: true,
    old: () => (f.diff ? renderSide(f.diff, "old") : renderWhole(f.old, "del")),
    new: () => (f.diff ? renderSide(f.diff, "new") : renderWhole(f.new, "ins")),
    inline: () => (f.diff ? renderInline(f.diff) : f.old === null ? renderWhole(f.new, "ins") : f.new === null ? renderWhole(f.old, "del") : [...renderWhole(f.old, "del"), document.createTextNode(" "), ...renderWhole(f.new, "ins")]),
  };
}

function blockRow(b: BlockDiff, all: BlockDiff[]): Row {
  const partner = all.find((x) => x.entry === b.partner);
  const base = { key: `b:${b.entry}`, name: b.name, changed: b.status !== "unchanged", cls: `st-${b.status}` };
  switch (b.status) {
    case "unchanged":
      return { ...base, status: b.status, old: () => renderWhole(b.old, "plain"), new: () => renderWhole(b.new, "plain"), inline: () => renderWhole(b.new, "plain") };
    case "changed":
      return {
        ...base,
        status: b.status,
        old: () => (b.diff ? renderSide(b.diff, "old") : renderWhole(b.old, "del")),
        new: () => (b.diff ? renderSide(b.diff, "new") : renderWhole(b.new, "ins")),
        inline: () => (b.diff ? renderInline(b.diff) : [...renderWhole(b.old, "del"), document.createTextNode(" "), ...renderWhole(b.new, "ins")]),
      };
    case "inserted":
      return { ...base, status: "added", old: () => renderWhole(null, "plain"), new: () => renderWhole(b.new, "ins"), inline: () => renderWhole(b.new, "ins") };
    case "deleted":
      return { ...base, status: "removed", old: () => renderWhole(b.old, "del"), new: () => renderWhole(null, "plain"), inline: () => renderWhole(b.old, "del") };
    case "moved": {
      const from = b.oldIndex !== null ? ` (was block ${b.oldIndex + 1})` : "";
      return {
        ...base,
        status: b.edited ? "moved, edited" : "moved",
        old: () => (b.diff ? renderSide(b.diff, "old") : note(`Moved here${from}`)),
        new: () => (b.diff ? renderSide(b.diff, "new") : [h("span", { class: "moved-text" }, b.new ?? "")]),
        inline: () => [...note(`Moved here${from}. `), ...(b.diff ? renderInline(b.diff) : [h("span", { class: "moved-text" }, b.new ?? "")])],
      };
    }
    case "movedAway": {
      const to = partner ? `Moved to ${partner.name}` : "Moved";
      return {
        ...base,
        status: "moved away",
        old: () => [h("span", { class: "moved-text" }, b.old ?? "")],
        new: () => note(to),
        inline: () => note(`${to}.`),
      };
    }
  }
}

function rows(c: Comparison): Row[] {
  const fields = c.fields.filter((f) => f.status !== "unchanged" && !f.bookkeeping).map(fieldRow);
  return [...fields, ...c.blocks.map((b) => blockRow(b, c.blocks))];
}

/** The rendered comparison (both views) — exported for tests. */
export function renderComparison(c: Comparison, mode: CompareMode): HTMLElement {
  const all = rows(c);
  const rowEl = (r: Row, cells: HTMLElement[]) =>
    h(
      "div",
      // A change is announced by its name and kind when focus moves to it (next / previous).
      { class: `diff-row ${r.changed ? "changed" : "same"} ${r.cls}`, testid: r.changed ? "compare-change" : undefined, "data-key": r.key, role: r.changed ? "group" : undefined, "aria-label": r.changed ? `${r.name}, ${r.status}` : undefined },
      h("div", { class: "diff-name" }, r.name, r.changed ? h("span", { class: "pill small" }, r.status) : null),
      cells,
    );
  if (mode === "inline") {
    return h("div", { class: "diff-inline", testid: "compare-inline" }, all.map((r) => rowEl(r, [h("div", { class: "diff-text" }, r.inline())])));
  }
  return h(
    "div",
    { class: "diff-side", testid: "compare-side" },
    h("div", { class: "diff-row diff-head" }, h("div", null, ""), h("div", null, "Before"), h("div", null, "After")),
    all.map((r) => rowEl(r, [h("div", { class: "diff-text old" }, r.old()), h("div", { class: "diff-text new" }, r.new())])),
  );
}

export function compareView(id: string, latestRevision: number, pair?: [string, string]): { el: HTMLElement; run(): Promise<void> } {
  let mode: CompareMode = "side";
  let comparison: Comparison | null = null;
  let active = -1;
  const [defFrom, defTo] = pair ?? defaultPair(latestRevision);
  const options: [string, string][] = [
    ["working", "Working copy (unsaved edits)"],
    ...Array.from({ length: latestRevision }, (_, k): [string, string] => {
      const n = latestRevision - k;
      return [`rev:${n}`, `Revision ${n}`];
    }),
  ];
  let fromV = defFrom;
  let toV = defTo;
  const from = select({ testid: "compare-from", "aria-label": "Compare from" }, options, fromV, (v) => ((fromV = v), void run()));
  const to = select({ testid: "compare-to", "aria-label": "Compare to" }, options, toV, (v) => ((toV = v), void run()));
  const summary = h("p", { class: "compare-summary", testid: "compare-summary", "aria-live": "polite" });
  // Approvals this change made stale (between two saved revisions).
  const stale = h("p", { class: "stale-note", testid: "compare-stale", hidden: true });
  const labels = h("ul", { class: "compare-labels", testid: "compare-labels", "aria-label": "What changed" });
  const body = h("div", { class: "compare-body" });
  const position = h("span", { class: "muted", testid: "compare-position", "aria-live": "polite" });
  const modeBtn = (m: CompareMode, label: string) =>
    h("button", { type: "button", class: "seg", testid: `compare-mode-${m}`, onClick: () => { mode = m; draw(); } }, label);
  const sideBtn = modeBtn("side", "Side by side");
  const inlineBtn = modeBtn("inline", "Inline");

  const changes = () => Array.from(body.querySelectorAll<HTMLElement>('[data-testid="compare-change"]'));
  const go = (i: number) => {
    const list = changes();
    if (list.length === 0) return;
    active = (i + list.length) % list.length;
    list.forEach((el, k) => el.setAttribute("data-active", String(k === active)));
    const el = list[active]!;
    el.scrollIntoView({ behavior: "smooth", block: "center" });
    el.tabIndex = -1;
    el.focus({ preventScroll: true });
    position.textContent = `${active + 1} of ${list.length}`;
  };
  const goKey = (key: string) => {
    const i = changes().findIndex((el) => el.dataset.key === key);
    if (i >= 0) go(i);
  };

  const draw = () => {
    sideBtn.dataset.state = mode === "side" ? "on" : "off";
    inlineBtn.dataset.state = mode === "inline" ? "on" : "off";
    sideBtn.setAttribute("aria-pressed", String(mode === "side"));
    inlineBtn.setAttribute("aria-pressed", String(mode === "inline"));
    if (!comparison) return;
    const c = comparison;
    summary.textContent = c.summary + (c.degraded ? " (some long texts are shown as replaced)" : "");
    replace(
      labels,
      c.labels
        .filter((l) => !l.hidden)
        .map((l) =>
          h(
            "li",
            null,
            h(
              "button",
              { type: "button", class: `label-chip k-${l.kind}`, testid: "compare-label", "data-kind": l.kind, onClick: () => goKey(l.entry !== null ? `b:${l.entry}` : `f:${l.path ?? ""}`) },
              l.text,
            ),
          ),
        ),
    );
    replace(body, c.changeCount === 0 ? h("p", { class: "muted empty" }, "No differences.") : renderComparison(c, mode));
    active = -1;
    const n = changes().length;
    position.textContent = n ? `${n} change${n === 1 ? "" : "s"}` : "";
  };

  const ref = (v: string) => parseRef(v);
  const run = async () => {
    try {
      summary.textContent = "Comparing…";
      comparison = await api.compareRevisions(id, ref(fromV), ref(toV));
      draw();
      void showStale();
    } catch (err) {
      summary.textContent = "";
      showError(err, "The comparison failed");
    }
  };
  let staleSeq = 0;
  const showStale = async () => {
    const mine = ++staleSeq;
    const a = ref(fromV);
    const b = ref(toV);
    stale.hidden = true;
    if (a.type !== "revision" || b.type !== "revision" || a.number >= b.number) return;
    try {
      const made = await api.staleApprovals(id, a.number, b.number);
      if (mine !== staleSeq || made.length === 0) return;
      const what = made.map((x) => (x.scope.type === "release" ? `the ${x.scope.role} approval by ${x.by}` : `the sign-off of ${x.quote !== null ? `quote ${x.quote}` : "a removed quote"} by ${x.by}`));
      stale.textContent = `This change made ${made.length === 1 ? "an approval" : `${made.length} approvals`} stale: ${what.join("; ")}.`;
      stale.hidden = false;
    } catch {
      // The comparison stands without it.
    }
  };
  const exportRedline = async () => {
    try {
      const path = await api.exportRedline(id, ref(fromV), ref(toV));
      if (path) toast(`Redline exported to ${path}`);
    } catch (err) {
      showError(err, "The redline was not exported");
    }
  };

  const el = h(
    "div",
    {
      class: "compare-view",
      testid: "compare-view",
      onKeydown: (e: KeyboardEvent) => {
        if ((e.target as HTMLElement).tagName === "SELECT") return;
        if (e.key === "n" || e.key === "j") go(active + 1);
        else if (e.key === "p" || e.key === "k") go(active - 1);
      },
    },
    h(
      "div",
      { class: "compare-bar" },
      h("label", { class: "inline-field" }, "From ", from),
      h("label", { class: "inline-field" }, "to ", to),
      h("button", { type: "button", class: "btn", testid: "compare-run", onClick: () => void run() }, "Compare"),
      h("div", { class: "segmented", role: "group", "aria-label": "View" }, sideBtn, inlineBtn),
      h("div", { class: "compare-nav" },
        h("button", { type: "button", class: "btn", testid: "compare-prev", title: "Previous change (P)", onClick: () => go(active - 1) }, "↑ Previous"),
        h("button", { type: "button", class: "btn", testid: "compare-next", title: "Next change (N)", onClick: () => go(active + 1) }, "↓ Next"),
        position,
      ),
      h("button", { type: "button", class: "btn", testid: "compare-export-redline", onClick: () => void exportRedline() }, "Export redline"),
    ),
    summary,
    stale,
    labels,
    body,
  );
  draw();
  void run();
  return { el, run };
}
