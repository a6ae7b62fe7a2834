import { formatVietnameseDate, type IsoDate } from "../../domain/calendar/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { ReportPeriod } from "../../services/reports/cchc-report.js";
import type { ReportBuild } from "../../services/reports/report-builds.js";
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
        <a class="button secondary" id="workbook-pdf" href="/reports/workbook?format=pdf"
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
              <a class="button" href="/reports/cchc?period=${period.code}&amp;format=docx"
                >${t("web-reports-download", { format: ".docx" })}<span class="visually-hidden">
                  – ${period.label}</span
                ></a
              >
              <a class="button secondary" href="/reports/cchc?period=${period.code}&amp;format=pdf"
                >${t("web-reports-download", { format: "PDF" })}<span class="visually-hidden">
                  – ${period.label}</span
                ></a
              >
            </li>`,
        )}
      </ul>
    </section>`;
}

/**
 * A report being built by the job: "đang tạo…" (the script reloads the page
 * until it is ready; without script, a link does), then its download.
 */
export function reportBuildPage(t: Translator["t"], build: ReportBuild): Html {
  return html`<h1>${t("web-report-build-title")}</h1>
    <section class="card" aria-live="polite">
      <p><strong>${build.fileName}</strong></p>
      ${
        build.state === "pending"
          ? html`<p class="build-pending" data-refresh="1500" role="status">
                <span class="spinner" aria-hidden="true"></span>${t("web-report-build-pending")}
              </p>
              <p><a href="/reports/builds/${build.id}">${t("web-report-build-reload")}</a></p>`
          : build.state === "ready"
            ? html`<p class="flash ok" role="status">${t("web-report-build-ready")}</p>
                <p>
                  <a class="button" id="report-file" href="/reports/builds/${build.id}/file" download
                    >${t("web-reports-download", { format: build.format === "pdf" ? "PDF" : `.${build.format}` })}</a
                  >
                </p>`
            : html`<p class="flash error" role="alert">
                ${t("web-reports-failed", { error: build.error?.startsWith("pdf-failed-") ? t(build.error) : (build.error ?? "") })}
              </p>`
      }
      <p><a href="/reports">${t("web-report-build-back")}</a></p>
    </section>`;
}
