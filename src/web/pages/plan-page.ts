import { formatVietnameseDate, type IsoDate } from "../../domain/calendar/index.js";
import type { ShownState } from "../../domain/milestones/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { PlanBoard, PlanBoardRow } from "../../services/web/plan-board.js";
import { type Html, html } from "../html.js";

export interface PlanFilters {
  unit: string;
  state: string;
  section: string;
  from: string;
  to: string;
  q: string;
}

const STATES: ShownState[] = ["open", "in_progress", "submitted", "overdue", "done", "cancelled"];

/** Folded for search: people type with and without accents. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

const isIso = (value: string): value is IsoDate => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The rows the filters keep; a filter left empty keeps everything. */
export function filterRows(rows: PlanBoardRow[], filters: PlanFilters): PlanBoardRow[] {
  const needle = foldForSearch(filters.q.trim());
  return rows.filter(
    (row) =>
      (filters.unit === "" || row.leadUnitIds.includes(filters.unit)) &&
      (filters.state === "" || row.state === filters.state) &&
      (filters.section === "" || row.section === filters.section) &&
      (!isIso(filters.from) || (row.due !== null && row.due >= filters.from)) &&
      (!isIso(filters.to) || (row.due !== null && row.due <= filters.to)) &&
      (needle === "" ||
        foldForSearch(
          [row.title, row.label ?? "", row.product ?? "", ...row.leadUnits, ...row.supportUnits].join(" "),
        ).includes(needle)),
  );
}

export function stateCell(
  t: Translator["t"],
  row: Pick<PlanBoardRow, "state" | "colour" | "daysLate">,
  label?: string,
): Html {
  const text = label ?? t("state-label", { state: row.state, days: row.daysLate });
  return html`<span class="state"><span class="dot" aria-hidden="true"></span>${text}</span>`;
}

function selectOf(name: string, label: string, current: string, options: Array<[string, string]>, all: string): Html {
  return html`<div>
    <label for="f-${name}">${label}</label
    ><select id="f-${name}" name="${name}">
      <option value="">${all}</option>
      ${options.map(([value, text]) => html`<option value="${value}" ${value === current ? html` selected` : null}>${text}</option>`)}
    </select>
  </div>`;
}

/** The filters, as a GET form that works without script. */
function filterForm(t: Translator["t"], board: PlanBoard, filters: PlanFilters): Html {
  return html`<form class="filters" method="get" action="/plan" role="search">
    ${selectOf(
      "unit",
      t("web-filter-unit"),
      filters.unit,
      board.units.map((u) => [u.id, u.name]),
      t("web-filter-all"),
    )}
    ${selectOf(
      "state",
      t("web-filter-state"),
      filters.state,
      STATES.map((s) => [s, t("web-state-name", { state: s })]),
      t("web-filter-all"),
    )}
    ${selectOf(
      "section",
      t("web-filter-section"),
      filters.section,
      board.sections.map((s) => [
        s.section,
        (s.title ? `${s.section}. ${s.title}` : t("web-section", { section: s.section })).slice(0, 60),
      ]),
      t("web-filter-all"),
    )}
    <div>
      <label for="f-from">${t("web-filter-from")}</label
      ><input id="f-from" type="date" name="from" value="${filters.from}" />
    </div>
    <div>
      <label for="f-to">${t("web-filter-to")}</label><input id="f-to" type="date" name="to" value="${filters.to}" />
    </div>
    <div>
      <label for="f-q">${t("web-filter-search")}</label><input id="f-q" type="search" name="q" value="${filters.q}" />
    </div>
    <div class="actions">
      <button type="submit">${t("web-filter-apply")}</button
      ><a class="button secondary" href="/plan">${t("web-filter-clear")}</a>
    </div>
  </form>`;
}

/** The plan in the appendix's columns, with filters that work without script. */
export function planPage(t: Translator["t"], board: PlanBoard, filters: PlanFilters): Html {
  const shown = filterRows(board.rows, filters);
  const tasks = new Set(shown.map((row) => row.taskId)).size;
  let lastSection: string | null | undefined;
  // Each label is formatted once per page, not once per row: a 200-task plan has hundreds of rows.
  const label = {
    number: t("web-col-number"),
    task: t("web-col-task"),
    activity: t("web-col-activity"),
    lead: t("web-col-lead"),
    support: t("web-col-support"),
    deadline: t("web-col-deadline"),
    state: t("web-col-state"),
    daysLate: t("web-col-days-late"),
    noUnit: t("no-unit"),
    dueNone: t("due-none"),
  };
  const stateLabels = new Map<string, string>();
  const stateLabel = (row: PlanBoardRow): string => {
    const key = `${row.state}|${row.daysLate}`;
    let text = stateLabels.get(key);
    if (text === undefined) {
      text = t("state-label", { state: row.state, days: row.daysLate });
      stateLabels.set(key, text);
    }
    return text;
  };
  const body = shown.map((row) => {
    const sectionRow =
      row.section !== lastSection && row.section !== null
        ? html`<tr class="section-row">
            <td colspan="8">
              ${row.sectionTitle ? `${row.section}. ${row.sectionTitle}` : t("web-section", { section: row.section })}
            </td>
          </tr>`
        : null;
    lastSection = row.section;
    const number = row.section ? `${row.section}.${row.stt ?? ""}` : (row.stt ?? "");
    return html`${sectionRow}
      <tr
        class="c-${row.colour}"
        data-task="${row.taskId}"
        data-milestone="${row.milestoneId}"
        data-state="${row.state}"
        data-colour="${row.colour}"
      >
        <td data-label="${label.number}">${number}</td>
        <td data-label="${label.task}"><a href="/m/${row.milestoneId}">${row.title}</a></td>
        <td data-label="${label.activity}">${row.label ? html`${row.label}<br />` : null}${row.product ?? ""}</td>
        <td data-label="${label.lead}">${row.leadUnits.join(", ") || label.noUnit}</td>
        <td data-label="${label.support}">${row.supportUnits.join(", ")}</td>
        <td data-label="${label.deadline}">${row.due ? formatVietnameseDate(row.due) : label.dueNone}</td>
        <td data-label="${label.state}">${stateCell(t, row, stateLabel(row))}</td>
        <td class="days" data-label="${label.daysLate}">${row.daysLate > 0 ? row.daysLate : ""}</td>
      </tr>`;
  });
  return html`<h1>${t("web-plan-title", { org: board.organizationName })}</h1>
    ${filterForm(t, board, filters)}
    <p class="count" id="plan-count">
      ${t("web-plan-count", { shown: shown.length, total: board.rows.length, tasks })}
    </p>
    ${
      shown.length === 0
        ? html`<p>${t("web-plan-empty")}</p>`
        : html`<table class="plan">
            <caption class="skip">
              ${t("web-plan-title", { org: board.organizationName })}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t("web-col-number")}</th>
                <th scope="col">${t("web-col-task")}</th>
                <th scope="col">${t("web-col-activity")}</th>
                <th scope="col">${t("web-col-lead")}</th>
                <th scope="col">${t("web-col-support")}</th>
                <th scope="col">${t("web-col-deadline")}</th>
                <th scope="col">${t("web-col-state")}</th>
                <th scope="col">${t("web-col-days-late")}</th>
              </tr>
            </thead>
            <tbody>
              ${body}
            </tbody>
          </table>`
    }`;
}
