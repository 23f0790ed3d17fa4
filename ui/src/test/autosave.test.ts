import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, type SaveState } from "../lib/autosave";
import { saveIndicator } from "../components/save-indicator";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(save: () => Promise<void>) {
  const states: SaveState[] = [];
  const indicator = saveIndicator();
  const saver = new Autosaver(save, (s, e) => {
    states.push(s);
    indicator.set(s, e);
  }, { delay: 600, maxWait: 1500, retry: 3000 });
  return { saver, states, indicator };
}

describe("autosave", () => {
  it("waits for a pause in typing, then saves once", async () => {
    const save = vi.fn(() => Promise.resolve());
    const { saver, indicator } = setup(save);
    saver.touch();
    await vi.advanceTimersByTimeAsync(300);
    saver.touch();
    expect(indicator.el.dataset.state).toBe("pending");
    expect(indicator.el.textContent).toBe("Unsaved changes…");
    await vi.advanceTimersByTimeAsync(599);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(indicator.el.dataset.state).toBe("saved");
  });

  it("never lets changes wait more than 2 seconds while typing goes on", async () => {
    const savedAt: number[] = [];
    const save = vi.fn(() => {
      savedAt.push(Date.now());
      return Promise.resolve();
    });
    const { saver } = setup(save);
    const start = Date.now();
    for (let t = 0; t < 6000; t += 100) {
      saver.touch();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(3);
    let last = start;
    for (const t of savedAt) {
      expect(t - last).toBeLessThanOrEqual(2000);
      last = t;
    }
  });

  it("shows saving while the save runs, and an error when it fails, then retries", async () => {
    let fail = true;
    let resolveSave: () => void = () => {};
    const save = vi.fn(
      () =>
        new Promise<void>((resolve, reject) => {
          if (fail) reject({ code: "database_unavailable", message: "the disk is full" });
          else resolveSave = resolve;
        }),
    );
    const { saver, indicator } = setup(save);
    saver.touch();
    await vi.advanceTimersByTimeAsync(600);
    expect(indicator.el.dataset.state).toBe("error");
    expect(indicator.el.textContent).toBe("Not saved");
    expect(indicator.el.title).toContain("The disk is full.");
    fail = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(indicator.el.dataset.state).toBe("saving");
    resolveSave();
    await vi.advanceTimersByTimeAsync(0);
    expect(indicator.el.dataset.state).toBe("saved");
  });

  it("a change made during a save is saved right after it", async () => {
    const resolvers: (() => void)[] = [];
    const save = vi.fn(() => new Promise<void>((r) => resolvers.push(r)));
    const { saver, states } = setup(save);
    saver.touch();
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledTimes(1);
    saver.touch(); // typing during the save
    resolvers[0]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe("pending");
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledTimes(2);
    resolvers[1]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe("saved");
  });

  it("flush saves pending changes at once", async () => {
    const save = vi.fn(() => Promise.resolve());
    const { saver } = setup(save);
    saver.touch();
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
    await saver.flush(); // nothing pending
    expect(save).toHaveBeenCalledTimes(1);
  });
});
