/**
 * The register of assigned work ("sổ theo dõi nhiệm vụ được giao"): each
 * document with its tasks and how far they are done, filtered as the chat's
 * /nhiemvu and the web page ask. Pure: the service loads, this decides.
 */
import type { IsoDate } from "../calendar/index.js";
import { lateness, type MilestoneState } from "../milestones/index.js";
import { unitNameKey } from "../units/index.js";
import { type DocumentSource, documentSourceName } from "./document-source.js";

export interface RegisterMilestone {
  state: MilestoneState;
  due: IsoDate | null;
  completedOn: IsoDate | null;
}

export interface RegisterTaskInput {
  taskId: string;
  title: string;
  leads: string[];
  supports: string[];
  milestones: RegisterMilestone[];
}

export interface RegisterDocumentInput extends DocumentSource {
  planId: string;
  title: string;
  summary: string | null;
  tasks: RegisterTaskInput[];
  /** The day the office received it, when a coordinator gave it. */
  receivedOn?: IsoDate | null;
  /** Its live tasks counted from the receipt while that day is not given. */
  awaitingReceipt?: number;
}

/** How a task stands: done when every milestone is done or cancelled (and one is done); overdue when one is late. */
export type TaskStanding = "done" | "overdue" | "open";

export interface RegisterTask extends RegisterTaskInput {
  standing: TaskStanding;
  /** The first due day not yet met, else the last one: what the list shows. */
  due: IsoDate | null;
}

export interface RegisterDocument extends Omit<RegisterDocumentInput, "tasks"> {
  /** "Thông báo số 25/TB-UBND ngày …", or the plan's title for the annual plan. */
  name: string;
  tasks: RegisterTask[];
  /** Counted over the document's live tasks, whatever the filters leave shown. */
  done: number;
  total: number;
  overdue: number;
}

export interface RegisterFilters {
  /** A plan id, or a document number as written ("25/TB-UBND"). */
  source?: string;
  /** A unit's name (or part of it) that leads or supports the task. */
  unit?: string;
  standing?: TaskStanding;
  /** Tasks with a milestone due in [dueFrom, dueTo]. */
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
}

/** The one standing of a task on `today`, from its milestones' lateness. */
export function taskStanding(milestones: RegisterMilestone[], today: IsoDate): TaskStanding {
  const live = milestones.filter((m) => m.state !== "cancelled");
  if (live.length > 0 && live.every((m) => m.state === "done")) return "done";
  return live.some((m) => lateness(m, today).status === "overdue") ? "overdue" : "open";
}

/** Whether `source` names the document: its id, or its number typed with any case and spacing. */
export function documentMatches(document: Pick<RegisterDocumentInput, "planId" | "number">, source: string): boolean {
  const typed = source.trim();
  if (typed === document.planId) return true;
  return document.number !== null && unitNameKey(document.number) === unitNameKey(typed);
}

function taskMatches(task: RegisterTask, filters: RegisterFilters): boolean {
  if (filters.standing && task.standing !== filters.standing) return false;
  if (filters.unit) {
    const wanted = unitNameKey(filters.unit);
    if (![...task.leads, ...task.supports].some((name) => unitNameKey(name).includes(wanted))) return false;
  }
  if (filters.dueFrom || filters.dueTo) {
    const inRange = task.milestones.some(
      (m) =>
        m.due !== null && (!filters.dueFrom || m.due >= filters.dueFrom) && (!filters.dueTo || m.due <= filters.dueTo),
    );
    if (!inRange) return false;
  }
  return true;
}

/**
 * The register on `today`: documents newest first, each with the tasks the
 * filters keep and its completion over all its tasks. A document none of
 * whose tasks pass the filters is left out.
 */
export function buildRegister(
  documents: RegisterDocumentInput[],
  filters: RegisterFilters,
  today: IsoDate,
): RegisterDocument[] {
  const filtering = filters.unit || filters.standing || filters.dueFrom || filters.dueTo;
  return documents
    .filter((document) => !filters.source || documentMatches(document, filters.source))
    .map((document): RegisterDocument => {
      const tasks = document.tasks.map((task): RegisterTask => {
        const open = task.milestones.filter((m) => m.state !== "done" && m.state !== "cancelled" && m.due !== null);
        const dues = (open.length > 0 ? open : task.milestones).map((m) => m.due).filter((d) => d !== null);
        const due = open.length > 0 ? ([...dues].sort()[0] ?? null) : ([...dues].sort().at(-1) ?? null);
        return { ...task, standing: taskStanding(task.milestones, today), due };
      });
      return {
        ...document,
        name: documentSourceName(document) ?? document.title,
        tasks: tasks.filter((task) => taskMatches(task, filters)),
        done: tasks.filter((task) => task.standing === "done").length,
        total: tasks.length,
        overdue: tasks.filter((task) => task.standing === "overdue").length,
      };
    })
    .filter((document) => !filtering || document.tasks.length > 0)
    .sort((a, b) => (b.issuedOn ?? "").localeCompare(a.issuedOn ?? ""));
}

/** The words of a state, folded; longer phrases first, so "chưa xong" is not read as "xong". */
const STANDING_WORDS: Array<[string[], TaskStanding]> = [
  [["chua", "xong"], "open"],
  [["dang", "lam"], "open"],
  [["qua", "han"], "overdue"],
  [["quahan"], "overdue"],
  [["da", "xong"], "done"],
  [["hoan", "thanh"], "done"],
  [["xong"], "done"],
];

/** What /nhiemvu was typed with: "quá hạn", "xong", "chưa xong" set the standing; the rest names a document or a unit. */
export function parseRegisterQuery(text: string): { standing?: TaskStanding; rest: string } {
  const typed = text.trim().split(/\s+/u).filter(Boolean);
  const folded = typed.map(unitNameKey);
  for (const [words, standing] of STANDING_WORDS) {
    const at = folded.findIndex((_, i) => words.every((word, j) => folded[i + j] === word));
    if (at < 0) continue;
    typed.splice(at, words.length);
    return { standing, rest: typed.join(" ") };
  }
  return { rest: typed.join(" ") };
}
