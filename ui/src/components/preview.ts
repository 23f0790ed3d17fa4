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

/**
 * Two stacked frames: the next render loads in the hidden one and is swapped in once loaded, at
 * the reader's scroll position — no blank flash, no jump to the top while typing. The visible
 * frame carries data-testid="preview-frame".
 */
function doubleBuffer(title: string) {
  let front = sandboxedFrame("preview-frame", title);
  let back = sandboxedFrame("", title);
  back.removeAttribute("data-testid");
  back.classList.add("back");
  back.setAttribute("aria-hidden", "true");
  back.tabIndex = -1;
  back.inert = true;
  let token = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (html: string, seq: number, since: number) => {
    const mine = ++token;
    const target = back;
    const swap = () => {
      if (mine !== token || target !== back) return;
      if (timer !== undefined) clearTimeout(timer);
      let y = 0;
      try {
        y = front.contentWindow?.scrollY ?? 0;
        target.contentWindow?.scrollTo(0, y);
      } catch {
        /* not readable: start at the top */
      }
      for (const [el, on] of [[target, true], [front, false]] as const) {
        el.classList.toggle("back", !on);
        if (on) {
          el.setAttribute("data-testid", "preview-frame");
          el.removeAttribute("aria-hidden");
          el.inert = false;
          el.tabIndex = 0;
        } else {
          el.removeAttribute("data-testid");
          el.setAttribute("aria-hidden", "true");
          el.inert = true;
          el.tabIndex = -1;
        }
      }
      target.dataset.seq = String(seq);
      target.dataset.latencyMs = (performance.now() - since).toFixed(1);
      back = front;
      front = target;
    };
    if (timer !== undefined) clearTimeout(timer);
    target.onload = swap;
    // Should a load event never come (an engine without srcdoc events), swap anyway.
    timer = setTimeout(swap, 1000);
    target.srcdoc = html;
  };
  return { el: h("div", { class: "preview-stack" }, front, back), show };
}

export function previewPane(): PreviewPane {
  const frames = doubleBuffer("Preview of the release");
  const status = h("div", { class: "preview-status muted", "aria-live": "polite" });
  // Each request carries the time of the change that caused it, so the frame can tell how long
  // a keystroke took to reach the screen (data-latency-ms, read by the e2e benchmark).
  const latest = new LatestOnly<{ r: Release; t: number }, { html: string; t: number }>(
    async ({ r, t }) => ({ html: await api.renderPreview(r), t }),
    ({ html, t }, seq) => {
      frames.show(html, seq, t);
      status.textContent = "";
      status.classList.remove("error");
    },
    PREVIEW_DELAY,
    () => {
      status.textContent = "The preview will update once the release is valid again.";
      status.classList.add("error");
    },
  );
  const el = h("aside", { class: "preview-pane", "aria-label": "Live preview" }, h("div", { class: "pane-head" }, h("span", null, "Preview"), status), frames.el);
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
