// Test fixtures: a small release and a comparison, written for the tests.

import type { Release } from "../bindings/Release";
import type { Comparison } from "../lib/types";

export function sampleRelease(): Release {
  return {
    meta: { id: "rel1", organisation: "OHCHR", language: "en", status: "draft", kind: "pressRelease", tags: ["water"], created: null, updated: null },
    style: "unOhchr",
    releaseLine: { type: "none" },
    headline: "Experts welcome new water treaty",
    subheadline: null,
    dateline: { places: [{ city: "Geneva" }], date: "2025-05-14", style: "unOhchr" },
    body: [
      { type: "paragraph", text: "First paragraph." },
      { type: "quote", speaker: "ana", paragraphs: [{ segments: [{ text: "Water is life,", attribution: "saidNameTitle" }, { text: "We welcome it." }] }] },
      { type: "heading", text: "Background" },
      { type: "list", items: ["one", "two"] },
    ],
    people: [{ id: "ana", name: "Ana Ruiz", title: "Special Rapporteur on water", pronoun: "she", roleNoun: "the expert" }],
    endMark: { type: "ends" },
    footnotes: [{ marker: "*", people: ["ana"], label: "The expert", text: "" }],
    boilerplate: [],
    contacts: [],
    actions: { title: "Actions", items: [{ type: "link", label: "Read more", url: "https://example.org/more" }] },
  };
}

export function sampleComparison(): Comparison {
  return {
    summary: "2 changes in 2 fields: dateline, quote 1",
    labels: [
      { kind: "datelineDate", text: "dateline date 14 May 2025 → 15 May 2025", field: "dateline", path: "dateline", entry: null, hidden: false },
      { kind: "quote", text: "quote 1 reworded", field: "quote 1", path: null, entry: 1, hidden: false },
      { kind: "whitespace", text: "paragraph 1: whitespace", field: "paragraph 1", path: null, entry: 0, hidden: true },
    ],
    fields: [
      { key: { type: "headline" }, path: "headline", name: "headline", status: "unchanged", old: "H", new: "H", diff: null, bookkeeping: false },
      {
        key: { type: "dateline" },
        path: "dateline",
        name: "dateline",
        status: "changed",
        old: "GENEVA (14 May 2025) –",
        new: "GENEVA (15 May 2025) –",
        diff: {
          ops: [
            { kind: "equal", old: "GENEVA (", new: "GENEVA (", trivial: null, hidden: false, chars: null },
            { kind: "replace", old: "14", new: "15", trivial: null, hidden: false, chars: null },
            { kind: "equal", old: " May 2025) –", new: " May 2025) –", trivial: null, hidden: false, chars: null },
          ],
          similarity: 0.9,
          replaced: false,
          whitespaceOnly: false,
          quoteStyleOnly: false,
          visibleChanges: 1,
        },
        bookkeeping: false,
      },
      { key: { type: "updated" }, path: "meta.updated", name: "updated", status: "changed", old: "a", new: "b", diff: null, bookkeeping: true },
    ],
    blocks: [
      { entry: 0, status: "unchanged", kind: "paragraph", name: "paragraph 1", oldIndex: 0, newIndex: 0, old: "First paragraph.", new: "First paragraph.", diff: null, edited: false, partner: null },
      {
        entry: 1,
        status: "changed",
        kind: "quote",
        name: "quote 1",
        oldIndex: 1,
        newIndex: 1,
        old: "“Water is life,” said Ana.",
        new: "“Water is everything,” said Ana.",
        diff: {
          ops: [
            { kind: "equal", old: "“Water is ", new: "“Water is ", trivial: null, hidden: false, chars: null },
            { kind: "delete", old: "life", new: "", trivial: null, hidden: false, chars: null },
            { kind: "insert", old: "", new: "everything", trivial: null, hidden: false, chars: null },
            { kind: "equal", old: ",” said Ana.", new: ",” said Ana.", trivial: null, hidden: false, chars: null },
          ],
          similarity: 0.8,
          replaced: false,
          whitespaceOnly: false,
          quoteStyleOnly: false,
          visibleChanges: 1,
        },
        edited: true,
        partner: null,
      },
      { entry: 2, status: "inserted", kind: "paragraph", name: "paragraph 2", oldIndex: null, newIndex: 2, old: null, new: "A new paragraph.", diff: null, edited: false, partner: null },
    ],
    changeCount: 3,
    degraded: false,
  };
}
