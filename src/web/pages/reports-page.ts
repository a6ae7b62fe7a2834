import { formatVietnameseDate, type IsoDate } from "../../domain/calendar/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { ReportPeriod } from "../../services/reports/cchc-report.js";
import { type Html, html } from "../html.js";

/** The files the office downloads: the results workbook, and the CCHC report of a period. */
export function reportsPage(
  t: Translator["t"],
  data: { organizationName: string; today: IsoDate; periods: ReportPeriod[]; error?: string | undefined },
): Html {
  return html`<h1>${t("web-reports-title", { org: data.organizationName })}</h1>
    ${data.error ? html`<p class="flash error" role="alert">${data.error}</p>` : null}
    <section class="card" aria-labelledby="workbook-h">
      <h2 id="workbook-h">${t("web-reports-workbook")}</h2>
      <p class="muted">${t("web-reports-workbook-hint", { date: formatVietnameseDate(data.today) })}</p>
      <p class="downloads">
        <a class="button" id="workbook-xlsx" href="/reports/workbook?format=xlsx" download
          >${t("web-reports-download", { format: ".xlsx" })}</a
        >
        <a class="button secondary" id="workbook-pdf" href="/reports/workbook?format=pdf" download
          >${t("web-reports-download", { format: "PDF" })}</a
        >
      </p>
    </section>
    <section class="card" aria-labelledby="cchc-h">
      <h2 id="cchc-h">${t("web-reports-cchc")}</h2>
      <p class="muted">${t("web-reports-cchc-hint")}</p>
      <ul class="periods">
        ${data.periods.map(
          (period) =>
            html`<li>
              <span class="period">${period.label}</span>
              <a class="button" href="/reports/cchc?period=${period.code}&amp;format=docx" download
                >${t("web-reports-download", { format: ".docx" })}<span class="visually-hidden">
                  – ${period.label}</span
                ></a
              >
              <a class="button secondary" href="/reports/cchc?period=${period.code}&amp;format=pdf" download
                >${t("web-reports-download", { format: "PDF" })}<span class="visually-hidden">
                  – ${period.label}</span
                ></a
              >
            </li>`,
        )}
      </ul>
    </section>`;
}
