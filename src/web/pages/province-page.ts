/**
 * The province's pages: the league table of its communes (per field of
 * reform) with its tasks rolled up, a commune's drill-down, one task across
 * the communes, and the forms that give work to the communes and onboard them.
 */
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { CommuneGroupView } from "../../services/province/commune-groups.js";
import type { ChildOrganization } from "../../services/province/organizations.js";
import type { CommuneDrillDown, LeagueView, TaskRollupView } from "../../services/province/standing.js";
import type { ReportPeriod } from "../../services/reports/cchc-report.js";
import { type Html, html } from "../html.js";

type T = Translator["t"];

/** The province's groups of communes, and the communes a group may hold. */
export interface GroupsPart {
  groups: CommuneGroupView[];
  communes: ChildOrganization[];
}

const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);

function leagueRows(t: T, view: LeagueView): Html {
  return html`<table class="plan league">
    <caption class="skip">
      ${t("web-province-league")}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t("web-province-rank")}</th>
        <th scope="col">${t("web-province-commune")}</th>
        <th scope="col">${t("web-province-on-time")}</th>
        <th scope="col">${t("web-province-overdue")}</th>
        <th scope="col">${t("web-province-days-late")}</th>
        <th scope="col">${t("web-province-done")}</th>
      </tr>
    </thead>
    <tbody>
      ${view.rows.map(
        (row) =>
          html`<tr>
            <td>${row.rank}</td>
            <td><a href="/province/communes/${row.organizationId}">${row.organizationName}</a></td>
            <td>
              <span class="bar" style="--share:${Math.round((row.onTimeShare ?? 0) * 100)}%"></span>
              ${percent(row.onTimeShare)}
            </td>
            <td>${row.overdue}</td>
            <td>${row.daysLate}</td>
            <td>${row.done}/${row.tasks}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The league table, the province's tasks rolled up, and the forms. */
export function leaguePage(
  t: T,
  view: LeagueView,
  data: {
    field: string;
    documents: Array<{ planId: string; name: string }>;
    csrfToken: string;
    canAssign: boolean;
    periods: ReportPeriod[];
    groups?: GroupsPart | null;
  },
): Html {
  return html`<h1>${t("web-province-title", { province: view.provinceName })}</h1>
    <form class="filters" method="get" action="/province" role="search">
      <label for="f-field">${t("web-province-field")}</label
      ><select id="f-field" name="field">
        <option value="">${t("web-filter-all")}</option>
        ${view.fields.map((f) => html`<option value="${f}" ${f === data.field ? html` selected` : null}>${f}</option>`)}
      </select>
      <button type="submit">${t("web-filter-apply")}</button>
    </form>
    <section class="card">
      ${leagueRows(t, view)}
      <p><a class="button secondary" href="/province/workbook" download>${t("web-province-workbook")}</a></p>
    </section>
    ${reportLinks(t, data.periods)}
    <section class="card">
      <h2>${t("web-province-tasks")}</h2>
      <ul>
        ${view.tasks.map(
          (task) =>
            html`<li>
              <a href="/province/tasks/${task.sourceTaskId}">${task.title}</a>:
              ${t("web-province-task-done", { done: task.done, total: task.total, late: task.late })}
            </li>`,
        )}
      </ul>
    </section>
    ${data.canAssign ? assignForms(t, data) : null}
    ${data.canAssign && data.groups ? groupForms(t, data.groups, data.csrfToken) : null}`;
}

/** One group's form: its name and every commune, the group's ticked; saving makes the ticked ones its members. */
function groupForm(t: T, part: GroupsPart, csrfToken: string, group: CommuneGroupView | null): Html {
  const members = new Set(group?.communes.map((c) => c.id) ?? []);
  return html`<form method="post" action="/province/groups" class="stack">
    <input type="hidden" name="_csrf" value="${csrfToken}" />
    ${
      group
        ? html`<input type="hidden" name="group" value="${group.name}" />`
        : html`<label for="group-new">${t("web-province-group-name")}</label>
            <input id="group-new" name="group" required maxlength="100" />`
    }
    <fieldset class="choices">
      ${part.communes.map(
        (c) =>
          html`<label class="check"
            ><input type="checkbox" name="commune" value="${c.slug}" ${members.has(c.id) ? html` checked` : null} />
            ${c.name}</label
          >`,
      )}
    </fieldset>
    <p><button type="submit">${t("web-province-group-save")}</button></p>
  </form>`;
}

/** The groups of communes a task's lead may name, each open to edit, and a form for a new one. */
function groupForms(t: T, part: GroupsPart, csrfToken: string): Html {
  return html`<section class="card" aria-labelledby="groups-h">
    <h2 id="groups-h">${t("web-province-groups")}</h2>
    <p class="muted">${t("web-province-groups-hint")}</p>
    ${part.groups.map(
      (group) =>
        html`<details>
          <summary>
            ${group.name} (${t("web-province-group-count", { count: group.communes.length })}):
            ${group.communes.map((c) => c.name).join(", ")}
          </summary>
          ${groupForm(t, part, csrfToken, group)}
        </details>`,
    )}
    <details>
      <summary>${t("web-province-group-new")}</summary>
      ${groupForm(t, part, csrfToken, null)}
    </details>
  </section>`;
}

/** The Decree 30 report on the communes for each period around today, as Word or PDF (built by the report job). */
function reportLinks(t: T, periods: ReportPeriod[]): Html {
  return html`<section class="card" aria-labelledby="province-report-h">
    <h2 id="province-report-h">${t("web-province-report")}</h2>
    <p class="muted">${t("web-province-report-hint")}</p>
    <ul class="periods">
      ${periods.map(
        (period) =>
          html`<li>
            <span class="period">${period.label}</span>
            <a class="button" href="/reports/province?period=${period.code}&amp;format=docx"
              >${t("web-reports-download", { format: ".docx" })}<span class="visually-hidden">
                – ${period.label}</span
              ></a
            >
            <a class="button secondary" href="/reports/province?period=${period.code}&amp;format=pdf"
              >${t("web-reports-download", { format: "PDF" })}<span class="visually-hidden"> – ${period.label}</span></a
            >
          </li>`,
      )}
    </ul>
  </section>`;
}

function assignForms(t: T, data: { documents: Array<{ planId: string; name: string }>; csrfToken: string }): Html {
  return html`<section class="card">
      <h2>${t("web-province-assign")}</h2>
      ${data.documents.map(
        (d) =>
          html`<form method="post" action="/province/plans/${d.planId}/fan-out">
            <input type="hidden" name="_csrf" value="${data.csrfToken}" />
            <span>${d.name}</span> <button type="submit">${t("web-province-assign-button")}</button>
          </form>`,
      )}
    </section>
    <section class="card">
      <h2>${t("web-province-onboard")}</h2>
      <p class="muted">${t("web-province-onboard-hint")}</p>
      <form method="post" action="/province/communes/import" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value="${data.csrfToken}" />
        <label for="communes-file">${t("web-province-onboard-file")}</label>
        <input id="communes-file" type="file" name="file" accept=".csv,.xlsx" required />
        <button type="submit">${t("web-province-onboard-button")}</button>
      </form>
    </section>`;
}

const standingText = (t: T, status: string) => t("web-province-status", { status });

/** The form that mails a commune's coordinator a new invite (only with the email channel on). */
function inviteMailForm(t: T, communeId: string, csrfToken: string): Html {
  return html`<section class="card">
    <h2>${t("web-province-invite-mail")}</h2>
    <p class="muted">${t("web-province-invite-mail-hint")}</p>
    <form method="post" action="/province/communes/${communeId}/invite">
      <input type="hidden" name="_csrf" value="${csrfToken}" />
      <label for="invite-email">${t("web-province-invite-mail-address")}</label>
      <input id="invite-email" type="email" name="email" maxlength="254" required />
      <label for="invite-name">${t("web-province-invite-mail-name")}</label>
      <input id="invite-name" type="text" name="name" maxlength="200" />
      <button type="submit">${t("web-province-invite-mail-button")}</button>
    </form>
  </section>`;
}

/** One commune's copies of the province's work; `invite` adds the form that mails its coordinator an invite. */
export function communePage(
  t: T,
  view: CommuneDrillDown,
  invite?: { communeId: string; csrfToken: string } | null,
): Html {
  return html`<h1>${view.communeName}</h1>
    <p><a href="/province">${t("web-province-back")}</a></p>
    <table class="plan">
      <thead>
        <tr>
          <th scope="col">${t("web-col-task")}</th>
          <th scope="col">${t("web-col-lead")}</th>
          <th scope="col">${t("web-col-state")}</th>
          <th scope="col">${t("web-province-days-late")}</th>
          <th scope="col">${t("web-province-evidence")}</th>
        </tr>
      </thead>
      <tbody>
        ${view.tasks.map(
          (task) =>
            html`<tr class="standing-${task.status}">
              <td>${task.milestoneId ? html`<a href="/m/${task.milestoneId}">${task.title}</a>` : task.title}</td>
              <td>${task.lead ?? t("web-province-no-lead")}</td>
              <td>${standingText(t, task.status)}</td>
              <td>${task.daysLate}</td>
              <td>${task.evidence.join(", ")}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${invite ? inviteMailForm(t, invite.communeId, invite.csrfToken) : null}`;
}

/** One province task across its communes: "32/100 xã đã hoàn thành", the late ones and their evidence. */
export function taskRollupPage(t: T, view: TaskRollupView, csrfToken: string, today: string): Html {
  return html`<h1>${view.title}</h1>
    <p><a href="/province">${t("web-province-back")}</a></p>
    <p class="completion">
      ${t("web-province-task-done", { done: view.done, total: view.total, late: view.late.length })}
      ${view.provinceApproves ? t("web-province-awaiting", { count: view.awaitingProvince }) : null}
    </p>
    <table class="plan">
      <thead>
        <tr>
          <th scope="col">${t("web-province-commune")}</th>
          <th scope="col">${t("web-col-state")}</th>
          <th scope="col">${t("web-province-days-late")}</th>
          <th scope="col">${t("web-province-evidence")}</th>
          <th scope="col"></th>
        </tr>
      </thead>
      <tbody>
        ${view.communes.map(
          (c) =>
            html`<tr class="standing-${c.status}">
              <td><a href="/province/communes/${c.organizationId}">${c.organizationName}</a></td>
              <td>${standingText(t, c.status)}</td>
              <td>${c.daysLate}</td>
              <td>${c.evidence.join(", ")}</td>
              <td>
                ${
                  c.status === "awaiting-province"
                    ? html`<form method="post" action="/province/copies/${c.taskId}/accept">
                        <input type="hidden" name="_csrf" value="${csrfToken}" />
                        <button type="submit">${t("web-province-accept")}</button>
                      </form>`
                    : null
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="muted">${t("web-province-as-of", { date: formatVietnameseDate(today) })}</p>`;
}
