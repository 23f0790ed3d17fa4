// Changes made by two people to the same text: the banner that says so in the editor, and the
// chooser that shows every version side by side to pick one or write the text by hand. The merge
// already kept one version (the one saved last); choosing saves a new revision that records it.

import type { Choice } from "../bindings/Choice";
import type { OpenConflict } from "../bindings/OpenConflict";
import type { Version } from "../bindings/Version";
import { closeDialog, openDialog } from "../components/dialog";
import { showError, toast } from "../components/notify";
import { api } from "../lib/api";
import { h } from "../lib/dom";

/** "Ana", "Ana and Ben", "Ana, Ben and you". */
export function people(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? "";
  return `${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
}

function who(v: Version, me: string): string {
  return v.revision.author === me ? "You" : v.revision.author;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** The sentence of the editor's banner for `conflicts` (open on the latest revision). */
export function conflictSummary(conflicts: OpenConflict[], me: string): string {
  const labels = conflicts.map((c) => c.conflict.label);
  const authors = conflicts.flatMap((c) => c.conflict.versions.map((v) => (v.revision.author === me ? "you" : v.revision.author)));
  const shown = labels.length <= 3 ? people(labels) : `${labels.slice(0, 2).join(", ")} and ${labels.length - 2} more`;
  return `${sentenceStart(people(authors))} changed ${shown} differently. Dateline kept the version saved last in each place; nothing was lost.`;
}

function sentenceStart(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The banner in the editor, or null when nothing conflicts. `resolved` runs after a choice was saved. */
export function conflictBanner(conflicts: OpenConflict[], me: string, id: string, resolved: () => void): HTMLElement | null {
  if (conflicts.length === 0) return null;
  const review = h("button", { type: "button", class: "btn", testid: "conflicts-review", onClick: () => void chooseVersions(id, conflicts, me).then((n) => n !== null && resolved()) }, "Compare and choose…");
  return h(
    "div",
    { class: "banner warn", testid: "conflicts-banner", role: "status" },
    h("span", { class: "banner-text" }, conflictSummary(conflicts, me)),
    review,
  );
}

/**
 * The chooser: one group per conflict with its versions side by side (who saved it and when), a
 * choice per group (a version, or "Write it myself" with the text to edit), and Save. Resolves to
 * the new revision's number, or null when closed without saving.
 */
export function chooseVersions(id: string, conflicts: OpenConflict[], me: string): Promise<number | null> {
  const before = document.activeElement;
  return new Promise((resolve) => {
    const pickers = conflicts.map((c, ci) => picker(c, ci, me));
    const save = h("button", { type: "submit", class: "btn primary", testid: "conflicts-save" }, "Save my choices");
    const cancel = h("button", { type: "button", class: "btn", testid: "conflicts-cancel", onClick: () => done(null) }, "Not now");
    const form = h(
      "form",
      {
        class: "conflicts-form",
        onSubmit: async (e: Event) => {
          e.preventDefault();
          const choices = pickers.map((p) => p.choice());
          save.disabled = true;
          try {
            const rev = await api.resolveConflicts(id, choices);
            toast(`Saved as revision ${rev}`);
            done(rev);
          } catch (err) {
            showError(err, "Your choices could not be saved");
            save.disabled = false;
          }
        },
      },
      h("p", { class: "muted" }, "Each place below was changed by more than one person. The selected version is the one in the text now. Pick another, or write the text yourself; saving makes a new revision that says what was chosen."),
      ...pickers.map((p) => p.el),
      h("div", { class: "dialog-actions" }, cancel, save),
    );
    const dialog = h(
      "dialog",
      { class: "dialog wide conflicts-dialog", testid: "conflicts-dialog", "aria-labelledby": "conflicts-title", onCancel: (e: Event) => { e.preventDefault(); done(null); } },
      h("h2", { id: "conflicts-title" }, "Choose between versions"),
      form,
    );
    const done = (v: number | null) => {
      closeDialog(dialog, before);
      resolve(v);
    };
    openDialog(dialog, pickers[0]?.first ?? save);
  });
}

interface Picker {
  el: HTMLElement;
  first: HTMLElement | undefined;
  choice(): { path: string; choice: Choice };
}

function picker(c: OpenConflict, ci: number, me: string): Picker {
  const name = `conflict-${ci}`;
  const k = c.conflict;
  const mine = h("textarea", { class: "conflict-edit", testid: `conflict-edit-${ci}`, rows: 4, "aria-label": `Your text for ${k.label}`, hidden: true }) as HTMLTextAreaElement;
  mine.value = k.versions[k.default]?.text ?? "";
  const radios: HTMLInputElement[] = [];
  const option = (value: string, checked: boolean, label: HTMLElement, body: HTMLElement | null, testid: string) => {
    const input = h("input", { type: "radio", name, value, testid, checked }) as HTMLInputElement;
    input.addEventListener("change", () => {
      mine.hidden = input.value !== "edit";
      if (!mine.hidden) mine.focus();
    });
    radios.push(input);
    return h("label", { class: "conflict-version", "data-value": value }, h("span", { class: "conflict-version-head" }, input, label), body);
  };
  const versions = k.versions.map((v, i) =>
    option(
      String(i),
      i === k.default,
      h("span", null, h("strong", null, who(v, me)), h("span", { class: "muted small" }, ` · ${when(v.revision.saved)}`), i === k.default ? h("span", { class: "badge" }, "in the text now") : ""),
      v.text === null ? h("p", { class: "conflict-text muted" }, "(removed)") : h("p", { class: "conflict-text" }, v.text),
      `conflict-${ci}-version-${i}`,
    ),
  );
  const edit = option("edit", false, h("span", null, h("strong", null, "Write it myself")), null, `conflict-${ci}-edit`);
  const el = h(
    "fieldset",
    { class: "conflict", testid: "conflict", "data-path": k.path },
    h("legend", null, sentenceStart(k.label)),
    k.base !== null && k.base !== undefined ? h("p", { class: "conflict-base muted small" }, h("span", null, "Before: "), k.base) : h("p", { class: "conflict-base muted small" }, "Before: (not there)"),
    h("div", { class: "conflict-versions" }, ...versions),
    edit,
    mine,
  );
  return {
    el,
    first: radios[k.default] ?? radios[0],
    choice: () => {
      const picked = radios.find((r) => r.checked)?.value ?? String(k.default);
      const choice: Choice = picked === "edit" ? { type: "edited", text: mine.value } : { type: "version", index: Number(picked) };
      return { path: k.path, choice };
    },
  };
}
