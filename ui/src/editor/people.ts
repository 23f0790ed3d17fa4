// People of the release: quote speakers and footnote subjects, referred to by id.

import type { Person } from "../bindings/Person";
import type { Release } from "../bindings/Release";
import { optional } from "../lib/doc";
import { h } from "../lib/dom";
import { field, textInput, type EditorCtx } from "./ctx";
import { repeatSection } from "./repeat";

/** An id for a new person that no one else has ("person-2"). */
export function freshPersonId(people: Person[]): string {
  let n = people.length + 1;
  while (people.some((p) => p.id === `person-${n}`)) n += 1;
  return `person-${n}`;
}

/** Points every quote speaker and footnote subject `from` at `to`. */
export function renamePerson(release: Release, from: string, to: string): void {
  for (const b of release.body) if (b.type === "quote" && b.speaker === from) b.speaker = to;
  for (const f of release.footnotes) if (f.people) f.people = f.people.map((x) => (x === from ? to : x));
}

export function peopleSection(ctx: EditorCtx): HTMLElement {
  const people = () => ctx.doc.release.people;
  return repeatSection<Person>(ctx, {
    title: "People",
    id: "sec-people",
    prefix: "person",
    noun: "person",
    path: "people",
    items: people,
    onStructure: () => ctx.peopleChanged(),
    empty: "No people yet. Add the speakers of your quotes here.",
    render: (p, i) => {
      const onBlur = () => ctx.peopleChanged();
      const name = textInput(ctx, `person-name-${i}`, p.name, (v) => (p.name = v), { placeholder: "Mary Lawlor" });
      name.addEventListener("change", onBlur);
      let before = p.id;
      const id = textInput(ctx, `person-id-${i}`, p.id, (v) => (p.id = v.trim()), { placeholder: "lawlor", type: "text" });
      id.addEventListener("change", () => {
        // Quotes and footnotes follow a renamed id.
        if (before && p.id && before !== p.id) renamePerson(ctx.doc.release, before, p.id);
        before = p.id;
        ctx.changed();
        onBlur();
      });
      return [
        h(
          "div",
          { class: "grid-2" },
          field("Full name", name, `people[${i}].name`),
          field("Id (used by quotes and footnotes)", id, `people[${i}].id`),
        ),
        field("Title or role", textInput(ctx, `person-title-${i}`, p.title, (v) => (p.title = v), {
          placeholder: "Special Rapporteur on …",
        }), `people[${i}].title`),
        h(
          "div",
          { class: "grid-3" },
          field("Surname", textInput(ctx, `person-surname-${i}`, p.surname ?? "", (v) => (p.surname = optional(v)), {
            placeholder: "from the name",
          }), `people[${i}].surname`),
          field("Pronoun", textInput(ctx, `person-pronoun-${i}`, p.pronoun, (v) => (p.pronoun = v), {
            placeholder: "she / he / they",
          }), `people[${i}].pronoun`),
          field("Referred to as", textInput(ctx, `person-role-${i}`, p.roleNoun ?? "", (v) => (p.roleNoun = optional(v)), {
            placeholder: "the expert",
          }), `people[${i}].roleNoun`),
        ),
      ];
    },
    adders: [
      {
        label: "+ Person",
        testid: "add-person",
        create: () => ({ id: freshPersonId(people()), name: "", title: "", pronoun: "they" }),
        focus: (i) => `person-name-${i}`,
      },
    ],
  });
}
