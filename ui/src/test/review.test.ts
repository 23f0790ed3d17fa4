import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import type { App } from "../app";
import { createApp } from "../app";
import { reviewPath, selectionOf } from "../editor/review-marks";
import { allByTestId, byTestId, type, until, mockShell, type Call } from "./helpers";

const calls: Call[] = [];
let app: App | null = null;

beforeEach(() => mockShell(calls));
afterEach(() => {
  app?.destroy();
  app = null;
  document.querySelectorAll("dialog").forEach((d) => d.remove());
  clearMocks();
});

const q = (sel: string) => document.querySelector<HTMLElement>(sel);

describe("review paths and selections", () => {
  it("maps the form's data-paths to the fields a comment can point at", () => {
    expect(reviewPath("headline")).toBe("headline");
    expect(reviewPath("dateline.places")).toBe("dateline");
    expect(reviewPath("body[3].paragraphs[0].segments[1]")).toBe("body[3].paragraphs[0].segments[1]");
    expect(reviewPath("meta.language")).toBeNull();
    expect(reviewPath("body[2].speaker")).toBeNull();
  });

  it("counts a selection in characters, not UTF-16 units", () => {
    const input = document.createElement("input");
    input.value = "😀 Geneva talks";
    document.body.replaceChildren(input);
    input.setSelectionRange(3, 9); // after the emoji (2 units) and the space
    expect(selectionOf(input)).toEqual({ value: "😀 Geneva talks", range: { start: 2, end: 8 }, quoted: "Geneva" });
  });
});

describe("the review panel over the mocked shell", () => {
  it("comments on a selection of the headline, then shows the thread and its marker", async () => {
    const mount = document.createElement("div");
    document.body.replaceChildren(mount);
    app = createApp(mount);
    await app.openRelease("r1");
    await until(() => q('[data-testid="review-panel"]') !== null || q('[data-testid="side-review"]') !== null);
    byTestId(document.body, "side-review").click();
    await until(() => q('[data-testid="review-status"]') !== null);
    expect(q('[data-testid="review-status"]')!.dataset.status).toBe("draft");

    const headline = byTestId<HTMLTextAreaElement>(document.body, "field-headline");
    headline.focus();
    headline.setSelectionRange(0, 5);
    await until(() => q('[data-testid="field-comment"]') !== null);
    byTestId(document.body, "field-comment").click();
    await until(() => q('[data-testid="comment-dialog-text"]') !== null);
    type(byTestId<HTMLTextAreaElement>(document.body, "comment-dialog-text"), "Shorter?");
    byTestId(document.body, "comment-dialog-submit").click();
    await until(() => allByTestId(document.body, "comment-thread").length === 1);

    const call = calls.find((c) => c.cmd === "add_comment")!;
    expect(call.args).toMatchObject({ id: "r1", field: "headline", range: { start: 0, end: 5 }, quoted: headline.value.slice(0, 5), text: "Shorter?" });
    expect(byTestId(document.body, "comment-text").textContent).toBe("Shorter?");
    await until(() => q('[data-testid="comment-marker"]') !== null);
    expect(q('[data-testid="comment-marker"]')!.dataset.count).toBe("1");
    // The open comment blocks approval until it is resolved.
    expect(allByTestId(document.body, "blocker").map((b) => b.dataset.kind)).toEqual(["unresolvedComment"]);
    byTestId(document.body, "comment-resolve").click();
    await until(() => q('[data-testid="no-blockers"]') !== null);
    expect(allByTestId(document.body, "comment-thread")).toHaveLength(0);
  });

  it("state changes go through the panel; Details has no status dropdown", async () => {
    const mount = document.createElement("div");
    document.body.replaceChildren(mount);
    app = createApp(mount);
    await app.openRelease("r1");
    expect(q('[data-testid="field-status"]')).toBeNull();
    byTestId(document.body, "side-review").click();
    await until(() => q('[data-testid="state-to-inReview"]') !== null);
    byTestId(document.body, "state-to-inReview").click();
    await until(() => q('[data-testid="state-dialog-submit"]') !== null);
    byTestId(document.body, "state-dialog-submit").click();
    await until(() => q('[data-testid="review-status"]')?.dataset.status === "inReview");
    expect(calls.find((c) => c.cmd === "change_state")?.args).toMatchObject({ id: "r1", to: "inReview" });
    expect(byTestId(document.body, "toolbar-review-status").textContent).toContain("In review");
  });
});
