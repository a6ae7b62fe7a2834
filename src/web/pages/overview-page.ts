import { formatVietnameseDate } from "../../domain/calendar/index.js";
import type { ProgressColour } from "../../domain/milestones/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { MonthLoad, Overview } from "../../services/web/plan-board.js";
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

/** Where each colour's count leads: the table filtered to the rows it counts. */
const COLOUR_LINK: Record<ProgressColour, string> = {
  green: "colour=green",
  blue: "colour=blue",
  orange: "colour=orange",
  red: "state=overdue&sort=late",
  grey: "colour=grey",
};

/** A bar drawn to scale inside whatever width it gets: SVG stretched, the counts beside it as text. */
function bar(segments: Array<[string, number]>, max: number, label: string): Html {
  let x = 0;
  const rects = segments
    .filter(([, n]) => n > 0)
    .map(([fill, n]) => {
      const w = (n / max) * 100;
      const rect = html`<rect x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="10" fill="${fill}" />`;
      x += w;
      return rect;
    });
  return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${label}">
    ${rects}
  </svg>`;
}

/**
 * One row per lead unit: the name wraps, the bar stretches to the width left,
 * and the overdue count is text that stays on screen at any width; each count
 * links to the table filtered to that unit.
 */
export function unitChart(
  t: Translator["t"],
  perUnit: Overview["perUnit"],
  unitIds: ReadonlyMap<string, string> = new Map(),
): Html {
  const max = Math.max(1, ...perUnit.map((u) => u.total));
  const overdueWord = t("web-chart-overdue").toLowerCase();
  const totalWord = t("web-chart-total");
  return html`<ul class="unit-bars">
    ${perUnit.map((unit) => {
      const id = unitIds.get(unit.unit);
      const link = (query: string) => (id ? `/plan?unit=${encodeURIComponent(id)}&${query}` : null);
      const summary = COLOURS.filter((c) => unit.counts[c] > 0)
        .map((c) => `${t("report-rating", { colour: c })} ${unit.counts[c]}`)
        .join(", ");
      const red = html`<span class="n-red">${unit.counts.red}</span> ${overdueWord}`;
      const all = html`<span class="n-total">${unit.total}</span> ${totalWord}`;
      const overdueHref = link("state=overdue&sort=late");
      const allHref = link("done=1&group=none&sort=late");
      return html`<li class="${unit.counts.red > 0 ? "late" : ""}">
        <span class="unit-name">${unit.unit}</span>
        ${bar(
          COLOURS.map((c) => [FILL[c], unit.counts[c]]),
          max,
          `${unit.unit}: ${summary}`,
        )}
        <span class="nums"
          >${overdueHref ? html`<a class="c-red" href="${overdueHref}">${red}</a>` : html`<span class="c-red">${red}</span>`}
          / ${allHref ? html`<a href="${allHref}">${all}</a>` : all}</span
        >
      </li>`;
    })}
  </ul>`;
}

/** The year's deadlines per month as columns: finished, overdue and open stacked, each month a link to its rows. */
export function monthChart(t: Translator["t"], months: MonthLoad[], year: number): Html {
  const max = Math.max(1, ...months.map((m) => m.done + m.overdue + m.open));
  const pad = (n: number) => String(n).padStart(2, "0");
  return html`<ol class="months">
    ${months.map((m) => {
      const total = m.done + m.overdue + m.open;
      let y = 100;
      const rects = (
        [
          [FILL.green, m.done],
          [FILL.red, m.overdue],
          [FILL.blue, m.open],
        ] as Array<[string, number]>
      )
        .filter(([, n]) => n > 0)
        .map(([fill, n]) => {
          const h = (n / max) * 100;
          y -= h;
          return html`<rect x="0" y="${y.toFixed(2)}" width="10" height="${h.toFixed(2)}" fill="${fill}" />`;
        });
      const last = new Date(Date.UTC(year, m.month, 0)).getUTCDate();
      const href = `/plan?from=${year}-${pad(m.month)}-01&to=${year}-${pad(m.month)}-${pad(last)}&done=1&sort=due&group=none`;
      return html`<li>
        <a href="${href}">
          <span class="total">${total}</span>
          <svg viewBox="0 0 10 100" preserveAspectRatio="none" aria-hidden="true">${rects}</svg>
          <span class="m">${t("web-month", { month: m.month })}</span>
          <span class="visually-hidden"
            >${t("web-month-bar", { month: m.month, total, done: m.done, overdue: m.overdue, open: m.open })}</span
          >
        </a>
      </li>`;
    })}
  </ol>`;
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
  /** The lead units' ids by name (for links) and the year's deadlines per month. */
  more: { unitIds?: ReadonlyMap<string, string>; months?: MonthLoad[]; year?: number } = {},
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
          html`<a class="tile c-${colour}" data-colour="${colour}" href="/plan?${COLOUR_LINK[colour]}">
            <strong>${overview.counts[colour]}</strong
            ><span class="state"><span class="dot" aria-hidden="true"></span>${t("report-rating", { colour })}</span>
          </a>`,
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
    ${unitChart(t, overview.perUnit, more.unitIds)}
    ${
      more.months && more.year
        ? html`<h2>${t("web-overview-per-month", { year: String(more.year) })}</h2>
            <div class="legend">
              <span class="c-green"><span class="dot" aria-hidden="true"></span>${t("web-chart-done")}</span>
              <span class="c-red"><span class="dot" aria-hidden="true"></span>${t("web-chart-overdue")}</span>
              <span class="c-blue"><span class="dot" aria-hidden="true"></span>${t("web-chart-open")}</span>
            </div>
            ${monthChart(t, more.months, more.year)}`
        : null
    }
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
