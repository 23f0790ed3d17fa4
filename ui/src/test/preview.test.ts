import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { previewPane } from "../components/preview";
import { sampleRelease } from "./fixtures";
import { allByTestId, flush } from "./helpers";

afterEach(() => clearMocks());

describe("live preview", () => {
  it("shows the newest render, swapped in when loaded, in one sandboxed frame at a time", async () => {
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
    resolvers[0]!("<h1>First</h1>");
    await flush();
    expect(resolvers).toHaveLength(2);
    const frames = Array.from(pane.el.querySelectorAll("iframe"));
    expect(frames).toHaveLength(2);
    for (const f of frames) expect(f.getAttribute("sandbox")).toBe("allow-same-origin");
    const loading = frames.find((f) => f.srcdoc.includes("First"))!;
    loading.dispatchEvent(new Event("load"));
    let visible = allByTestId(pane.el, "preview-frame");
    expect(visible).toHaveLength(1);
    expect((visible[0] as HTMLIFrameElement).srcdoc).toBe("<h1>First</h1>");
    resolvers[1]!("<h1>Third</h1>");
    await flush();
    frames.find((f) => f.srcdoc.includes("Third"))!.dispatchEvent(new Event("load"));
    visible = allByTestId(pane.el, "preview-frame");
    expect(visible).toHaveLength(1);
    expect((visible[0] as HTMLIFrameElement).srcdoc).toBe("<h1>Third</h1>");
    expect(visible[0]!.dataset.latencyMs).toMatch(/^\d+\.\d$/);
    expect(visible[0]!.classList.contains("back")).toBe(false);
  });
});
