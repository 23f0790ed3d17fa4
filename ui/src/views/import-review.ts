// Before a pasted or opened text becomes a release: every part of it with what it became and how
// sure the importer is (colour and words), a way to say "this is the headline", "this paragraph
// is a quote by …" or "leave this out", and the release as it would be imported.

import type { ImportPreview } from "../bindings/ImportPreview";
import type { Override } from "../bindings/Override";
import type { Part } from "../bindings/Part";
import type { SourceFormat } from "../bindings/SourceFormat";
import { closeDialog, formDialog, openDialog } from "../components/dialog";
import { showError } from "../components/notify";
import { sandboxedFrame } from "../components/preview";
import { api } from "../lib/api";
import { h, replace, uid } from "../lib/dom";
import type { ImportResult } from "../lib/types";

const ROLE_LABEL: Record<Part["role"], string> = {
  furniture: "Page furniture (left out)",
  releaseLine: "Release line",
  genre: "Kind of release",
  date: "Date",
  headline: "Headline",
  subheadline: "Subheadline",
  dateline: "Dateline",
  paragraph: "Paragraph",
  heading: "Sub-heading",
  list: "List",
  quote: "Quote",
  endMark: "End mark",
  footnote: "Footnote",
  boilerplate: "About (boilerplate)",
  contacts: "Contacts",
  actions: "Actions",
};
const SURE: Record<Part["confidence"], string> = { high: "sure", medium: "fairly sure", low: "unsure" };

/** What the writer can say a part is. */
type Choice = "" | "headline" | "dateline" | "paragraph" | "quote" | "drop";
const CHOICES: [Choice, string][] = [
  ["", "As recognised"],
  ["headline", "The headline"],
  ["dateline", "The dateline"],
  ["paragraph", "A paragraph"],
  ["quote", "A quote by…"],
  ["drop", "Leave it out"],
];

function overrideOf(part: number, choice: Choice, speaker = "", title: string | null = null): Override | null {
  switch (choice) {
    case "":
      return null;
    case "quote":
      return { type: "quote", part, speaker, title };
    default:
      return { type: choice, part };
  }
}

/**
 * Shows the review of `text`; resolves with the import's result once the writer imports, or null
 * when they cancel. Nothing is stored before "Import".
 */
export async function importReview(text: string, from: SourceFormat | null, name: string): Promise<ImportResult | null> {
  let preview: ImportPreview;
  try {
    preview = await api.previewImport(text, from, []);
  } catch (err) {
    showError(err, `${name} could not be read`);
    return null;
  }
  const before = document.activeElement;
  const overrides = new Map<number, Override>();
  const titleId = uid("import-title");
  const parts = h("ol", { class: "import-parts", testid: "import-parts", "aria-label": "The parts of the text" });
  const frame = sandboxedFrame("import-preview", "The release as it would be imported");
  const summary = h("p", { class: "muted", testid: "import-summary", "aria-live": "polite" });
  let seq = 0;

  const refresh = async () => {
    const mine = ++seq;
    try {
      const p = await api.previewImport(text, from, [...overrides.values()]);
      if (mine !== seq) return;
      preview = p;
      draw();
    } catch (err) {
      if (mine === seq) showError(err, "That correction could not be applied");
    }
  };

  const choose = async (part: Part, choice: Choice, select: HTMLSelectElement) => {
    if (choice === "quote") {
      const v = await formDialog({
        title: "Who says this?",
        fields: [
          { name: "speaker", label: "Name", value: part.speaker ?? "", required: true },
          { name: "title", label: "Title (optional)", placeholder: "e.g. Director of the service" },
        ],
        submit: "Make it a quote",
        testid: "import-speaker-dialog",
      });
      if (!v || !v.speaker!.trim()) {
        select.value = overrides.get(part.index)?.type ?? "";
        return;
      }
      overrides.set(part.index, overrideOf(part.index, "quote", v.speaker!.trim(), v.title?.trim() || null)!);
    } else {
      const o = overrideOf(part.index, choice);
      if (o) overrides.set(part.index, o);
      else overrides.delete(part.index);
    }
    await refresh();
  };

  const draw = () => {
    const r = preview.report;
    const unsure = r.parts.filter((p) => p.confidence !== "high").length;
    summary.textContent = `${r.parts.length} parts read as ${r.format}; ${unsure === 0 ? "all recognised with confidence" : `${unsure} to check (marked “fairly sure” or “unsure”)`}. Correct any part, then import.`;
    replace(
      parts,
      r.parts.map((p) => {
        const id = uid(`part-${p.index}`);
        const sel = h("select", { id, testid: `import-part-choice-${p.index}`, "aria-label": `Part ${p.index + 1} is` }, CHOICES.map(([v, l]) => h("option", { value: v }, l)));
        sel.value = overrides.get(p.index)?.type ?? "";
        sel.addEventListener("change", () => void choose(p, sel.value as Choice, sel));
        const overridden = overrides.has(p.index);
        return h(
          "li",
          { class: `import-part conf-${p.confidence}${overridden ? " corrected" : ""}`, testid: "import-part", "data-role": p.role, "data-confidence": p.confidence, "data-index": String(p.index) },
          h(
            "div",
            { class: "part-head" },
            h("strong", null, ROLE_LABEL[p.role]),
            p.role === "quote" && p.speaker ? ` by ${p.speaker}` : "",
            h("span", { class: `conf-badge conf-${p.confidence}` }, overridden ? "your choice" : SURE[p.confidence]),
            p.lines ? h("span", { class: "muted small" }, ` lines ${p.lines.first}–${p.lines.last}`) : null,
          ),
          h("p", { class: "part-text" }, p.text.length > 400 ? `${p.text.slice(0, 399)}…` : p.text),
          h("div", { class: "part-choice" }, h("label", { for: id }, "This is: "), sel),
        );
      }),
    );
    void api.renderPreview(preview.release).then(
      (html) => {
        frame.srcdoc = html;
      },
      () => {},
    );
  };

  return new Promise((resolve) => {
    const done = (v: ImportResult | null) => {
      closeDialog(dialog, before);
      resolve(v);
    };
    const importBtn = h(
      "button",
      {
        type: "button",
        class: "btn primary",
        testid: "import-accept",
        onClick: async () => {
          importBtn.disabled = true;
          try {
            done(await api.importRelease(text, from, [...overrides.values()]));
          } catch (err) {
            importBtn.disabled = false;
            showError(err, `${name} was not imported`);
          }
        },
      },
      "Import",
    );
    const dialog = h(
      "dialog",
      { class: "dialog import-review", testid: "import-review", "aria-labelledby": titleId, onCancel: (e: Event) => { e.preventDefault(); done(null); } },
      h("h2", { id: titleId }, `Import ${name}`),
      summary,
      h(
        "div",
        { class: "import-cols" },
        h("section", { class: "import-col", "aria-label": "What was recognised" }, parts),
        h("section", { class: "import-col import-preview-col", "aria-label": "The release as it would be imported" }, frame),
      ),
      h("div", { class: "dialog-actions" }, h("button", { type: "button", class: "btn", testid: "import-cancel", onClick: () => done(null) }, "Cancel"), importBtn),
    );
    draw();
    openDialog(dialog, parts.querySelector<HTMLElement>("select"));
  });
}
