import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { patchChildren, patchDocument, previewPane } from "../components/preview";
import { sampleRelease } from "./fixtures";
import { allByTestId, flush } from "./helpers";

afterEach(() => clearMocks());

const page = (lang: string, style: string, body: string) =>
  `<!DOCTYPE html><html lang="${lang}"><head><style>${style}</style></head><body class="release">${body}</body></html>`;

describe("live preview", () => {
  it("shows the newest render in one sandboxed frame, written in place", async () => {
    const resolvers: ((html: string) => void)[] = [];
    mockIPC((cmd) => (cmd === "render_preview" ? new Promise<string>((r) => resolvers.push(r)) : null));
    const pane = previewPane();
    document.body.replaceChildren(pane.el);
    const r = sampleRelease();
    pane.update(r);
    r.headline = "Second";
    pane.update(r);
    r.headline = "Third";
    pane.update(r);
    await flush();
    // One request in flight, the newest waiting: "Second" is never rendered.
    expect(resolvers).toHaveLength(1);
    const frames = Array.from(pane.el.querySelectorAll("iframe"));
    expect(frames).toHaveLength(1);
    const frame = frames[0]!;
    expect(frame.getAttribute("sandbox")).toBe("allow-same-origin");
    expect(allByTestId(pane.el, "preview-frame")).toEqual([frame]);
    resolvers[0]!(page("en", "h1{}", "<h1>First</h1>"));
    await flush();
    expect(resolvers).toHaveLength(2);
    expect(frame.contentDocument!.body.innerHTML).toBe("<h1>First</h1>");
    expect(frame.contentDocument!.documentElement.lang).toBe("en");
    expect(frame.dataset.seq).toBe("1");
    const h1 = frame.contentDocument!.querySelector("h1")!;
    resolvers[1]!(page("en", "h1{}", "<h1>Third</h1>"));
    await flush();
    // The same heading element, its text changed: nothing else was replaced.
    expect(frame.contentDocument!.querySelector("h1")).toBe(h1);
    expect(h1.textContent).toBe("Third");
    expect(frame.dataset.seq).toBe("2");
    expect(frame.dataset.latencyMs).toMatch(/^\d+\.\d$/);
  });

  it("writes the latest render again when the frame is put back in the page", async () => {
    mockIPC((cmd) => (cmd === "render_preview" ? page("fr", "", "<p>Texte</p>") : null));
    const pane = previewPane();
    document.body.replaceChildren(pane.el);
    await pane.now(sampleRelease());
    const frame = pane.el.querySelector("iframe")!;
    expect(frame.contentDocument!.body.innerHTML).toBe("<p>Texte</p>");
    pane.el.remove();
    document.body.replaceChildren(pane.el);
    await flush(5);
    expect(frame.contentDocument!.body.innerHTML).toBe("<p>Texte</p>");
    expect(frame.contentDocument!.documentElement.lang).toBe("fr");
  });
});

describe("patching the preview in place", () => {
  const docOf = (html: string) => new DOMParser().parseFromString(html, "text/html");

  it("keeps equal nodes and edits only the text that changed", () => {
    const doc = docOf(page("en", "p{}", "<article><h1>Title</h1><p>One</p><p>Two <em>x</em></p><p>Three</p></article>"));
    const [p1, p2, p3] = Array.from(doc.querySelectorAll("p"));
    patchDocument(doc, page("en", "p{}", "<article><h1>Title</h1><p>One</p><p>Two <em>xy</em></p><p>Three</p></article>"));
    const after = Array.from(doc.querySelectorAll("p"));
    expect(after).toEqual([p1, p2, p3]);
    expect(p2!.innerHTML).toBe("Two <em>xy</em>");
  });

  it("inserts, removes and reorders paragraphs", () => {
    const doc = docOf(page("en", "", "<p>A</p><p>B</p><p>C</p>"));
    const a = doc.querySelector("p")!;
    patchDocument(doc, page("en", "", "<p>A</p><p>New</p><p>B</p><p>C</p>"));
    expect(doc.body.innerHTML).toBe("<p>A</p><p>New</p><p>B</p><p>C</p>");
    expect(doc.querySelector("p")).toBe(a);
    patchDocument(doc, page("en", "", "<p>C</p><p>A</p>"));
    expect(doc.body.innerHTML).toBe("<p>C</p><p>A</p>");
    patchDocument(doc, page("en", "", ""));
    expect(doc.body.innerHTML).toBe("");
  });

  it("follows changes of the styles, the language and the attributes", () => {
    const doc = docOf(page("en", "p{color:red}", '<p class="a" id="x">A</p>'));
    patchDocument(doc, page("de", "p{color:blue}", '<p class="b">A</p>'));
    expect(doc.documentElement.lang).toBe("de");
    expect(doc.head.innerHTML).toBe("<style>p{color:blue}</style>");
    expect(doc.body.innerHTML).toBe('<p class="b">A</p>');
    expect(doc.body.className).toBe("release");
  });

  it("counts what it touched", () => {
    const a = docOf("<div><p>Same</p><p>Old</p></div>").body;
    const b = docOf("<div><p>Same</p><p>New</p></div>").body;
    // The div, the paragraph and its text.
    expect(patchChildren(a, b)).toBe(3);
    expect(patchChildren(a, b)).toBe(0);
  });
});
