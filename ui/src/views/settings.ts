// Settings: who you are (the name recorded on every revision, comment and approval, and an email)
// and the workspace's roles: who may send for review, approve, release.

import type { Role } from "../bindings/Role";
import type { SyncStatus } from "../bindings/SyncStatus";
import type { WorkspaceSettings } from "../bindings/WorkspaceSettings";
import { closeDialog, openDialog } from "../components/dialog";
import { showError, toast } from "../components/notify";
import { api } from "../lib/api";
import { h, replace, uid } from "../lib/dom";
import { changes, ROLES } from "../lib/labels";

/** Opens the settings dialog; resolves when it is closed. */
export async function settingsDialog(): Promise<void> {
  let settings: WorkspaceSettings;
  try {
    settings = await api.workspaceSettings();
  } catch (err) {
    showError(err, "The settings could not be read");
    return;
  }
  const before = document.activeElement;
  return new Promise((resolve) => {
    const name = h("input", { type: "text", id: uid("name"), testid: "settings-name", required: true, autocomplete: "name" });
    const email = h("input", { type: "email", id: uid("email"), testid: "settings-email", autocomplete: "email" });
    name.value = settings.name;
    email.value = settings.email ?? "";
    const roles = h("div", { class: "roles-table" });
    const person = h("input", { type: "text", id: uid("person"), testid: "settings-person", placeholder: "A colleague's name" });

    const close = () => {
      closeDialog(dialog, before);
      resolve();
    };
    const saveRoles = async (who: string, rs: Role[]) => {
      try {
        settings = await api.setRoles(who, rs);
        drawRoles();
        toast(`Roles of ${who} saved`);
      } catch (err) {
        showError(err, "The roles were not saved");
        drawRoles();
      }
    };
    const drawRoles = () => {
      const rows = settings.roles.length > 0 ? settings.roles : [];
      replace(
        roles,
        rows.length === 0
          ? h("p", { class: "muted", testid: "roles-empty" }, "Nobody has a role yet, so everyone may do everything. Give yourself the admin role first: from then on, only admins change roles.")
          : h(
              "table",
              { class: "roles" },
              h("caption", { class: "sr-only" }, "Roles in this workspace"),
              h("thead", null, h("tr", null, h("th", { scope: "col" }, "Person"), ROLES.map(([, label]) => h("th", { scope: "col" }, label)))),
              h(
                "tbody",
                null,
                rows.map((a) =>
                  h(
                    "tr",
                    { testid: "role-row", "data-person": a.person },
                    h("th", { scope: "row" }, a.person),
                    ROLES.map(([r, label]) =>
                      h(
                        "td",
                        null,
                        h("input", {
                          type: "checkbox",
                          testid: `role-${r}`,
                          "aria-label": `${a.person}: ${label}`,
                          checked: a.roles.includes(r),
                          onChange: (e: Event) => {
                            const on = (e.target as HTMLInputElement).checked;
                            void saveRoles(a.person, on ? [...a.roles, r] : a.roles.filter((x) => x !== r));
                          },
                        }),
                      ),
                    ),
                  ),
                ),
              ),
            ),
      );
    };
    drawRoles();

    const dialog = h(
      "dialog",
      { class: "dialog wide", testid: "settings-dialog", "aria-labelledby": "settings-title", onCancel: (e: Event) => { e.preventDefault(); close(); } },
      h("h2", { id: "settings-title" }, "Settings"),
      h(
        "form",
        {
          class: "settings-profile",
          onSubmit: async (e: Event) => {
            e.preventDefault();
            try {
              settings = await api.saveProfile(name.value, email.value || null);
              toast("Profile saved");
              drawRoles();
            } catch (err) {
              showError(err, "The profile was not saved");
            }
          },
        },
        h("h3", null, "You"),
        h("div", { class: "field" }, h("label", { for: name.id }, "Name"), name, h("div", { class: "hint" }, "Recorded on every revision, comment and approval you make.")),
        h("div", { class: "field" }, h("label", { for: email.id }, "Email (optional)"), email),
        h("button", { type: "submit", class: "btn", testid: "settings-save-profile" }, "Save profile"),
      ),
      workspaceSection(),
      h("h3", null, "Roles"),
      roles,
      h(
        "form",
        {
          class: "row-tools",
          onSubmit: (e: Event) => {
            e.preventDefault();
            const who = person.value.trim();
            if (!who) return;
            person.value = "";
            void saveRoles(who, ["writer"]);
          },
        },
        h("label", { for: person.id, class: "sr-only" }, "Add a person"),
        person,
        h("button", { type: "submit", class: "btn", testid: "settings-add-person" }, "Add person"),
      ),
      h("div", { class: "dialog-actions" }, h("button", { type: "button", class: "btn primary", testid: "settings-close", onClick: close }, "Close")),
    );
    openDialog(dialog, name);
  });
}

/** Settings → Workspace: the team server, sign in and sign out. */
function workspaceSection(): HTMLElement {
  const url = h("input", { type: "url", id: uid("url"), testid: "workspace-url", placeholder: "https://dateline.example.org", autocomplete: "url" });
  const user = h("input", { type: "text", id: uid("user"), testid: "workspace-user", autocomplete: "username" });
  const password = h("input", { type: "password", id: uid("password"), testid: "workspace-password", autocomplete: "current-password" });
  const state = h("p", { class: "muted", testid: "workspace-state", "aria-live": "polite" });
  const signOut = h("button", { type: "button", class: "btn", testid: "workspace-sign-out" }, "Sign out");
  const form = h(
    "form",
    { class: "settings-profile" },
    h("div", { class: "field" }, h("label", { for: url.id }, "Server"), url),
    h("div", { class: "field" }, h("label", { for: user.id }, "User name"), user),
    h("div", { class: "field" }, h("label", { for: password.id }, "Password"), password),
    h("div", { class: "row-tools" }, h("button", { type: "submit", class: "btn", testid: "workspace-sign-in" }, "Sign in"), signOut),
  );
  const show = (s: SyncStatus) => {
    state.textContent = s.state === "signedOut" ? "Not signed in: releases stay on this computer." : `Signed in to ${s.url} as ${s.user}. ${changes(s.toSend)} to send.`;
    signOut.hidden = s.state === "signedOut";
    if (s.url) url.value = s.url;
    if (s.user) user.value = s.user;
  };
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      show(await api.signIn(url.value, user.value, password.value));
      password.value = "";
      toast("Signed in");
    } catch (err) {
      showError(err, "Not signed in");
    }
  });
  signOut.addEventListener("click", async () => {
    try {
      show(await api.signOut());
      toast("Signed out");
    } catch (err) {
      showError(err, "Not signed out");
    }
  });
  void api.workspaceStatus().then(show, () => {});
  return h("section", { "aria-labelledby": "workspace-h" }, h("h3", { id: "workspace-h" }, "Team workspace"), state, form);
}
