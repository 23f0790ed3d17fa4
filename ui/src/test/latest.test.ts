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

describe("coalesced requests (no delay)", () => {
  it("sends the first at once and, while it runs, only the newest", async () => {
    const pending: ((v: string) => void)[] = [];
    const seen: string[] = [];
    const applied: string[] = [];
    const l = new LatestOnly<string, string>(
      (s) => {
        seen.push(s);
        return new Promise<string>((r) => pending.push(r));
      },
      (out) => applied.push(out),
      0,
    );
    l.push("a");
    expect(seen).toEqual(["a"]);
    l.push("ab");
    l.push("abc");
    expect(seen).toEqual(["a"]);
    pending[0]!("A");
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(["a", "abc"]);
    pending[1]!("ABC");
    await new Promise((r) => setTimeout(r, 0));
    expect(applied).toEqual(["A", "ABC"]);
  });
});
