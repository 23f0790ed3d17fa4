// The application shell: switches between the library and an open release, wires keyboard
// shortcuts and native menu events, and saves the working copy when the window goes away.

import { confirmDialog } from "./components/dialog";
import { showError } from "./components/notify";
import { showShortcuts } from "./components/shortcuts";
import { statusBar } from "./components/status-bar";
import { api, onCloseRequested, onMenu, toApiError, type MenuEvent } from "./lib/api";
import { h, replace } from "./lib/dom";
import type { EditorView, Tab } from "./views/editor";
import { libraryView } from "./views/library";

export interface App {
  root: HTMLElement;
  openRelease(id: string, tab?: Tab): Promise<void>;
  showLibrary(): Promise<void>;
  editor(): EditorView | null;
  /** Removes the app's document and window listeners (tests). */
  destroy(): void;
}

/** Whether the platform's shortcut modifier (Cmd on macOS, Ctrl elsewhere) is held. */
export function primaryModifier(e: KeyboardEvent): boolean {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  return mac ? e.metaKey : e.ctrlKey;
}

export function createApp(mount: HTMLElement): App {
  const main = h("main", { class: "main", id: "main" });
  const status = statusBar();
  const root = h("div", { class: "app", testid: "app", "data-view": "library" }, main, status.el, h("div", { id: "notices", class: "notices" }));
  replace(mount, root);
  let editor: EditorView | null = null;
  let library: ReturnType<typeof libraryView> | null = null;

  const showLibrary = async () => {
    if (editor) {
      await editor.close();
      editor = null;
    }
    library = libraryView({ open: (id) => void openRelease(id) });
    root.dataset.view = "library";
    replace(main, library.el);
    document.title = "Dateline";
    library.focusSearch();
  };

  const openRelease = async (id: string, tab: Tab = "edit") => {
    try {
      // Pending edits of the open release are stored before anything is (re)loaded.
      if (editor) await editor.autosaver.flush();
      // The editor (CodeMirror and all) loads on first use: the library starts faster.
      const [opened, { editorView }] = await Promise.all([api.openRelease(id), import("./views/editor")]);
      if (editor) await editor.close();
      editor = editorView(id, opened, { back: () => void showLibrary(), reopen: (t) => void openRelease(id, t) });
      library = null;
      root.dataset.view = "editor";
      replace(main, editor.el);
      document.title = `${opened.release.headline || "Untitled"} — Dateline`;
      if (tab === "edit") main.querySelector<HTMLElement>('[data-testid="field-headline"]')?.focus();
      else editor.showTab(tab);
    } catch (err) {
      showError(err, "The release could not be opened");
    }
  };

  const onCommand = (cmd: MenuEvent) => {
    switch (cmd) {
      case "new":
        if (editor) void showLibrary().then(() => library?.openNewMenu());
        else library?.openNewMenu();
        break;
      case "save-revision":
        void editor?.saveRevision();
        break;
      case "export":
        editor?.openExportMenu();
        break;
      case "export-pdf":
        void editor?.exportAs("pdf");
        break;
      case "import":
        if (editor) void showLibrary().then(() => library?.importFile());
        else void library?.importFile();
        break;
      case "library":
        void showLibrary();
        break;
      case "history":
        editor?.showTab("history");
        break;
      case "compare":
        editor?.showTab("compare");
        break;
    }
  };

  const onKey = (e: KeyboardEvent) => {
    const inText = e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
    if (e.key === "F1" || (e.key === "?" && !inText && !e.ctrlKey && !e.metaKey)) {
      e.preventDefault();
      showShortcuts();
      return;
    }
    if (!primaryModifier(e) || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === "s" && !e.shiftKey) {
      e.preventDefault();
      if (!document.querySelector("dialog[open]")) onCommand("save-revision");
    } else if (k === "n" && !e.shiftKey && !editor) {
      e.preventDefault();
      onCommand("new");
    } else if (k === "l" && editor) {
      e.preventDefault();
      onCommand("library");
    } else if (k === "e" && e.shiftKey && editor) {
      e.preventDefault();
      onCommand("export");
    } else if (k === "1" && editor) {
      e.preventDefault();
      editor.showTab("edit");
    } else if (k === "2" && editor) {
      e.preventDefault();
      editor.showTab("history");
    } else if (k === "3" && editor) {
      e.preventDefault();
      editor.showTab("compare");
    }
  };
  document.addEventListener("keydown", onKey);

  // Closing or hiding the window: save what is pending now (the autosave keeps the loss ≤ 2 s
  // even when the process is killed).
  const flush = () => void editor?.autosaver.flush();
  const onVisibility = () => {
    if (document.visibilityState === "hidden") flush();
  };
  window.addEventListener("pagehide", flush);
  window.addEventListener("beforeunload", flush);
  document.addEventListener("visibilitychange", onVisibility);

  // The window's close (button, File → Quit) waits for the edits to be stored, then goes ahead.
  let closing = false;
  const unlistenClose = onCloseRequested(() => {
    if (closing) return;
    closing = true;
    void closeAfterSaving().finally(() => (closing = false));
  });
  const closeAfterSaving = async () => {
    const saver = editor?.autosaver;
    if (saver) await saver.flush().catch(() => undefined);
    if (saver?.state !== "error") return api.closeWindow(true);
    // The last edits could not be stored: the user decides, the window stays open meanwhile.
    await api.closeWindow(false);
    const close = await confirmDialog(
      "Your last edits could not be saved",
      `${toApiError(saver.lastError).sentence} Close Dateline anyway and lose them? Cancel keeps the window open to try again.`,
      "Close without saving",
    );
    if (close) await api.closeWindow(true);
  };

  const unlistenMenu = onMenu(onCommand);
  void api.startupError().then(
    (e) => {
      if (e) showError(e);
    },
    () => {},
  );
  void showLibrary();
  // Warm the editor chunk (CodeMirror is most of its 600 kB) once the library is drawn and the
  // page idle, so that neither the start nor opening a release waits for its parsing.
  const warm = () => void import("./views/editor");
  const warmTimer = setTimeout(() => ("requestIdleCallback" in window ? requestIdleCallback(warm, { timeout: 2000 }) : warm()), 1000);
  const destroy = () => {
    clearTimeout(warmTimer);
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("pagehide", flush);
    window.removeEventListener("beforeunload", flush);
    void unlistenMenu.then((u) => u());
    void unlistenClose.then((u) => u());
    status.destroy();
    editor?.autosaver.dispose();
  };
  return { root, openRelease, showLibrary, editor: () => editor, destroy };
}
