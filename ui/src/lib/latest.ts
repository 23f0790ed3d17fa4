// Debounced requests whose answers may come back out of order: only an answer newer than the
// last one applied is used (typing "ab" must never show the preview of "a" after that of "ab").

/** Debounces `request` and applies answers in request order, dropping stale ones. */
export class LatestOnly<In, Out> {
  private seq = 0;
  private applied = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly request: (input: In) => Promise<Out>,
    private readonly apply: (output: Out, seq: number) => void,
    private readonly delay: number,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  /** Schedules a request with `input` after the debounce delay. */
  push(input: In): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.now(input);
    }, this.delay);
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
  }
}
