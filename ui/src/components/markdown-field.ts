// A Markdown text field on CodeMirror 6: undo history, find/replace (Ctrl+F), spellcheck where the
// webview offers it, soft wrapping. Used for paragraphs and quote words.

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { search, searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { EditorState, StateEffect, StateField, type Range } from "@codemirror/state";
import { Decoration, EditorView, keymap, placeholder as placeholderExt, type DecorationSet } from "@codemirror/view";
import { h } from "../lib/dom";

export interface MarkdownFieldOptions {
  value: string;
  onChange: (value: string) => void;
  testid: string;
  label: string;
  placeholder?: string;
}

/** A check's finding to underline: UTF-16 offsets into the field's text. */
export interface LintMark {
  from: number;
  to: number;
  severity: "error" | "warning" | "suggestion";
  message: string;
}

const setMarks = StateEffect.define<LintMark[]>();
/** The underlines of the last lint; edits move them with the text until the next lint replaces them. */
const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let out = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setMarks)) continue;
      const len = tr.state.doc.length;
      const ranges: Range<Decoration>[] = e.value
        .filter((m) => m.from < m.to && m.to <= len)
        .map((m) => Decoration.mark({ class: `lint-mark lint-${m.severity}`, attributes: { title: m.message } }).range(m.from, m.to));
      out = Decoration.set(ranges, true);
    }
    return out;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Underlines `marks` in the CodeMirror field `host` (replacing the previous ones). */
export function showLintMarks(host: HTMLElement & { view?: EditorView }, marks: LintMark[]): void {
  host.view?.dispatch({ effects: setMarks.of(marks) });
}

/** A CodeMirror editor inside a `div[data-testid]`; `view` gives access for tests. */
export function markdownField(opts: MarkdownFieldOptions): HTMLElement & { view?: EditorView } {
  const host = h("div", { class: "md-field", testid: opts.testid }) as HTMLElement & {
    view?: EditorView;
  };
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: opts.value,
      extensions: [
        history(),
        marksField,
        search({ top: true }),
        highlightSelectionMatches(),
        markdown(),
        EditorView.lineWrapping,
        // Tab moves focus (keyboard users); Ctrl+] / Ctrl+[ still indent.
        keymap.of([...defaultKeymap.filter((k) => k !== indentWithTab), ...historyKeymap, ...searchKeymap]),
        EditorView.contentAttributes.of({
          spellcheck: "true",
          autocorrect: "on",
          autocapitalize: "sentences",
          "aria-label": opts.label,
          "aria-multiline": "true",
        }),
        opts.placeholder ? placeholderExt(opts.placeholder) : [],
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  host.view = view;
  return host;
}
