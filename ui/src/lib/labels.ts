// Human names for the model's enums, in the order menus offer them: generated from Rust.

export {
  ATTRIBUTIONS,
  DATELINE_STYLES,
  END_MARKS,
  EXPORT_FORMATS,
  HOUSE_STYLES,
  KINDS,
  REVIEW_STATUSES,
  ROLES,
  SOURCE_FORMATS,
  STATUSES,
} from "../generated/labels";

/** Label of a value in one of the tables above (the value itself when unknown). */
export function labelOf<T extends string>(table: ReadonlyArray<readonly [T, string]>, v: T): string {
  return table.find(([k]) => k === v)?.[1] ?? v;
}

const FALLBACK_ZONES = [
  "UTC",
  "GMT",
  "Europe/Zurich",
  "Europe/London",
  "Europe/Brussels",
  "Europe/Paris",
  "Europe/Berlin",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "America/Toronto",
  "Asia/Tokyo",
  "Asia/Dushanbe",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Africa/Nairobi",
];

/** IANA time zone names the webview knows (a short list where it cannot say). */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    const zones = intl.supportedValuesOf?.("timeZone");
    if (zones && zones.length > 0) return ["UTC", "GMT", ...zones.filter((z) => z !== "UTC")];
  } catch {
    /* older engines */
  }
  return FALLBACK_ZONES;
}

/** The user's own zone, for a new embargo. */
export function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The format of `formatTime`, made once: `toLocaleString` makes one per call (a page of rows made 60). */
let timeFormat: Intl.DateTimeFormat | null = null;

/** "14 May 2025, 10:30" in the user's locale, or "—". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  timeFormat ??= new Intl.DateTimeFormat(undefined, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  return timeFormat.format(d);
}

/** What waits to be sent: revisions and review records (comments, approvals, state changes) alike. */
export function changes(n: number): string {
  return `${n} change${n === 1 ? "" : "s"}`;
}
