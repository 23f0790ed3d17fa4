// An in-memory stand-in for the Tauri shell, for `npm run dev:mock` (screenshots and working on
// the UI in a plain browser) and for unit tests. Never part of a production build: api.ts only
// loads it when import.meta.env.DEV and VITE_DATELINE_MOCK=1.

import seed from "../../../examples/un-expert-khakimova.json";
import seedRev2 from "../test/seed-rev2.json";
import seedCompare from "../test/seed-compare.json";
import type { Block } from "../bindings/Block";
import type { HouseStyleId } from "../bindings/HouseStyleId";
import type { Release } from "../bindings/Release";
import type { Comparison, ReleaseSummary, RevisionInfo, RevRef } from "./types";

interface Stored {
  id: string;
  revisions: { info: RevisionInfo; release: Release }[];
  working: Release | null;
  workingAt: string | null;
  deleted: boolean;
}

const db = new Map<string, Stored>();
let nextId = 1;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function put(release: Release, message: string): string {
  const id = `r${nextId++}`;
  const r = clone(release);
  r.meta.id = id;
  db.set(id, { id, revisions: [{ info: { number: 1, author: "mock", created: new Date().toISOString(), message, name: null, restoredFrom: null }, release: r }], working: null, workingAt: null, deleted: false });
  return id;
}

function template(style: HouseStyleId): Release {
  const r = clone(seed) as unknown as Release;
  r.style = style;
  r.headline = "Headline of the release";
  r.meta.status = "draft";
  r.body = [{ type: "paragraph", text: "The lead paragraph: who, what, when, where, why." }];
  return r;
}

/** Resets the mock store with the seed and a few more releases. */
export function resetMock(): void {
  db.clear();
  nextId = 1;
  const base = clone(seed) as unknown as Release;
  const first = put(base, "Imported from the seed");
  // A second revision of the seed (and the diff crate's real comparison of the two), so
  // history and compare have something to show.
  const edited = clone(seedRev2) as unknown as Release;
  edited.meta.id = first;
  db.get(first)!.revisions.push({ info: { number: 2, author: "mock", created: new Date().toISOString(), message: "Tighter headline, new date", name: "Sent for review", restoredFrom: null }, release: edited });
  const headlines = [
    "Sudan: UN experts alarmed by attacks on aid workers",
    "Acme Robotics opens research centre in Oslo",
    "Climate summit ends with pledge on methane",
  ];
  headlines.forEach((hl, i) => {
    const r = clone(base);
    r.headline = hl;
    r.meta.status = (["draft", "inReview", "approved"] as const)[i]!;
    r.meta.language = i === 1 ? "en-GB" : "en";
    if (i === 0) r.releaseLine = { type: "embargoed", until: "2025-05-15T00:01:00", zone: "Europe/Zurich" };
    put(r, "First draft");
  });
}
resetMock();

function latest(s: Stored): Release {
  return s.working ?? s.revisions[s.revisions.length - 1]!.release;
}

function get(id: unknown): Stored {
  const s = db.get(String(id));
  if (!s) throw { code: "not_found", message: `no release with id “${String(id)}”` };
  return s;
}

function esc(t: string): string {
  return t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function blockText(b: Block): string {
  switch (b.type) {
    case "paragraph":
    case "heading":
      return b.text;
    case "list":
      return b.items.join(" / ");
    case "quote":
      return b.paragraphs.map((p) => p.segments.map((s) => `“${s.text}”`).join(" ")).join(" ");
  }
}

function preview(r: Release): string {
  const body = r.body
    .map((b) => (b.type === "heading" ? `<h2>${esc(b.text)}</h2>` : `<p>${esc(blockText(b))}</p>`))
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font:16px/1.55 Georgia,serif;max-width:40em;margin:2em auto;padding:0 1.5em;color:#1d1d1f}h1{font-size:1.6em;line-height:1.25}</style></head><body><p><small>${esc(r.meta.organisation)} · mock preview</small></p><h1>${esc(r.headline)}</h1>${r.subheadline ? `<p><em>${esc(r.subheadline)}</em></p>` : ""}${body}</body></html>`;
}

function resolve(s: Stored, ref: RevRef): Release {
  if (ref.type === "workingCopy") return latest(s);
  const rev = s.revisions.find((x) => x.info.number === ref.number);
  if (!rev) throw { code: "not_found", message: `no revision ${ref.number}` };
  return rev.release;
}

function compare(a: Release, b: Release): Comparison {
  const blocks = b.body.map((blk, i) => {
    const old = a.body[i] ? blockText(a.body[i]!) : null;
    const now = blockText(blk);
    const changed = old !== now;
    return {
      entry: i,
      status: old === null ? ("inserted" as const) : changed ? ("changed" as const) : ("unchanged" as const),
      kind: blk.type,
      name: `${blk.type} ${i + 1}`,
      oldIndex: old === null ? null : i,
      newIndex: i,
      old,
      new: now,
      diff: changed && old !== null ? { ops: [{ kind: "replace" as const, old, new: now, trivial: null, hidden: false, chars: null }], similarity: 0.5, replaced: true, whitespaceOnly: false, quoteStyleOnly: false, visibleChanges: 1 } : null,
      edited: changed,
      partner: null,
    };
  });
  const headlineChanged = a.headline !== b.headline;
  const changed = blocks.filter((x) => x.status !== "unchanged");
  return {
    summary: `${changed.length + (headlineChanged ? 1 : 0)} changes`,
    labels: [
      ...(headlineChanged ? [{ kind: "headline" as const, text: "headline reworded", field: "headline", path: "headline", entry: null, hidden: false }] : []),
      ...changed.map((x) => ({ kind: x.kind === "quote" ? ("quote" as const) : ("paragraph" as const), text: `${x.name} edited`, field: x.name, path: null, entry: x.entry, hidden: false })),
    ],
    fields: [{ path: "headline", name: "headline", status: headlineChanged ? "changed" : "unchanged", old: a.headline, new: b.headline, diff: null, bookkeeping: false }],
    blocks,
    changeCount: changed.length + (headlineChanged ? 1 : 0),
    degraded: false,
  };
}

/** Answers one command like the shell would. */
export function handle(cmd: string, a: Record<string, unknown>): unknown {
  switch (cmd) {
    case "list_releases": {
      const q = String(a.query ?? "").toLowerCase();
      return [...db.values()]
        .filter((s) => s.deleted === Boolean(a.deleted))
        .map((s): ReleaseSummary => {
          const r = latest(s);
          const revs = s.revisions;
          return { id: s.id, headline: r.headline, status: r.meta.status, language: r.meta.language, organisation: r.meta.organisation, style: r.style, created: revs[0]!.info.created, updated: s.workingAt ?? revs[revs.length - 1]!.info.created, revisions: revs.length, deleted: s.deleted, hasWorkingCopy: s.working !== null };
        })
        .filter((x) => !q || x.headline.toLowerCase().includes(q));
    }
    case "create_release":
      return put(template(a.style as HouseStyleId), "Created from template");
    case "duplicate_release":
      return put(latest(get(a.id)), "Copy");
    case "delete_release":
      get(a.id).deleted = true;
      return null;
    case "undelete_release":
      get(a.id).deleted = false;
      return null;
    case "open_release": {
      const s = get(a.id);
      return { release: clone(latest(s)), fromWorkingCopy: s.working !== null, latestRevision: s.revisions.length, workingCopySavedAt: s.workingAt };
    }
    case "save_working_copy": {
      const s = get(a.id);
      s.working = clone(a.release as Release);
      s.workingAt = new Date().toISOString();
      return null;
    }
    case "save_revision": {
      const s = get(a.id);
      const n = s.revisions.length + 1;
      s.revisions.push({ info: { number: n, author: "mock", created: new Date().toISOString(), message: (a.message as string) ?? null, name: (a.name as string) ?? null, restoredFrom: null }, release: clone(a.release as Release) });
      s.working = null;
      s.workingAt = null;
      return n;
    }
    case "history":
      return get(a.id).revisions.map((r) => r.info).reverse();
    case "load_revision":
      return clone(resolve(get(a.id), { type: "revision", number: Number(a.rev) }));
    case "restore_revision": {
      const s = get(a.id);
      const r = resolve(s, { type: "revision", number: Number(a.rev) });
      const n = s.revisions.length + 1;
      s.revisions.push({ info: { number: n, author: "mock", created: new Date().toISOString(), message: `Restored revision ${String(a.rev)}`, name: null, restoredFrom: Number(a.rev) }, release: clone(r) });
      s.working = null;
      return n;
    }
    case "validate_release": {
      const r = a.release as Release;
      return r.headline.trim() ? [] : [{ path: "headline", message: "the headline is empty" }];
    }
    case "render_preview":
      return preview(a.release as Release);
    case "render_dateline": {
      const d = a.dateline as { places: { city: string }[]; date: string };
      return `${d.places.map((p) => p.city.toUpperCase()).join("/")} (${d.date}) –`;
    }
    case "compare_revisions": {
      const s = get(a.id);
      const from = a.from as RevRef;
      const to = a.to as RevRef;
      if (s.id === "r1" && from.type === "revision" && from.number === 1 && to.type === "revision" && to.number === 2) {
        return clone(seedCompare) as unknown as Comparison;
      }
      return compare(resolve(s, a.from as RevRef), resolve(s, a.to as RevRef));
    }
    case "export_redline":
    case "export_release":
    case "export_pdf":
      return "/tmp/mock-export";
    case "import_release":
      return { id: put(template("unOhchr"), "Imported"), report: { format: "text", recognised: [], unsure: [{ field: "dateline", confidence: "low", note: "The dateline date was guessed" }], dropped: [], parts: [] } };
    case "list_templates":
      return [];
    case "startup_error":
      return null;
    default:
      throw { code: "internal", message: `the mock does not know “${cmd}”` };
  }
}
