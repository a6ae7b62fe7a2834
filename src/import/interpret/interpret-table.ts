import { combineSchedules, normalizeDeadline, type DeadlineContext } from "../../domain/deadline/index.js";
import { splitUnitCell } from "../../domain/units/index.js";
import type { DraftSection, DraftTask, ExplainedRow, RowRole } from "../plan-draft.js";
import type { SourceRow } from "../source-document.js";
import { isBoldCell, isRomanNumeral, plainCell, sectionMarkerOf, startsFresh, taskNumberOf } from "./cells.js";
import { type ColumnMap, type ColumnRole, isColumnNumberRow, isHeaderRepeat } from "./columns.js";

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
  explanation: ExplainedRow[];
}

/** Rows of one source table under the header that maps its columns (the appendix may span several tables). */
export interface TableSegment {
  /** 1-based table of the document. */
  table: number;
  columns: ColumnMap;
  rows: SourceRow[];
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

/** Section rows start with Roman numerals, letters or "Phần …" somewhere in the appendix. */
function hasLetteredSections(segments: TableSegment[]): boolean {
  return segments.some(({ rows, columns }) =>
    rows.some((row) => {
      const first = plainCell(row.cells[columns.index.stt ?? 0]);
      return sectionMarkerOf(first, "number-column") !== null || sectionMarkerOf(soleText(row), "text-column") !== null;
    }),
  );
}

/** The text of a row that has a single filled cell (a title merged across the table), else "". */
function soleText(row: SourceRow): string {
  const filled = row.cells.map((c, i) => (row.covered?.[i] ? "" : plainCell(c))).filter((c) => c.length > 0);
  const distinct = [...new Set(filled)];
  return distinct.length === 1 ? (distinct[0] as string) : "";
}

/** Cells that end mid-name: the rest of the unit follows on the next page. */
const ENDS_MID_NAME = /([–\-,&(/]|\b(và|của|các|phòng|ban|bộ phận|trung tâm|văn phòng|ủy ban|UBND|cơ quan|đơn vị))$/iu;

/** Where the walk stands: what it has read so far, and the section, task and group rows now belong to. */
interface Walk {
  context: DeadlineContext;
  /** The plan numbers its sections with letters or Roman numerals, so "1 Title" rows are not sections. */
  lettered: boolean;
  sections: DraftSection[];
  finished: TaskInProgress[];
  warnings: string[];
  explanation: ExplainedRow[];
  section: string | null;
  task: TaskInProgress | null;
  group: Group | null;
}

/** One segment as the walk reads it: its columns, a row's line in the explanation, the next numbered row. */
interface SegmentReader {
  columns: ColumnMap;
  sttIndex: number;
  explain(row: SourceRow, role: RowRole, target?: string | null, reason?: string): void;
  nextNumberAfter(index: number): string | null;
}

function finishTask(walk: Walk): void {
  if (walk.task) walk.finished.push(walk.task);
  walk.task = null;
}

/** "II.3": the task rows now belong to, for the explanation. */
function taskTarget({ task }: Walk): string | null {
  return task ? `${task.section ? `${task.section}.` : ""}${task.stt}` : null;
}

function openSection(walk: Walk, reader: SegmentReader, row: SourceRow, label: string, title: string): void {
  finishTask(walk);
  walk.group = null;
  walk.section = label;
  walk.sections.push({ roman: label, title });
  reader.explain(row, "section", label);
}

function readerOf(walk: Walk, segment: TableSegment): SegmentReader {
  const { columns, rows } = segment;
  const sttIndex = columns.index.stt ?? 0;
  const numberedRows = rows
    .map((row, i) => ({ i, stt: row.inherited?.[sttIndex] ? null : taskNumberOf(plainCell(row.cells[sttIndex])) }))
    .filter((entry): entry is { i: number; stt: string } => entry.stt !== null);
  // Numbered rows are in order, so the next one after a row is found by walking a cursor forward.
  let cursor = 0;
  return {
    columns,
    sttIndex,
    explain(row, role, target, reason) {
      walk.explanation.push({
        table: segment.table,
        source: row.page !== undefined ? { ...sourceOf(row), page: row.page } : sourceOf(row),
        role,
        ...(target ? { target } : {}),
        ...(reason ? { reason } : {}),
        text: row.cells
          .map(plainCell)
          .filter((c) => c.length > 0)
          .join(" | ")
          .slice(0, 100),
      });
    },
    nextNumberAfter(index) {
      while (cursor < numberedRows.length && (numberedRows[cursor] as { i: number }).i <= index) cursor++;
      return numberedRows[cursor]?.stt ?? null;
    },
  };
}

/** A numbered row: an Arabic section over numbered tasks, a group row or bold sub-heading, or a new task. */
function readNumberedRow(
  walk: Walk,
  reader: SegmentReader,
  row: SourceRow,
  roleRow: RoleRow,
  { stt, rowIndex, titleText }: { stt: string; rowIndex: number; titleText: string },
): void {
  const { columns } = reader;
  const filledRoles = Object.keys(roleRow.text) as ColumnRole[];
  const onlyLabel = filledRoles.every(
    (role) => role === "title" || role === "deadline" || columns.index[role] === columns.index.title,
  );
  const next = reader.nextNumberAfter(rowIndex);
  const hasChildren = next !== null && next.startsWith(`${stt}.`);
  if (onlyLabel && hasChildren && !walk.lettered && !stt.includes(".")) {
    // Arabic sections: "1 Cải cách thể chế" over tasks 1.1, 1.2 when the plan has no Roman sections.
    openSection(walk, reader, row, stt, titleText);
    return;
  }
  if (onlyLabel && (hasChildren || isBoldCell(row.cells[reader.sttIndex]))) {
    // A group row (PAPI's "1 Tham gia người dân…") or a bold sub-section heading: not a task.
    finishTask(walk);
    walk.group = hasChildren ? { stt, deadline: roleRow.text.deadline ?? null } : null;
    reader.explain(row, "group", `${walk.section ? `${walk.section}.` : ""}${stt}`);
    return;
  }
  finishTask(walk);
  if (walk.group && !stt.startsWith(`${walk.group.stt}.`)) walk.group = null;
  const inheritedDeadline: string | null = walk.group ? walk.group.deadline : null;
  walk.task = { section: walk.section, stt, rows: [roleRow], inheritedDeadline, source: roleRow.source, warnings: [] };
  reader.explain(
    row,
    "task",
    taskTarget(walk),
    columns.numberedByOrder ? "đánh số theo thứ tự (bảng không có cột TT)" : undefined,
  );
}

/**
 * A row after a page break: the cells that finish the row above go to it. True when the whole row did (a
 * continuation); false when what is left is an activity of its own.
 */
function continueAcrossBreak(previous: RoleRow, roleRow: RoleRow, current: TaskInProgress, row: SourceRow): boolean {
  const lead = roleRow.text.lead;
  const leadContinues =
    lead !== undefined && previous.text.lead !== undefined && ENDS_MID_NAME.test(previous.text.lead);
  const ownsAnActivity = lead !== undefined && startsFresh(lead) && !leadContinues;
  if (!ownsAnActivity) {
    appendContinuation(previous, roleRow, CONTENT_ROLES);
    if (row.page !== undefined) {
      // A PDF does not say whether a row was cut by the page: the coordinator checks the guess.
      current.warnings.push(
        `Trang ${row.page}, hàng ${row.row ?? "?"}: phần đầu trang được nối vào hàng trước (hàng bị ngắt trang); cần kiểm tra lại`,
      );
    }
    return true;
  }
  // Both: cells that finish the row above go to it, the rest is a new activity.
  const continued = CONTENT_ROLES.filter((role) => {
    const value = roleRow.text[role];
    return value !== undefined && (role === "title" || !startsFresh(value));
  });
  appendContinuation(previous, roleRow, continued);
  for (const role of continued) delete roleRow.text[role];
  return false;
}

/** A row without a number: skipped before the first task, a bold sub-heading, a continuation, or an activity. */
function readUnnumberedRow(
  walk: Walk,
  reader: SegmentReader,
  row: SourceRow,
  roleRow: RoleRow,
  { first, afterBreak }: { first: string; afterBreak: boolean },
): void {
  const { columns } = reader;
  const filledRoles = Object.keys(roleRow.text) as ColumnRole[];
  if (first.length > 0 && !walk.task) {
    walk.warnings.push(`${locationOf(roleRow.source)}: bỏ qua hàng không thuộc nhiệm vụ nào: "${first.slice(0, 60)}"`);
    reader.explain(row, "skipped", null, "hàng không thuộc nhiệm vụ nào");
    return;
  }
  const current = walk.task;
  if (!current) {
    walk.warnings.push(`${locationOf(roleRow.source)}: bỏ qua hàng trước nhiệm vụ đầu tiên`);
    reader.explain(row, "skipped", walk.section, "hàng không đánh số trước nhiệm vụ đầu tiên của mục");
    return;
  }
  // A bold heading alone in the title column is a sub-section inside a section, not an activity.
  if (filledRoles.length === 1 && filledRoles[0] === "title" && isBoldCell(row.cells[columns.index.title ?? 0])) {
    reader.explain(row, "subheading", walk.section, "tiêu đề phụ in đậm, không phải nhiệm vụ");
    return;
  }
  const previous = current.rows[current.rows.length - 1] as RoleRow;
  if (afterBreak && continueAcrossBreak(previous, roleRow, current, row)) {
    reader.explain(row, "continuation", taskTarget(walk), "nối tiếp hàng trước qua ngắt trang");
    return;
  }
  if (roleRow.text.title !== undefined && columns.index.title !== columns.index.activity) {
    appendContinuation(current.rows[0] as RoleRow, roleRow, ["title"]);
    delete roleRow.text.title;
  }
  current.rows.push(roleRow);
  reader.explain(row, "activity", taskTarget(walk));
}

/** One row under the header, not a repeated header: a section, a numbered row, or one that belongs to a task. */
function readRow(walk: Walk, reader: SegmentReader, original: SourceRow, rowIndex: number, afterBreak: boolean) {
  const { columns, sttIndex } = reader;
  const row = realign(original, columns, walk.context);
  // A TT cell merged over a task's activity rows numbers the task once.
  const first = row.inherited?.[sttIndex] ? "" : plainCell(row.cells[sttIndex]);
  const roleRow = toRoleRow(row, columns, taskNumberOf(first) !== null);
  const filledRoles = Object.keys(roleRow.text) as ColumnRole[];
  if (first.length === 0 && filledRoles.length === 0) {
    reader.explain(original, "skipped", taskTarget(walk), "chỉ có chữ ở cột không dùng (Ghi chú, Kinh phí…)");
    return;
  }
  const titleText = roleRow.text.title ?? roleRow.text.task ?? roleRow.text.activity ?? "";

  // Section rows: "I" + title, "II CẢI CÁCH THỂ CHẾ" in one cell, "A.", "Phần I", or a title merged across.
  const marker = sectionMarkerOf(first, "number-column");
  // A numeral in the TT column opens a section even when the row also names a unit or a date for it.
  if (marker) return openSection(walk, reader, row, marker.label, marker.title || titleText);
  if (first.length === 0 || first === soleText(row)) {
    const sole = soleText(row);
    const spanned = sectionMarkerOf(sole, "text-column");
    if (spanned) return openSection(walk, reader, row, spanned.label, spanned.title);
    const numbered = /^(\d{1,2})[.)]?\s+(\p{Lu}.*)$/u.exec(sole);
    if (!walk.lettered && numbered && reader.nextNumberAfter(rowIndex)?.startsWith(`${numbered[1]}.`)) {
      return openSection(walk, reader, row, numbered[1] as string, (numbered[2] as string).trim());
    }
  }
  const stt = taskNumberOf(first);
  if (stt !== null) return readNumberedRow(walk, reader, row, roleRow, { stt, rowIndex, titleText });
  readUnnumberedRow(walk, reader, row, roleRow, { first, afterBreak });
}

/**
 * Walks the rows under the header of the appendix table(s) and groups them into
 * numbered tasks with their activity rows, following the rules of
 * test/fixtures/golden/README.md: sections, group rows, sub-rows, cells
 * continued across page breaks, repeated headers. Every non-empty row gets a
 * line in the explanation.
 */
export function interpretTable(segments: TableSegment[], context: DeadlineContext): InterpretedTable {
  const walk: Walk = {
    context,
    lettered: hasLetteredSections(segments),
    sections: [],
    finished: [],
    warnings: [],
    explanation: [],
    section: null,
    task: null,
    group: null,
  };
  for (const segment of segments) {
    const reader = readerOf(walk, segment);
    let brokenSinceLastRow = false;
    segment.rows.forEach((original, rowIndex) => {
      if (original.cells.every((c) => plainCell(c).length === 0)) return;
      if (isHeaderRepeat(original.cells, segment.columns) || (original.header && rowIndex < 3)) {
        brokenSinceLastRow = true;
        reader.explain(original, "header-repeat");
        return;
      }
      if (isColumnNumberRow(original.cells)) {
        reader.explain(original, "column-numbers");
        return;
      }
      const afterBreak = original.afterPageBreak || brokenSinceLastRow;
      brokenSinceLastRow = false;
      readRow(walk, reader, original, rowIndex, afterBreak);
    });
    finishTask(walk);
  }
  const { sections, finished, warnings, explanation } = walk;
  return { sections, tasks: finished.map((t) => toDraftTask(t, context)), warnings, explanation };
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
