// The Export menu: HTML, print HTML, Markdown, text, ninjs, PDF. A disclosure button with a
// keyboard-navigable list (arrows, Escape).

import type { ExportFormat } from "../lib/types";
import { h } from "../lib/dom";

export type ExportChoice = ExportFormat | "pdf";

const CHOICES: [ExportChoice, string, string][] = [
  ["html", "HTML", "A web page, as in the preview"],
  ["print", "Print HTML", "A page laid out for paper"],
  ["pdf", "PDF", "Printed from the print layout"],
  ["markdown", "Markdown", "For websites and wikis"],
  ["text", "Plain text", "For email and wires"],
  ["ninjs", "ninjs (JSON)", "IPTC news format for newsrooms"],
  ["json", "Dateline JSON", "The structured release, to archive or import"],
];

export function exportMenu(onChoose: (c: ExportChoice) => void): { el: HTMLElement; open(): void } {
  const items = CHOICES.map(([id, label, hint]) =>
    h(
      "button",
      // Focus goes back to the Export button before the export runs (never to <body>).
      { type: "button", role: "menuitem", tabindex: "-1", class: "menu-item", testid: `export-${id === "print" ? "printHtml" : id}`, onClick: () => { hide(); toggle.focus(); onChoose(id); } },
      h("span", null, label),
      h("span", { class: "muted small" }, hint),
    ),
  );
  const menu = h("div", { class: "menu", role: "menu", hidden: true, "aria-label": "Export formats" }, items);
  const toggle = h(
    "button",
    { type: "button", class: "btn", testid: "export-menu", "aria-haspopup": "menu", "aria-expanded": "false", onClick: () => (menu.hidden ? show() : hide()) },
    "Export ▾",
  );
  const show = () => {
    menu.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    items[0]?.focus();
    setTimeout(() => document.addEventListener("click", outside), 0);
  };
  const hide = () => {
    menu.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    document.removeEventListener("click", outside);
  };
  const outside = (e: MouseEvent) => {
    if (!el.contains(e.target as Node)) hide();
  };
  menu.addEventListener("keydown", (e: KeyboardEvent) => {
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "ArrowDown") items[(i + 1) % items.length]?.focus();
    else if (e.key === "ArrowUp") items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === "Home") items[0]?.focus();
    else if (e.key === "End") items[items.length - 1]?.focus();
    else if (e.key === "Escape") {
      hide();
      toggle.focus();
    } else if (e.key === "Tab") {
      // The menu is one stop: Tab leaves it, closed.
      hide();
      toggle.focus();
      return;
    } else return;
    e.preventDefault();
  });
  const el = h("div", { class: "menu-wrap" }, toggle, menu);
  return { el, open: show };
}
