// History: every revision with author, time, message and name; view one read-only; restore one
// (which saves it again as a new revision).

import { confirmDialog } from "../components/dialog";
import { showError, toast } from "../components/notify";
import { sandboxedFrame } from "../components/preview";
import { api } from "../lib/api";
import { h, replace } from "../lib/dom";
import { formatTime } from "../lib/labels";
import type { RevisionInfo } from "../lib/types";

export function historyView(id: string, hooks: { onRestored: () => void }): { el: HTMLElement } {
  const list = h("ol", { class: "history-list", "aria-label": "Revisions, newest first" }, h("li", { class: "muted" }, "Loading…"));
  const placeholder = () => h("p", { class: "muted viewer-empty" }, "Choose “View” to read a revision as it was saved.");
  const viewer = h("div", { class: "revision-viewer-slot" }, placeholder());

  const view = async (rev: RevisionInfo) => {
    try {
      const release = await api.loadRevision(id, rev.number);
      const html = await api.renderPreview(release);
      const frame = sandboxedFrame("revision-frame", `Revision ${rev.number}, read-only`);
      frame.srcdoc = html;
      const close = h("button", {
        type: "button",
        class: "btn",
        testid: "revision-close",
        onClick: () => {
          replace(viewer, placeholder());
          list.querySelector<HTMLElement>(`[data-testid="history-row"][data-rev="${rev.number}"] [data-testid="history-open"]`)?.focus();
        },
      }, "Close");
      replace(
        viewer,
        h(
          "section",
          { class: "revision-viewer", testid: "revision-viewer", "data-rev": String(rev.number), "aria-label": `Revision ${rev.number}` },
          h("div", { class: "pane-head" }, h("strong", null, `Revision ${rev.number}${rev.name ? ` — ${rev.name}` : ""}`), h("span", { class: "muted" }, " read-only"), close),
          frame,
        ),
      );
      close.focus();
    } catch (err) {
      showError(err, `Revision ${rev.number} could not be shown`);
    }
  };

  const restore = async (rev: RevisionInfo) => {
    const ok = await confirmDialog(
      `Restore revision ${rev.number}?`,
      `Its content becomes the current release, saved as a new revision. Nothing is lost: the current version stays in the history.`,
      "Restore",
    );
    if (!ok) return;
    try {
      const n = await api.restoreRevision(id, rev.number);
      toast(`Revision ${rev.number} restored as revision ${n}`);
      hooks.onRestored();
    } catch (err) {
      showError(err, "The revision was not restored");
    }
  };

  void Promise.all([api.history(id), api.timeline(id).catch(() => null)]).then(
    ([revs, timeline]) => {
      const labels = new Map((timeline?.changes ?? []).map((c) => [c.number, c.labels.filter((l) => !l.hidden)]));
      // Review events (comments, approvals, state changes, exports) between the revisions.
      const events = (timeline?.audit ?? []).filter((e) => e.kind !== "revision").reverse();
      const t = (iso: string) => Date.parse(iso);
      const eventsAfter = (created: string, newer: string | null) =>
        events.filter((e) => t(e.time) >= t(created) && (newer === null || t(e.time) < t(newer)));
      const eventRow = (e: (typeof events)[number]) =>
        h(
          "li",
          { class: "audit-row", testid: "audit-row", "data-kind": e.kind },
          h("span", { class: "audit-dot", "aria-hidden": "true" }, "•"),
          h("span", null, h("strong", null, e.actor), " ", e.summary),
          h("time", { class: "muted small", datetime: e.time }, ` ${formatTime(e.time)}`),
        );
      const before = revs.length > 0 ? events.filter((e) => t(e.time) < t(revs[revs.length - 1]!.created)) : [];
      replace(
        list,
        revs.length === 0 ? h("li", { class: "muted" }, "No revisions yet.") : null,
        revs.flatMap((rev, i) => [
          ...eventsAfter(rev.created, i === 0 ? null : revs[i - 1]!.created).map(eventRow),
          h(
            "li",
            { class: "history-row", testid: "history-row", "data-rev": String(rev.number) },
            h("div", { class: "rev-num" }, `#${rev.number}`),
            h(
              "div",
              { class: "rev-main" },
              h("div", null,
                rev.name ? h("span", { class: "pill", testid: "history-name" }, rev.name) : h("span", { testid: "history-name", hidden: true }),
                h("span", { class: "rev-message", testid: "history-message" }, rev.message || h("span", { class: "muted" }, "No message")),
                rev.restoredFrom !== null ? h("span", { class: "muted small" }, ` (restored from #${rev.restoredFrom})`) : null,
              ),
              h("div", { class: "muted small" }, h("span", { testid: "history-author" }, rev.author || "unknown"), " · ", h("time", { testid: "history-time", datetime: rev.created }, formatTime(rev.created))),
              (labels.get(rev.number) ?? []).length > 0
                ? h("ul", { class: "change-labels", testid: "history-labels", "aria-label": `Changes in revision ${rev.number}` }, labels.get(rev.number)!.map((l) => h("li", { class: `label-chip k-${l.kind}` }, l.text)))
                : null,
            ),
            h(
              "div",
              { class: "row-tools" },
              h("button", { type: "button", class: "btn", testid: "history-open", onClick: () => void view(rev) }, "View"),
              h("button", { type: "button", class: "btn", testid: "history-restore", onClick: () => void restore(rev) }, "Restore"),
            ),
          ),
        ]),
        before.map(eventRow),
      );
    },
    (err) => {
      replace(list);
      showError(err, "The history could not be loaded");
    },
  );

  const exportAudit = async (format: "csv" | "json") => {
    try {
      const path = await api.exportAudit(id, format);
      if (path) toast(`Audit trail exported to ${path}`);
    } catch (err) {
      showError(err, "The audit trail was not exported");
    }
  };
  const head = h(
    "div",
    { class: "history-head" },
    h("h2", null, "History"),
    h("button", { type: "button", class: "btn subtle small", testid: "audit-export-csv", onClick: () => void exportAudit("csv") }, "Audit trail as CSV"),
    h("button", { type: "button", class: "btn subtle small", testid: "audit-export-json", onClick: () => void exportAudit("json") }, "as JSON"),
  );
  return { el: h("div", { class: "history-view", testid: "history-view" }, h("div", { class: "history-col" }, head, list), viewer) };
}
