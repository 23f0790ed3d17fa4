// Media contacts.

import type { Contact } from "../bindings/Contact";
import { optional } from "../lib/doc";
import { h } from "../lib/dom";
import { field, textInput, type EditorCtx } from "./ctx";
import { repeatSection } from "./repeat";

export function contactsSection(ctx: EditorCtx): HTMLElement {
  return repeatSection<Contact>(ctx, {
    title: "Media contacts",
    id: "sec-contacts",
    prefix: "contact",
    noun: "contact",
    path: "contacts",
    items: () => ctx.doc.release.contacts,
    empty: "No media contacts.",
    render: (c, i) => [
      h(
        "div",
        { class: "grid-2" },
        field("Name", textInput(ctx, `contact-name-${i}`, c.name, (v) => (c.name = v), { placeholder: "Jane Doe" }), `contacts[${i}].name`),
        field("Role", textInput(ctx, `contact-role-${i}`, c.role ?? "", (v) => (c.role = optional(v)), { placeholder: "Press officer" }), `contacts[${i}].role`),
      ),
      h(
        "div",
        { class: "grid-3" },
        field("Organisation", textInput(ctx, `contact-org-${i}`, c.organisation ?? "", (v) => (c.organisation = optional(v))), `contacts[${i}].organisation`),
        field("Email", textInput(ctx, `contact-email-${i}`, c.email ?? "", (v) => (c.email = optional(v)), { type: "email", placeholder: "press@example.org" }), `contacts[${i}].email`),
        field("Phone", textInput(ctx, `contact-phone-${i}`, c.phone ?? "", (v) => (c.phone = optional(v)), { type: "tel", placeholder: "+41 22 000 00 00" }), `contacts[${i}].phone`),
      ),
    ],
    adders: [
      {
        label: "+ Contact",
        testid: "add-contact",
        create: () => ({ name: "" }),
        focus: (i) => `contact-name-${i}`,
      },
    ],
  });
}
