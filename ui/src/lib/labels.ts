// Human names for the model's enums, in the order menus offer them.

import type { Attribution } from "../bindings/Attribution";
import type { DatelineStyle } from "../bindings/DatelineStyle";
import type { EndMark } from "../bindings/EndMark";
import type { HouseStyleId } from "../bindings/HouseStyleId";
import type { Kind } from "../bindings/Kind";
import type { Status } from "../bindings/Status";

export const STATUSES: ReadonlyArray<readonly [Status, string]> = [
  ["draft", "Draft"],
  ["inReview", "In review"],
  ["approved", "Approved"],
  ["published", "Published"],
  ["withdrawn", "Withdrawn"],
];

export const KINDS: ReadonlyArray<readonly [Kind, string]> = [
  ["pressRelease", "Press release"],
  ["statement", "Statement"],
  ["mediaAdvisory", "Media advisory"],
  ["newsRelease", "News release"],
];

export const HOUSE_STYLES: ReadonlyArray<readonly [HouseStyleId, string]> = [
  ["unOhchr", "UN / OHCHR"],
  ["wire", "Wire service"],
  ["corporate", "Corporate"],
];

export const DATELINE_STYLES: ReadonlyArray<readonly [DatelineStyle, string]> = [
  ["unOhchr", "UN / OHCHR — GENEVA (14 May 2025) –"],
  ["unClassic", "UN classic — GENEVA, 13 June 2014 –"],
  ["unHeadquarters", "UN Headquarters — NEW YORK, 7 July (UN Headquarters) --"],
  ["ap", "AP — WASHINGTON, Sept. 5, 2025 —"],
  ["prNewswire", "PR Newswire — TORONTO, Feb. 22, 2012 /PRNewswire/ --"],
  ["businessWire", "Business Wire — MINNEAPOLIS--(BUSINESS WIRE)--"],
  ["globeNewswire", "GlobeNewswire — OSLO, Norway, March 3, 2024 (GLOBE NEWSWIRE) --"],
  ["euCommission", "European Commission — Brussels, 31 October 2015"],
  ["none", "No dateline printed"],
];

export const ATTRIBUTIONS: ReadonlyArray<readonly [Attribution, string]> = [
  ["saidNameTitle", "said Name, Title."],
  ["nameTitleSaid", "Name, Title, said."],
  ["saidName", "said Name."],
  ["nameSaid", "Name said."],
  ["surnameSaid", "Surname said."],
  ["saidSurname", "said Surname."],
  ["pronounSaid", "she/he/they said."],
  ["roleSaid", "the expert said."],
  ["nameSaidColon", "Name said: (lead-in)"],
  ["surnameSaidColon", "Surname said: (lead-in)"],
];

export const END_MARKS: ReadonlyArray<readonly [EndMark["type"], string]> = [
  ["none", "None"],
  ["ends", "ENDS"],
  ["dashEnds", "-ENDS-"],
  ["hashes", "###"],
  ["thirty", "-30-"],
  ["end", "-end-"],
  ["custom", "Custom…"],
];

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

/** "14 May 2025, 10:30" in the user's locale, or "—". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
