import { formatVietnameseDate, type IsoDate } from "../../domain/calendar/index.js";
import {
  isAssigningDocument,
  type RegisterDocument,
  type RegisterFilters,
  type TaskStanding,
} from "../../domain/planning/index.js";
import type { Translator } from "../../i18n/i18n.js";
import { type Html, html } from "../html.js";
import { flash } from "./layout.js";

const STANDINGS: TaskStanding[] = ["open", "overdue", "done"];

/** The filters as the form echoes them back: "" for a field not given. */
export interface RegisterForm {
  source: string;
  unit: string;
  state: string;
  from: string;
  to: string;
}

/** What the register page needs besides the documents: the form's token, who may set a receipt, what was typed. */
export interface RegisterPageOptions {
  csrfToken: string;
  /** The viewer coordinates: the day of receipt can be set and corrected. */
  coordinate: boolean;
  today: IsoDate;
  flash?: { kind: "ok" | "error"; text: string } | undefined;
  /** The day of receipt typed into a document's form and refused, kept in it. */
  receiptText?: { planId: string; text: string } | undefined;
}

/** The form that sets or corrects a document's day of receipt (its field named as the errors name it). */
export function receiptForm(
  t: Translator["t"],
  document: { planId: string; issuedOn: IsoDate | null; receivedOn?: IsoDate | null | undefined },
  options: Pick<RegisterPageOptions, "csrfToken" | "today" | "receiptText">,
): Html {
  const id = `received-${document.planId}`;
  const typed = options.receiptText?.planId === document.planId ? options.receiptText.text : null;
  return html`<form class="inline receipt-form" method="post" action="/register/${document.planId}/received-on">
    <input type="hidden" name="_csrf" value="${options.csrfToken}" />
    <label for="${id}">${t("web-receipt-label")}</label>
    <input
      id="${id}"
      name="receivedOn"
      type="date"
      value="${typed ?? document.receivedOn ?? ""}"
      ${document.issuedOn ? html`min="${document.issuedOn}"` : null}
      max="${options.today}"
      required
    />
    <button type="submit">${t(document.receivedOn ? "web-receipt-correct" : "web-receipt-set")}</button>
  </form>`;
}

/**
 * The document's day of receipt, for a document that assigns work or has tasks
 * counted from it, with the form to set or correct it for a coordinator.
 */
function receiptBlock(t: Translator["t"], document: RegisterDocument, options: RegisterPageOptions): Html | null {
  const awaiting = document.awaitingReceipt ?? 0;
  if (!isAssigningDocument(document.kind) && awaiting === 0 && !document.receivedOn) return null;
  return html`<div class="receipt">
    <p>
      <strong>${t("web-receipt-label")}:</strong>
      ${document.receivedOn ? formatVietnameseDate(document.receivedOn) : t("web-receipt-none")}
      ${awaiting > 0 ? html`<span class="tag warn">${t("web-receipt-awaiting", { count: awaiting })}</span>` : null}
    </p>
    ${options.coordinate ? receiptForm(t, document, options) : null}
  </div>`;
}

function documentBlock(t: Translator["t"], document: RegisterDocument, options: RegisterPageOptions): Html {
  const id = `doc-${document.planId}`;
  return html`<section class="card register-document" aria-labelledby="${id}">
    <h2 id="${id}">${document.name}</h2>
    ${document.summary ? html`<p class="muted">${document.summary}</p>` : null} ${receiptBlock(t, document, options)}
    <p class="completion">
      ${t("web-register-completion", { done: document.done, total: document.total, overdue: document.overdue })}
      <a class="button secondary" href="/register/workbook?source=${document.planId}" download
        >${t("web-register-workbook")}<span class="visually-hidden"> – ${document.name}</span></a
      >
    </p>
    <table class="plan">
      <caption class="skip">
        ${document.name}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t("web-col-task")}</th>
          <th scope="col">${t("web-col-lead")}</th>
          <th scope="col">${t("web-col-support")}</th>
          <th scope="col">${t("web-col-deadline")}</th>
          <th scope="col">${t("web-col-state")}</th>
        </tr>
      </thead>
      <tbody>
        ${document.tasks.map(
          (task) =>
            html`<tr class="standing-${task.standing}">
              <td>${task.title}</td>
              <td>${task.leads.join(", ")}</td>
              <td>${task.supports.join(", ")}</td>
              <td>${task.due ? formatVietnameseDate(task.due) : ""}</td>
              <td>${t("web-register-standing", { standing: task.standing })}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/**
 * The register of assigned work: every document with its completion and
 * tasks, filtered by source, unit, state and due, with the results workbook
 * of each document to download. `sources` lists every document for the filter.
 */
export function registerPage(
  t: Translator["t"],
  data: {
    organizationName: string;
    documents: RegisterDocument[];
    sources: Array<{ planId: string; name: string }>;
    form: RegisterForm;
  },
  options: RegisterPageOptions,
): Html {
  const { form } = data;
  return html`<h1>${t("web-register-title", { org: data.organizationName })}</h1>
    ${options.flash ? flash(options.flash.kind, options.flash.text) : null}
    <form class="filters" method="get" action="/register" role="search">
      <div>
        <label for="f-source">${t("web-register-source")}</label
        ><select id="f-source" name="source">
          <option value="">${t("web-filter-all")}</option>
          ${data.sources.map(
            (s) =>
              html`<option value="${s.planId}" ${s.planId === form.source ? html` selected` : null}>
                ${s.name.slice(0, 90)}
              </option>`,
          )}
        </select>
      </div>
      <div>
        <label for="f-unit">${t("web-register-unit")}</label
        ><input id="f-unit" type="search" name="unit" value="${form.unit}" />
      </div>
      <div>
        <label for="f-state">${t("web-filter-state")}</label
        ><select id="f-state" name="state">
          <option value="">${t("web-filter-all")}</option>
          ${STANDINGS.map(
            (s) =>
              html`<option value="${s}" ${s === form.state ? html` selected` : null}>
                ${t("web-register-standing", { standing: s })}
              </option>`,
          )}
        </select>
      </div>
      <div>
        <label for="f-from">${t("web-filter-from")}</label
        ><input id="f-from" type="date" name="from" value="${form.from}" />
      </div>
      <div>
        <label for="f-to">${t("web-filter-to")}</label><input id="f-to" type="date" name="to" value="${form.to}" />
      </div>
      <div class="actions">
        <button type="submit">${t("web-filter-apply")}</button
        ><a class="button secondary" href="/register">${t("web-filter-clear")}</a>
      </div>
    </form>
    <p class="count" id="register-count">${t("web-register-count", { count: data.documents.length })}</p>
    ${
      data.documents.length === 0
        ? html`<p>${t("web-register-empty")}</p>`
        : data.documents.map((document) => documentBlock(t, document, options))
    }`;
}

/** The form's fields as the register's filters: anything malformed is left out, never an error page. */
export function registerFilters(form: RegisterForm): RegisterFilters {
  const day = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  const filters: RegisterFilters = {};
  if (form.source) filters.source = form.source;
  if (form.unit) filters.unit = form.unit;
  if ((STANDINGS as string[]).includes(form.state)) filters.standing = form.state as TaskStanding;
  const from = day(form.from);
  const to = day(form.to);
  if (from) filters.dueFrom = from;
  if (to) filters.dueTo = to;
  return filters;
}
