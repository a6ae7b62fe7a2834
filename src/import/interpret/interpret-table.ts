import { combineSchedules, normalizeDeadline, type DeadlineContext } from "../../domain/deadline/index.js";
import { splitUnitCell } from "../../domain/units/index.js";
import type { DraftSection, DraftTask } from "../plan-draft.js";
import type { SourceRow } from "../source-document.js";
import { isBoldCell, isRomanNumeral, plainCell, startsFresh, taskNumberOf } from "./cells.js";
import { type ColumnMap, type ColumnRole, isHeaderRepeat } from "./columns.js";

/** One table row reduced to the roles of its cells, cleaned. */
interface RoleRow {
  text: Partial<Record<ColumnRole, string>>;
  source: { line?: number; row?: number };
}

interface TaskInProgress {
  section: string | null;
  stt: string;
  rows: RoleRow[];
  /** Deadline of the group row the task belongs to (004's SIPAS groups). */
  inheritedDeadline: string | null;
  source: { line?: number; row?: number };
  warnings: string[];
}

interface Group {
  stt: string;
  deadline: string | null;
}

const CONTENT_ROLES: ColumnRole[] = ["title", "task", "activity", "product", "lead", "support", "deadline"];

export interface InterpretedTable {
  sections: DraftSection[];
  tasks: DraftTask[];
  warnings: string[];
}

function locationOf(source: { line?: number; row?: number }): string {
  if (source.line !== undefined) return `dòng ${source.line}`;
  if (source.row !== undefined) return `hàng ${source.row}`;
  return "không rõ vị trí";
}

function cellOf(row: SourceRow, columns: ColumnMap, role: ColumnRole, withInherited: boolean): string {
  const index = columns.index[role];
  if (index === undefined) return "";
  if (!withInherited && row.inherited?.[index]) return "";
  return plainCell(row.cells[index]);
}

function toRoleRow(row: SourceRow, columns: ColumnMap, withInherited: boolean): RoleRow {
  const text: Partial<Record<ColumnRole, string>> = {};
  for (const role of CONTENT_ROLES) {
    // A title merged down over activity rows belongs to the task once, not to each row.
    const value = cellOf(row, columns, role, withInherited && role !== "title");
    if (value.length > 0) text[role] = value;
  }
  return { text, source: sourceOf(row) };
}

function sourceOf(row: SourceRow): { line?: number; row?: number } {
  return row.line !== undefined ? { line: row.line } : row.row !== undefined ? { row: row.row } : {};
}

function looksLikeDeadline(text: string, context: DeadlineContext): boolean {
  if (text.length === 0) return false;
  const schedule = normalizeDeadline(text, context);
  return schedule.kind !== "unscheduled" && !schedule.needsReview;
}

/**
 * A row whose cells slid one column to the left (seen in Word tables where a
 * merged cell was lost): the first cell holds the task, and activity, product,
 * lead, support and deadline sit one place early. Returns the row realigned, or
 * the row itself.
 */
function realign(row: SourceRow, columns: ColumnMap, context: DeadlineContext): SourceRow {
  const { stt, deadline, support, task } = columns.index;
  if (stt === undefined || deadline === undefined || support === undefined || task === undefined) return row;
  if (plainCell(row.cells[deadline]).length > 0) return row;
  const first = plainCell(row.cells[stt]);
  const firstIsText = first.length > 0 && taskNumberOf(first) === null && !isRomanNumeral(first.split(" ")[0] ?? "");
  const deadlineOneEarly = looksLikeDeadline(plainCell(row.cells[deadline - 1]), context);
  if (!deadlineOneEarly && !(firstIsText && plainCell(row.cells[deadline - 1]).length > 0)) return row;
  const cells = row.cells.map(() => "");
  for (let i = task; i < row.cells.length - 1; i++) cells[i + 1] = row.cells[i] ?? "";
  if (first.length > 0) cells[task] = row.cells[stt] ?? "";
  return { ...row, cells };
}

/**
 * Walks the rows under the header of the appendix table and groups them into
 * numbered tasks with their activity rows, following the rules of
 * test/fixtures/golden/README.md: sections, group rows, sub-rows, cells
 * continued across page breaks, repeated headers.
 */
export function interpretTable(rows: SourceRow[], columns: ColumnMap, context: DeadlineContext): InterpretedTable {
  const sections: DraftSection[] = [];
  const finished: TaskInProgress[] = [];
  const warnings: string[] = [];
  let section: string | null = null;
  let task: TaskInProgress | null = null;
  let group: Group | null = null;
  let brokenSinceLastRow = false;
  const sttIndex = columns.index.stt ?? 0;

  const finish = (): void => {
    if (task) finished.push(task);
    task = null;
  };

  const numberedRows = rows
    .map((row, i) => ({ i, stt: row.inherited?.[sttIndex] ? null : taskNumberOf(plainCell(row.cells[sttIndex])) }))
    .filter((entry): entry is { i: number; stt: string } => entry.stt !== null);
  // Numbered rows are in order, so the next one after a row is found by walking a cursor forward.
  let cursor = 0;
  const nextNumberAfter = (index: number): string | null => {
    while (cursor < numberedRows.length && (numberedRows[cursor] as { i: number }).i <= index) cursor++;
    return numberedRows[cursor]?.stt ?? null;
  };

  rows.forEach((original, rowIndex) => {
    if (isHeaderRepeat(original.cells, columns)) {
      brokenSinceLastRow = true;
      return;
    }
    const afterBreak = original.afterPageBreak || brokenSinceLastRow;
    brokenSinceLastRow = false;
    const row = realign(original, columns, context);
    // A TT cell merged over a task's activity rows numbers the task once.
    const first = row.inherited?.[sttIndex] ? "" : plainCell(row.cells[sttIndex]);
    const roleRow = toRoleRow(row, columns, taskNumberOf(first) !== null);
    const filledRoles = Object.keys(roleRow.text) as ColumnRole[];
    if (first.length === 0 && filledRoles.length === 0) return;

    // Section rows: "I" + title, or "II CẢI CÁCH THỂ CHẾ" in one cell.
    const sectionMatch = /^([IVXL]+)\.?(?:\s+(.*))?$/.exec(first);
    if (sectionMatch && isRomanNumeral(sectionMatch[1] as string)) {
      const onlyTitle = filledRoles.every((role) => role === "title");
      if (onlyTitle) {
        finish();
        group = null;
        section = sectionMatch[1] as string;
        sections.push({ roman: section, title: sectionMatch[2]?.trim() || roleRow.text.title || "" });
        return;
      }
    }

    const stt = taskNumberOf(first);
    if (stt !== null) {
      const onlyLabel = filledRoles.every((role) => role === "title" || role === "deadline");
      const next = nextNumberAfter(rowIndex);
      const hasChildren = next !== null && next.startsWith(`${stt}.`);
      if (onlyLabel && (hasChildren || isBoldCell(row.cells[sttIndex]))) {
        // A group row (PAPI's "1 Tham gia người dân…") or a bold sub-section heading: not a task.
        finish();
        group = hasChildren ? { stt, deadline: roleRow.text.deadline ?? null } : null;
        return;
      }
      finish();
      if (group && !stt.startsWith(`${group.stt}.`)) group = null;
      const groupDeadline: string | null = group ? group.deadline : null;
      task = {
        section,
        stt,
        rows: [roleRow],
        inheritedDeadline: groupDeadline,
        source: roleRow.source,
        warnings: [],
      };
      return;
    }

    if (first.length > 0 && !task) {
      warnings.push(`${locationOf(roleRow.source)}: bỏ qua hàng không thuộc nhiệm vụ nào: "${first.slice(0, 60)}"`);
      return;
    }
    const current = task;
    if (!current) {
      warnings.push(`${locationOf(roleRow.source)}: bỏ qua hàng trước nhiệm vụ đầu tiên`);
      return;
    }
    // A bold heading alone in the title column is a sub-section inside a section, not an activity.
    if (filledRoles.length === 1 && filledRoles[0] === "title" && isBoldCell(row.cells[columns.index.title ?? 0])) {
      return;
    }
    const previous = current.rows[current.rows.length - 1] as RoleRow;
    if (afterBreak) {
      const lead = roleRow.text.lead;
      const ownsAnActivity = lead !== undefined && startsFresh(lead);
      if (!ownsAnActivity) {
        appendContinuation(previous, roleRow, CONTENT_ROLES);
        return;
      }
      // Both: cells that finish the row above go to it, the rest is a new activity.
      const continued = CONTENT_ROLES.filter((role) => {
        const value = roleRow.text[role];
        return value !== undefined && (role === "title" || !startsFresh(value));
      });
      appendContinuation(previous, roleRow, continued);
      for (const role of continued) delete roleRow.text[role];
    }
    if (roleRow.text.title !== undefined) {
      appendContinuation(current.rows[0] as RoleRow, roleRow, ["title"]);
      delete roleRow.text.title;
    }
    current.rows.push(roleRow);
  });
  finish();

  return { sections, tasks: finished.map((t) => toDraftTask(t, context)), warnings };
}

function appendContinuation(target: RoleRow, from: RoleRow, roles: ColumnRole[]): void {
  for (const role of roles) {
    const value = from.text[role];
    if (value === undefined) continue;
    const before = target.text[role];
    target.text[role] = before ? `${before} ${value}` : value;
  }
}

function toDraftTask(task: TaskInProgress, context: DeadlineContext): DraftTask {
  const lead: string[] = [];
  const support: string[] = [];
  const deadlineTexts: string[] = [];
  const addDeadline = (text: string | null | undefined): void => {
    if (text && !deadlineTexts.includes(text)) deadlineTexts.push(text);
  };
  addDeadline(task.inheritedDeadline);
  for (const row of task.rows) {
    for (const name of splitUnitCell(row.text.lead ?? "")) if (!lead.includes(name)) lead.push(name);
    for (const name of splitUnitCell(row.text.support ?? "")) if (!support.includes(name)) support.push(name);
    addDeadline(row.text.deadline);
  }
  const head = task.rows[0] as RoleRow;
  const schedule = combineSchedules(deadlineTexts.map((text) => normalizeDeadline(text, context)));
  const warnings = [...task.warnings];
  if (deadlineTexts.length === 0) warnings.push("Không có thời hạn: cần điều phối viên đặt ngày");
  else if (schedule.needsReview) warnings.push(`Thời hạn cần xem lại: "${deadlineTexts.join("; ")}"`);
  return {
    section: task.section,
    stt: task.stt,
    title: head.text.title ?? head.text.task ?? "",
    activities: task.rows.map((row) => ({
      text: row.text.activity ?? row.text.task ?? "",
      product: row.text.product ?? "",
    })),
    lead,
    support,
    proposedLead: [],
    deadlineTexts,
    schedule,
    warnings,
    source: task.source,
  };
}
