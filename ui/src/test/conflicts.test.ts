import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import type { App } from "../app";
import { createApp } from "../app";
import { setMockConflicts } from "../lib/mock";
import type { OpenConflict } from "../bindings/OpenConflict";
import { conflictSummary } from "../views/conflicts";
import { allByTestId, byTestId, flush, until, mockShell, type Call } from "./helpers";

const calls: Call[] = [];
const apps: App[] = [];
beforeEach(() => mockShell(calls));
afterEach(async () => {
  apps.splice(0).forEach((a) => a.destroy());
  await flush();
  document.querySelectorAll("dialog").forEach((d) => d.remove());
  clearMocks();
});

const headlineConflict: OpenConflict = {
  mergeRecord: "m1",
  mergeRevision: 4,
  conflict: {
    path: "headline",
    label: "headline",
    base: "Expert calls for release",
    versions: [
      { revision: { recordId: "r-ana", author: "Ana", saved: "2025-05-14T09:00:00Z" }, text: "Expert urges release of lawyer", value: "Expert urges release of lawyer" },
      { revision: { recordId: "r-ben", author: "Ben", saved: "2025-05-14T09:05:00Z" }, text: "UN expert demands release", value: "UN expert demands release" },
    ],
    default: 1,
    pointer: "/headline",
  },
};

describe("text two people changed differently", () => {
  it("says what the merge kept and nobody lost", () => {
    expect(conflictSummary([headlineConflict], "Ana")).toBe("You and Ben changed headline differently. Dateline kept the version saved last in each place; nothing was lost.");
  });

  it("the editor offers both versions side by side; a choice becomes a revision", async () => {
    const mount = document.createElement("div");
    document.body.replaceChildren(mount);
    const app = createApp(mount);
    apps.push(app);
    await until(() => allByTestId(mount, "release-row").length === 4);
    const id = allByTestId(mount, "release-row")[0]!.dataset.id!;
    setMockConflicts(id, [headlineConflict]);
    allByTestId(mount, "release-row")[0]!.click();
    await until(() => mount.querySelector('[data-testid="conflicts-banner"]') !== null);
    expect(byTestId(mount, "conflicts-banner").getAttribute("role")).toBe("status");

    byTestId(mount, "conflicts-review").click();
    await until(() => document.querySelector('[data-testid="conflicts-dialog"]') !== null);
    const group = byTestId(document.body, "conflict");
    expect(group.querySelector("legend")!.textContent).toBe("Headline");
    expect(group.textContent).toContain("Before: Expert calls for release");
    const ben = byTestId<HTMLInputElement>(document.body, "conflict-0-version-1");
    expect(ben.checked).toBe(true);
    expect(document.activeElement).toBe(ben);
    // Ana's version instead of the one the merge kept.
    const ana = byTestId<HTMLInputElement>(document.body, "conflict-0-version-0");
    ana.click();
    byTestId(document.body, "conflicts-save").click();
    await until(() => calls.some((c) => c.cmd === "resolve_conflicts"));
    expect(calls.find((c) => c.cmd === "resolve_conflicts")!.args).toEqual({ id, choices: [{ path: "headline", choice: { type: "version", index: 0 } }] });
    await until(() => mount.querySelector('[data-testid="conflicts-banner"]') === null && (byTestId<HTMLTextAreaElement>(mount, "field-headline").value === "Expert urges release of lawyer"));
    const history = calls.filter((c) => c.cmd === "resolve_conflicts");
    expect(history).toHaveLength(1);
  });

  it("writing the text yourself sends it as edited", async () => {
    const mount = document.createElement("div");
    document.body.replaceChildren(mount);
    const app = createApp(mount);
    apps.push(app);
    await until(() => allByTestId(mount, "release-row").length === 4);
    const id = allByTestId(mount, "release-row")[0]!.dataset.id!;
    setMockConflicts(id, [headlineConflict]);
    allByTestId(mount, "release-row")[0]!.click();
    await until(() => mount.querySelector('[data-testid="conflicts-review"]') !== null);
    byTestId(mount, "conflicts-review").click();
    await until(() => document.querySelector('[data-testid="conflict-0-edit"]') !== null);
    byTestId<HTMLInputElement>(document.body, "conflict-0-edit").click();
    byTestId<HTMLInputElement>(document.body, "conflict-0-edit").dispatchEvent(new Event("change"));
    const text = byTestId<HTMLTextAreaElement>(document.body, "conflict-edit-0");
    expect(text.hidden).toBe(false);
    text.value = "UN expert urges release of lawyer";
    byTestId(document.body, "conflicts-save").click();
    await until(() => calls.some((c) => c.cmd === "resolve_conflicts"));
    expect(calls.find((c) => c.cmd === "resolve_conflicts")!.args.choices).toEqual([{ path: "headline", choice: { type: "edited", text: "UN expert urges release of lawyer" } }]);
  });
});
