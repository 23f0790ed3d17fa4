import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { exportMenu, type ExportChoice } from "../components/export-menu";
import { handle, resetMock } from "../lib/mock";
import { historyView } from "../views/history";
import { allByTestId, byTestId, flush } from "./helpers";

beforeEach(() => {
  resetMock();
  mockIPC((cmd, args) => handle(cmd, (args ?? {}) as Record<string, unknown>));
});
afterEach(() => clearMocks());

describe("history", () => {
  it("lists revisions newest first with author, time, message and name; views one read-only", async () => {
    const view = historyView("r1", { onRestored: () => {} });
    document.body.replaceChildren(view.el);
    await flush(10);
    const rows = allByTestId(view.el, "history-row");
    expect(rows.map((r) => r.dataset.rev)).toEqual(["2", "1"]);
    expect(byTestId(rows[0]!, "history-name").textContent).toBe("Sent for review");
    expect(byTestId(rows[0]!, "history-message").textContent).toBe("Tighter headline, new date");
    expect(byTestId(rows[0]!, "history-author").textContent).toBe("mock");
    expect(byTestId(rows[0]!, "history-time").getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);
    byTestId(rows[1]!, "history-open").click();
    await flush(10);
    const viewer = byTestId(view.el, "revision-viewer");
    expect(viewer.dataset.rev).toBe("1");
    const frame = byTestId<HTMLIFrameElement>(viewer, "revision-frame");
    expect(frame.getAttribute("sandbox")).not.toContain("allow-scripts");
    expect(frame.srcdoc).toContain("calls for release and retrial");
    byTestId(view.el, "revision-close").click();
    expect(view.el.querySelector('[data-testid="revision-viewer"]')).toBeNull();
  });
});

describe("export menu", () => {
  it("offers every format and reports the choice", () => {
    const chosen: ExportChoice[] = [];
    const menu = exportMenu((c) => chosen.push(c));
    document.body.replaceChildren(menu.el);
    byTestId(menu.el, "export-menu").click();
    for (const id of ["html", "printHtml", "markdown", "text", "ninjs", "json", "pdf"]) byTestId(menu.el, `export-${id}`).click();
    expect(chosen).toEqual(["html", "print", "markdown", "text", "ninjs", "json", "pdf"]);
  });
});

