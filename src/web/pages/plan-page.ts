import { addDays, formatVietnameseDate, type IsoDate, isoWeekday } from "../../domain/calendar/index.js";
import { groupByTask, type ShownState, urgencyRank } from "../../domain/milestones/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { PlanBoard, PlanBoardRow } from "../../services/web/plan-board.js";
import { type Html, html } from "../html.js";
import type { DocumentAwaitingReceipt } from "../../services/plans/received-on.js";
import { receiptForm } from "./register-page.js";

export interface PlanFilters {
  unit: string;
  state: string;
  section: string;
  from: string;
  to: string;
  q: string;
  /** "plan" (the appendix's order), "due", "late" (most days late first), "unit", "state". */
  sort?: string;
  /** "section" (the appendix's parts), "unit", or "none". */
  group?: string;
  /** "1": show finished and cancelled work too; hidden by default since the table answers "what is left". */
  done?: string;
  /** "1": only what falls due from today to Sunday. */
  week?: string;
  /** A progress colour: the overview's tiles link to the rows they count. */
  colour?: string;
}

export const SORTS = ["plan", "due", "late", "unit", "state"] as const;
export const GROUPS = ["section", "unit", "none"] as const;

/** The filters of a query string, each cut to a sane length; unknown sorts and groups read as the defaults. */
export function readPlanFilters(query: (name: string) => string | undefined): PlanFilters {
  const q = (name: string) => (query(name) ?? "").slice(0, 200);
  const sort = q("sort");
  const group = q("group");
  return {
    unit: q("unit"),
    state: q("state"),
    section: q("section"),
    from: q("from"),
    to: q("to"),
    q: q("q"),
    sort: (SORTS as readonly string[]).includes(sort) ? sort : "plan",
    group: (GROUPS as readonly string[]).includes(group) ? group : "section",
    done: q("done") === "1" ? "1" : "",
    week: q("week") === "1" ? "1" : "",
    colour: q("colour"),
  };
}

/** The last day of today's week (Sunday): "due this week" runs from today to it. */
export function endOfWeek(today: IsoDate): IsoDate {
  return addDays(today, 7 - isoWeekday(today));
}

const FINISHED = new Set<ShownState>(["done", "cancelled"]);

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

/**
 * The rows the filters keep; a filter left empty keeps everything. Finished
 * work shows only when asked for (`done`) or when the state filter names it.
 */
export function filterRows(rows: PlanBoardRow[], filters: PlanFilters, today?: IsoDate): PlanBoardRow[] {
  const needle = foldForSearch(filters.q.trim());
  const hideFinished =
    filters.done !== undefined && filters.done !== "1" && filters.state === "" && (filters.colour ?? "") === "";
  const weekEnd = today && filters.week === "1" ? endOfWeek(today) : null;
  return rows.filter(
    (row) =>
      (!hideFinished || !FINISHED.has(row.state)) &&
      (weekEnd === null ||
        (row.due !== null && row.due >= (today ?? row.due) && row.due <= weekEnd && !FINISHED.has(row.state))) &&
      (filters.unit === "" || row.leadUnitIds.includes(filters.unit)) &&
      (filters.state === "" || row.state === filters.state) &&
      ((filters.colour ?? "") === "" || row.colour === filters.colour) &&
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

const checkbox = (name: string, label: string, on: boolean): Html =>
  html`<div class="check">
    <input id="f-${name}" type="checkbox" name="${name}" value="1" ${on ? html` checked` : null} /><label
      for="f-${name}"
      >${label}</label
    >
  </div>`;

/** How many filters narrow the table, for the folded button's label on a phone. */
function activeFilters(filters: PlanFilters): number {
  const narrowing: Array<keyof PlanFilters> = ["unit", "state", "section", "from", "to", "q", "week", "colour"];
  return narrowing.filter((key) => (filters[key] ?? "") !== "").length;
}

/**
 * The filters, as a GET form that works without script, folded behind one
 * button (a <details>) so that on a phone the table starts on the first
 * screen; the script opens it on a wide screen.
 */
function filterForm(t: Translator["t"], board: PlanBoard, filters: PlanFilters): Html {
  return html`<details class="filters-box">
    <summary>${t("web-filter-toggle", { count: activeFilters(filters) })}</summary>
    <form class="filters" method="get" action="/plan" role="search">
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
      <div>
        <label for="f-sort">${t("web-sort-label")}</label
        ><select id="f-sort" name="sort">
          ${SORTS.map(
            (s) =>
              html`<option value="${s}" ${s === filters.sort ? html` selected` : null}>
                ${t("web-sort", { by: s })}
              </option>`,
          )}
        </select>
      </div>
      <div>
        <label for="f-group">${t("web-group-label")}</label
        ><select id="f-group" name="group">
          ${GROUPS.map(
            (g) =>
              html`<option value="${g}" ${g === filters.group ? html` selected` : null}>
                ${t("web-group", { by: g })}
              </option>`,
          )}
        </select>
      </div>
      ${checkbox("week", t("web-filter-week"), filters.week === "1")}
      ${checkbox("done", t("web-filter-done"), filters.done === "1")}
      <div class="actions">
        <button type="submit">${t("web-filter-apply")}</button
        ><a class="button secondary" href="/plan">${t("web-filter-clear")}</a>
      </div>
      ${filters.colour ? html`<input type="hidden" name="colour" value="${filters.colour}" />` : null}
    </form>
  </details>`;
}

/** A task as one row of the table: its milestones that passed the filters, and the most pressing of them. */
interface TaskRow {
  task: PlanBoardRow;
  milestones: PlanBoardRow[];
  /** The most pressing milestone: its state, colour and lateness head the row. */
  head: PlanBoardRow;
  /** The earliest due day of the unfinished milestones (of any, when all are finished). */
  due: IsoDate | null;
  daysLate: number;
  order: number;
}

function taskRowsOf(rows: PlanBoardRow[]): TaskRow[] {
  return groupByTask(rows).map((milestones, order) => {
    const head = [...milestones].sort(
      (a, b) => urgencyRank(a.state) - urgencyRank(b.state) || b.daysLate - a.daysLate,
    )[0]!;
    const open = milestones.filter((m) => !FINISHED.has(m.state) && m.due !== null);
    const dues = (open.length > 0 ? open : milestones).map((m) => m.due).filter((d): d is IsoDate => d !== null);
    return {
      task: milestones[0]!,
      milestones,
      head,
      due: dues.sort()[0] ?? null,
      daysLate: Math.max(...milestones.map((m) => m.daysLate)),
      order,
    };
  });
}

const byDue = (a: TaskRow, b: TaskRow) =>
  a.due === b.due ? 0 : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1;

/** The comparators of the sort choices; ties keep the plan's order. */
const COMPARE: Record<(typeof SORTS)[number], (a: TaskRow, b: TaskRow) => number> = {
  plan: () => 0,
  due: byDue,
  late: (a, b) => b.daysLate - a.daysLate || byDue(a, b),
  unit: (a, b) => (a.task.leadUnits[0] ?? "\uffff").localeCompare(b.task.leadUnits[0] ?? "\uffff", "vi") || byDue(a, b),
  state: (a, b) => urgencyRank(a.head.state) - urgencyRank(b.head.state) || b.daysLate - a.daysLate || byDue(a, b),
};

/** Task rows sorted as asked. */
export function sortTaskRows<T extends TaskRow>(rows: T[], sort: string | undefined): T[] {
  const compare = COMPARE[(sort ?? "plan") as (typeof SORTS)[number]] ?? COMPARE.plan;
  return [...rows].sort((a, b) => compare(a, b) || a.order - b.order);
}

interface RowGroup {
  heading: string | null;
  rows: TaskRow[];
}

/** Sorted rows under headings: the appendix's parts, each lead unit (a task under each of its units), or none. */
function groupRows(t: Translator["t"], rows: TaskRow[], group: string | undefined): RowGroup[] {
  if (group === "none") return [{ heading: null, rows }];
  const groups = new Map<string, RowGroup>();
  const add = (key: string, heading: string, row: TaskRow) => {
    const entry = groups.get(key) ?? { heading, rows: [] };
    entry.rows.push(row);
    groups.set(key, entry);
  };
  for (const row of rows) {
    if (group === "unit") {
      const units = row.task.leadUnits.length > 0 ? row.task.leadUnits : [t("no-unit")];
      for (const unit of units) add(unit, unit, row);
    } else {
      const { section, sectionTitle } = row.task;
      const heading =
        section === null
          ? t("web-no-section")
          : sectionTitle
            ? `${section}. ${sectionTitle}`
            : t("web-section", { section });
      add(section ?? "", heading, row);
    }
  }
  const all = [...groups.values()];
  if (group === "unit") all.sort((a, b) => (a.heading ?? "").localeCompare(b.heading ?? "", "vi"));
  else {
    // Parts in the plan's order, whatever the sort inside them.
    const first = (g: RowGroup) => Math.min(...g.rows.map((r) => r.order));
    all.sort((a, b) => first(a) - first(b));
  }
  return all;
}

/** The counts that head the table, each a link to the rows it counts (within the chosen unit). */
function countTiles(t: Translator["t"], board: PlanBoard, filters: PlanFilters, today: IsoDate): Html {
  const scope = filterRows(board.rows, { ...EMPTY_FILTERS, unit: filters.unit, done: "1" }, today);
  const weekEnd = endOfWeek(today);
  const unit = filters.unit ? `&unit=${encodeURIComponent(filters.unit)}` : "";
  const count = (state: ShownState) => scope.filter((r) => r.state === state).length;
  const tiles: Array<[string, string, number, string]> = [
    ["red", t("web-state-name", { state: "overdue" }), count("overdue"), `/plan?state=overdue&sort=late${unit}`],
    [
      "week",
      t("web-filter-week"),
      scope.filter((r) => r.due !== null && r.due >= today && r.due <= weekEnd && !FINISHED.has(r.state)).length,
      `/plan?week=1&sort=due${unit}`,
    ],
    ["orange", t("web-state-name", { state: "submitted" }), count("submitted"), `/plan?state=submitted${unit}`],
    ["blue", t("web-state-name", { state: "in_progress" }), count("in_progress"), `/plan?state=in_progress${unit}`],
    ["blue", t("web-state-name", { state: "open" }), count("open"), `/plan?state=open${unit}`],
    ["green", t("web-state-name", { state: "done" }), count("done"), `/plan?state=done${unit}`],
  ];
  return html`<ul class="plan-counts" aria-label="${t("web-plan-counts")}">
    ${tiles.map(
      ([colour, label, n, href]) =>
        html`<li class="c-${colour}">
          <a href="${href}"><strong>${n}</strong> <span class="dot" aria-hidden="true"></span>${label}</a>
        </li>`,
    )}
  </ul>`;
}

const EMPTY_FILTERS: PlanFilters = { unit: "", state: "", section: "", from: "", to: "", q: "", done: "" };

/**
 * The plan as a table that answers "what is late": counts first, a task once
 * with its milestones ("Quý II · Quý IV"), sorted and grouped as asked,
 * finished work hidden unless asked for; filters work without script.
 */
/**
 * Documents whose tasks count from the day they were received, not yet given:
 * each with the form that gives it (a coordinator's view only).
 */
export interface ReceiptsWaiting {
  csrfToken: string;
  documents: DocumentAwaitingReceipt[];
}

function receiptsWaiting(t: Translator["t"], waiting: ReceiptsWaiting, today: IsoDate): Html | null {
  if (waiting.documents.length === 0) return null;
  return html`<section class="card receipts-waiting" aria-labelledby="receipts-h">
    <h2 id="receipts-h">${t("web-receipts-waiting", { count: waiting.documents.length })}</h2>
    ${waiting.documents.map(
      (document) =>
        html`<div class="receipt">
          <p>
            <a href="/register?source=${document.planId}#doc-${document.planId}">${document.document}</a>:
            ${t("web-receipt-awaiting", { count: document.tasks })}
          </p>
          ${receiptForm(t, { ...document, receivedOn: null }, { csrfToken: waiting.csrfToken, today })}
        </div>`,
    )}
  </section>`;
}

export function planPage(
  t: Translator["t"],
  board: PlanBoard,
  filters: PlanFilters,
  today: IsoDate,
  receipts: ReceiptsWaiting | null = null,
): Html {
  return html`<h1>${t("web-plan-title", { org: board.organizationName })}</h1>
    ${receipts ? receiptsWaiting(t, receipts, today) : null} ${countTiles(t, board, filters, today)}
    ${filterForm(t, board, filters)} ${planTable(t, board, filters, today)}`;
}

/** The count line and the table of tasks (or why it is empty). */
function planTable(t: Translator["t"], board: PlanBoard, filters: PlanFilters, today: IsoDate): Html {
  const shown = filterRows(board.rows, filters, today);
  const tasks = sortTaskRows(taskRowsOf(shown), filters.sort);
  const hidden =
    filters.done === "1" || filters.state !== "" || filters.colour
      ? 0
      : board.rows.filter((r) => FINISHED.has(r.state)).length;
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
    stateName: Object.fromEntries(STATES.map((s) => [s, t("web-state-name", { state: s })])) as Record<string, string>,
  };
  const milestoneName = (m: PlanBoardRow) => m.label ?? (m.due ? formatVietnameseDate(m.due) : label.dueNone);
  const taskRow = (row: TaskRow): Html => {
    const { task, milestones, head } = row;
    const multi = milestones.length > 1;
    const number = task.section ? `${task.section}.${task.stt ?? ""}` : (task.stt ?? "");
    // One milestone: its state cell carries it. Several: each is a chip under the title, coloured by its state,
    // and the row's date and state are the most pressing one's.
    const mark = (m: PlanBoardRow) =>
      html`data-milestone="${m.milestoneId}" data-state="${m.state}" data-colour="${m.colour}"`;
    return html`<tr
      class="c-${head.colour}"
      data-task="${task.taskId}"
      data-state="${head.state}"
      data-colour="${head.colour}"
    >
      <td data-label="${label.number}">${number}</td>
      <td data-label="${label.task}">
        <a href="/m/${head.milestoneId}">${task.title}</a>${
          multi
            ? html`<span class="ms"
                >${milestones.map(
                  (m, i) =>
                    html`${i > 0 ? " · " : ""}<a
                        class="c-${m.colour}"
                        href="/m/${m.milestoneId}"
                        title="${label.stateName[m.state] ?? m.state}"
                        ${mark(m)}
                        >${milestoneName(m)}</a
                      >`,
                )}</span
              >`
            : null
        }
      </td>
      <td data-label="${label.activity}">
        ${!multi && task.label ? html`${task.label}<br />` : null}${task.product ?? ""}
      </td>
      <td data-label="${label.lead}">${task.leadUnits.join(", ") || label.noUnit}</td>
      <td data-label="${label.support}">${task.supportUnits.join(", ")}</td>
      <td data-label="${label.deadline}">
        ${head.due ? formatVietnameseDate(head.due) : label.dueNone}${multi && head.label ? ` (${head.label})` : ""}
      </td>
      <td data-label="${label.state}" ${multi ? null : mark(head)}>
        <span class="state"
          ><span class="dot" aria-hidden="true"></span>${label.stateName[head.state] ?? head.state}</span
        >
      </td>
      <td class="days" data-label="${label.daysLate}">${row.daysLate > 0 ? row.daysLate : ""}</td>
    </tr>`;
  };
  const body = groupRows(t, tasks, filters.group).map(
    (group) =>
      html`${
        group.heading === null
          ? null
          : html`<tr class="section-row">
              <th colspan="8" scope="colgroup">
                ${group.heading}
                <span class="muted"
                  >·
                  ${t("web-group-count", { tasks: group.rows.length, overdue: group.rows.filter((r) => r.head.state === "overdue").length })}</span
                >
              </th>
            </tr>`
      }${group.rows.map(taskRow)}`,
  );
  return html`<p class="count" id="plan-count">
      ${t("web-plan-count", { shown: shown.length, total: board.rows.length, tasks: tasks.length })}
      ${hidden > 0 ? html` · <a href="${doneLink(filters)}">${t("web-plan-hidden-done", { count: hidden })}</a>` : null}
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
                <th scope="col">${label.number}</th>
                <th scope="col">${label.task}</th>
                <th scope="col">${label.activity}</th>
                <th scope="col">${label.lead}</th>
                <th scope="col">${label.support}</th>
                <th scope="col">${label.deadline}</th>
                <th scope="col">${label.state}</th>
                <th scope="col">${label.daysLate}</th>
              </tr>
            </thead>
            <tbody>
              ${body}
            </tbody>
          </table>`
    }`;
}

/** The same view with finished work shown. */
function doneLink(filters: PlanFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as Array<[string, string | undefined]>)
    if (value) params.set(key, value);
  params.set("done", "1");
  return `/plan?${params.toString()}`;
}
