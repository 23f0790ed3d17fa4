// The review panel beside the editor: the release's state and the moves the rules allow, what
// blocks approval, who is asked, approvals (valid or stale) and quote sign-offs, comment threads
// and suggestions. Every action goes through the library's rules; a refusal says why.

import type { ApprovalView } from "../bindings/ApprovalView";
import type { CommentView } from "../bindings/CommentView";
import type { Packet } from "../bindings/Packet";
import type { ReviewPanel } from "../bindings/ReviewPanel";
import type { ReviewStatus } from "../bindings/ReviewStatus";
import type { Role } from "../bindings/Role";
import type { SuggestionView } from "../bindings/SuggestionView";
import type { TextRange } from "../bindings/TextRange";
import type { Verdict } from "../bindings/Verdict";
import type { Via } from "../bindings/Via";
import { formDialog } from "../components/dialog";
import { renderInline } from "../components/diff-render";
import { showError, toast } from "../components/notify";
import { sandboxedFrame } from "../components/preview";
import { api } from "../lib/api";
import { h, replace } from "../lib/dom";
import { formatTime, labelOf, REVIEW_STATUSES, ROLES } from "../lib/labels";

/** A quote of the open release, for its sign-off. */
export interface QuoteRef {
  number: number;
  speaker: string;
}

export interface ReviewHooks {
  /** Moves focus to the field at a review path in the form. */
  jumpTo(path: string): void;
  /** The release changed in the store (a suggestion was accepted): open it again. */
  reload(): void;
  /** Stores pending edits before an action that reads the store. */
  flush(): Promise<void>;
  /** The review changed (markers in the form follow). */
  changed(panel: ReviewPanel): void;
  /** The quotes of the release as edited. */
  quotes(): QuoteRef[];
}

export interface ReviewView {
  el: HTMLElement;
  refresh(): Promise<void>;
  /** Asks for a comment on `field` (optionally a selected range of it). */
  comment(field: string, range: TextRange | null, quoted: string | null): Promise<void>;
  /** Asks for a suggested new text of `field`, starting from `current`. */
  suggest(field: string, current: string): Promise<void>;
  /** Accepts or rejects a suggestion. */
  decide(s: SuggestionView, accept: boolean): Promise<void>;
  /** Shows and focuses a comment thread. */
  focusThread(id: string): void;
  current(): ReviewPanel | null;
}

const VERDICTS: ReadonlyArray<readonly [Verdict, string]> = [
  ["approve", "Approve"],
  ["requestChanges", "Request changes"],
];
const VIAS: ReadonlyArray<readonly [Via, string]> = [
  ["email", "By email"],
  ["phone", "By phone"],
];

function statusPill(s: ReviewStatus): HTMLElement {
  return h("span", { class: `status rs-${s}`, testid: "review-status", "data-status": s }, labelOf(REVIEW_STATUSES, s));
}

function fieldName(p: ReviewPanel, path: string | null | undefined): string {
  if (!path) return "a field that is gone";
  return p.labels[path] ?? path;
}

function badge(text: string, kind: "ok" | "warn" | "muted", testid?: string): HTMLElement {
  return h("span", { class: `badge ${kind}`, testid }, text);
}

function approvalTitle(a: ApprovalView): string {
  if (a.scope.type === "release") return `${labelOf(ROLES, a.scope.role)} approval`;
  return a.quote !== null ? `Sign-off of quote ${a.quote}` : "Sign-off of a removed quote";
}

function approvalBadge(a: ApprovalView): HTMLElement {
  if (a.superseded) return badge("replaced", "muted", "approval-badge");
  if (a.verdict === "requestChanges") return badge("changes requested", "warn", "approval-badge");
  if (a.stale) return badge("stale", "warn", "approval-badge");
  return badge("valid", "ok", "approval-badge");
}

export function reviewView(id: string, hooks: ReviewHooks): ReviewView {
  const body = h("div", { class: "review-body", "aria-live": "polite", "aria-busy": "true" }, h("p", { class: "muted" }, "Loading the review…"));
  const el = h("section", { class: "review-panel", testid: "review-panel", "aria-labelledby": `review-h-${id}` }, h("h2", { id: `review-h-${id}`, class: "sr-only" }, "Review"), body);
  let panel: ReviewPanel | null = null;
  let showResolved = false;
  // Answers that arrive after a newer request are dropped.
  let seq = 0;

  const show = (p: ReviewPanel) => {
    panel = p;
    draw(p);
    hooks.changed(p);
  };

  const refresh = async () => {
    const mine = ++seq;
    try {
      const p = await api.reviewState(id);
      if (mine === seq) show(p);
    } catch (err) {
      if (mine === seq) {
        replace(body, h("p", { class: "muted" }, "The review could not be loaded."));
        showError(err, "The review could not be loaded");
      }
    }
  };

  /** Runs an action that answers with the new panel; refusals are shown, nothing is lost. */
  const act = async (what: string, run: () => Promise<ReviewPanel>, done?: string): Promise<boolean> => {
    const mine = ++seq;
    try {
      await hooks.flush();
      const p = await run();
      if (mine === seq) show(p);
      if (done) toast(done);
      return true;
    } catch (err) {
      showError(err, what);
      return false;
    }
  };

  const changeState = async (to: ReviewStatus) => {
    const p = panel;
    if (!p) return;
    const gated = ["approved", "scheduled", "released"].includes(to);
    const canOverride = gated && p.state.blockers.length > 0 && p.myRoles.includes("admin");
    const v = await formDialog({
      title: `Move to “${labelOf(REVIEW_STATUSES, to)}”`,
      intro: gated && p.state.blockers.length > 0 ? `${p.state.blockers.length} thing(s) still block this; the move will be refused unless an admin overrides.` : undefined,
      fields: [
        { name: "note", label: "Note (optional)", kind: "textarea", rows: 2 },
        ...(canOverride ? [{ name: "override", label: "Override reason (admins only; leave empty to respect the gates)", kind: "text" as const }] : []),
      ],
      submit: "Change state",
      testid: "state-dialog",
    });
    if (!v) return;
    await act("The state was not changed", () => api.changeState(id, to, v.note || null, v.override || null), `Now ${labelOf(REVIEW_STATUSES, to).toLowerCase()}`);
  };

  const requestReview = async () => {
    const v = await formDialog({
      title: "Request a review",
      intro: "Ask people by name, or everyone holding a role, to review the latest saved revision.",
      fields: [
        { name: "reviewers", label: "Reviewers", placeholder: "Names, separated by commas", hint: "Leave empty to ask a role instead." },
        { name: "role", label: "Or a role", kind: "select", options: [["", "No role"], ...ROLES] },
        { name: "due", label: "Due date (optional)", kind: "date" },
        { name: "note", label: "Note to reviewers (optional)", kind: "textarea", rows: 2 },
      ],
      submit: "Request review",
      testid: "request-dialog",
    });
    if (!v) return;
    const reviewers = v.reviewers!.split(",").map((s) => s.trim()).filter(Boolean);
    await act("The review was not requested", () => api.requestReview(id, reviewers, (v.role || null) as Role | null, v.due || null, v.note || null), "Review requested");
  };

  const answer = async (verdict: Verdict) => {
    const v = await formDialog({
      title: verdict === "approve" ? "Approve this revision" : verdict === "requestChanges" ? "Request changes" : "Answer with a comment",
      fields: [{ name: "note", label: verdict === "comment" ? "Comment" : "Note (optional)", kind: "textarea", rows: 3, required: verdict === "comment" }],
      submit: "Send answer",
      testid: "answer-dialog",
    });
    if (!v) return;
    await act("The answer was not recorded", () => api.answerReview(id, verdict, v.note || null), "Answer recorded");
  };

  const approveRelease = async () => {
    const p = panel;
    if (!p) return;
    const roles = ROLES.filter(([r]) => p.myRoles.includes(r) && r !== "writer");
    const v = await formDialog({
      title: "Approve the release",
      intro: `Your approval covers revision ${p.state.revision}. Any later edit makes it stale.`,
      fields: [
        { name: "role", label: "Approve as", kind: "select", options: roles.length > 0 ? roles : ROLES },
        { name: "verdict", label: "Decision", kind: "select", options: VERDICTS },
        { name: "note", label: "Note (optional)", kind: "textarea", rows: 2 },
      ],
      submit: "Record approval",
      testid: "approve-dialog",
    });
    if (!v) return;
    await act("The approval was not recorded", () => api.approve(id, null, v.role as Role, v.verdict as Verdict, null, "app", v.note || null), "Approval recorded");
  };

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast(`${what} copied`);
    } catch {
      toast(`Select the ${what.toLowerCase()} and copy it with Ctrl+C`);
    }
  };

  const signOff = async (q: QuoteRef) => {
    let packet: Packet;
    try {
      await hooks.flush();
      packet = await api.quotePacket(id, q.number);
    } catch (err) {
      showError(err, `The approval packet of quote ${q.number} could not be made`);
      return;
    }
    const frame = sandboxedFrame("packet-frame", `Quote ${q.number} in context`);
    frame.srcdoc = packet.html;
    const text = h("textarea", { class: "packet-text", testid: "packet-text", readonly: true, rows: 8, "aria-label": "The packet as plain text" });
    text.value = packet.text;
    const intro = h(
      "div",
      { class: "packet" },
      h("p", { class: "muted" }, `Send ${packet.speaker} quote ${packet.quote} as it will print (revision ${packet.revision}), then record their answer here.`),
      frame,
      text,
      h(
        "div",
        { class: "row-tools" },
        h("button", { type: "button", class: "btn", testid: "packet-copy-text", onClick: () => void copy(packet.text, "Text") }, "Copy text for an email"),
        h("button", { type: "button", class: "btn", testid: "packet-copy-html", onClick: () => void copy(packet.html, "HTML") }, "Copy HTML"),
      ),
    );
    const v = await formDialog({
      title: `Quote ${q.number}: sign-off by ${packet.speaker}`,
      intro,
      fields: [
        { name: "by", label: "Answered by", value: q.speaker, required: true },
        { name: "verdict", label: "Their answer", kind: "select", options: VERDICTS },
        { name: "via", label: "How", kind: "select", options: VIAS },
        { name: "note", label: "Note (optional)", kind: "textarea", rows: 2 },
      ],
      submit: "Record answer",
      testid: "signoff-dialog",
    });
    if (!v) return;
    await act("The answer was not recorded", () => api.approve(id, q.number, null, v.verdict as Verdict, v.by || null, v.via as Via, v.note || null), `Answer of ${v.by || q.speaker} recorded`);
  };

  const comment = async (field: string, range: TextRange | null, quoted: string | null) => {
    const name = panel ? fieldName(panel, field) : field;
    const v = await formDialog({
      title: quoted ? `Comment on “${quoted.length > 60 ? `${quoted.slice(0, 59)}…` : quoted}”` : `Comment on the ${name}`,
      fields: [{ name: "text", label: "Comment", kind: "textarea", rows: 4, required: true }],
      submit: "Comment",
      testid: "comment-dialog",
    });
    if (!v) return;
    await act("The comment was not saved", () => api.addComment(id, field, range, quoted, v.text!), "Comment saved");
  };

  const suggest = async (field: string, current: string) => {
    const v = await formDialog({
      title: "Suggest a change",
      intro: "Your text is proposed, not applied: the writer or an editor accepts or rejects it.",
      fields: [
        { name: "text", label: "Suggested text", kind: "textarea", rows: 5, value: current, required: true },
        { name: "note", label: "Why (optional)", kind: "text" },
      ],
      submit: "Suggest",
      testid: "suggest-dialog",
    });
    if (!v) return;
    await act("The suggestion was not saved", () => api.suggestChange(id, field, v.text!, v.note || null), "Suggestion saved");
  };

  const decide = async (s: SuggestionView, accept: boolean) => {
    let note: string | null = null;
    if (!accept) {
      const v = await formDialog({ title: "Reject the suggestion", fields: [{ name: "note", label: "Why (optional)", kind: "text" }], submit: "Reject", testid: "reject-dialog" });
      if (!v) return;
      note = v.note || null;
    }
    const ok = await act(accept ? "The suggestion was not accepted" : "The suggestion was not rejected", () => api.decideSuggestion(id, s.id, accept, note), accept ? `Accepted: a new revision by ${s.author}` : "Suggestion rejected");
    if (ok && accept) hooks.reload();
  };

  const reply = async (c: CommentView) => {
    const v = await formDialog({ title: `Reply to ${c.author}`, fields: [{ name: "text", label: "Reply", kind: "textarea", rows: 3, required: true }], submit: "Reply", testid: "reply-dialog" });
    if (!v) return;
    await act("The reply was not saved", () => api.replyComment(id, c.id, v.text!));
  };

  const thread = (p: ReviewPanel, c: CommentView) => {
    const where = c.current.outdated ? c.anchor.field : (c.current.field ?? c.anchor.field);
    return h(
      "li",
      { class: `thread${c.resolved ? " resolved" : ""}`, testid: "comment-thread", "data-id": c.id, tabindex: "-1" },
      h(
        "div",
        { class: "thread-head" },
        h("strong", null, c.author),
        " on ",
        h("button", { type: "button", class: "link", testid: "comment-field", onClick: () => hooks.jumpTo(where) }, fieldName(p, where)),
        c.current.outdated ? badge("outdated", "warn", "comment-outdated") : null,
        c.resolved ? badge("resolved", "muted") : null,
        h("span", { class: "muted small" }, ` · ${formatTime(c.created)}`),
      ),
      c.anchor.range || c.current.outdated ? h("blockquote", { class: "anchor-text" }, c.anchor.text) : null,
      h("p", { class: "comment-text", testid: "comment-text" }, c.text),
      c.replies.length > 0
        ? h("ul", { class: "replies" }, c.replies.map((r) => h("li", null, h("strong", null, r.author), h("span", { class: "muted small" }, ` · ${formatTime(r.created)}`), h("p", null, r.text))))
        : null,
      h(
        "div",
        { class: "row-tools" },
        h("button", { type: "button", class: "btn subtle", testid: "comment-reply", onClick: () => void reply(c) }, "Reply"),
        h("button", { type: "button", class: "btn subtle", testid: c.resolved ? "comment-reopen" : "comment-resolve", onClick: () => void act("The comment was not updated", () => api.resolveComment(id, c.id, !c.resolved), c.resolved ? "Reopened" : "Resolved") }, c.resolved ? "Reopen" : "Resolve"),
      ),
    );
  };

  const suggestionItem = (p: ReviewPanel, s: SuggestionView) =>
    h(
      "li",
      { class: `suggestion st-${s.status}`, testid: "suggestion", "data-id": s.id, "data-status": s.status },
      h(
        "div",
        { class: "thread-head" },
        h("strong", null, s.author),
        " suggests for ",
        h("button", { type: "button", class: "link", onClick: () => hooks.jumpTo(s.currentField ?? s.field) }, fieldName(p, s.currentField ?? s.field)),
        s.status !== "open" ? badge(s.status === "accepted" ? `accepted${s.acceptedRevision ? ` as revision ${s.acceptedRevision}` : ""}` : "rejected", "muted") : null,
      ),
      s.note ? h("p", { class: "muted small" }, s.note) : null,
      h("p", { class: "diff-text" }, s.diff ? renderInline(s.diff) : s.new),
      s.decisionNote ? h("p", { class: "muted small" }, `${s.decidedBy ?? ""}: ${s.decisionNote}`) : null,
      s.status === "open"
        ? h(
            "div",
            { class: "row-tools" },
            h("button", { type: "button", class: "btn", testid: "suggestion-accept", onClick: () => void decide(s, true) }, "Accept"),
            h("button", { type: "button", class: "btn subtle", testid: "suggestion-reject", onClick: () => void decide(s, false) }, "Reject"),
          )
        : null,
    );

  const draw = (p: ReviewPanel) => {
    const st = p.state;
    body.setAttribute("aria-busy", "false");
    const waitingOnMe = st.waitingOn.some((w) => w === p.me || (w.startsWith("role:") && p.myRoles.includes(w.slice(5) as Role)));
    const quotes = hooks.quotes();
    const openComments = st.comments.filter((c) => !c.resolved);
    const comments = showResolved ? st.comments : openComments;
    const openSuggestions = st.suggestions.filter((s) => s.status === "open");
    const resolvedToggle = h("input", { type: "checkbox", id: `show-resolved-${id}`, testid: "show-resolved", checked: showResolved, onChange: () => { showResolved = !showResolved; draw(p); } });
    replace(
      body,
      h(
        "div",
        { class: "review-state" },
        h("div", { class: "state-line" }, h("span", null, "State: "), statusPill(st.status), h("span", { class: "muted small" }, ` · revision ${st.revision} · written by ${st.writer || "unknown"}`)),
        p.hasWorkingCopy ? h("p", { class: "hint", testid: "review-unsaved" }, "You have unsaved edits: comments, suggestions and approvals apply to the last saved revision.") : null,
        st.next.length > 0
          ? h("div", { class: "row-tools state-moves", role: "group", "aria-label": "Move the release to" }, st.next.map((s) => h("button", { type: "button", class: "btn", testid: `state-to-${s}`, onClick: () => void changeState(s) }, `→ ${labelOf(REVIEW_STATUSES, s)}`)))
          : null,
      ),
      h(
        "section",
        { class: "review-sec", "aria-labelledby": `blk-${id}` },
        h("h3", { id: `blk-${id}` }, "Before approval"),
        st.blockers.length === 0
          ? h("p", { class: "ok-note", testid: "no-blockers" }, "✓ Nothing blocks approval.")
          : h("ul", { class: "blockers", testid: "blockers" }, st.blockers.map((b) => h("li", { testid: "blocker", "data-kind": b.kind }, b.field ? h("button", { type: "button", class: "link", onClick: () => hooks.jumpTo(b.field!) }, b.message) : b.message))),
      ),
      h(
        "section",
        { class: "review-sec", "aria-labelledby": `req-${id}` },
        h("h3", { id: `req-${id}` }, "Review requests"),
        st.requests.length === 0
          ? h("p", { class: "muted" }, "Nobody has been asked yet.")
          : h(
              "ul",
              { class: "requests", testid: "requests" },
              st.requests.map((r) =>
                h(
                  "li",
                  { testid: "request" },
                  h("div", null, h("strong", null, [...r.reviewers, ...(r.role ? [`everyone with the ${r.role} role`] : [])].join(", ")), r.due ? h("span", { class: "muted small" }, ` · due ${r.due}`) : null, h("span", { class: "muted small" }, ` · asked by ${r.author} on revision ${r.revision ?? "?"}`)),
                  r.note ? h("p", { class: "muted small" }, r.note) : null,
                  r.answers.map((a) => h("div", { class: "small" }, `${a.by}: ${a.verdict === "approve" ? "approved" : a.verdict === "requestChanges" ? "requested changes" : "commented"}${a.note ? ` — ${a.note}` : ""}`)),
                  r.waitingOn.length > 0 ? h("div", { class: "small warn-text", testid: "waiting-on" }, `Waiting for ${r.waitingOn.map((w) => w.replace(/^role:/, "the role ")).join(", ")}`) : null,
                ),
              ),
            ),
        h(
          "div",
          { class: "row-tools" },
          h("button", { type: "button", class: "btn", testid: "request-review", onClick: () => void requestReview() }, "Request review…"),
          waitingOnMe ? h("button", { type: "button", class: "btn", testid: "answer-approve", onClick: () => void answer("approve") }, "Approve") : null,
          waitingOnMe ? h("button", { type: "button", class: "btn", testid: "answer-changes", onClick: () => void answer("requestChanges") }, "Request changes") : null,
        ),
      ),
      h(
        "section",
        { class: "review-sec", "aria-labelledby": `apr-${id}` },
        h("h3", { id: `apr-${id}` }, "Approvals and sign-offs"),
        st.approvals.length === 0
          ? h("p", { class: "muted" }, "No approval yet.")
          : h(
              "ul",
              { class: "approvals", testid: "approvals" },
              st.approvals
                .filter((a) => !a.superseded)
                .map((a) =>
                  h(
                    "li",
                    { testid: "approval", "data-id": a.id, "data-valid": String(a.valid), "data-stale": String(a.stale) },
                    h("div", null, h("strong", null, approvalTitle(a)), " ", approvalBadge(a)),
                    h("div", { class: "muted small" }, `${a.by}${a.via !== "app" ? ` (by ${a.via}, recorded by ${a.recordedBy})` : ""} · revision ${a.revision ?? "?"} · ${formatTime(a.created)}`),
                    a.stale && a.staleReason ? h("div", { class: "small warn-text" }, a.staleReason) : null,
                  ),
                ),
            ),
        h(
          "div",
          { class: "row-tools wrap" },
          h("button", { type: "button", class: "btn", testid: "approve-release", onClick: () => void approveRelease() }, "Approve release…"),
          quotes.map((q) => h("button", { type: "button", class: "btn subtle", testid: `signoff-quote-${q.number}`, onClick: () => void signOff(q) }, `Quote ${q.number} sign-off…`)),
        ),
      ),
      h(
        "section",
        { class: "review-sec", "aria-labelledby": `sug-${id}` },
        h("h3", { id: `sug-${id}` }, `Suggestions${openSuggestions.length ? ` (${openSuggestions.length} open)` : ""}`),
        st.suggestions.length === 0
          ? h("p", { class: "muted" }, "No suggestion. Select text in a field and choose “Suggest” to propose a change.")
          : h("ul", { class: "suggestions" }, [...openSuggestions, ...st.suggestions.filter((s) => s.status !== "open")].map((s) => suggestionItem(p, s))),
      ),
      h(
        "section",
        { class: "review-sec", "aria-labelledby": `com-${id}` },
        h("h3", { id: `com-${id}` }, `Comments (${openComments.length} open)`),
        h("div", { class: "check" }, resolvedToggle, h("label", { for: resolvedToggle.id }, "Show resolved")),
        comments.length === 0
          ? h("p", { class: "muted" }, "No open comment. Select text in a field and choose “Comment”.")
          : h("ul", { class: "threads" }, comments.map((c) => thread(p, c))),
      ),
    );
  };

  const focusThread = (cid: string) => {
    if (panel && !showResolved && panel.state.comments.find((c) => c.id === cid)?.resolved) {
      showResolved = true;
      draw(panel);
    }
    const t = body.querySelector<HTMLElement>(`[data-testid="comment-thread"][data-id="${cid}"]`);
    t?.scrollIntoView({ block: "center" });
    t?.focus();
  };

  void refresh();
  return { el, refresh, comment, suggest, decide, focusThread, current: () => panel };
}
