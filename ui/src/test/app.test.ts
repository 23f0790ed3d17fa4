import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { App } from "../app";
import { clearMocks } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { createApp } from "../app";
import { handle } from "../lib/mock";
import { allByTestId, byTestId, flush, type, until, mockShell, type Call } from "./helpers";

const calls: Call[] = [];
const apps: App[] = [];
function start(mount: HTMLElement): App {
  const app = createApp(mount);
  apps.push(app);
  return app;
}

beforeEach(() => mockShell(calls));
afterEach(async () => {
  apps.splice(0).forEach((a) => a.destroy());
  // Unsubscribing is asynchronous: let it finish while the mocked event system is still there.
  await flush();
  document.querySelectorAll("dialog").forEach((d) => d.remove());
  clearMocks();
});


describe("the app end to end over a mocked shell", () => {
  it("open a release, edit, autosave, Ctrl+S saves a revision with a message, history lists it", async () => {
    const mount = document.createElement("div");
    document.body.replaceChildren(mount);
    const app = start(mount);
    await until(() => allByTestId(mount, "release-row").length === 4);
    allByTestId(mount, "release-row")[0]!.click();
    await until(() => mount.querySelector('[data-testid="editor-view"]') !== null);
    expect(app.root.dataset.view).toBe("editor");

    // The preview shows the core's HTML for the release.
    await until(() => (byTestId<HTMLIFrameElement>(mount, "preview-frame").contentDocument?.body.innerHTML ?? "").includes("<h1"));

    type(byTestId<HTMLTextAreaElement>(mount, "field-headline"), "A new headline");
    expect(byTestId(mount, "save-indicator").dataset.state).toBe("pending");
    await until(() => byTestId(mount, "save-indicator").dataset.state === "saved");
    const saved = calls.filter((c) => c.cmd === "save_working_copy");
    expect(saved).toHaveLength(1);
    expect((saved[0]!.args.release as { headline: string }).headline).toBe("A new headline");
    await until(() => (byTestId<HTMLIFrameElement>(mount, "preview-frame").contentDocument?.body.textContent ?? "").includes("A new headline"));

    document.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true, bubbles: true }));
    await until(() => document.querySelector('[data-testid="save-dialog"]') !== null);
    const dialog = byTestId(document.body, "save-dialog");
    type(byTestId<HTMLInputElement>(dialog, "save-message"), "Sharper headline");
    type(byTestId<HTMLInputElement>(dialog, "save-name"), "For review");
    byTestId<HTMLButtonElement>(dialog, "save-confirm").click();
    await until(() => calls.some((c) => c.cmd === "save_revision"));
    const rev = calls.find((c) => c.cmd === "save_revision")!.args;
    expect(rev).toMatchObject({ id: "r1", message: "Sharper headline", name: "For review" });
    await until(() => document.querySelector('[data-testid="toast"]')?.textContent === "Revision 3 saved");

    byTestId(mount, "tab-history").click();
    await until(() => allByTestId(mount, "history-row").length === 3);
    const top = allByTestId(mount, "history-row")[0]!;
    expect(top.dataset.rev).toBe("3");
    expect(byTestId(top, "history-message").textContent).toBe("Sharper headline");
    expect(byTestId(top, "history-name").textContent).toBe("For review");

    // Restore revision 1: asks first, then makes revision 4.
    byTestId(allByTestId(mount, "history-row")[2]!, "history-restore").click();
    byTestId(document.body, "confirm-ok").click();
    await until(() => calls.some((c) => c.cmd === "restore_revision"));
    await until(() => allByTestId(mount, "history-row").length === 4);
    expect(calls.find((c) => c.cmd === "restore_revision")!.args).toEqual({ id: "r1", rev: 1 });
  });

  it("a working copy left by a crash is reopened with a banner", async () => {
    const opened = (await handle("open_release", { id: "r2" })) as { release: object };
    await handle("save_working_copy", { id: "r2", release: { ...opened.release, headline: "Unsaved words" } });
    const mount = document.createElement("div");
    document.body.replaceChildren(mount);
    const app = start(mount);
    await flush();
    await app.openRelease("r2");
    expect(byTestId<HTMLTextAreaElement>(mount, "field-headline").value).toBe("Unsaved words");
    expect(byTestId(mount, "working-copy-banner").textContent).toContain("unsaved changes");
  });
});

describe("saving an invalid release", () => {
  it("is refused once, by the store, and its problems are marked in the form", async () => {
    const mount = document.createElement("div");
    document.body.replaceChildren(mount);
    const app = start(mount);
    await flush();
    await app.openRelease("r1");
    type(byTestId<HTMLTextAreaElement>(mount, "field-headline"), "");
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true, bubbles: true }));
    await until(() => document.querySelector('[data-testid="save-dialog"]') !== null);
    byTestId<HTMLButtonElement>(document.body, "save-confirm").click();
    await until(() => document.querySelector('[data-testid="error-banner"]') !== null);
    expect(calls.filter((c) => c.cmd === "save_revision")).toHaveLength(1);
    expect(byTestId(document.body, "error-banner").dataset.code).toBe("invalid_release");
    expect(byTestId(mount, "problem-list").hidden).toBe(false);
    expect(allByTestId(mount, "problem").map((p) => p.dataset.path)).toEqual(["headline"]);
  });
});

describe("closing the window", () => {
  const openFirst = async (mount: HTMLElement) => {
    start(mount);
    await until(() => allByTestId(mount, "release-row").length === 4);
    allByTestId(mount, "release-row")[0]!.click();
    await until(() => mount.querySelector('[data-testid="editor-view"]') !== null);
  };

  it("saves the last keystrokes before the window goes", async () => {
    mockShell(calls, { events: true });
    const mount = document.createElement("div");
    document.body.replaceChildren(mount);
    await openFirst(mount);
    type(byTestId<HTMLTextAreaElement>(mount, "field-headline"), "Typed just before closing");
    await emit("app://close-requested");
    await until(() => calls.some((c) => c.cmd === "close_window"));
    const save = calls.findIndex((c) => c.cmd === "save_working_copy" && (c.args.release as { headline: string }).headline === "Typed just before closing");
    const close = calls.findIndex((c) => c.cmd === "close_window");
    expect(save).toBeGreaterThanOrEqual(0);
    expect(save).toBeLessThan(close);
    expect(calls[close]!.args).toEqual({ proceed: true });
  });

  it("keeps the window open and asks when the last edits cannot be saved", async () => {
    mockShell(calls, { events: true, fail: { save_working_copy: { code: "disk_full", message: "no space left on device" } } });
    const mount = document.createElement("div");
    document.body.replaceChildren(mount);
    await openFirst(mount);
    type(byTestId<HTMLTextAreaElement>(mount, "field-headline"), "Cannot be stored");
    await emit("app://close-requested");
    await until(() => document.querySelector('[data-testid="confirm-dialog"]') !== null);
    expect(calls.filter((c) => c.cmd === "close_window").map((c) => c.args)).toEqual([{ proceed: false }]);
    expect(document.querySelector('[data-testid="confirm-dialog"]')!.textContent).toContain("The disk is full.");
    byTestId(document.body, "confirm-ok").click();
    await until(() => calls.filter((c) => c.cmd === "close_window").length === 2);
    expect(calls.filter((c) => c.cmd === "close_window").at(-1)!.args).toEqual({ proceed: true });
  });
});
