import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { compareView, defaultPair, renderComparison } from "../views/compare";
import { sampleComparison } from "./fixtures";
import { allByTestId, byTestId, flush, type } from "./helpers";

afterEach(() => clearMocks());

describe("compare view", () => {
  it("side by side: old text with deletions, new text with insertions; unchanged rows and bookkeeping are quiet", () => {
    const el = renderComparison(sampleComparison(), "side");
    const changes = allByTestId(el, "compare-change");
    expect(changes.map((c) => c.querySelector(".diff-name")?.firstChild?.textContent)).toEqual(["dateline", "quote 1", "paragraph 2"]);
    const quote = changes[1]!;
    expect(quote.querySelector(".old del")?.textContent).toBe("life");
    expect(quote.querySelector(".new ins")?.textContent).toBe("everything");
    expect(quote.querySelector(".old ins")).toBeNull();
    const date = changes[0]!;
    expect(date.querySelector(".old")?.textContent).toBe("GENEVA (14 May 2025) –");
    expect(date.querySelector(".new")?.textContent).toBe("GENEVA (15 May 2025) –");
    expect(changes[2]!.querySelector(".new ins")?.textContent).toBe("A new paragraph.");
    expect(el.textContent).not.toContain("updated"); // bookkeeping field hidden
  });

  it("inline: one text with both deletions and insertions", () => {
    const el = renderComparison(sampleComparison(), "inline");
    const date = allByTestId(el, "compare-change")[0]!;
    expect(date.querySelector("del")?.textContent).toBe("14");
    expect(date.querySelector("ins")?.textContent).toBe("15");
    expect(date.querySelector(".diff-text")?.textContent).toBe("GENEVA (1415 May 2025) –");
  });

  it("summary, semantic labels, mode switch and next/previous change", async () => {
    const calls: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "compare_revisions") {
        calls.push(args);
        return sampleComparison();
      }
      return null;
    });
    const view = compareView("rel1", 3);
    document.body.replaceChildren(view.el);
    await flush();
    expect(calls[0]).toEqual({ id: "rel1", from: { type: "revision", number: 2 }, to: { type: "revision", number: 3 } });
    expect(byTestId(view.el, "compare-summary").textContent).toBe("2 changes in 2 fields: dateline, quote 1");
    expect(allByTestId(view.el, "compare-label").map((l) => l.textContent)).toEqual([
      "dateline date 14 May 2025 → 15 May 2025",
      "quote 1 reworded",
    ]);
    expect(byTestId(view.el, "compare-side")).toBeTruthy();
    byTestId(view.el, "compare-next").click();
    byTestId(view.el, "compare-next").click();
    let active = allByTestId(view.el, "compare-change").filter((c) => c.dataset.active === "true");
    expect(active.map((c) => c.dataset.key)).toEqual(["b:1"]);
    expect(byTestId(view.el, "compare-position").textContent).toBe("2 of 3");
    byTestId(view.el, "compare-prev").click();
    byTestId(view.el, "compare-prev").click(); // wraps to the last
    expect(byTestId(view.el, "compare-position").textContent).toBe("3 of 3");
    byTestId(view.el, "compare-mode-inline").click();
    expect(byTestId(view.el, "compare-inline")).toBeTruthy();
    expect(view.el.querySelector('[data-testid="compare-side"]')).toBeNull();
    expect(byTestId(view.el, "compare-mode-inline").dataset.state).toBe("on");
    // A label jumps to its change.
    allByTestId(view.el, "compare-label")[1]!.click();
    active = allByTestId(view.el, "compare-change").filter((c) => c.dataset.active === "true");
    expect(active.map((c) => c.dataset.key)).toEqual(["b:1"]);
    // Choosing the working copy compares again.
    type(byTestId<HTMLSelectElement>(view.el, "compare-to"), "working");
    await flush();
    expect(calls[1]).toEqual({ id: "rel1", from: { type: "revision", number: 2 }, to: { type: "workingCopy" } });
  });

  it("defaults: the two latest revisions, or the only one against the working copy", () => {
    expect(defaultPair(5)).toEqual(["rev:4", "rev:5"]);
    expect(defaultPair(1)).toEqual(["rev:1", "working"]);
  });
});

describe("compare view on the diff crate's real comparison of two seed revisions", () => {
  it("shows moves as moves, not as deleted and inserted text", async () => {
    const real = (await import("./seed-compare.json")).default as unknown as Parameters<typeof renderComparison>[0];
    const el = renderComparison(real, "side");
    const moved = el.querySelector<HTMLElement>(".diff-row.st-moved")!;
    expect(moved.querySelector(".old")?.textContent).toBe("Moved here (was block 3)");
    expect(moved.querySelector(".new .moved-text")?.textContent).toContain("The case was part of a broader");
    expect(moved.querySelector("del, ins")).toBeNull();
    const away = el.querySelector<HTMLElement>(".diff-row.st-movedAway")!;
    expect(away.querySelector(".new")?.textContent).toContain("Moved to paragraph 2");
    expect(away.querySelector("del, ins")).toBeNull();
    // Every visible change of the comparison has a row to jump to.
    expect(allByTestId(el, "compare-change").length).toBeGreaterThanOrEqual(real.changeCount - 1);
    const inline = renderComparison(real, "inline");
    expect(inline.querySelector(".st-movedAway .diff-text")?.textContent).toBe("Moved to paragraph 2.");
  });
});
