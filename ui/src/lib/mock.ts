import type { OpenConflict } from "../bindings/OpenConflict";
// An in-memory stand-in for the Tauri shell, for `npm run dev:mock` (screenshots and working on
// the UI in a plain browser) and for unit tests. Never part of a production build: api.ts only
// loads it when import.meta.env.DEV and VITE_DATELINE_MOCK=1.

import seed from "../../../examples/un-expert-khakimova.json";
import seedRev2 from "../test/seed-rev2.json";
import seedCompare from "../test/seed-compare.json";
import type { Block } from "../bindings/Block";
import type { HouseStyleId } from "../bindings/HouseStyleId";
import type { Presence } from "../bindings/Presence";
import type { Release } from "../bindings/Release";
import { dispatchCommand, type Commands } from "../generated/commands";
import { mockReview, resetMockReview } from "./mock-review";
import type { Comparison, ImportResult, OpenRelease, ReleaseSummary, RevisionInfo, RevRef } from "./types";

interface Stored {
  id: string;
  revisions: { info: RevisionInfo; release: Release }[];
  working: Release | null;
  workingAt: string | null;
  deleted: boolean;
}

const db = new Map<string, Stored>();
/** Open merge conflicts per release (tests put them there with `setMockConflicts`). */
const conflicts = new Map<string, OpenConflict[]>();

/** Gives release `id` open merge conflicts, as a pull of a colleague's revision would. */
export function setMockConflicts(id: string, list: OpenConflict[]): void {
  conflicts.set(id, list);
}
/** Others who have releases open (no team server in the mock: tests set them). */
let presence: Presence[] = [];

/** Sets who else has which release open, as the server would report it. */
export function setMockPresence(people: Presence[]): void {
  presence = clone(people);
}

/** Appends a revision by someone else, as a sync pull would; returns its number. */
export function mockColleagueRevision(id: string, author: string, headline: string): number {
  const s = get(id);
  const last = s.revisions[s.revisions.length - 1]!;
  const release = clone(last.release);
  release.headline = headline;
  const number = last.info.number + 1;
  s.revisions.push({ info: { number, author, created: new Date().toISOString(), message: null, name: null, restoredFrom: null }, release });
  return number;
}
let nextId = 1;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const fail = (code: string, message: string) => ({ code, message, problems: [] });

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
  conflicts.clear();
  presence = [];
  resetMockReview();
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
  if (!s) throw fail("not_found", `no release with id “${String(id)}”`);
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
  if (!rev) throw fail("not_found", `no revision ${ref.number}`);
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
    fields: [{ key: { type: "headline" }, path: "headline", name: "headline", status: headlineChanged ? "changed" : "unchanged", old: a.headline, new: b.headline, diff: null, bookkeeping: false }],
    blocks,
    changeCount: changed.length + (headlineChanged ? 1 : 0),
    degraded: false,
  };
}

function summary(s: Stored): ReleaseSummary {
  const r = latest(s);
  const revs = s.revisions;
  return { id: s.id, headline: r.headline, status: r.meta.status, language: r.meta.language, organisation: r.meta.organisation, style: r.style, created: revs[0]!.info.created, updated: s.workingAt ?? revs[revs.length - 1]!.info.created, revisions: revs.length, deleted: s.deleted, hasWorkingCopy: s.working !== null };
}

function opened(s: Stored): OpenRelease {
  return { release: clone(latest(s)), fromWorkingCopy: s.working !== null, latestRevision: s.revisions.length, workingCopySavedAt: s.workingAt };
}

function append(s: Stored, release: Release, message: string | null, name: string | null, restoredFrom: number | null): number {
  const n = s.revisions.length + 1;
  s.revisions.push({ info: { number: n, author: "mock", created: new Date().toISOString(), message, name, restoredFrom }, release: clone(release) });
  s.working = null;
  s.workingAt = null;
  return n;
}

/** The in-memory shell: the generated `Commands` interface, so it cannot drift from Rust's table. */
export const mockCommands: Commands = {
  async listReleases(query, deleted, ids, offset, limit) {
    const q = (query ?? "").toLowerCase();
    const all = [...db.values()]
      .filter((s) => s.deleted === deleted && (!ids || ids.includes(s.id)))
      .map(summary)
      .filter((x) => !q || x.headline.toLowerCase().includes(q));
    return { total: all.length, rows: all.slice(offset, offset + limit) };
  },
  async createRelease(style) {
    return put(template(style), "Created from template");
  },
  async duplicateRelease(id) {
    return put(latest(get(id)), "Copy");
  },
  async deleteRelease(id) {
    get(id).deleted = true;
    return null;
  },
  async undeleteRelease(id) {
    get(id).deleted = false;
    return null;
  },
  async startupError() {
    return null;
  },
  async openRelease(id) {
    return opened(get(id));
  },
  async saveWorkingCopy(id, release) {
    const s = get(id);
    s.working = clone(release);
    s.workingAt = new Date().toISOString();
    return null;
  },
  async discardWorkingCopy(id) {
    const s = get(id);
    s.working = null;
    s.workingAt = null;
    return opened(s);
  },
  async mergeConflicts(id) {
    return clone(conflicts.get(String(id)) ?? []);
  },
  async resolveConflicts(id, choices) {
    const open = conflicts.get(String(id)) ?? [];
    const release = clone(latest(get(id)));
    const said: string[] = [];
    for (const { path, choice } of choices) {
      const c = open.find((o) => o.conflict.path === path);
      if (!c) throw fail("not_found", `no open conflict at ${path}`);
      const text = choice.type === "edited" ? choice.text : (c.conflict.versions[choice.index]?.text ?? "");
      if (path === "headline") release.headline = text;
      said.push(`${c.conflict.label} — ${choice.type === "edited" ? "edited" : `${c.conflict.versions[choice.index]?.revision.author}'s version`}`);
    }
    conflicts.delete(String(id));
    return append(get(id), release, `Resolved: ${said.join("; ")}`, null, null);
  },
  async saveRevision(id, release, message, name) {
    if (!release.headline.trim()) {
      throw { ...fail("invalid_release", "1 problem(s) in the release: headline: the headline is empty"), problems: [{ path: "headline", message: "the headline is empty" }] };
    }
    return append(get(id), release, message, name, null);
  },
  async history(id) {
    return get(id).revisions.map((r) => r.info).reverse();
  },
  async loadRevision(id, rev) {
    return clone(resolve(get(id), { type: "revision", number: rev }));
  },
  async restoreRevision(id, rev) {
    const s = get(id);
    return append(s, resolve(s, { type: "revision", number: rev }), `Restored revision ${rev}`, null, rev);
  },
  async validateRelease(release) {
    return release.headline.trim() ? [] : [{ path: "headline", message: "the headline is empty" }];
  },
  async renderDateline(dateline) {
    return `${dateline.places.map((p) => p.city.toUpperCase()).join("/")} (${dateline.date}) –`;
  },
  async renderPreview(release) {
    return preview(release);
  },
  async exportRelease() {
    return "/tmp/mock-export";
  },
  async exportPdf() {
    return "/tmp/mock-export";
  },
  async compareRevisions(id, from, to) {
    const s = get(id);
    if (s.id === "r1" && from.type === "revision" && from.number === 1 && to.type === "revision" && to.number === 2) {
      return clone(seedCompare) as unknown as Comparison;
    }
    return compare(resolve(s, from), resolve(s, to));
  },
  async exportRedline() {
    return "/tmp/mock-export";
  },
  ...mockReview((id) => get(id).revisions.length),
  // The checks live in Rust (dateline-checks); the mock reports none.
  async lintRelease() {
    return { findings: [], skipped: [] };
  },
  async applyFix(release) {
    return release;
  },
  // No team server in the mock: always signed out.
  async workspaceStatus() {
    return { state: "signedOut", url: null, user: null, toSend: 0, lastSync: null, message: null };
  },
  async signIn() {
    throw fail("offline", "cannot reach the server: the mock has none");
  },
  async signOut() {
    return { state: "signedOut", url: null, user: null, toSend: 0, lastSync: null, message: null };
  },
  async syncNow() {
    return { state: "signedOut", url: null, user: null, toSend: 0, lastSync: null, message: null };
  },
  async presenceHeartbeat(release) {
    return clone(presence.filter((p) => p.release === release));
  },
  async presenceLeave() {
    return null;
  },
  async releasePresence(release) {
    return clone(presence.filter((p) => p.release === release));
  },
  async workspacePresence() {
    return clone(presence);
  },
  async setSpelling() {
    return { dictionaries: [], names: [] };
  },
  async previewImport(text) {
    // The importer lives in Rust; the mock only cuts the text into parts at blank lines.
    const chunks = text.split(/\n\s*\n/).map((t) => t.trim()).filter(Boolean);
    const parts = chunks.map((t, index) => ({ index, text: t, lines: null, role: index === 0 ? ("headline" as const) : ("paragraph" as const), confidence: index === 0 ? ("medium" as const) : ("high" as const), field: null, speaker: null }));
    const release = template("unOhchr");
    release.headline = chunks[0] ?? "";
    return { release, report: { format: "text", recognised: [], unsure: [], dropped: [], parts } } as unknown as Awaited<ReturnType<Commands["previewImport"]>>;
  },
  async openImportFile() {
    // The native dialog lives in Rust; the mock hands over a small text file.
    return { name: "ferries.txt", text: "Ferries add night crossings\n\nThe service will run after midnight.", format: "text" };
  },
  async closeWindow() {
    return null;
  },
  async importRelease() {
    return { id: put(template("unOhchr"), "Imported"), report: { format: "text", recognised: [], unsure: [{ field: "dateline", confidence: "low", note: "The dateline date was guessed" }], dropped: [], parts: [] } } as unknown as ImportResult;
  },
};

/** Answers one IPC call like the shell would. */
export function handle(cmd: string, args: Record<string, unknown>): Promise<unknown> {
  return dispatchCommand(mockCommands, cmd, args);
}
