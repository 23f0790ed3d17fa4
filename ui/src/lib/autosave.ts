// Autosave of the working copy: saves shortly after typing pauses, and at least every
// `maxWait` ms while typing goes on, so at most ~2 s of work can be lost.

/** What the indicator shows. */
export type SaveState = "saved" | "pending" | "saving" | "error";

export interface AutosaveOptions {
  /** Quiet time after the last change before saving (ms). */
  delay?: number;
  /** Longest a change may wait while changes keep coming (ms). */
  maxWait?: number;
  /** Retry after an error (ms). */
  retry?: number;
}

/** Debounced saver with a state for the indicator. */
export class Autosaver {
  state: SaveState = "saved";
  lastError: unknown = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt: number | null = null;
  private inFlight: Promise<void> | null = null;
  private dirty = false;
  private readonly delay: number;
  private readonly maxWait: number;
  private readonly retry: number;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly onState: (state: SaveState, error: unknown) => void = () => {},
    options: AutosaveOptions = {},
  ) {
    this.delay = options.delay ?? 600;
    this.maxWait = options.maxWait ?? 1500;
    this.retry = options.retry ?? 3000;
  }

  /** Records a change: schedules a save. */
  touch(): void {
    this.dirty = true;
    const now = Date.now();
    if (this.firstPendingAt === null) this.firstPendingAt = now;
    if (this.state !== "saving") this.set("pending");
    const wait = Math.max(0, Math.min(this.delay, this.firstPendingAt + this.maxWait - now));
    this.schedule(wait);
  }

  /** Saves now if anything is pending; resolves when saved (or failed). */
  async flush(): Promise<void> {
    this.clear();
    if (this.inFlight) await this.inFlight;
    if (this.dirty) await this.run();
  }

  /** Drops pending changes without saving them and waits for a save already under way. */
  async abandon(): Promise<void> {
    this.clear();
    this.dirty = false;
    if (this.inFlight) await this.inFlight.catch(() => undefined);
  }

  /** Stops timers (the editor closed after a flush). */
  dispose(): void {
    this.clear();
  }

  private schedule(ms: number): void {
    this.clear();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, ms);
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    if (this.inFlight) {
      // A save is running: this change is saved right after it.
      await this.inFlight;
      if (!this.dirty) return;
    }
    this.dirty = false;
    this.firstPendingAt = null;
    this.set("saving");
    this.inFlight = this.save().then(
      () => {
        this.lastError = null;
        this.set(this.dirty ? "pending" : "saved");
      },
      (err: unknown) => {
        this.lastError = err;
        this.dirty = true;
        this.set("error");
        this.schedule(this.retry);
      },
    );
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (this.dirty && this.state === "pending" && this.timer === undefined) this.touch();
  }

  private set(state: SaveState): void {
    this.state = state;
    this.onState(state, this.lastError);
  }
}
