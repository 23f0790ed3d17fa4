import { describe, expect, it } from "vitest";
import type { LintReport } from "../bindings/LintReport";
import { checksPanel } from "../editor/checks";
import { h } from "../lib/dom";

function report(message: string): LintReport {
  return { findings: [{ check: "headline.final-stop", severity: "warning", path: "headline", message }], skipped: [] };
}

function setup() {
  const field = () => h("div", { "data-path": "headline" }, h("input", { type: "text" }));
  const form = h("div", null, field());
  const checks = checksPanel(form, { fix: () => {}, jump: () => {} });
  document.body.replaceChildren(checks.el, form);
  return { form, checks, field };
}

const note = () => document.querySelector('[data-testid="field-finding"]');

describe("checks while writing", () => {
  it("leave the page alone when an answer repeats the report drawn", () => {
    const { checks } = setup();
    checks.show(report("The headline ends with a full stop."));
    const first = note();
    expect(first?.textContent).toContain("ends with a full stop");
    checks.show(report("The headline ends with a full stop."));
    expect(note()).toBe(first);
    checks.show(report("The headline is too long."));
    expect(note()).not.toBe(first);
    expect(note()?.textContent).toContain("too long");
  });

  it("draw the same report again into a field that was drawn again", () => {
    const { form, checks, field } = setup();
    checks.show(report("The headline ends with a full stop."));
    form.replaceChildren(field());
    expect(note()).toBeNull();
    checks.show(report("The headline ends with a full stop."));
    expect(note()?.textContent).toContain("ends with a full stop");
  });
});
