// The review half of the in-memory shell (`npm run dev:mock`, unit tests): records kept per
// release and shown back as a panel. It follows the shapes of the Rust commands, not their rules
// (no gates, no stale approvals): those live in the review crate and are tested there and end to end.

import type { ApprovalView } from "../bindings/ApprovalView";
import type { Commands } from "../generated/commands";
import type { ReviewPanel } from "../bindings/ReviewPanel";
import type { Role } from "../bindings/Role";

type ReviewCommands = Pick<
  Commands,
  | "reviewState"
  | "changeState"
  | "requestReview"
  | "answerReview"
  | "addComment"
  | "replyComment"
  | "resolveComment"
  | "suggestChange"
  | "decideSuggestion"
  | "approve"
  | "quotePacket"
  | "timeline"
  | "staleApprovals"
  | "exportAudit"
  | "reviewOverview"
  | "workspaceSettings"
  | "saveProfile"
  | "setRoles"
>;

const ME = "mock";
const ALL_ROLES: Role[] = ["writer", "editor", "legal", "approver", "admin"];
const panels = new Map<string, ReviewPanel>();
let next = 1;
let profile = { name: ME, email: null as string | null };
const now = () => new Date().toISOString();
const rid = () => `rec-${next++}`;

export function resetMockReview(): void {
  panels.clear();
  next = 1;
  profile = { name: ME, email: null };
}

function panel(id: string, revision: () => number): ReviewPanel {
  let p = panels.get(id);
  if (!p) {
    p = {
      state: { releaseId: id, revision: revision(), status: "draft", writer: ME, next: ["inReview"], waitingOn: [], requests: [], comments: [], suggestions: [], approvals: [], blockers: [], transitions: [] },
      me: profile.name,
      myRoles: ALL_ROLES,
      labels: {},
      hasWorkingCopy: false,
    };
    panels.set(id, p);
  }
  p.state.revision = revision();
  p.state.blockers = [
    ...p.state.comments.filter((c) => !c.resolved).map((c) => ({ kind: "unresolvedComment" as const, message: `unresolved comment by ${c.author} on ${c.anchor.field}`, record: c.id, field: c.anchor.field })),
    ...p.state.suggestions.filter((s) => s.status === "open").map((s) => ({ kind: "openSuggestion" as const, message: `open suggestion by ${s.author} on ${s.field}`, record: s.id, field: s.field })),
  ];
  return structuredClone(p);
}

const NEXT: Record<string, ReviewPanel["state"]["next"]> = {
  draft: ["inReview"],
  inReview: ["changesRequested", "approved", "draft"],
  changesRequested: ["inReview", "draft"],
  approved: ["inReview", "scheduled", "released"],
  scheduled: ["approved", "released"],
  released: ["corrected", "withdrawn"],
  corrected: ["corrected", "withdrawn"],
  withdrawn: [],
};

/** The review commands over the mock's releases (`revisionOf` gives a release's latest revision). */
export function mockReview(revisionOf: (id: string) => number): ReviewCommands {
  const p = (id: string) => {
    panel(id, () => revisionOf(id));
    return panels.get(id)!;
  };
  const view = (id: string) => panel(id, () => revisionOf(id));
  return {
    async reviewState(id) {
      return view(id);
    },
    async changeState(id, to, note) {
      const s = p(id).state;
      s.transitions.push({ id: rid(), author: profile.name, created: now(), revision: s.revision, from: s.status, to, note, overrideReason: null, overridden: [] });
      s.status = to;
      s.next = NEXT[to] ?? [];
      return view(id);
    },
    async requestReview(id, reviewers, role, due, note) {
      const s = p(id).state;
      const waitingOn = [...reviewers, ...(role ? [`role:${role}`] : [])];
      s.requests.push({ id: rid(), author: profile.name, created: now(), revision: s.revision, reviewers, role, due, note, answers: [], waitingOn });
      s.waitingOn = [...new Set([...s.waitingOn, ...waitingOn])];
      return view(id);
    },
    async answerReview(id, verdict, note) {
      const s = p(id).state;
      for (const r of s.requests) {
        r.answers.push({ by: profile.name, verdict, note, created: now() });
        r.waitingOn = r.waitingOn.filter((w) => w !== profile.name);
      }
      s.waitingOn = s.waitingOn.filter((w) => w !== profile.name);
      return view(id);
    },
    async addComment(id, field, range, quoted, text) {
      const s = p(id).state;
      const anchor = { field, range, text: quoted ?? "" };
      s.comments.push({ id: rid(), author: profile.name, created: now(), revision: s.revision, anchor, current: { field, range, outdated: false }, text, resolved: false, replies: [] });
      return view(id);
    },
    async replyComment(id, comment, text) {
      p(id).state.comments.find((c) => c.id === comment)?.replies.push({ id: rid(), author: profile.name, created: now(), text });
      return view(id);
    },
    async resolveComment(id, comment, resolved) {
      const c = p(id).state.comments.find((x) => x.id === comment);
      if (c) c.resolved = resolved;
      return view(id);
    },
    async suggestChange(id, field, text, note) {
      const s = p(id).state;
      s.suggestions.push({ id: rid(), author: profile.name, created: now(), revision: s.revision, field, currentField: field, old: "", new: text, current: "", diff: null, note, status: "open", decidedBy: null, decisionNote: null, acceptedRevision: null });
      return view(id);
    },
    async decideSuggestion(id, suggestion, accept, note) {
      const sg = p(id).state.suggestions.find((x) => x.id === suggestion);
      if (sg) {
        sg.status = accept ? "accepted" : "rejected";
        sg.decidedBy = profile.name;
        sg.decisionNote = note;
      }
      return view(id);
    },
    async approve(id, quote, role, verdict, by, via, note) {
      const s = p(id).state;
      const a: ApprovalView = {
        id: rid(),
        scope: quote === null ? { type: "release", role: role ?? "editor" } : { type: "quote", block: quote, speaker: by ?? "" },
        quote,
        by: by ?? profile.name,
        recordedBy: profile.name,
        via,
        verdict,
        note,
        revision: s.revision,
        created: now(),
        stale: false,
        staleReason: null,
        superseded: false,
        valid: verdict === "approve",
      };
      s.approvals.push(a);
      return view(id);
    },
    async quotePacket(id, quote) {
      const text = `Quote ${quote} of release ${id}, in context.`;
      return { quote, speaker: "Mary Lawlor", revision: revisionOf(id), html: `<!doctype html><html lang="en"><head><title>Quote ${quote}</title></head><body><main><p>${text}</p></main></body></html>`, text };
    },
    async timeline(id) {
      const s = p(id).state;
      const audit = [
        ...s.transitions.map((t) => ({ time: t.created, actor: t.author, kind: "transition", revision: t.revision, summary: `${t.from} → ${t.to}`, id: t.id })),
        ...s.comments.map((c) => ({ time: c.created, actor: c.author, kind: "comment", revision: c.revision, summary: `comment on ${c.anchor.field}: ${c.text}`, id: c.id })),
      ];
      return { audit, changes: [] };
    },
    async staleApprovals() {
      return [];
    },
    async exportAudit() {
      return "/tmp/mock-audit";
    },
    async reviewOverview() {
      return [...panels.values()].map((x) => ({ id: x.state.releaseId, status: x.state.status, waitingForMe: x.state.waitingOn.includes(profile.name), myApprovalStale: x.state.approvals.some((a) => a.stale && a.by === profile.name), writer: x.state.writer }));
    },
    async workspaceSettings() {
      return { name: profile.name, email: profile.email, myRoles: ALL_ROLES, roles: [] };
    },
    async saveProfile(name, email) {
      profile = { name, email };
      return { name, email, myRoles: ALL_ROLES, roles: [] };
    },
    async setRoles(person, roles) {
      return { name: profile.name, email: profile.email, myRoles: ALL_ROLES, roles: [{ person, roles }] };
    },
  };
}
