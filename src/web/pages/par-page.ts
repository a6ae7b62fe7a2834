/** The PAR INDEX page: import a set, start the year, confirm suggestions, score, explain, download. */
import type { Translator } from "../../i18n/i18n.js";
import { formatPoints } from "../../domain/par/index.js";
import type { ParView } from "../../services/par/par-view.js";
import type { LinkSuggestion } from "../../services/par/par-work.js";
import { criterionEvidence } from "../../services/par/par-workbook.js";
import { type Html, html } from "../html.js";

const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}" />`;

export interface ParPageData {
  csrfToken: string;
  year: number;
  view: ParView | null;
  suggestions: LinkSuggestion[];
  /** Whether the server keeps evidence files: without a store only references are offered. */
  uploads: boolean;
  notice?: string;
  error?: string;
}

function setForms(t: Translator["t"], data: ParPageData): Html {
  return html`<section>
    <h2>${t("web-par-import-title")}</h2>
    <form method="post" action="/par/import" enctype="multipart/form-data">
      ${csrfField(data.csrfToken)}
      <label>${t("web-par-province")} <input name="province" required pattern="[a-z0-9-]+" /></label>
      <label>${t("web-par-year")} <input name="year" required pattern="[0-9]{4}" value="${data.year}" /></label>
      <label>${t("web-par-file")} <input type="file" name="file" required /></label>
      <button type="submit">${t("web-par-import")}</button>
    </form>
    <h2>${t("web-par-start-title")}</h2>
    <form method="post" action="/par/start">
      ${csrfField(data.csrfToken)}
      <label>${t("web-par-province")} <input name="province" required pattern="[a-z0-9-]+" /></label>
      <label>${t("web-par-year")} <input name="year" required pattern="[0-9]{4}" value="${data.year}" /></label>
      <label>${t("web-par-deadline")} <input name="deadline" pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}" /></label>
      <button type="submit">${t("web-par-start")}</button>
    </form>
  </section>`;
}

function suggestionList(t: Translator["t"], data: ParPageData): Html {
  if (data.suggestions.length === 0) return html``;
  return html`<section>
    <h2>${t("web-par-suggestions")}</h2>
    <ul>
      ${data.suggestions.slice(0, 30).map(
        (s) =>
          html`<li>
            <strong>${s.criterionCode}</strong> ${s.criterionName} ← ${s.taskNumber} ${s.taskTitle}
            <form method="post" action="/par/link" class="inline">
              ${csrfField(data.csrfToken)}<input type="hidden" name="year" value="${data.year}" />
              <input type="hidden" name="code" value="${s.criterionCode}" /><input
                type="hidden"
                name="task"
                value="${s.taskId}"
              />
              <button name="decision" value="confirmed">${t("web-par-link-yes")}</button>
              <button name="decision" value="rejected">${t("web-par-link-no")}</button>
            </form>
          </li>`,
      )}
    </ul>
  </section>`;
}

function fileForm(t: Translator["t"], data: ParPageData, year: number, code: string): Html {
  return html`<form method="post" action="/par/file" enctype="multipart/form-data">
    ${csrfField(data.csrfToken)}<input type="hidden" name="year" value="${year}" />
    <input type="hidden" name="code" value="${code}" />
    <label>${t("web-par-attach-file")} <input type="file" name="files" multiple required /></label>
    <button type="submit">${t("web-par-attach")}</button>
  </form>`;
}

function criteriaTable(t: Translator["t"], data: ParPageData, view: ParView): Html {
  const rows = view.criteria.map((row) => {
    const leaf = row.criterion.children.length === 0 && row.source !== "survey";
    const editable = leaf && row.source !== "automatic";
    return html`<tr class="${row.missingEvidence || row.missingScore ? "missing" : ""}">
      <td>${row.criterion.code}</td>
      <td>${row.depth === 0 || !leaf ? html`<strong>${row.criterion.name}</strong>` : row.criterion.name}</td>
      <td>${formatPoints(row.criterion.maxPoints)}</td>
      <td>
        ${row.points === null ? "—" : formatPoints(row.points)}
        ${
          editable
            ? html`<form method="post" action="/par/score">
                ${csrfField(data.csrfToken)}<input type="hidden" name="year" value="${view.year}" />
                <input type="hidden" name="code" value="${row.criterion.code}" />
                <input name="points" size="4" value="${row.selfScore ? formatPoints(row.selfScore.points) : ""}" />
                <input
                  name="justification"
                  placeholder="${t("web-par-justification")}"
                  value="${row.selfScore?.justification ?? ""}"
                />
                <button type="submit">${t("web-par-save")}</button>
              </form>`
            : ""
        }
      </td>
      <td>
        ${criterionEvidence(row).map((line) => html`<div>${line}</div>`)}
        ${
          leaf
            ? html`<form method="post" action="/par/reference">
                  ${csrfField(data.csrfToken)}<input type="hidden" name="year" value="${view.year}" />
                  <input type="hidden" name="code" value="${row.criterion.code}" />
                  <input name="reference" placeholder="${t("web-par-reference")}" />
                  <button type="submit">${t("web-par-save")}</button>
                </form>
                ${data.uploads ? fileForm(t, data, view.year, row.criterion.code) : ""}`
            : ""
        }
      </td>
      <td>
        ${
          row.missingEvidence
            ? html`<form method="post" action="/par/explanation">
                ${csrfField(data.csrfToken)}<input type="hidden" name="year" value="${view.year}" />
                <input type="hidden" name="code" value="${row.criterion.code}" />
                <textarea name="text" rows="3">${row.explanation ?? ""}</textarea>
                <button type="submit">${t("web-par-save")}</button>
              </form>`
            : (row.explanation ?? "")
        }
      </td>
    </tr>`;
  });
  return html`<table class="par">
    <thead>
      <tr>
        <th>${t("par-col-code")}</th>
        <th>${t("par-col-criterion")}</th>
        <th>${t("par-col-max")}</th>
        <th>${t("par-col-score")}</th>
        <th>${t("par-col-evidence")}</th>
        <th>${t("par-col-explanation")}</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

export function parPage(t: Translator["t"], data: ParPageData): Html {
  const { view } = data;
  const missing = view ? view.criteria.filter((r) => r.missingEvidence || r.missingScore).length : 0;
  return html`<h1>${t("web-par-title")}</h1>
    ${data.notice ? html`<p class="notice" role="status">${data.notice}</p>` : ""}
    ${data.error ? html`<p class="error" role="alert">${data.error}</p>` : ""}
    ${
      view
        ? html`<p>${view.set.title} – ${view.set.source}</p>
            <p>
              <strong
                >${t("web-par-total", { points: formatPoints(view.total.points), max: formatPoints(view.total.maxPoints) })}</strong
              >
              · ${t("web-par-missing", { count: missing })}
            </p>
            <ul>
              ${view.fields.map((f) => html`<li>${t("par-summary-field", { code: f.code, name: f.name, points: formatPoints(f.points), max: formatPoints(f.maxPoints) })}</li>`)}
            </ul>
            <p>
              <a href="/par/workbook?year=${view.year}">${t("web-par-download-xlsx")}</a> ·
              <a href="/par/workbook?year=${view.year}&amp;format=pdf">${t("web-par-download-pdf")}</a> ·
              <a href="/par/bundle?year=${view.year}">${t("web-par-download-zip")}</a>
            </p>
            <form method="post" action="/par/chase">
              ${csrfField(data.csrfToken)}<input type="hidden" name="year" value="${view.year}" />
              <button type="submit">${t("web-par-chase")}</button>
            </form>
            ${suggestionList(t, data)} ${criteriaTable(t, data, view)}`
        : html`<p>${t("par-none")}</p>`
    }
    ${setForms(t, data)}`;
}
