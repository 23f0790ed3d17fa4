// The release being edited. Form fields change it in place, then call `emit`; listeners (autosave,
// preview, validation, the headline counter) hear about every change.

import type { Release } from "../bindings/Release";

export type ChangeListener = (release: Release) => void;

/** An editable release with change notification. */
export class ReleaseDoc {
  private listeners = new Set<ChangeListener>();

  constructor(public release: Release) {}

  /** Subscribes; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Notifies listeners without a change (e.g. after replacing `release`). */
  emit(): void {
    for (const l of this.listeners) l(this.release);
  }
}

/** Moves `list[from]` to index `to` in place; out-of-range moves do nothing. Returns whether it moved. */
export function move<T>(list: T[], from: number, to: number): boolean {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return false;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item as T);
  return true;
}

/** `""` → `null`: optional string fields are absent rather than empty. */
export function optional(text: string): string | null {
  return text.trim() === "" ? null : text;
}
