// Release line: none, FOR IMMEDIATE RELEASE, or an embargo (local date-time + IANA time zone).

import type { ReleaseLine } from "../bindings/ReleaseLine";
import { h, replace, select, uid } from "../lib/dom";
import { localZone, timeZones } from "../lib/labels";
import { embargoInUtc } from "../lib/zones";
import { card, field, type EditorCtx } from "./ctx";

const KINDS = [
  ["none", "No release line"],
  ["immediate", "For immediate release"],
  ["embargoed", "Embargoed until…"],
] as const;

/** `2025-05-15T00:01:00` ↔ the `datetime-local` value `2025-05-15T00:01`. */
export function toLocalInput(until: string): string {
  return until.length >= 16 ? until.slice(0, 16) : until;
}
export function fromLocalInput(value: string): string {
  return value.length === 16 ? `${value}:00` : value;
}

function tomorrowAtOneMinutePastMidnight(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T00:01:00`;
}

export function releaseLineSection(ctx: EditorCtx): HTMLElement {
  const embargo = h("div", { class: "grid-2" });
  const zonesId = uid("zones");
  const zones = h("datalist", { id: zonesId }, timeZones().map((z) => h("option", { value: z })));

  const drawEmbargo = () => {
    const line = ctx.doc.release.releaseLine;
    if (line.type !== "embargoed") {
      replace(embargo);
      embargo.hidden = true;
      return;
    }
    embargo.hidden = false;
    const until = h("input", {
      type: "datetime-local",
      testid: "field-embargo-until",
      value: toLocalInput(line.until),
      onInput: (e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        if (v && line.type === "embargoed") {
          line.until = fromLocalInput(v);
          ctx.changed();
        }
      },
    });
    const zone = h("input", {
      type: "text",
      list: zonesId,
      testid: "field-embargo-zone",
      value: line.zone,
      autocomplete: "off",
      placeholder: "Europe/Zurich",
      onInput: (e: Event) => {
        line.zone = (e.target as HTMLInputElement).value.trim();
        ctx.changed();
      },
    });
    const utc = h("div", { class: "hint embargo-utc", testid: "embargo-utc", "aria-live": "polite" });
    const showUtc = () => {
      const l = ctx.doc.release.releaseLine;
      const text = l.type === "embargoed" ? embargoInUtc(l.until, l.zone) : null;
      utc.textContent = text ? `That is ${text}.` : "Type a known time zone, e.g. Europe/Zurich, America/New_York, UTC.";
    };
    until.addEventListener("input", showUtc);
    zone.addEventListener("input", showUtc);
    showUtc();
    replace(
      embargo,
      field("Embargoed until (time in that zone)", until, "releaseLine.until"),
      field("Time zone", zone, "releaseLine.zone"),
      utc,
    );
  };

  const kind = select({ testid: "field-release-line" }, KINDS, ctx.doc.release.releaseLine.type, (v) => {
    let next: ReleaseLine;
    if (v === "embargoed") {
      next = { type: "embargoed", until: tomorrowAtOneMinutePastMidnight(), zone: localZone() };
    } else {
      next = { type: v as "none" | "immediate" };
    }
    ctx.doc.release.releaseLine = next;
    ctx.changed();
    drawEmbargo();
  });
  drawEmbargo();
  return card("Release line", "sec-release-line", field("Release line", kind, "releaseLine"), embargo, zones);
}
