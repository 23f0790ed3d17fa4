// The live preview: the core's HTML (the same as the export) in a sandboxed iframe via srcdoc.
// Requests are coalesced (one in flight, the newest waiting) and stale answers are dropped.

import type { Release } from "../bindings/Release";
import { api } from "../lib/api";
import { h } from "../lib/dom";
import { LatestOnly } from "../lib/latest";

/** 0: coalesce instead of debounce — the preview follows typing as fast as the renderer answers. */
export const PREVIEW_DELAY = 0;

export interface PreviewPane {
  el: HTMLElement;
  update(release: Release): void;
  now(release: Release): Promise<void>;
}

/** An iframe that shows `html` with no scripts and no access to the app. */
export function sandboxedFrame(testid: string, title: string): HTMLIFrameElement {
  // No allow-scripts: the document is inert. Same origin only so the app can keep its scroll position.
  return h("iframe", { class: "preview-frame", testid, title, sandbox: "allow-same-origin", referrerpolicy: "no-referrer" });
}

export function previewPane(): PreviewPane {
  const frame = sandboxedFrame("preview-frame", "Preview of the release");
  const status = h("div", { class: "preview-status muted", "aria-live": "polite" });
  // Each request carries the time of the change that caused it, so the frame can tell how long
  // a keystroke took to reach the screen (data-latency-ms, read by the e2e benchmark).
  const latest = new LatestOnly<{ r: Release; t: number }, { html: string; t: number }>(
    async ({ r, t }) => ({ html: await api.renderPreview(r), t }),
    ({ html, t }, seq) => {
      // Keep the reader's scroll position across updates.
      let y = 0;
      try {
        y = frame.contentWindow?.scrollY ?? 0;
      } catch {
        /* not readable: start at the top */
      }
      frame.srcdoc = html;
      frame.dataset.seq = String(seq);
      frame.onload = () => {
        frame.dataset.latencyMs = (performance.now() - t).toFixed(1);
        try {
          frame.contentWindow?.scrollTo(0, y);
        } catch {
          /* ignore */
        }
      };
      status.textContent = "";
      status.classList.remove("error");
    },
    PREVIEW_DELAY,
    () => {
      status.textContent = "The preview will update once the release is valid again.";
      status.classList.add("error");
    },
  );
  const el = h("aside", { class: "preview-pane", "aria-label": "Live preview" }, h("div", { class: "pane-head" }, h("span", null, "Preview"), status), frame);
  return {
    el,
    update: (r) => latest.push({ r: structuredCloneSafe(r), t: performance.now() }),
    now: (r) => latest.now({ r: structuredCloneSafe(r), t: performance.now() }),
  };
}

/** A snapshot of the release so later edits do not change a request in flight. */
export function structuredCloneSafe<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
