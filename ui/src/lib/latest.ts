// Requests whose answers may come back out of order: only an answer newer than the last one
// applied is used (typing "ab" must never show the preview of "a" after that of "ab").
// With no delay, pushes are coalesced instead of debounced: the first goes out at once, and
// while it runs only the newest input waits — updates follow typing as fast as the renderer
// answers, and never pile up.

/** Debounced or coalesced requests whose answers are applied in request order, stale ones dropped. */
export class LatestOnly<In, Out> {
  private seq = 0;
  private applied = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private waiting: { input: In } | null = null;

  constructor(
    private readonly request: (input: In) => Promise<Out>,
    private readonly apply: (output: Out, seq: number) => void,
    private readonly delay: number,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  /** Asks for `input`: after the debounce delay, or (delay 0) as soon as the previous request answered. */
  push(input: In): void {
    if (this.delay <= 0) {
      this.send(input);
      return;
    }
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.send(input);
    }, this.delay);
  }

  private send(input: In): void {
    if (this.inFlight) {
      this.waiting = { input };
      return;
    }
    this.inFlight = true;
    void this.now(input).finally(() => {
      this.inFlight = false;
      const next = this.waiting;
      this.waiting = null;
      if (next) this.send(next.input);
    });
  }

  /** Sends a request right away. */
  async now(input: In): Promise<void> {
    this.seq += 1;
    const mine = this.seq;
    try {
      const out = await this.request(input);
      if (mine <= this.applied) return; // a newer answer is already shown
      this.applied = mine;
      this.apply(out, mine);
    } catch (err) {
      if (mine > this.applied) this.onError(err);
    }
  }

  /** Cancels a scheduled request. */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = null;
  }
}
