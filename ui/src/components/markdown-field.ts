// A Markdown text field on CodeMirror 6: undo history, find/replace (Ctrl+F), spellcheck where the
// webview offers it, soft wrapping. Used for paragraphs and quote words.

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { search, searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, placeholder as placeholderExt } from "@codemirror/view";
import { h } from "../lib/dom";

export interface MarkdownFieldOptions {
  value: string;
  onChange: (value: string) => void;
  testid: string;
  label: string;
  placeholder?: string;
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
