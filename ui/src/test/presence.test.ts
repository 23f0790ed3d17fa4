import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import type { App } from "../app";
import { createApp } from "../app";
import { presenceLine, presenceSentence, revisionNotice } from "../components/presence";
import { mockColleagueRevision, setMockPresence } from "../lib/mock";
import { allByTestId, byTestId, flush, type, until, mockShell, type Call } from "./helpers";

const calls: Call[] = [];
const apps: App[] = [];
async function start(): Promise<{ app: App; mount: HTMLElement }> {
  const mount = document.createElement("div");
  document.body.replaceChildren(mount);
  const app = createApp(mount);
  apps.push(app);
  await until(() => allByTestId(mount, "release-row").length === 4);
  return { app, mount };
}

beforeEach(() => mockShell(calls, { events: true }));
afterEach(async () => {
  for (const a of apps.splice(0)) {
    await a.editor()?.close();
    a.destroy();
  }
  document.querySelectorAll("dialog").forEach((d) => d.remove());
  // Listeners are removed asynchronously: let that happen while the mocked events still exist.
  await flush();
  clearMocks();
});

const ana = (release: string, editing: boolean) => ({ release, user: "Ana", editing });
const ben = (release: string, editing: boolean) => ({ release, user: "Ben", editing });

describe("who else has a release open", () => {
  it("says it in one sentence, editors first", () => {
    expect(presenceSentence([])).toBe("");
    expect(presenceSentence([ben("r1", false), ana("r1", true)])).toBe("Ana is editing; Ben is viewing");
    expect(presenceSentence([ben("r1", false), { release: "r1", user: "Chen", editing: false }])).toBe("Ben and Chen are viewing");
    // The same person on two laptops, one editing: counted once, as editing.
    expect(presenceSentence([ana("r1", false), ana("r1", true)])).toBe("Ana is editing");
  });

  it("the header line is hidden when nobody else is there, and labelled for screen readers", () => {
    const line = presenceLine();
    line.show([]);
    expect(line.el.hidden).toBe(true);
    line.show([ana("r1", true), ben("r1", false)]);
    expect(line.el.hidden).toBe(false);
    expect(line.el.textContent).toBe("Ana is editing; Ben is viewing");
    expect(line.el.getAttribute("aria-label")).toBe("Also here: Ana is editing; Ben is viewing");
    expect(line.el.dataset.editing).toBe("true");
  });

  it("the editor heartbeats viewing, then editing once there are unsaved edits, and shows the others", async () => {
    setMockPresence([ana("r1", true)]);
    const { app, mount } = await start();
    await app.openRelease("r1");
    await until(() => !byTestId(mount, "presence-line").hidden);
    expect(byTestId(mount, "presence-line").textContent).toBe("Ana is editing");
    expect(calls.filter((c) => c.cmd === "presence_heartbeat").map((c) => c.args)).toEqual([{ release: "r1", editing: false }]);

    type(byTestId<HTMLTextAreaElement>(mount, "field-headline"), "Edited here");
    await until(() => calls.filter((c) => c.cmd === "presence_heartbeat").length === 2);
    expect(calls.filter((c) => c.cmd === "presence_heartbeat")[1]!.args).toEqual({ release: "r1", editing: true });

    // Ben arrives: the server's presence event makes the editor ask again.
    setMockPresence([ana("r1", true), ben("r1", false), ben("r2", false)]);
    await emit("presence://changed", { release: "r1" });
    await until(() => byTestId(mount, "presence-line").textContent === "Ana is editing; Ben is viewing");
    // An event about another release changes nothing here.
    const asked = calls.filter((c) => c.cmd === "release_presence").length;
    await emit("presence://changed", { release: "r2" });
    await flush();
    expect(calls.filter((c) => c.cmd === "release_presence")).toHaveLength(asked);

    // Leaving the release says so.
    byTestId(mount, "back-to-library").click();
    await until(() => calls.some((c) => c.cmd === "presence_leave"));
    expect(calls.find((c) => c.cmd === "presence_leave")!.args).toEqual({ release: "r1" });
  });

  it("the library marks the rows others have open, in place, and follows presence events", async () => {
    setMockPresence([ben("r2", false)]);
    const { mount } = await start();
    const row = () => allByTestId(mount, "release-row").find((r) => r.dataset.id === "r2")!;
    await until(() => row().querySelector('[data-testid="release-presence"]') !== null);
    expect(byTestId(row(), "release-presence").textContent).toContain("Ben");
    expect(row().getAttribute("aria-label")).toContain("(Ben is viewing)");
    expect(allByTestId(mount, "release-presence")).toHaveLength(1);

    // Focus on the row stays put while its marker changes.
    row().focus();
    setMockPresence([ana("r2", true)]);
    await emit("presence://changed", { release: "r2" });
    await until(() => byTestId(row(), "release-presence").dataset.editing === "true");
    expect(row().getAttribute("aria-label")).toContain("(Ana is editing)");
    expect(document.activeElement).toBe(row());

    setMockPresence([]);
    await emit("presence://changed", { release: "r2" });
    await until(() => allByTestId(mount, "release-presence").length === 0);
    expect(row().getAttribute("aria-label")).not.toContain("editing");
  });
});

describe("a colleague's new revision", () => {
  it("with no unsaved edits, becomes the shown text", async () => {
    const { app, mount } = await start();
    await app.openRelease("r1");
    mockColleagueRevision("r1", "Ana", "Ana's sharper headline");
    await emit("sync://changed", { releases: ["r1"], all: false });
    await until(() => byTestId<HTMLTextAreaElement>(mount, "field-headline").value === "Ana's sharper headline");
    expect(document.querySelector('[data-testid="revision-notice"]')).toBeNull();
    byTestId(mount, "tab-history").click();
    await until(() => allByTestId(mount, "history-row").length === 3);
    expect(byTestId(allByTestId(mount, "history-row")[0]!, "history-author").textContent).toBe("Ana");
  });

  it("with unsaved edits, is announced in a live region and offered for comparison; the edits stay", async () => {
    const { app, mount } = await start();
    await app.openRelease("r1");
    type(byTestId<HTMLTextAreaElement>(mount, "field-headline"), "My unsaved headline");
    // Releases the event is not about, and a pull with nothing new, change nothing.
    await emit("sync://changed", { releases: ["r2"], all: false });
    await emit("sync://changed", { releases: ["r1"], all: false });
    await flush(10);
    expect(byTestId(mount, "revision-notice-region").textContent).toBe("");

    const n = mockColleagueRevision("r1", "Ana", "Ana's sharper headline");
    await emit("sync://changed", { releases: [], all: true });
    await until(() => mount.querySelector('[data-testid="revision-notice"]') !== null);
    const region = byTestId(mount, "revision-notice-region");
    expect(region.getAttribute("role")).toBe("status");
    expect(region.getAttribute("aria-live")).toBe("polite");
    expect(byTestId(region, "revision-notice").textContent).toContain(`Ana saved a new revision (#${n})`);
    // Nothing was taken from the user: their text and their focus.
    expect(byTestId<HTMLTextAreaElement>(mount, "field-headline").value).toBe("My unsaved headline");
    expect(region.contains(document.activeElement)).toBe(false);
    // The same revision is not announced twice.
    await emit("sync://changed", { releases: ["r1"], all: false });
    await flush(10);
    expect(allByTestId(mount, "revision-notice")).toHaveLength(1);

    // Compare: the colleague's revision against the unsaved edits.
    byTestId<HTMLButtonElement>(region, "revision-notice-compare").click();
    await until(() => mount.querySelector('[data-testid="compare-view"]') !== null);
    expect(byTestId(mount, "tab-compare").getAttribute("aria-selected")).toBe("true");
    await until(() => calls.some((c) => c.cmd === "compare_revisions"));
    const cmp = calls.filter((c) => c.cmd === "compare_revisions").pop()!;
    expect(cmp.args).toMatchObject({ id: "r1", from: { type: "revision", number: n }, to: { type: "workingCopy" } });

    byTestId<HTMLButtonElement>(region, "revision-notice-dismiss").click();
    expect(region.textContent).toBe("");
    expect(document.activeElement).toBe(byTestId(mount, "tab-compare"));
  });

  it("the notice on its own: text, buttons by keyboard, dismiss empties the region", () => {
    let compared = 0;
    let dismissed = 0;
    const notice = revisionNotice({ compare: () => compared++, dismiss: () => dismissed++ });
    document.body.replaceChildren(notice.el);
    notice.show("", 7);
    expect(notice.el.textContent).toContain("A colleague saved a new revision (#7)");
    const buttons = notice.el.querySelectorAll("button");
    expect(Array.from(buttons).every((b) => b.type === "button" && b.tabIndex === 0)).toBe(true);
    expect(byTestId(notice.el, "revision-notice-dismiss").getAttribute("aria-label")).toBe("Dismiss the notice");
    byTestId<HTMLButtonElement>(notice.el, "revision-notice-compare").click();
    byTestId<HTMLButtonElement>(notice.el, "revision-notice-dismiss").click();
    expect([compared, dismissed]).toEqual([1, 1]);
    expect(notice.el.textContent).toBe("");
  });
});
