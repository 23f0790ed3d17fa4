import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { EditorView } from "@codemirror/view";
import type { EditorCtx } from "../editor/ctx";
import { ReleaseDoc } from "../lib/doc";
import { editForm } from "../views/edit-form";
import { sampleRelease } from "./fixtures";
import { byTestId, flush, type } from "./helpers";

function setup() {
  const doc = new ReleaseDoc(sampleRelease());
  const changed = vi.fn();
  const people: (() => void)[] = [];
  const ctx: EditorCtx = {
    doc,
    changed: () => {
      changed();
      doc.emit();
    },
    peopleChanged: () => people.forEach((f) => f()),
    onPeopleChanged: (f) => people.push(f),
  };
  const form = editForm(ctx);
  document.body.replaceChildren(form.el);
  return { doc, changed, form, root: form.el };
}

beforeEach(() => {
  mockIPC((cmd, args) => {
    if (cmd === "render_dateline") {
      const a = args as { dateline: { places: { city: string }[]; date: string } };
      return `${a.dateline.places.map((p) => p.city.toUpperCase()).join("/")} (${a.dateline.date}) –`;
    }
    return null;
  });
});
afterEach(() => clearMocks());

describe("editing fields updates the model", () => {
  it("headline and its live character count", () => {
    const { doc, changed, root } = setup();
    type(byTestId<HTMLTextAreaElement>(root, "field-headline"), "Short");
    expect(doc.release.headline).toBe("Short");
    expect(changed).toHaveBeenCalled();
    expect(byTestId(root, "headline-count").textContent).toBe("5 characters");
    type(byTestId<HTMLTextAreaElement>(root, "field-headline"), "x".repeat(90));
    expect(byTestId(root, "headline-count").dataset.level).toBe("long");
    type(byTestId<HTMLTextAreaElement>(root, "field-headline"), "x".repeat(171));
    expect(byTestId(root, "headline-count").dataset.level).toBe("too-long");
    // A pasted line break becomes a space: a headline is one line.
    type(byTestId<HTMLTextAreaElement>(root, "field-headline"), "Two\nlines");
    expect(doc.release.headline).toBe("Two lines");
  });

  it("an empty subheadline is absent, not empty", () => {
    const { doc, root } = setup();
    type(byTestId<HTMLTextAreaElement>(root, "field-subheadline"), "More words");
    expect(doc.release.subheadline).toBe("More words");
    type(byTestId<HTMLTextAreaElement>(root, "field-subheadline"), "  ");
    expect(doc.release.subheadline).toBeNull();
  });

  it("embargo date-time and time zone", () => {
    const { doc, root } = setup();
    type(byTestId<HTMLSelectElement>(root, "field-release-line"), "embargoed");
    expect(doc.release.releaseLine.type).toBe("embargoed");
    type(byTestId<HTMLInputElement>(root, "field-embargo-until"), "2025-05-15T00:01");
    type(byTestId<HTMLInputElement>(root, "field-embargo-zone"), "Europe/Zurich");
    expect(doc.release.releaseLine).toEqual({ type: "embargoed", until: "2025-05-15T00:01:00", zone: "Europe/Zurich" });
    expect(byTestId(root, "embargo-utc").textContent).toBe("That is 14 May 2025, 22:01 UTC.");
    type(byTestId<HTMLSelectElement>(root, "field-release-line"), "immediate");
    expect(doc.release.releaseLine).toEqual({ type: "immediate" });
    expect(root.querySelector('[data-testid="field-embargo-until"]')).toBeNull();
  });

  it("dateline places, date and style, with the rendered dateline", async () => {
    const { doc, root } = setup();
    byTestId(root, "dateline-add-place").click();
    type(byTestId<HTMLInputElement>(root, "dateline-city-1"), "New York");
    type(byTestId<HTMLInputElement>(root, "field-dateline-date"), "2025-06-01");
    type(byTestId<HTMLSelectElement>(root, "field-dateline-style"), "unClassic");
    expect(doc.release.dateline).toEqual({ places: [{ city: "Geneva" }, { city: "New York" }], date: "2025-06-01", style: "unClassic" });
    await new Promise((r) => setTimeout(r, 200));
    await flush();
    expect(byTestId(root, "dateline-rendered").textContent).toBe("GENEVA/NEW YORK (2025-06-01) –");
    const box = byTestId<HTMLInputElement>(root, "field-dateline-enabled");
    box.checked = false;
    box.dispatchEvent(new Event("change"));
    expect(doc.release.dateline).toBeNull();
  });

  it("metadata: style, kind, language, organisation, tags (the state is the review's)", () => {
    const { doc, root } = setup();
    type(byTestId<HTMLSelectElement>(root, "field-style"), "wire");
    expect(root.querySelector('[data-testid="field-status"]')).toBeNull();
    type(byTestId<HTMLSelectElement>(root, "field-kind"), "statement");
    type(byTestId<HTMLInputElement>(root, "field-language"), "fr-CH ");
    type(byTestId<HTMLInputElement>(root, "field-organisation"), "UNICEF");
    type(byTestId<HTMLInputElement>(root, "field-tags"), "water, , health ,");
    expect(doc.release.style).toBe("wire");
    expect(doc.release.meta).toMatchObject({ kind: "statement", language: "fr-CH", organisation: "UNICEF", tags: ["water", "health"] });
  });

  it("a new person becomes a speaker choice and a footnote subject", () => {
    const { doc, root } = setup();
    byTestId(root, "add-person").click();
    expect(doc.release.people).toHaveLength(2);
    type(byTestId<HTMLInputElement>(root, "person-name-1"), "Ben Ode");
    type(byTestId<HTMLInputElement>(root, "person-id-1"), "ode");
    type(byTestId<HTMLInputElement>(root, "person-title-1"), "Chair");
    type(byTestId<HTMLInputElement>(root, "person-role-1"), "");
    expect(doc.release.people[1]).toMatchObject({ id: "ode", name: "Ben Ode", title: "Chair", roleNoun: null });
    const speaker = byTestId<HTMLSelectElement>(root, "quote-speaker-1");
    expect(Array.from(speaker.options).map((o) => o.value)).toContain("ode");
    type(speaker, "ode");
    expect(doc.release.body[1]).toMatchObject({ type: "quote", speaker: "ode" });
    const check = byTestId<HTMLInputElement>(root, "footnote-person-0-ode");
    check.checked = true;
    check.dispatchEvent(new Event("change"));
    expect(doc.release.footnotes[0]!.people).toEqual(["ana", "ode"]);
  });

  it("renaming a person's id keeps their quotes and footnotes", () => {
    const { doc, root } = setup();
    type(byTestId<HTMLInputElement>(root, "person-id-0"), "ruiz");
    expect(doc.release.people[0]!.id).toBe("ruiz");
    expect(doc.release.body[1]).toMatchObject({ type: "quote", speaker: "ruiz" });
    expect(doc.release.footnotes[0]!.people).toEqual(["ruiz"]);
    expect(byTestId<HTMLSelectElement>(root, "quote-speaker-1").value).toBe("ruiz");
  });

  it("quote segments, attributions and lead-in", () => {
    const { doc, root } = setup();
    type(byTestId<HTMLSelectElement>(root, "quote-attr-1-0-0"), "pronounSaid");
    type(byTestId<HTMLSelectElement>(root, "quote-leadin-1-0"), "nameSaidColon");
    byTestId(root, "quote-add-segment-1-0").click();
    const cm = (byTestId(root, "quote-text-1-0-2") as HTMLElement & { view: EditorView }).view;
    cm.dispatch({ changes: { from: 0, insert: "And more." } });
    type(byTestId<HTMLSelectElement>(root, "quote-attr-1-0-1"), "");
    const q = doc.release.body[1]!;
    expect(q.type === "quote" && q.paragraphs[0]).toEqual({
      leadIn: "nameSaidColon",
      segments: [{ text: "Water is life,", attribution: "pronounSaid" }, { text: "We welcome it.", attribution: null }, { text: "And more." }],
    });
  });

  it("paragraph text in the Markdown editor, heading and list items", () => {
    const { doc, root } = setup();
    const cm = (byTestId(root, "block-text-0") as HTMLElement & { view: EditorView }).view;
    cm.dispatch({ changes: { from: cm.state.doc.length, insert: " With *emphasis*." } });
    type(byTestId<HTMLInputElement>(root, "block-heading-2"), "Context");
    type(byTestId<HTMLInputElement>(root, "list-item-3-1"), "deux");
    byTestId(root, "list-add-3").click();
    type(byTestId<HTMLInputElement>(root, "list-item-3-2"), "trois");
    byTestId(root, "list-remove-3-0").click();
    expect(doc.release.body[0]).toEqual({ type: "paragraph", text: "First paragraph. With *emphasis*." });
    expect(doc.release.body[2]).toEqual({ type: "heading", text: "Context" });
    expect(doc.release.body[3]).toEqual({ type: "list", items: ["deux", "trois"] });
  });

  it("end mark, footnotes, boilerplate, contacts, actions", () => {
    const { doc, root } = setup();
    type(byTestId<HTMLSelectElement>(root, "field-end-mark"), "custom");
    type(byTestId<HTMLInputElement>(root, "field-end-mark-custom"), "* *** *");
    expect(doc.release.endMark).toEqual({ type: "custom", text: "* *** *" });
    type(byTestId<HTMLInputElement>(root, "footnote-label-0"), "The Special Rapporteur");
    byTestId(root, "add-boilerplate").click();
    type(byTestId<HTMLInputElement>(root, "boilerplate-title-0"), "About us");
    type(byTestId<HTMLTextAreaElement>(root, "boilerplate-text-0"), "One.\n\nTwo.\n\n\n");
    byTestId(root, "add-contact").click();
    type(byTestId<HTMLInputElement>(root, "contact-name-0"), "Press desk");
    type(byTestId<HTMLInputElement>(root, "contact-email-0"), "press@example.org");
    byTestId(root, "add-action-line").click();
    type(byTestId<HTMLInputElement>(root, "action-text-1"), "Call us");
    byTestId(root, "action-up-1").click();
    type(byTestId<HTMLInputElement>(root, "field-actions-title"), "");
    expect(doc.release.footnotes[0]!.label).toBe("The Special Rapporteur");
    expect(doc.release.boilerplate).toEqual([{ title: "About us", paragraphs: ["One.", "Two."] }]);
    expect(doc.release.contacts).toEqual([{ name: "Press desk", email: "press@example.org" }]);
    expect(doc.release.actions).toEqual({
      title: null,
      items: [{ type: "line", text: "Call us" }, { type: "link", label: "Read more", url: "https://example.org/more" }],
    });
  });

  it("validation problems appear next to their fields", () => {
    const { root, form } = setup();
    form.setProblems([
      { path: "headline", message: "the headline is empty" },
      { path: "body[1].speaker", message: "no person “zed”" },
      { path: "nowhere.at.all", message: "odd" },
    ]);
    const notes = Array.from(root.querySelectorAll<HTMLElement>('[data-testid="field-problem"]'));
    expect(notes.map((n) => n.dataset.path)).toEqual(["headline", "body[1].speaker"]);
    expect(notes[0]!.parentElement?.querySelector('[data-testid="field-headline"]')).not.toBeNull();
    expect(notes[1]!.parentElement?.querySelector('[data-testid="quote-speaker-1"]')).not.toBeNull();
    expect(byTestId(root, "problem-count").dataset.count).toBe("3");
    form.setProblems([]);
    expect(root.querySelectorAll('[data-testid="field-problem"]')).toHaveLength(0);
  });
});
