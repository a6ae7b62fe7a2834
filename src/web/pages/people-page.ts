import type { Role } from "../../domain/milestones/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { UnitWithPeople } from "../../services/units.js";
import { type Html, html } from "../html.js";

type Person = UnitWithPeople["people"][number];

export const INVITE_ROLES: Role[] = ["member", "unit_head", "coordinator", "chairman"];

const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}" />`;

type EmailOf = PeoplePageData["emails"];

function personItem(t: Translator["t"], person: Person, selfId: string, emails: EmailOf): Html {
  const email = emails?.get(person.personId);
  return html`<li data-person="${person.personId}">
    ${person.name} <span class="muted">(${t("role-name", { role: person.role })})</span>
    ${person.unreachable ? html`<span class="tag warn">${t("web-people-unreachable")}</span>` : null}
    ${
      emails
        ? html`<a class="small" href="/people/${person.personId}/email"
              >${email ? email.address : t("web-people-email")}<span class="visually-hidden">: ${person.name}</span></a
            >${email && !email.confirmed ? html` <span class="tag">${t("web-people-email-unconfirmed")}</span>` : null}${
              email?.unreachable ? html` <span class="tag warn">${t("web-people-unreachable")}</span>` : null
            }`
        : null
    }
    ${
      person.personId !== selfId
        ? html`<a class="small" href="/people/${person.personId}/deactivate"
            >${t("web-people-deactivate")}<span class="visually-hidden">: ${person.name}</span></a
          >`
        : null
    }
  </li>`;
}

function peopleList(t: Translator["t"], people: Person[], selfId: string, emails?: EmailOf): Html {
  return people.length === 0
    ? html`<p class="muted none">${t("web-people-none")}</p>`
    : html`<ul class="people">
        ${people.map((p) => personItem(t, p, selfId, emails))}
      </ul>`;
}

export interface PeoplePageData {
  organizationName: string;
  units: UnitWithPeople[];
  leaders: Person[];
  selfId: string;
  csrfToken: string;
  /** A flash line at the top, and the invite just created (shown once). */
  flash?: { kind: "ok" | "error"; text: string } | undefined;
  invite?: { text: string; link: string | null; code: string } | undefined;
  splitText?: { unitId: string; text: string } | undefined;
  /** Each person's email (when the email channel is on), confirmed or waiting for its owner. */
  emails?: Map<string, { address: string; confirmed: boolean; unreachable: boolean }> | undefined;
}

/** The units with their people, and the coordinator's tools: invite, deactivate, merge, split. */
export function peoplePage(t: Translator["t"], data: PeoplePageData): Html {
  const splittable = data.units.filter((u) => u.proposedSplit.length > 0);
  const unitOptions = (selected?: string) =>
    data.units.map(
      (u) => html`<option value="${u.id}" ${u.id === selected ? html` selected` : null}>${u.name}</option>`,
    );
  return html`<h1>${t("web-people-title", { org: data.organizationName })}</h1>
    ${
      data.flash
        ? html`<p class="flash ${data.flash.kind}" role="${data.flash.kind === "ok" ? "status" : "alert"}">
            ${data.flash.text}
          </p>`
        : null
    }
    ${
      data.invite
        ? html`<section class="card invite-result" aria-labelledby="invite-result-h">
            <h2 id="invite-result-h">${t("web-invite-result")}</h2>
            <p>${data.invite.text}</p>
            ${data.invite.link ? html`<p><a id="invite-link" href="${data.invite.link}">${data.invite.link}</a></p>` : null}
            <p><code id="invite-code">${t("web-invite-code", { code: data.invite.code })}</code></p>
          </section>`
        : null
    }
    <div class="two-col">
      <section aria-labelledby="units-h">
        <h2 id="units-h">${t("web-people-units")}</h2>
        <section class="card" aria-labelledby="leaders-h">
          <h3 id="leaders-h">${t("web-people-leaders")}</h3>
          ${peopleList(t, data.leaders, data.selfId, data.emails)}
        </section>
        ${data.units.map(
          (unit) =>
            html`<section class="card unit" data-unit="${unit.id}" aria-labelledby="u-${unit.id}">
              <h3 id="u-${unit.id}">${unit.name}</h3>
              <p class="muted">
                ·
                ${t("web-people-tasks", { lead: unit.leadTasks, support: unit.supportTasks })}${
                  unit.aliases.length > 0
                    ? html`<br />${t("web-people-aliases", { aliases: unit.aliases.join(", ") })}`
                    : null
                }
              </p>
              ${peopleList(t, unit.people, data.selfId, data.emails)}
            </section>`,
        )}
      </section>
      <section class="tools" aria-labelledby="tools-h">
        <h2 id="tools-h" class="visually-hidden">${t("web-invite-title")}</h2>
        <form class="card stack" method="post" action="/people/invite" aria-labelledby="invite-h">
          <h3 id="invite-h">${t("web-invite-title")}</h3>
          ${csrfField(data.csrfToken)}
          <label for="invite-role">${t("web-invite-role")}</label>
          <select id="invite-role" name="role">
            ${INVITE_ROLES.map((role) => html`<option value="${role}">${t("role-name", { role })}</option>`)}
          </select>
          <label for="invite-unit">${t("web-invite-unit")}</label>
          <select id="invite-unit" name="unit">
            <option value="">${t("web-invite-unit-none")}</option>
            ${unitOptions()}
          </select>
          <label for="invite-name">${t("web-invite-name")}</label>
          <input id="invite-name" name="fullName" maxlength="120" autocomplete="off" />
          <p><button type="submit">${t("web-invite-button")}</button></p>
        </form>
        <form class="card stack" method="post" action="/units/merge" aria-labelledby="merge-h">
          <h3 id="merge-h">${t("web-merge-title")}</h3>
          <p class="muted">${t("web-merge-hint")}</p>
          ${csrfField(data.csrfToken)}
          <label for="merge-from">${t("web-merge-from")}</label>
          <select id="merge-from" name="from" required>
            ${unitOptions()}
          </select>
          <label for="merge-into">${t("web-merge-into")}</label>
          <select id="merge-into" name="into" required>
            ${unitOptions(data.units[1]?.id)}
          </select>
          <p><button type="submit">${t("web-merge-button")}</button></p>
        </form>
        <section class="card" aria-labelledby="split-h">
          <h3 id="split-h">${t("web-split-title")}</h3>
          <p class="muted">${t("web-split-hint")}</p>
          ${
            splittable.length === 0
              ? html`<p>${t("web-split-none")}</p>`
              : splittable.map(
                  (unit) =>
                    html`<form class="stack split" method="post" action="/units/${unit.id}/split">
                      ${csrfField(data.csrfToken)}
                      <label for="split-${unit.id}">${t("web-split-parts", { unit: unit.name })}</label>
                      <textarea id="split-${unit.id}" name="parts" rows="${unit.proposedSplit.length}" required>
${data.splitText?.unitId === unit.id ? data.splitText.text : unit.proposedSplit.join("\n")}</textarea>
                      <p><button type="submit">${t("web-split-button")}</button></p>
                    </form>`,
                )
          }
        </section>
      </section>
    </div>`;
}

/** Asks before stopping someone's reminders: the chat asks too. */
export function deactivatePage(
  t: Translator["t"],
  person: { personId: string; name: string },
  csrfToken: string,
): Html {
  return html`<p><a href="/people">← ${t("web-nav-people")}</a></p>
    <section class="card" aria-labelledby="deactivate-h">
      <h1 id="deactivate-h">${t("web-deactivate-title", { name: person.name })}</h1>
      <p>${t("people-deactivate-ask", { name: person.name })}</p>
      <form method="post" action="/people/${person.personId}/deactivate">
        ${csrfField(csrfToken)}
        <button class="danger" type="submit">${t("btn-people-deactivate-confirm")}</button>
        <a class="button secondary" href="/people">${t("web-cancel")}</a>
      </form>
    </section>`;
}

/** A coordinator gives (or changes) a person's email; the owner confirms it from the mail before anything else is sent. */
export function emailPage(
  t: Translator["t"],
  person: { personId: string; name: string },
  current: string,
  csrfToken: string,
): Html {
  return html`<p><a href="/people">← ${t("web-nav-people")}</a></p>
    <section class="card" aria-labelledby="email-h">
      <h1 id="email-h">${t("web-people-email")} – ${person.name}</h1>
      <form method="post" action="/people/${person.personId}/email">
        ${csrfField(csrfToken)}
        <label>${t("web-people-email")} <input type="email" name="email" value="${current}" required /></label>
        <button type="submit">${t("web-people-email-save")}</button>
      </form>
    </section>`;
}
