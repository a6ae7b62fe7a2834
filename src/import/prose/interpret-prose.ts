/**
 * A plan written as prose: no task table, but a part "III. Nhiệm vụ, giải pháp"
 * of numbered paragraphs, each naming its lead, partners, product and deadline
 * in clauses. Feeds the same PlanDraft as a table, with every task's source
 * paragraph kept, and explains every non-empty line once.
 */
import { combineSchedules, normalizeDeadline, type DeadlineContext } from "../../domain/deadline/index.js";
import type { DraftActivity, DraftSection, DraftTask, ExplainedRow, RowRole } from "../plan-draft.js";
import { assignsWork, type Clauses, readClauses } from "./clauses.js";
import {
  fold,
  isHeadingBlockLine,
  isPersonName,
  isRecipientsHeading,
  isSignatureLine,
  markerOf,
  type ProseLine,
} from "./prose-lines.js";
import { buildProseTree, itemText, type ProseItem } from "./prose-tree.js";

export interface ProseBody {
  sections: DraftSection[];
  tasks: DraftTask[];
  explanation: ExplainedRow[];
}

/** Prose has no tables: its explanation rows say table 0. */
const PROSE_TABLE = 0;

const TASK_PART = /\b(nhiem vu|noi dung|giai phap|cong viec)\b/;
const NOT_TASK_PART = /\b(muc dich|yeu cau|to chuc thuc hien|kinh phi|che do bao cao|ket qua dat duoc|danh gia)\b/;

/**
 * Where a task part may start and end: a "III. Nhiệm vụ, giải pháp" heading and
 * the next part of its rank. Roman and lettered parts first; an Arabic "2. Nhiệm
 * vụ" only in a plan without them.
 */
function taskPartCandidates(lines: ProseLine[]): Array<{ start: number; end: number }> {
  const candidates: Array<{ start: number; end: number; rank: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = markerOf((lines[i] as ProseLine).text);
    if (!marker || (marker.kind !== "roman" && marker.kind !== "upper" && marker.kind !== "num1")) continue;
    const title = fold(marker.rest);
    if (!TASK_PART.test(title) || NOT_TASK_PART.test(title) || marker.rest.length > 80 || /\.$/.test(marker.rest)) {
      continue;
    }
    let end = lines.length;
    for (let j = i + 1; j < lines.length; j++) {
      const text = (lines[j] as ProseLine).text;
      if (isRecipientsHeading(text) || isSignatureLine(text) || markerOf(text)?.kind === marker.kind) {
        end = j;
        break;
      }
    }
    candidates.push({ start: i, end, rank: marker.kind === "num1" ? 1 : 0 });
  }
  return candidates.sort((a, b) => a.rank - b.rank || a.start - b.start);
}

/** Why a line outside the task part is not a task, in Vietnamese. */
export function skipReasons(lines: ProseLine[], from: number, to: number, startReason: string): string[] {
  const reasons: string[] = [];
  let part = startReason;
  let inRecipients = false;
  for (let i = from; i < to; i++) {
    const text = (lines[i] as ProseLine).text;
    if (isRecipientsHeading(text)) inRecipients = true;
    else if (isSignatureLine(text)) inRecipients = false;
    const marker = markerOf(text);
    if (!inRecipients && marker && (marker.kind === "roman" || marker.kind === "upper")) {
      part = `phần "${marker.label}. ${marker.rest.slice(0, 40)}" (không phải nhiệm vụ)`;
    }
    const titleLines = reasons.length > 0 && reasons[reasons.length - 1] === "tiêu đề văn bản";
    if (inRecipients) reasons.push("nơi nhận");
    else if (/^căn cứ(?=\s|$)/iu.test(text)) reasons.push("phần căn cứ");
    else if (KIND_LINE.test(text) && !marker) reasons.push("tiêu đề văn bản");
    else if (
      titleLines &&
      !marker &&
      !/^(thực hiện|để|nhằm)(?=\s|$)/iu.test(text) &&
      reasons.filter((r) => r === "tiêu đề văn bản").length < 4
    ) {
      reasons.push("tiêu đề văn bản");
    } else if (isSignatureLine(text) || (i > from && isPersonName(text) && reasons[reasons.length - 1] === "chữ ký")) {
      reasons.push("chữ ký");
    } else if (part === "phần đầu văn bản" && !isHeadingBlockLine(text) && !/^(kế hoạch|v\/v|về việc)/iu.test(text)) {
      part = "phần mở đầu";
      reasons.push(part);
    } else reasons.push(part);
  }
  return reasons;
}

/** The kind of a document alone on its line, over its summary: "KẾ HOẠCH", "THÔNG BÁO". */
export const KIND_LINE =
  /^(KẾ HOẠCH|THÔNG BÁO|CÔNG VĂN|CHỈ THỊ|QUYẾT ĐỊNH|BÁO CÁO|GIẤY MỜI|TỜ TRÌNH|HƯỚNG DẪN|CHƯƠNG TRÌNH|CÔNG ĐIỆN|NGHỊ QUYẾT)(\s+\p{Lu}[\p{Lu}\s]*)?$/u;

type Role = "section" | "group" | "task";

const bearsWork = (item: ProseItem): boolean =>
  assignsWork(readClauses(itemText(item))) || item.children.some(bearsWork);

/** The item's number within its section: "1.2", "1.a", "2.3" (a bullet takes its ordinal). */
function numberOf(path: ProseItem[], item: ProseItem): string {
  const parts: string[] = [];
  for (const step of [...path, item]) {
    const last = parts[parts.length - 1];
    if (last !== undefined && step.label.startsWith(`${last}.`)) parts[parts.length - 1] = step.label;
    else parts.push(step.label);
  }
  return parts.join(".");
}

interface Inherited {
  lead: string[];
  support: string[];
  deadlines: string[];
}

/** Walks the item tree of the task part into sections, groups and tasks. */
class ProseWalker {
  readonly sections: DraftSection[] = [];
  readonly tasks: DraftTask[] = [];
  readonly explanation: ExplainedRow[] = [];

  constructor(private readonly context: DeadlineContext) {}

  explain(line: ProseLine, role: RowRole, target?: string | null, reason?: string): void {
    this.explanation.push({
      table: PROSE_TABLE,
      source: { line: line.line },
      role,
      ...(target ? { target } : {}),
      ...(reason ? { reason } : {}),
      text: line.text.slice(0, 100),
    });
  }

  walk(items: ProseItem[], section: string | null, path: ProseItem[], inherited: Inherited, depth: number): void {
    for (const item of items) {
      const clauses = readClauses(itemText(item));
      const own = assignsWork(clauses);
      const below = item.children.some(bearsWork);
      // "1. Cải cách thể chế — Cơ quan chủ trì: …" over items that each carry their deadline names their lead once.
      const leadsItsItems =
        own &&
        clauses.deadlines.length === 0 &&
        item.children.length > 0 &&
        item.children.every((child) => readClauses(itemText(child)).deadlines.length > 0);
      let role: Role;
      if ((own && !leadsItsItems) || item.children.length === 0) role = "task";
      else if (below || item.children.length > 0) role = depth === 0 && section === null ? "section" : "group";
      else role = "task";
      const passed: Inherited = {
        lead: clauses.lead.length > 0 ? clauses.lead : inherited.lead,
        support: clauses.support.length > 0 ? clauses.support : inherited.support,
        deadlines: clauses.deadlines.length > 0 ? clauses.deadlines : inherited.deadlines,
      };
      if (role === "task") {
        this.addTask(item, clauses, section, numberOf(path, item), inherited);
        continue;
      }
      const label = role === "section" ? item.label : `${section ? `${section}.` : ""}${numberOf(path, item)}`;
      if (role === "section") this.sections.push({ roman: item.label, title: clauses.work.replace(/:$/, "") });
      item.lines.forEach((line, i) => this.explain(line, i === 0 ? role : "continuation", label));
      const nextSection = role === "section" ? item.label : section;
      this.walk(item.children, nextSection, role === "section" ? [] : [...path, item], passed, depth + 1);
    }
  }

  private addTask(item: ProseItem, clauses: Clauses, section: string | null, stt: string, inherited: Inherited): void {
    const target = section && !stt.startsWith(`${section}.`) ? `${section}.${stt}` : stt;
    item.lines.forEach((line, i) => this.explain(line, i === 0 ? "task" : "continuation", target));
    const lead = [...clauses.lead];
    const support = [...clauses.support];
    const deadlines = [...clauses.deadlines];
    const activities: DraftActivity[] = [{ text: "", product: clauses.product.join("; ") }];
    const sourceLines = [...item.lines];
    const visit = (children: ProseItem[]): void => {
      for (const child of children) {
        const sub = readClauses(itemText(child));
        child.lines.forEach((line, i) => this.explain(line, i === 0 ? "activity" : "continuation", target));
        sourceLines.push(...child.lines);
        activities.push({ text: sub.work, product: sub.product.join("; ") });
        for (const name of sub.lead) if (!lead.includes(name)) lead.push(name);
        for (const name of sub.support) if (!support.includes(name)) support.push(name);
        for (const text of sub.deadlines) if (!deadlines.includes(text)) deadlines.push(text);
        visit(child.children);
      }
    };
    visit(item.children);
    // A part or group that names one lead or deadline for all its items gives it to each.
    if (lead.length === 0) lead.push(...inherited.lead);
    if (support.length === 0) support.push(...inherited.support);
    if (deadlines.length === 0) deadlines.push(...inherited.deadlines);
    const schedule = combineSchedules(deadlines.map((text) => normalizeDeadline(text, this.context)));
    const warnings: string[] = [];
    if (lead.length === 0) warnings.push("Chưa có đơn vị chủ trì");
    if (deadlines.length === 0) warnings.push("Không có thời hạn: cần điều phối viên đặt ngày");
    else if (schedule.needsReview) warnings.push(`Thời hạn cần xem lại: "${deadlines.join("; ")}"`);
    this.tasks.push({
      section,
      stt,
      title: clauses.work.replace(/:$/, ""),
      activities: activities.length > 1 && activities[0]?.product === "" ? activities.slice(1) : activities,
      lead,
      support,
      proposedLead: [],
      deadlineTexts: deadlines,
      schedule,
      warnings,
      source: { line: item.lines[0]?.line ?? 0 },
      sourceText: sourceLines.map((l) => l.text).join("\n"),
    });
  }
}

/**
 * The task part of a prose plan as sections and tasks, with every line of the
 * document explained once; null when the document has no such part or no task in it.
 */
export function interpretProseBody(lines: ProseLine[], context: DeadlineContext): ProseBody | null {
  for (const part of taskPartCandidates(lines)) {
    const body = readTaskPart(lines, part, context);
    if (body) return body;
  }
  return null;
}

function readTaskPart(
  lines: ProseLine[],
  part: { start: number; end: number },
  context: DeadlineContext,
): ProseBody | null {
  const tree = buildProseTree(lines.slice(part.start + 1, part.end));
  const walker = new ProseWalker(context);
  // Under "III. Nhiệm vụ": "1. Cải cách thể chế" over its tasks is a section; "1. <task>; Cơ quan chủ trì: …" is a task.
  walker.walk(tree.items, null, [], { lead: [], support: [], deadlines: [] }, 0);
  if (walker.tasks.length === 0) return null;
  const before = skipReasons(lines, 0, part.start, "phần đầu văn bản");
  const after = skipReasons(lines, part.end, lines.length, "phần sau nhiệm vụ");
  const skipped = (line: ProseLine, reason: string): ExplainedRow => ({
    table: PROSE_TABLE,
    source: { line: line.line },
    role: "skipped",
    reason,
    text: line.text.slice(0, 100),
  });
  const heading = lines[part.start] as ProseLine;
  const explanation: ExplainedRow[] = [
    ...lines.slice(0, part.start).map((line, i) => skipped(line, before[i] as string)),
    { ...skipped(heading, "tiêu đề phần nhiệm vụ"), role: "subheading" as const },
    ...tree.preamble.map((line) => skipped(line, "lời dẫn của phần nhiệm vụ")),
    ...walker.explanation,
    ...lines.slice(part.end).map((line, i) => skipped(line, after[i] as string)),
  ].sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
  return { sections: walker.sections, tasks: walker.tasks, explanation };
}
