/**
 * What the printed reports need on top of the report rows: the milestone's
 * place in its task ("Quý III", "Lần 2/4"), whether the task is an ongoing
 * duty, the documents cited as evidence and the last progress note.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { evidenceReferences, milestoneEvents, milestones, organizations, plans, tasks } from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import type { Schedule } from "../../domain/deadline/index.js";
import type { DocumentReference } from "../evidence-references.js";
import type { Principal, Refused } from "../access.js";
import { loadReportRows, type ReportDayOptions, type ReportRow } from "./report-rows.js";

/** A report row as the printed workbook and the Word report show it. */
export interface PaperRow extends ReportRow {
  taskId: string;
  /** Which of the task's milestones this is: its label, "Quý III", "Tháng 5", "Lần 2/4"; "" for a task's only one. */
  mark: string;
  /** A "Thường xuyên" duty: counted on its own, never as late or done on time. */
  ongoing: boolean;
  references: DocumentReference[];
  /** The latest progress note: why a late task is late, in the unit's words. */
  lastNote: string | null;
}

export interface PaperReport {
  organizationName: string;
  /** The titles of the plans the rows come from, in plan order. */
  planTitles: string[];
  asOf: IsoDate;
  rows: PaperRow[];
}

const ROMAN = ["I", "II", "III", "IV"];

/** How a milestone is told apart from its task's other milestones, in the words offices use. */
export function milestoneMark(
  milestone: { label: string | null; due: IsoDate | null },
  position: { index: number; count: number },
  recurrence: Schedule["recurrence"],
): string {
  if (milestone.label) return milestone.label.charAt(0).toLocaleUpperCase("vi") + milestone.label.slice(1);
  if (position.count <= 1) return "";
  const month = milestone.due ? Number(milestone.due.slice(5, 7)) : null;
  if (recurrence?.every === "quarter" && month !== null) return `Quý ${ROMAN[Math.floor((month - 1) / 3)]}`;
  if (recurrence?.every === "month" && month !== null) return `Tháng ${month}`;
  if (recurrence?.every === "half-year" && month !== null) return month <= 6 ? "6 tháng đầu năm" : "6 tháng cuối năm";
  return `Lần ${position.index + 1}/${position.count}`;
}

/** The report rows of an organization as of a day (optionally due within [from, to]), ready for paper. */
export async function loadPaperReport(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  options: ReportDayOptions,
): Promise<Refused<"not-found" | "not-allowed"> | ({ kind: "ok" } & PaperReport)> {
  const loaded = await loadReportRows(db, principal, organizationSlug, options);
  if (loaded.kind !== "ok") return loaded;
  const { organizationName, rows, today } = loaded;
  if (rows.length === 0) {
    const [organization] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, organizationSlug));
    const titles = organization
      ? await db
          .select({ title: plans.title })
          .from(plans)
          .where(
            and(eq(plans.organizationId, organization.id), ...(options.planId ? [eq(plans.id, options.planId)] : [])),
          )
          .orderBy(asc(plans.createdAt))
      : [];
    return { kind: "ok", organizationName, planTitles: titles.map((p) => p.title), asOf: today, rows: [] };
  }
  const milestoneIds = rows.map((r) => r.milestoneId);
  const owners = await db
    .select({ milestoneId: milestones.id, taskId: milestones.taskId, schedule: tasks.schedule })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .where(inArray(milestones.id, milestoneIds));
  const taskOf = new Map(owners.map((o) => [o.milestoneId, o]));
  const taskIds = [...new Set(owners.map((o) => o.taskId))];
  // Every milestone of the task, also those outside the period, so "Lần 2/4" counts the whole task.
  const siblings = await db
    .select({ id: milestones.id, taskId: milestones.taskId })
    .from(milestones)
    .where(inArray(milestones.taskId, taskIds))
    .orderBy(asc(milestones.due), asc(milestones.milestoneKey));
  const references = await db
    .select()
    .from(evidenceReferences)
    .where(inArray(evidenceReferences.milestoneId, milestoneIds))
    .orderBy(asc(evidenceReferences.createdAt));
  const notes = await db
    .select({ milestoneId: milestoneEvents.milestoneId, details: milestoneEvents.details })
    .from(milestoneEvents)
    .where(and(inArray(milestoneEvents.milestoneId, milestoneIds), eq(milestoneEvents.action, "progress-note")))
    .orderBy(asc(milestoneEvents.id));
  const lastNote = new Map(
    notes.map((n) => [n.milestoneId, typeof n.details.note === "string" ? n.details.note : null]),
  );
  const planTitles = [...new Set(rows.map((r) => r.planTitle))];
  return {
    kind: "ok",
    organizationName,
    planTitles,
    asOf: today,
    rows: rows.map((row) => {
      const owner = taskOf.get(row.milestoneId);
      const ofTask = siblings.filter((s) => s.taskId === owner?.taskId);
      return {
        ...row,
        taskId: owner?.taskId ?? "",
        mark: milestoneMark(
          row,
          { index: ofTask.findIndex((s) => s.id === row.milestoneId), count: ofTask.length },
          owner?.schedule.recurrence ?? null,
        ),
        ongoing: owner?.schedule.kind === "ongoing",
        references: references
          .filter((r) => r.milestoneId === row.milestoneId)
          .map((r) => ({
            documentType: r.documentType,
            numberSymbol: r.numberSymbol,
            issuedOn: r.issuedOn,
            issuer: r.issuer,
          })),
        lastNote: lastNote.get(row.milestoneId) ?? null,
      };
    }),
  };
}
