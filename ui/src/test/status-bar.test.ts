import { describe, expect, it } from "vitest";
import { statusBar } from "../components/status-bar";

describe("the sync status bar", () => {
  const base = { url: "https://team.example", user: "ana", lastSync: null, message: null };

  it("counts every change waiting, not only revisions", () => {
    const bar = statusBar();
    bar.show({ ...base, state: "pending", toSend: 1 });
    expect(bar.el.textContent).toContain("1 change to send to https://team.example");
    bar.show({ ...base, state: "offline", toSend: 3 });
    expect(bar.el.textContent).toContain("Offline: 3 changes to send when the server is back");
    expect(bar.el.dataset.state).toBe("offline");
    bar.destroy();
  });

  it("hides Sync now when not signed in", () => {
    const bar = statusBar();
    bar.show({ ...base, url: null, user: null, state: "signedOut", toSend: 0 });
    expect(bar.el.querySelector<HTMLButtonElement>("[data-testid=sync-now]")?.hidden).toBe(true);
    bar.destroy();
  });
});
