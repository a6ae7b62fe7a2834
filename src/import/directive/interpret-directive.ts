/**
 * A document that assigns work (a Thông báo kết luận, a Công văn, a Chỉ thị, a
 * Quyết định giao nhiệm vụ) as a PlanDraft: its identity as the plan, each
 * sentence or item that gives work to the importing office or one of its units
 * as a task with its source sentence. Background, citations, work for other
 * bodies, follow-up and the recipient list are explained, never tasks.
 */
import {
  type DeadlineContext,
  documentDeadlineContext,
  type Schedule,
  scheduleOfDeadlineTexts,
} from "../../domain/deadline/index.js";
import type { DraftTask, ExplainedRow, PlanDraft, RowRole } from "../plan-draft.js";
import { skipReasons } from "../prose/interpret-prose.js";
import { isRecipientsHeading, isSignatureLine, type ProseLine } from "../prose/prose-lines.js";
import { buildProseTree, type ProseItem } from "../prose/prose-tree.js";
import { MAX_ITEM_CHARS, readClauses } from "../prose/clauses.js";
import { type Audience, audienceOf, leadOf, supportOf, takeDeadline, UNIT_START } from "./assignments.js";
import { type DocumentIdentity, readDocumentIdentity } from "./document-identity.js";

/** The closing formulas of a document: "… chịu trách nhiệm thi hành Quyết định này", "… nghiêm túc thực hiện Chỉ thị này". */
const CLOSING =
  /thi hành (quyết định|chỉ thị|thông báo) này|có hiệu lực (kể từ|từ)|(nghiêm túc|nghiêm) (triển khai )?(thực hiện|triển khai)( nội dung)? (chỉ thị|thông báo|công văn|quyết định|kế hoạch) này|thực hiện nghiêm (túc )?(chỉ thị|thông báo|công văn|quyết định) này|(rất mong|mong) (nhận được|các)/iu;

/** Kinds that never give work, and why, in Vietnamese. */
function assignsNothing(identity: DocumentIdentity): string | null {
  const summary = identity.summary ?? "";
  if (identity.kind === "Giấy mời") return "giấy mời không giao nhiệm vụ";
  if (identity.kind === "Báo cáo") return "báo cáo không giao nhiệm vụ";
  if (identity.kind === "Tờ trình") return "tờ trình không giao nhiệm vụ";
  if (
    identity.kind === "Quyết định" &&
    /khen thưởng|tặng giấy khen|bằng khen|công nhận|nâng bậc lương|bổ nhiệm|nghỉ hưu/iu.test(summary)
  ) {
    return "quyết định khen thưởng, nhân sự không giao nhiệm vụ";
  }
  return null;
}

const isCommuneLevel = (issuer: string | null): boolean => /^UBND (xã|phường|thị trấn|đặc khu)/u.test(issuer ?? "");

/** Sentences of an item: split at ". " or "; " only where the next part names a unit or opens an assignment. */
function sentencesOf(text: string): string[] {
  return text
    .replace(/\n/g, " ")
    .split(/(?<=[.;])\s+(?=\p{Lu})/u)
    .reduce<string[]>((out, part) => {
      const last = out[out.length - 1];
      const opens = UNIT_START.test(part) || /^(Giao|Đề nghị|Yêu cầu|Đồng thời|Chỉ đạo)\s/u.test(part);
      if (last !== undefined && !opens && !/^(Báo cáo|Hoàn thành|Thời gian|Thời hạn)/u.test(part)) {
        out[out.length - 1] = `${last} ${part}`;
      } else out.push(part);
      return out;
    }, [])
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

/** Rewrites "Điều 2." as an item marker so articles nest like numbered paragraphs. */
const asItemLine = (line: ProseLine): ProseLine => {
  const article = /^Điều\s+(\d{1,2})\s*[.:]\s*(.*)$/u.exec(line.text);
  return article ? { line: line.line, text: `${article[1]}. ${article[2]}` } : line;
};

interface Walk {
  tasks: DraftTask[];
  explanation: ExplainedRow[];
}

class DirectiveWalker implements Walk {
  readonly tasks: DraftTask[] = [];
  readonly explanation: ExplainedRow[] = [];

  constructor(
    private readonly identity: DocumentIdentity,
    private readonly context: DeadlineContext,
    private readonly issuerIsAbove: boolean,
    private readonly original: Map<number, string>,
  ) {}

  private explain(line: ProseLine, role: RowRole, target?: string, reason?: string): void {
    this.explanation.push({
      table: 0,
      source: { line: line.line },
      role,
      ...(target ? { target } : {}),
      ...(reason ? { reason } : {}),
      text: (this.original.get(line.line) ?? line.text).slice(0, 100),
    });
  }

  /** Walks items in order; a sentence ending in ":" that names units gives them to the items after it. */
  walk(items: Array<ProseItem | ProseLine>, inherited: string[]): void {
    let levelLead = inherited;
    for (const entry of items) {
      const plain = !("children" in entry);
      const item: ProseItem = plain ? { kind: "dash", label: "", lines: [entry], children: [] } : entry;
      const text = item.lines.map((l) => l.text).join(" ");
      const before = this.tasks.length;
      // A lead-in ("… đề nghị UBND các xã, phường:") speaks for the numbered items after it, not for a later paragraph.
      const handedOn = this.readItem(item, text, plain ? inherited : levelLead);
      const made = this.tasks.slice(before).map((t) => t.stt);
      if (plain) levelLead = handedOn.leadIn ? handedOn.lead : inherited;
      item.lines.forEach((line, i) =>
        made.length > 0
          ? this.explain(line, i === 0 ? "task" : "continuation", made.join(", "))
          : this.explain(
              line,
              handedOn.leadIn ? "group" : "skipped",
              undefined,
              handedOn.leadIn ? undefined : handedOn.reason,
            ),
      );
      this.walk(item.children, handedOn.leadIn ? handedOn.lead : levelLead);
    }
  }

  /** Reads one item's sentences into tasks; says whether it hands a lead to what follows. */
  private readItem(
    item: ProseItem,
    text: string,
    inherited: string[],
  ): { leadIn: boolean; lead: string[]; reason: string } {
    let reason = "không giao việc (nội dung, bối cảnh)";
    let current: DraftTask | null = null;
    for (const sentence of sentencesOf(text.slice(0, MAX_ITEM_CHARS))) {
      const cites =
        /^(căn cứ|xét đề nghị|trên đây|nơi nhận)(?=\s|$)/iu.test(sentence) &&
        !/(đề nghị|yêu cầu|giao)\s+\p{Lu}/u.test(sentence);
      if (cites || CLOSING.test(sentence)) {
        reason = "điều khoản thi hành, căn cứ";
        continue;
      }
      const opened = leadOf(sentence);
      const endsWithColon = /:\s*$/u.test(sentence) || (opened !== null && opened.rest.length === 0);
      if (endsWithColon && opened && opened.lead.length > 0) {
        return { leadIn: true, lead: opened.lead, reason };
      }
      if (endsWithColon && !opened && item.children.length > 0) continue;
      if (opened && /^[a-zđ]\)\s/u.test(opened.rest)) {
        // "Phòng X: a) …; b) …" on one line: each letter is a task of that unit.
        for (const part of opened.rest.split(/(?:^|[;.]\s*)[a-zđ]\)\s+/u).filter((p) => p.trim().length > 0)) {
          current = this.assign(item, part.trim(), opened.lead, part.trim()) ?? current;
        }
        continue;
      }
      // "…, do Phòng X chủ trì" or "Cơ quan chủ trì: X" as plans write it, when the sentence opens with the work.
      const clauses = opened || current || inherited.length > 0 ? null : readClauses(sentence);
      if (clauses && clauses.lead.length > 0) {
        const text = [clauses.work, ...clauses.deadlines].join(", ");
        current = this.assign(item, text, clauses.lead, sentence);
        if (current) current.support = clauses.support;
        else reason = this.lastRefusal;
        continue;
      }
      const lead = opened ? opened.lead : current ? [] : inherited;
      if (lead.length === 0 && current) {
        this.extend(current, sentence);
        continue;
      }
      if (lead.length === 0) continue;
      const made = this.assign(item, opened ? opened.rest : sentence, lead, sentence);
      if (made === null) reason = this.lastRefusal;
      current = made;
    }
    return { leadIn: false, lead: inherited, reason };
  }

  private lastRefusal = "";

  /** One piece of work for `lead`: a task when it is the office's or a unit's, else null with the reason kept. */
  private assign(item: ProseItem, text: string, lead: string[], sentence: string): DraftTask | null {
    const { support, rest } = supportOf(text);
    const { rest: work, deadline } = takeDeadline(rest);
    const audience: Audience = audienceOf(lead, work, this.issuerIsAbove, this.identity.issuer);
    if (audience === "other") {
      this.lastRefusal = "việc của cơ quan khác";
      return null;
    }
    if (audience === "follow-up") {
      this.lastRefusal = "theo dõi, đôn đốc (không phải nhiệm vụ)";
      return null;
    }
    return this.addTask(item, sentence, audience, lead, support, work, deadline);
  }

  private extend(task: DraftTask, sentence: string): void {
    const { deadline } = takeDeadline(sentence);
    task.sourceText = `${task.sourceText ?? ""} ${sentence}`;
    if (deadline && !task.deadlineTexts.includes(deadline)) {
      task.deadlineTexts.push(deadline);
      task.schedule = this.scheduleOf(task.deadlineTexts);
    }
  }

  private addTask(
    item: ProseItem,
    sentence: string,
    audience: Audience,
    lead: string[],
    support: string[],
    work: string,
    deadline: string | null,
  ): DraftTask {
    const forOffice = audience === "office";
    const deadlineTexts = deadline ? [deadline] : [];
    const task: DraftTask = {
      section: null,
      stt: String(this.tasks.length + 1),
      title: capitalise(
        work
          .replace(/\s+/gu, " ")
          .replace(/\s+,/gu, ",")
          .replace(/^(?:chủ trì|thực hiện|có nhiệm vụ|có trách nhiệm)\s+/iu, "")
          .replace(/^[\s,:;-]+|[\s,.;:]+$/gu, ""),
      ),
      activities: [{ text: "", product: productOf(work) }],
      lead: forOffice ? [] : lead,
      support,
      proposedLead: [],
      deadlineTexts,
      schedule: this.scheduleOf(deadlineTexts),
      warnings: forOffice
        ? [`Việc giao cho ${lead.join(", ")} (cơ quan nhập văn bản): cần điều phối viên phân công đơn vị chủ trì`]
        : [],
      source: { line: item.lines[0]?.line ?? 0 },
      sourceText: sentence,
      assignee: forOffice ? "office" : "unit",
    };
    if (deadlineTexts.length === 0) task.warnings.push("Không có thời hạn: cần điều phối viên đặt ngày");
    this.tasks.push(task);
    return task;
  }

  private scheduleOf(texts: string[]): Schedule {
    return scheduleOfDeadlineTexts(texts, "directive", this.context);
  }
}

/** "báo cáo", "kế hoạch", "quyết định" … the work yields, when it names one. */
function productOf(work: string): string {
  const match = /(báo cáo|kế hoạch|quyết định|tờ trình|danh sách|dự thảo|phương án|đề án|biên bản)(?=\s|$)/iu.exec(
    work,
  );
  return match ? (match[1] as string).toLocaleLowerCase("vi") : "";
}

/** Reads `lines` as a directive; zero tasks with a reason for a document that assigns nothing. */
export function interpretDirectiveLines(lines: ProseLine[], fallbackYear?: number, receivedOn?: string): PlanDraft {
  const identity = readDocumentIdentity(lines);
  const year = Number(identity.issuedOn?.slice(0, 4) ?? fallbackYear ?? new Date(0).getUTCFullYear());
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  // The deadline grammar reads working days and "kể từ ngày ban hành" from the document's date once it knows one,
  // and "kể từ ngày nhận được văn bản này" from the receipt the coordinator gave, when given: the same context
  // a receipt set later reads the stored tasks in (setReceivedOn).
  const context = documentDeadlineContext({
    reading: "directive",
    year,
    period,
    issuedOn: identity.issuedOn,
    receivedOn: receivedOn ?? null,
  });
  let end = lines.length;
  for (let i = identity.headingLines; i < lines.length; i++) {
    const text = (lines[i] as ProseLine).text;
    if (isRecipientsHeading(text) || (isSignatureLine(text) && i > identity.headingLines)) {
      end = i;
      break;
    }
  }
  const start = Math.min(identity.headingLines, end);
  const nothing = assignsNothing(identity);
  const body = lines.slice(start, end);
  const explanation: ExplainedRow[] = [];
  const skip = (line: ProseLine, reason: string): void => {
    explanation.push({ table: 0, source: { line: line.line }, role: "skipped", reason, text: line.text.slice(0, 100) });
  };
  const before = skipReasons(lines, 0, start, "phần đầu văn bản");
  lines.slice(0, start).forEach((line, i) => skip(line, before[i] as string));
  const after = skipReasons(lines, end, lines.length, "phần sau nội dung");
  let tasks: DraftTask[] = [];
  const warnings: string[] = [];
  if (nothing) {
    body.forEach((line) => skip(line, nothing));
    warnings.push(`${capitalise(nothing)}: không có nhiệm vụ nào để nhập`);
  } else {
    const { walk, kept } = walkBody(body, identity, context);
    tasks = walk.tasks;
    explanation.push(...walk.explanation, ...kept);
    if (tasks.length === 0) warnings.push("Văn bản không giao nhiệm vụ nào cho cơ quan hoặc các bộ phận của cơ quan");
  }
  lines.slice(end).forEach((line, i) => skip(line, after[i] as string));
  const title = titleOf(identity);
  return {
    plan: {
      title,
      issuer: identity.issuer,
      year,
      period,
      kind: identity.kind ?? "Công văn",
      number: identity.number,
      issuedOn: identity.issuedOn,
      parentIssuer: identity.parentIssuer,
      place: identity.place,
      summary: identity.summary,
      signer: identity.signer,
      signerTitle: identity.signerTitle,
      recipients: identity.recipients,
    },
    sections: [],
    tasks,
    warnings,
    explanation: explanation.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0)),
  };
}

/** The body's items walked into tasks; "Kính gửi:" and its list are explained apart. */
function walkBody(
  body: ProseLine[],
  identity: DocumentIdentity,
  context: DeadlineContext,
): { walk: Walk; kept: ExplainedRow[] } {
  const kept: ExplainedRow[] = [];
  const rest: ProseLine[] = [];
  let addressing = false;
  for (const line of body) {
    if (/^kính gửi\s*:?/iu.test(line.text)) addressing = true;
    else if (addressing && !/^[-+•]/u.test(line.text)) addressing = false;
    if (addressing) {
      kept.push({
        table: 0,
        source: { line: line.line },
        role: "skipped",
        reason: "kính gửi",
        text: line.text.slice(0, 100),
      });
    } else rest.push(line);
  }
  const addressed = body.map((l) => l.text).join(" ");
  const toCommunes = /(UBND|Ủy ban nhân dân|Chủ tịch UBND)\s+(các\s+)?(xã|phường|cấp xã)/iu.test(addressed);
  const issuerIsAbove = !isCommuneLevel(identity.issuer) && toCommunes;
  const original = new Map(rest.map((l) => [l.line, l.text]));
  const tree = buildProseTree(rest.map(asItemLine), { paragraphsEndItems: true });
  const walker = new DirectiveWalker(identity, context, issuerIsAbove, original);
  // Unnumbered paragraphs before the first item are read like items: a Thông báo is often plain paragraphs.
  walker.walk(
    [...tree.preamble, ...tree.items].sort((a, b) => lineOf(a) - lineOf(b)),
    [],
  );
  return { walk: walker, kept };
}

const lineOf = (entry: ProseItem | ProseLine): number =>
  "children" in entry ? (entry.lines[0]?.line ?? 0) : entry.line;

/** "Thông báo kết luận của Chủ tịch …", "Công văn về việc …": the document as the plan's title. */
function titleOf(identity: DocumentIdentity): string {
  const kind = identity.kind ?? "Công văn";
  const summary = identity.summary;
  if (!summary) return identity.number ? `${kind} số ${identity.number}` : kind;
  const lowered = /^\p{Lu}\p{Ll}/u.test(summary)
    ? summary.charAt(0).toLocaleLowerCase("vi") + summary.slice(1)
    : summary;
  return `${kind} ${lowered}`;
}
