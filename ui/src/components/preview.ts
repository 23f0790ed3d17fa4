// The live preview: the core's HTML (the same as the export) in one sandboxed iframe. The frame
// loads an empty standards-mode shell once; every render is then written into it in place: the
// new HTML is parsed beside the app and only the nodes that differ are replaced, so a keystroke
// repaints the paragraph it changed, the reader keeps their scroll position, and no document is
// reloaded. Requests are coalesced (one in flight, the newest waiting) and stale answers dropped.

import type { Release } from "../bindings/Release";
import { api } from "../lib/api";
import { h } from "../lib/dom";
import { LatestOnly } from "../lib/latest";

/** 0: coalesce instead of debounce — the preview follows typing as fast as the renderer answers. */
export const PREVIEW_DELAY = 0;

/** What the frame loads before the first render: standards mode, nothing else. */
export const PREVIEW_SHELL = "<!DOCTYPE html><html><head></head><body></body></html>";

export interface PreviewPane {
  el: HTMLElement;
  update(release: Release): void;
  now(release: Release): Promise<void>;
}

/** An iframe that shows `html` with no scripts and no access to the app. */
export function sandboxedFrame(testid: string, title: string): HTMLIFrameElement {
  // No allow-scripts: the document is inert. Same origin so the app can write into it and keep its scroll position.
  return h("iframe", { class: "preview-frame", testid, title, sandbox: "allow-same-origin", referrerpolicy: "no-referrer" });
}

function syncAttributes(cur: Element, want: Element): void {
  for (const a of Array.from(cur.attributes)) if (!want.hasAttribute(a.name)) cur.removeAttribute(a.name);
  for (const a of Array.from(want.attributes)) if (cur.getAttribute(a.name) !== a.value) cur.setAttribute(a.name, a.value);
}

/**
 * Makes the children of `cur` equal to those of `want`, touching as little as it can: equal
 * nodes at both ends are kept; when one node changed it is patched in place (down to the text
 * that changed), otherwise the differing run is replaced by copies from `want`. Returns how many
 * nodes were replaced or edited.
 */
export function patchChildren(cur: Node, want: Node): number {
  const doc = cur.ownerDocument ?? (cur as Document);
  const a = Array.from(cur.childNodes);
  const b = Array.from(want.childNodes);
  let start = 0;
  while (start < a.length && start < b.length && a[start]!.isEqualNode(b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1]!.isEqualNode(b[endB - 1]!)) {
    endA--;
    endB--;
  }
  if (endA - start === 1 && endB - start === 1) {
    const x = a[start]!;
    const y = b[start]!;
    if (x.nodeType === Node.ELEMENT_NODE && y.nodeType === Node.ELEMENT_NODE && (x as Element).tagName === (y as Element).tagName) {
      syncAttributes(x as Element, y as Element);
      return 1 + patchChildren(x, y);
    }
    if (x.nodeType === Node.TEXT_NODE && y.nodeType === Node.TEXT_NODE) {
      (x as Text).data = (y as Text).data;
      return 1;
    }
  }
  const after = a[endA] ?? null;
  for (let i = start; i < endA; i++) a[i]!.remove();
  for (let i = start; i < endB; i++) cur.insertBefore(doc.importNode(b[i]!, true), after);
  return endA - start + (endB - start);
}

/**
 * Makes `doc` show the HTML document `html`: the root's attributes, the head (styles) when it
 * changed, and the body patched node by node.
 */
export function patchDocument(doc: Document, html: string): void {
  const next = new DOMParser().parseFromString(html, "text/html");
  syncAttributes(doc.documentElement, next.documentElement);
  if (doc.head.innerHTML !== next.head.innerHTML) patchChildren(doc.head, next.head);
  syncAttributes(doc.body, next.body);
  patchChildren(doc.body, next.body);
}

/** The one frame of the preview and what it last showed. */
function liveFrame(title: string) {
  const frame = sandboxedFrame("preview-frame", title);
  frame.srcdoc = PREVIEW_SHELL;
  let latest: { html: string; seq: number; since: number; answered: number } | null = null;
  // The shell is loaded (again, whenever the frame was put back in the page): write the latest render.
  let loaded = false;
  const write = () => {
    const doc = frame.contentDocument;
    if (!latest || !loaded || !doc?.body || !frame.isConnected) return;
    const patching = performance.now();
    patchDocument(doc, latest.html);
    const done = performance.now();
    // The parts of the latency, read with it by the e2e benchmark: the render's round trip, the
    // wait for the main thread, and the patch.
    frame.dataset.renderMs = (latest.answered - latest.since).toFixed(1);
    frame.dataset.queuedMs = (patching - latest.answered).toFixed(1);
    frame.dataset.patchMs = (done - patching).toFixed(1);
    frame.dataset.latencyMs = (done - latest.since).toFixed(1);
    frame.dataset.seq = String(latest.seq);
  };
  frame.addEventListener("load", () => {
    loaded = true;
    write();
  });
  const show = (html: string, seq: number, since: number, answered: number) => {
    latest = { html, seq, since, answered };
    write();
  };
  return { frame, show };
}

export function previewPane(): PreviewPane {
  const live = liveFrame("Preview of the release");
  const status = h("div", { class: "preview-status muted", "aria-live": "polite" });
  // Each request carries the time of the change that caused it, so the frame can tell how long
  // a keystroke took to reach the screen (data-latency-ms, read by the e2e benchmark).
  const latest = new LatestOnly<{ r: Release; t: number }, { html: string; t: number; answered: number }>(
    async ({ r, t }) => {
      const html = await api.renderPreview(r);
      return { html, t, answered: performance.now() };
    },
    ({ html, t, answered }, seq) => {
      live.show(html, seq, t, answered);
      status.textContent = "";
      status.classList.remove("error");
    },
    PREVIEW_DELAY,
    () => {
      status.textContent = "The preview will update once the release is valid again.";
      status.classList.add("error");
    },
  );
  const el = h("aside", { class: "preview-pane", "aria-label": "Live preview" }, h("div", { class: "pane-head" }, h("span", null, "Preview"), status), h("div", { class: "preview-stack" }, live.frame));
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
