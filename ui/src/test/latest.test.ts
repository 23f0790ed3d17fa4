import { describe, expect, it } from "vitest";
import { LatestOnly } from "../lib/latest";

describe("latest-only requests", () => {
  it("drops an answer that arrives after a newer one", async () => {
    const pending: ((v: string) => void)[] = [];
    const applied: string[] = [];
    const l = new LatestOnly<string, string>(
      () => new Promise<string>((r) => pending.push(r)),
      (out) => applied.push(out),
      0,
    );
    const first = l.now("a");
    const second = l.now("ab");
    pending[1]!("preview of ab");
    await second;
    pending[0]!("preview of a");
    await first;
    expect(applied).toEqual(["preview of ab"]);
  });

  it("debounces bursts into one request", async () => {
    const seen: number[] = [];
    const l = new LatestOnly<number, number>(async (n) => (seen.push(n), n), () => {}, 20);
    for (let i = 0; i < 10; i++) l.push(i);
    await new Promise((r) => setTimeout(r, 60));
    expect(seen).toEqual([9]);
  });
});
