import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { ReleaseSummary } from "../lib/types";
import { libraryView } from "../views/library";
import { CHUNK, FIRST_DRAWN, releaseRows } from "../views/library-rows";
import { allByTestId, byTestId, flush, type, until } from "./helpers";

const rows: ReleaseSummary[] = [
  { id: "a", headline: "Tajikistan: expert calls for release", status: "published", language: "en", organisation: "OHCHR", style: "unOhchr", created: "2025-05-14T08:00:00Z", updated: "2025-05-14T10:30:00Z", revisions: 2, deleted: false, hasWorkingCopy: false },
  { id: "b", headline: "Sudan: experts alarmed", status: "draft", language: "fr", organisation: "", style: "wire", created: "2025-05-15T08:00:00Z", updated: "2025-05-15T10:30:00Z", revisions: 1, deleted: false, hasWorkingCopy: true },
];
let calls: { cmd: string; args: Record<string, unknown> }[] = [];
/** What the store holds (`rows` unless a test says otherwise). */
let library: ReleaseSummary[] = rows;
const listed = () => calls.filter((c) => c.cmd === "list_releases").map((c) => c.args);

beforeEach(() => {
  calls = [];
  library = rows;
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (cmd === "list_releases") {
      const q = String(a.query ?? "").toLowerCase();
      const ids = a.ids as string[] | null;
      const all = library
        .filter((r) => !q || r.headline.toLowerCase().includes(q))
        .filter((r) => !a.deleted && (!ids || ids.includes(r.id)));
      const offset = Number(a.offset);
      return { total: all.length, rows: all.slice(offset, offset + Number(a.limit)) };
    }
    if (cmd === "create_release") return "new1";
    if (cmd === "workspace_presence") return [];
    if (cmd === "review_overview") {
      return [
        { id: "a", status: "released", waitingForMe: false, myApprovalStale: true, writer: "Ana" },
        { id: "b", status: "inReview", waitingForMe: true, myApprovalStale: false, writer: "Ben" },
      ];
    }
    if (cmd === "workspace_settings") return { name: "Ana", email: null, myRoles: ["writer"], roles: [] };
    return null;
  });
});
afterEach(() => clearMocks());

describe("library", () => {
  it("lists releases with headline, status, language and last edit", async () => {
    const lib = libraryView({ open: () => {} });
    document.body.replaceChildren(lib.el);
    await flush();
    const list = allByTestId(lib.el, "release-row");
    expect(list.map((r) => r.dataset.id)).toEqual(["a", "b"]);
    expect(byTestId(list[0]!, "release-headline").textContent).toBe("Tajikistan: expert calls for release");
    expect(list[1]!.textContent).toContain("unsaved edits");
    // The state is the review's, not a field of the release.
    expect(byTestId(list[0]!, "release-status").textContent).toBe("Released");
    expect(byTestId(list[1]!, "release-status").textContent).toBe("In review");
    expect(list[1]!.querySelector('[data-testid="waiting-for-me"]')).not.toBeNull();
    expect(list[0]!.querySelector('[data-testid="waiting-for-me"]')).toBeNull();
    // An approver is told when the text they approved changed.
    expect(list[0]!.querySelector('[data-testid="my-approval-stale"]')).not.toBeNull();
    expect(byTestId(list[1]!, "release-language").textContent).toBe("fr");
    expect(byTestId(list[0]!, "release-updated").textContent).toMatch(/2025/);
  });

  it("filters: waiting for me, mine, all", async () => {
    const lib = libraryView({ open: () => {} });
    document.body.replaceChildren(lib.el);
    await flush();
    const ids = () => allByTestId(lib.el, "release-row").map((r) => r.dataset.id);
    expect(byTestId(lib.el, "library-scope-waiting").textContent).toBe("Waiting for me (1)");
    byTestId(lib.el, "library-scope-waiting").click();
    await flush();
    expect(ids()).toEqual(["b"]);
    // The store filters by the ids the review states name; the list is not read whole.
    expect(listed().at(-1)).toEqual({ query: null, deleted: false, ids: ["b"], offset: 0, limit: CHUNK });
    byTestId(lib.el, "library-scope-mine").click();
    await flush();
    expect(ids()).toEqual(["a"]);
    expect(listed().at(-1)?.ids).toEqual(["a"]);
    expect(byTestId(lib.el, "library-scope-mine").getAttribute("aria-pressed")).toBe("true");
    byTestId(lib.el, "library-scope-all").click();
    await flush();
    expect(ids()).toEqual(["a", "b"]);
  });

  it("search answers at once; keys typed meanwhile make one more search with the latest text", async () => {
    const lib = libraryView({ open: () => {} });
    document.body.replaceChildren(lib.el);
    await flush();
    const queries = () => listed().map((a) => a.query);
    const overviews = () => calls.filter((c) => c.cmd === "review_overview").length;
    const search = byTestId<HTMLInputElement>(lib.el, "library-search");
    // Typed in one go: the first key is searched at once (no waiting for a pause), the keys
    // typed while that search is under way make one more search, with the latest text.
    type(search, "s");
    type(search, "su");
    type(search, "sud");
    type(search, "sudan");
    await flush();
    expect(queries()).toEqual([null, "s", "sudan"]);
    expect(allByTestId(lib.el, "release-row").map((r) => r.dataset.id)).toEqual(["b"]);
    // The review states of the first listing are reused while searching.
    expect(overviews()).toBe(1);
    expect(byTestId(lib.el, "release-status").textContent).toBe("In review");
    type(search, "nothing like this");
    await flush();
    expect(byTestId(lib.el, "library-empty").textContent).toContain("nothing like this");
  });

  it("new from a template opens the new release; delete asks first", async () => {
    const open = vi.fn();
    const lib = libraryView({ open });
    document.body.replaceChildren(lib.el);
    await flush();
    byTestId(lib.el, "library-new").click();
    byTestId(lib.el, "template-wire").click();
    await flush();
    expect(calls.find((c) => c.cmd === "create_release")?.args).toEqual({ style: "wire" });
    expect(open).toHaveBeenCalledWith("new1");

    byTestId(allByTestId(lib.el, "release-row")[0]!, "release-delete").click();
    byTestId(document.body, "confirm-cancel").click();
    await flush();
    expect(calls.some((c) => c.cmd === "delete_release")).toBe(false);
    byTestId(allByTestId(lib.el, "release-row")[0]!, "release-delete").click();
    byTestId(document.body, "confirm-ok").click();
    await flush();
    expect(calls.find((c) => c.cmd === "delete_release")?.args).toEqual({ id: "a" });
  });
});

describe("a large library", () => {
  const many: ReleaseSummary[] = Array.from({ length: 150 }, (_, i) => ({ ...rows[0]!, id: `r${i}`, headline: `Release ${i}` }));
  const down = (el: HTMLElement) => el.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));

  it("asks for and draws one window at a time as the arrow keys reach the end", async () => {
    library = many;
    const lib = libraryView({ open: () => {} });
    document.body.replaceChildren(lib.el);
    await flush();
    expect(listed()).toEqual([{ query: null, deleted: false, ids: null, offset: 0, limit: CHUNK }]);
    // The whole answer is drawn (its end after the next paint) without asking again.
    await until(() => allByTestId(lib.el, "release-row").length === CHUNK);
    expect(listed()).toHaveLength(1);
    let drawn = allByTestId(lib.el, "release-row");
    expect(drawn[0]!.getAttribute("aria-setsize")).toBe("150");
    expect(byTestId(lib.el, "library-more").textContent).toBe(`${150 - CHUNK} more…`);

    const last = drawn.at(-1)!;
    last.focus();
    down(last);
    await flush();
    expect(listed().at(-1)).toMatchObject({ offset: CHUNK, limit: CHUNK });
    drawn = allByTestId(lib.el, "release-row");
    expect(drawn.length).toBeGreaterThan(CHUNK);
    expect(document.activeElement).toBe(drawn[CHUNK]);
    expect(drawn[CHUNK]!.dataset.id).toBe(`r${CHUNK}`);
    expect(drawn[CHUNK]!.getAttribute("aria-posinset")).toBe(String(CHUNK + 1));

    // The keyboard reaches the last release; the list says it ends there.
    for (let i = 0; i < 150; i++) {
      down(document.activeElement as HTMLElement);
      await flush();
    }
    drawn = allByTestId(lib.el, "release-row");
    expect(drawn).toHaveLength(150);
    expect(document.activeElement).toBe(drawn[149]);
    expect(drawn[149]!.getAttribute("aria-posinset")).toBe("150");
    expect(drawn[149]!.getAttribute("aria-setsize")).toBe("150");
    expect(byTestId(lib.el, "library-more").hidden).toBe(true);
    expect(listed()).toHaveLength(3);
  });

  it("draws the held end of an answer when the arrow keys reach it, without asking again", async () => {
    const asked: number[] = [];
    const list = document.createElement("div");
    const more = (offset: number) => {
      asked.push(offset);
      return Promise.resolve(many.slice(offset, offset + CHUNK));
    };
    list.append(...releaseRows(many.slice(0, CHUNK), 150, more, false, { open: () => {}, remove: () => {}, act: () => {} }));
    document.body.replaceChildren(list);
    // The first rows of the answer are drawn at once, the rest after the next paint.
    const drawn = allByTestId(list, "release-row");
    expect(drawn).toHaveLength(FIRST_DRAWN);
    expect(byTestId(list, "library-more").textContent).toBe(`${150 - FIRST_DRAWN} more…`);
    drawn.at(-1)!.focus();
    down(drawn.at(-1)!);
    await flush(1);
    const now = allByTestId(list, "release-row");
    expect(now.length).toBeGreaterThan(FIRST_DRAWN);
    expect(document.activeElement).toBe(now[FIRST_DRAWN]);
    expect(now[FIRST_DRAWN]!.getAttribute("aria-posinset")).toBe(String(FIRST_DRAWN + 1));
    expect(asked).toEqual([]);
  });

  it("asks each window once, and drops a window answered after the list was replaced", async () => {
    const asked: number[] = [];
    let answer: (rows: ReleaseSummary[]) => void = () => {};
    const more = (offset: number) => {
      asked.push(offset);
      return new Promise<ReleaseSummary[]>((resolve) => (answer = resolve));
    };
    const list = document.createElement("div");
    list.append(...releaseRows(many.slice(0, CHUNK), 150, more, false, { open: () => {}, remove: () => {}, act: () => {} }));
    document.body.replaceChildren(list);
    await until(() => allByTestId(list, "release-row").length === CHUNK);
    const last = allByTestId(list, "release-row").at(-1)!;
    last.focus();
    down(last);
    down(last);
    expect(asked).toEqual([CHUNK]);
    // A new search replaced the rows before the window came back: nothing is added.
    list.replaceChildren();
    answer(many.slice(CHUNK, 2 * CHUNK));
    await flush();
    expect(allByTestId(list, "release-row")).toHaveLength(0);
  });
});
