// Wall-clock time in an IANA time zone → the instant it names, with the webview's Intl data.
// Used to show what an embargo means in UTC while it is being set.

/** Offset of `zone` from UTC at instant `ts` (ms), in ms; null for an unknown zone. */
export function zoneOffset(ts: number, zone: string): number | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(new Date(ts));
  } catch {
    return null;
  }
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? NaN);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"), get("second"));
  return Number.isNaN(asUtc) ? null : asUtc - (ts - (ts % 1000));
}

/** The instant (ms since the epoch) of wall time `local` (`2025-05-15T00:01[:00]`) in `zone`. */
export function zonedToUtc(local: string, zone: string): number | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  const first = zoneOffset(wall, zone);
  if (first === null) return null;
  // Once more at the corrected instant, for wall times near a daylight-saving change.
  const second = zoneOffset(wall - first, zone);
  return wall - (second ?? first);
}

/** "14 May 2025, 22:01 UTC" for an embargo, or null when the zone or time is not valid. */
export function embargoInUtc(local: string, zone: string): string | null {
  const ts = zonedToUtc(local, zone);
  if (ts === null) return null;
  const d = new Date(ts);
  const date = d.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
  const time = d.toLocaleTimeString("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${date}, ${time} UTC`;
}
