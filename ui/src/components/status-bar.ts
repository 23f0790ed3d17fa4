// The status bar: where the team workspace's sync stands — not signed in, synced, N to send,
// offline, error — updated after every round; a click syncs now.

import type { SyncStatus } from "../bindings/SyncStatus";
import { api, onSyncStatus } from "../lib/api";
import { h, replace } from "../lib/dom";
import { changes, formatTime } from "../lib/labels";

function sentence(s: SyncStatus): string {
  switch (s.state) {
    case "signedOut":
      return "Working on this computer only (not signed in to a team server)";
    case "synced":
      return `Synced with ${s.url ?? "the server"}${s.lastSync ? ` at ${formatTime(s.lastSync)}` : ""}`;
    case "pending":
      return `${changes(s.toSend)} to send to ${s.url ?? "the server"}`;
    case "offline":
      return `Offline: ${changes(s.toSend)} to send when the server is back`;
    case "error":
      return `Sync stopped: ${s.message ?? "the server refused"}`;
  }
}

export function statusBar(): { el: HTMLElement; show(s: SyncStatus): void; destroy(): void } {
  const text = h("span", { testid: "sync-state-text" });
  const btn = h("button", { type: "button", class: "btn subtle small", testid: "sync-now", onClick: () => void sync() }, "Sync now");
  const el = h("footer", { class: "statusbar", testid: "sync-status" }, h("span", { class: "sync-dot", "aria-hidden": "true" }), h("span", { role: "status" }, text), btn);
  const show = (s: SyncStatus) => {
    el.dataset.state = s.state;
    replace(text, sentence(s));
    btn.hidden = s.state === "signedOut";
    if (s.user) el.title = `Signed in as ${s.user}`;
  };
  const sync = async () => {
    btn.disabled = true;
    try {
      show(await api.syncNow());
    } catch {
      // The status that comes with the failure says why.
      show(await api.workspaceStatus());
    } finally {
      btn.disabled = false;
    }
  };
  void api.workspaceStatus().then(show, () => {});
  const off = onSyncStatus(show);
  return { el, show, destroy: () => void off.then((u) => u()) };
}
