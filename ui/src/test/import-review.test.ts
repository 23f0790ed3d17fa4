import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { libraryView } from "../views/library";
import { allByTestId, byTestId, type, until, mockShell, type Call } from "./helpers";

const calls: Call[] = [];
beforeEach(() => mockShell(calls));
afterEach(() => {
  document.querySelectorAll("dialog").forEach((d) => d.remove());
  clearMocks();
});


describe("pasting a release shows what was recognised before anything is saved", () => {
  it("paste, correct a part, import with the correction", async () => {
    const open = vi.fn();
    const lib = libraryView({ open });
    document.body.replaceChildren(lib.el);
    byTestId(lib.el, "library-paste").click();
    await until(() => document.querySelector('[data-testid="paste-dialog-text"]') !== null);
    type(byTestId<HTMLTextAreaElement>(document.body, "paste-dialog-text"), "Ferries add night crossings\n\nMenu Home News\n\nThe service will run after midnight.");
    byTestId(document.body, "paste-dialog-submit").click();
    await until(() => allByTestId(document.body, "import-part").length === 3);
    expect(calls.filter((c) => c.cmd === "import_release")).toHaveLength(0);
    const first = allByTestId(document.body, "import-part")[0]!;
    expect(first.dataset.role).toBe("headline");
    expect(first.textContent).toContain("fairly sure");

    const choice = byTestId<HTMLSelectElement>(document.body, "import-part-choice-1");
    type(choice, "drop");
    await until(() => calls.filter((c) => c.cmd === "preview_import").length === 2);
    expect(calls.filter((c) => c.cmd === "preview_import").at(-1)?.args.overrides).toEqual([{ type: "drop", part: 1 }]);

    byTestId(document.body, "import-accept").click();
    await until(() => open.mock.calls.length === 1);
    expect(calls.find((c) => c.cmd === "import_release")?.args).toMatchObject({ overrides: [{ type: "drop", part: 1 }] });
  });
});

describe("importing a file", () => {
  it("asks Rust for the file (no file input in the page) and reviews its text", async () => {
    const open = vi.fn();
    const lib = libraryView({ open });
    document.body.replaceChildren(lib.el);
    expect(lib.el.querySelector('input[type="file"]')).toBeNull();
    byTestId(lib.el, "library-import").click();
    await until(() => allByTestId(document.body, "import-part").length === 2);
    expect(calls.find((c) => c.cmd === "preview_import")?.args).toMatchObject({ text: "Ferries add night crossings\n\nThe service will run after midnight.", from: "text" });
    byTestId(document.body, "import-accept").click();
    await until(() => open.mock.calls.length === 1);
  });
});
