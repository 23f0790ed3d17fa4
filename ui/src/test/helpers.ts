import { mockIPC } from "@tauri-apps/api/mocks";
import { handle, resetMock } from "../lib/mock";
// Helpers for the DOM tests: find by testid, type into inputs, wait for promises.

export function byTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T {
  const el = root.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no element with data-testid="${id}"`);
  return el;
}

export function allByTestId(root: ParentNode, id: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
}

/** Sets a field's value and fires `input` (and `change`), as typing would. */
export function type(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Lets pending promise callbacks run. */
export async function flush(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Waits until `check()` holds (polling every 20 ms), failing after `ms`. */
export async function until(check: () => boolean, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One IPC call the UI made. */
export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

/**
 * Resets the in-memory shell and answers IPC with it, recording every call into `calls`. With
 * `events`, the shell's events are mocked too: a test sends them with `emit` from
 * `@tauri-apps/api/event` (event plumbing calls are not recorded).
 */
export function mockShell(calls: Call[], options: { events?: boolean } = {}): void {
  resetMock();
  calls.length = 0;
  mockIPC(
    (cmd, args) => {
      const a = (args ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args: a });
      return handle(cmd, a);
    },
    { shouldMockEvents: options.events ?? false },
  );
}
