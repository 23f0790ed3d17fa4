// The keyboard shortcuts, listed in a dialog (F1, or ? outside a text field).

import { h } from "../lib/dom";

/** The shortcut modifier as the platform names it: ⌘ on macOS, Ctrl elsewhere. */
export const MOD = /Mac|iPhone|iPad/.test(typeof navigator === "undefined" ? "" : navigator.platform) ? "⌘" : "Ctrl";

/** [keys, what] in the order shown. */
export const SHORTCUTS: [string, string][] = [
  [`${MOD}+S`, "Save a revision (with a message and a checkpoint name)"],
  [`${MOD}+N`, "New release (in the library)"],
  [`${MOD}+L`, "Back to the library"],
  [`${MOD}+1 / 2 / 3`, "Edit, History, Compare"],
  [`${MOD}+Shift+E`, "Export menu"],
  ["Alt+↑ / Alt+↓", "Move the body block you are in up or down (↑ / ↓ on its handle)"],
  [`${MOD}+F`, "Find and replace in a text field"],
  [`${MOD}+Z / ${MOD}+Shift+Z`, "Undo / redo in a text field"],
  ["N / P", "Next / previous change in Compare"],
  ["↑ / ↓, Enter, Delete", "Move through the library, open, move to the trash"],
  ["F1 or ?", "This list"],
];

/** Shows the shortcuts in a modal dialog; Escape or the button closes it. */
export function showShortcuts(): void {
  if (document.querySelector('[data-testid="shortcuts-dialog"]')) return;
  const before = document.activeElement;
  const close = () => {
    if (dialog.open) dialog.close();
    dialog.remove();
    if (before instanceof HTMLElement) before.focus();
  };
  const ok = h("button", { type: "button", class: "btn primary", onClick: close }, "Close");
  const dialog = h(
    "dialog",
    { class: "dialog wide", testid: "shortcuts-dialog", "aria-labelledby": "shortcuts-title", onCancel: (e: Event) => { e.preventDefault(); close(); } },
    h("h2", { id: "shortcuts-title" }, "Keyboard shortcuts"),
    h("table", { class: "shortcuts" }, SHORTCUTS.map(([k, what]) => h("tr", null, h("td", null, h("kbd", null, k)), h("td", null, what)))),
    h("div", { class: "dialog-actions" }, ok),
  );
  document.body.appendChild(dialog);
  if (typeof dialog.showModal === "function") dialog.showModal();
  else dialog.setAttribute("open", "");
  ok.focus();
}
