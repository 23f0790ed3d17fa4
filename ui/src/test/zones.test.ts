import { describe, expect, it } from "vitest";
import { embargoInUtc, zonedToUtc } from "../lib/zones";

describe("embargo time zones", () => {
  it("turns wall-clock time in a zone into the instant", () => {
    expect(new Date(zonedToUtc("2025-05-15T00:01:00", "Europe/Zurich")!).toISOString()).toBe("2025-05-14T22:01:00.000Z");
    expect(new Date(zonedToUtc("2025-01-15T00:01", "Europe/Zurich")!).toISOString()).toBe("2025-01-14T23:01:00.000Z");
    expect(new Date(zonedToUtc("2025-07-04T09:00", "America/New_York")!).toISOString()).toBe("2025-07-04T13:00:00.000Z");
    expect(new Date(zonedToUtc("2025-07-04T09:00", "UTC")!).toISOString()).toBe("2025-07-04T09:00:00.000Z");
  });

  it("reads as a sentence, and says nothing for an unknown zone", () => {
    expect(embargoInUtc("2025-05-15T00:01:00", "Europe/Zurich")).toBe("14 May 2025, 22:01 UTC");
    expect(embargoInUtc("2025-05-15T00:01:00", "Mars/Olympus")).toBeNull();
    expect(embargoInUtc("not a time", "UTC")).toBeNull();
  });
});
