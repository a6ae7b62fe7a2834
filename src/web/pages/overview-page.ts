import { formatVietnameseDate } from "../../domain/calendar/index.js";
import type { ProgressColour } from "../../domain/milestones/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { Overview } from "../../services/web/plan-board.js";
import { type Html, html } from "../html.js";

const COLOURS: ProgressColour[] = ["green", "blue", "orange", "red", "grey"];
/** The same hues as the stylesheet; SVG attributes, since the policy allows no inline style. */
const FILL: Record<ProgressColour, string> = {
  green: "#1b7f3b",
  blue: "#1f5fae",
  orange: "#b85c00",
  red: "#b3261e",
  grey: "#5f6368",
};

/** One stacked bar per lead unit, drawn on the server: no chart library, no script. */
export function unitChart(t: Translator["t"], perUnit: Overview["perUnit"]): Html {
  const rowHeight = 28;
  const labelWidth = 260;
  const barWidth = 520;
  const width = labelWidth + barWidth + 50;
  const height = perUnit.length * rowHeight + 10;
  const max = Math.max(1, ...perUnit.map((u) => u.total));
  const rows = perUnit.map((unit, i) => {
    let x = labelWidth;
    const y = 5 + i * rowHeight;
    const segments = COLOURS.filter((c) => unit.counts[c] > 0).map((colour) => {
      const w = (unit.counts[colour] / max) * barWidth;
      const rect = html`<rect
        x="${x.toFixed(1)}"
        y="${y + 4}"
        width="${w.toFixed(1)}"
        height="${rowHeight - 10}"
        fill="${FILL[colour]}"
        ><title>${unit.unit}: ${t("report-rating", { colour })} ${unit.counts[colour]}</title></rect
      >`;
      x += w;
      return rect;
    });
    const label = unit.unit.length > 34 ? `${unit.unit.slice(0, 33)}…` : unit.unit;
    return html`<g
      ><text x="${labelWidth - 8}" y="${y + rowHeight / 2 + 4}" text-anchor="end" font-size="13" fill="#1d1f23"
        >${label}</text
      >${segments}<text x="${(x + 6).toFixed(1)}" y="${y + rowHeight / 2 + 4}" font-size="13" fill="#1d1f23"
        >${unit.total}</text
      ></g
    >`;
  });
  return html`<svg
    class="chart"
    role="img"
    aria-labelledby="chart-title"
    viewBox="0 0 ${width} ${height}"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id="chart-title">${t("web-overview-per-unit")}</title>
    ${rows}
  </svg>`;
}

/**
 * `noRecipient`: units whose open work reaches nobody (the coordinator's
 * needs-attention list, empty for those who do not coordinate).
 */
export function overviewPage(
  t: Translator["t"],
  organizationName: string,
  overview: Overview,
  noRecipient: Array<{ name: string; tasks: number }> = [],
): Html {
  return html`<h1>${t("web-overview-title", { org: organizationName })}</h1>
    ${
      noRecipient.length === 0
        ? ""
        : html`<h2>${t("web-overview-attention")}</h2>
            <ul class="attention">
              ${noRecipient.map(
                (unit) =>
                  html`<li>
                    <a href="/people">${t("reminder-no-recipient", { units: unit.name }).trim()}</a>
                    ${t("review-no-recipient-tasks", { count: unit.tasks })}
                  </li>`,
              )}
            </ul>`
    }
    <div class="counts">
      ${COLOURS.map(
        (colour) =>
          html`<div class="tile c-${colour}" data-colour="${colour}">
            <strong>${overview.counts[colour]}</strong
            ><span class="state"><span class="dot" aria-hidden="true"></span>${t("report-rating", { colour })}</span>
          </div>`,
      )}
    </div>
    <h2>${t("web-overview-per-unit")}</h2>
    <div class="legend">
      ${COLOURS.map(
        (colour) =>
          html`<span class="c-${colour}"
            ><span class="dot" aria-hidden="true"></span>${t("report-rating", { colour })}</span
          >`,
      )}
    </div>
    <div class="chart-wrap" tabindex="0" role="region" aria-label="${t("web-overview-per-unit")}">
      ${unitChart(t, overview.perUnit)}
    </div>
    <h2>${t("web-overview-overdue")}</h2>
    ${
      overview.overdue.length === 0
        ? html`<p>${t("web-overview-none-overdue")}</p>`
        : html`<ul class="overdue">
            ${overview.overdue.map(
              (row) =>
                html`<li>
                  <a href="/m/${row.milestoneId}"
                    >${row.section ? `${row.section}.${row.stt ?? ""}` : (row.stt ?? "")}
                    ${row.title}${row.label ? ` (${row.label})` : ""}</a
                  >
                  · ${row.leadUnits.join(", ") || t("no-unit")} · ${row.due ? formatVietnameseDate(row.due) : ""} ·
                  <strong>${t("web-days-late", { days: row.daysLate })}</strong>
                </li>`,
            )}
          </ul>`
    }`;
}
