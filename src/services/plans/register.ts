/**
 * The register of assigned work for the chat's /nhiemvu, the web page and the
 * reports' --source: every document of the organization with its live tasks,
 * their lead and supporting units and milestones. Those who see the whole
 * organization only; the domain builds and filters.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { milestones, organizations, plans, taskUnits, tasks, units } from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import {
  buildRegister,
  documentMatches,
  parseRegisterQuery,
  type RegisterDocument,
  type RegisterDocumentInput,
  type RegisterFilters,
} from "../../domain/planning/index.js";
import { type Principal, type Refused, requireReadable } from "../access.js";
import { receiptWaits } from "./received-on.js";

/** The documents of an organization as the register reads them, unfiltered. */
async function loadDocuments(db: Database, organizationId: string, timeZone: string): Promise<RegisterDocumentInput[]> {
  const planRows = await db
    .select({
      planId: plans.id,
      title: plans.title,
      kind: plans.kind,
      number: plans.number,
      issuedOn: plans.issuedOn,
      issuer: plans.issuer,
      summary: plans.summary,
      receivedOn: plans.receivedOn,
    })
    .from(plans)
    .where(eq(plans.organizationId, organizationId))
    .orderBy(asc(plans.createdAt));
  const taskRows = await db
    .select({ taskId: tasks.id, planId: tasks.planId, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.organizationId, organizationId), isNull(tasks.removedAt)))
    .orderBy(asc(tasks.position));
  const taskIds = taskRows.map((t) => t.taskId);
  const unitRows =
    taskIds.length === 0
      ? []
      : await db
          .select({ taskId: taskUnits.taskId, relation: taskUnits.relation, name: units.name })
          .from(taskUnits)
          .innerJoin(units, eq(units.id, taskUnits.unitId))
          .where(inArray(taskUnits.taskId, taskIds))
          .orderBy(asc(units.name));
  const milestoneRows = await db
    .select({
      taskId: milestones.taskId,
      state: milestones.state,
      due: milestones.due,
      completedOn: sql<string | null>`(${milestones.completedAt} at time zone ${timeZone})::date::text`,
    })
    .from(milestones)
    .where(eq(milestones.organizationId, organizationId))
    .orderBy(asc(milestones.due));
  const { byPlan: awaiting } = await receiptWaits(db, organizationId);
  return planRows.map((plan) => ({
    ...plan,
    awaitingReceipt: awaiting.get(plan.planId) ?? 0,
    tasks: taskRows
      .filter((task) => task.planId === plan.planId)
      .map((task) => ({
        taskId: task.taskId,
        title: task.title,
        leads: unitRows.filter((u) => u.taskId === task.taskId && u.relation === "lead").map((u) => u.name),
        supports: unitRows.filter((u) => u.taskId === task.taskId && u.relation === "support").map((u) => u.name),
        milestones: milestoneRows
          .filter((m) => m.taskId === task.taskId)
          .map(({ state, due, completedOn }) => ({ state, due, completedOn })),
      })),
  }));
}

async function organizationOf(db: Database, principal: Principal, organizationSlug: string) {
  const [organization] = await db
    .select({ id: organizations.id, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.slug, organizationSlug));
  if (!organization) return { kind: "not-found" } as const;
  const refused = requireReadable(principal, organization.id);
  return refused ?? ({ kind: "ok", ...organization } as const);
}

/** The register of `organizationSlug` on `today`, filtered. */
export async function loadRegister(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  filters: RegisterFilters,
  today: IsoDate,
): Promise<Refused<"not-found" | "not-allowed"> | { kind: "ok"; documents: RegisterDocument[] }> {
  const organization = await organizationOf(db, principal, organizationSlug);
  if (organization.kind !== "ok") return organization;
  const documents = await loadDocuments(db, organization.id, organization.timeZone);
  return { kind: "ok", documents: buildRegister(documents, filters, today) };
}

/**
 * The document a report is made for, named by its id or its number: the
 * reports' --source. "ambiguous" when one number was given to two documents
 * (two issuers' "25/TB-UBND"): the id tells them apart.
 */
export async function findSourceDocument(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  source: string,
): Promise<
  | Refused<"not-found" | "not-allowed">
  | { kind: "unknown-source" }
  | { kind: "ambiguous"; planIds: string[] }
  | { kind: "ok"; planId: string; title: string }
> {
  const organization = await organizationOf(db, principal, organizationSlug);
  if (organization.kind !== "ok") return organization;
  const rows = await db
    .select({ planId: plans.id, number: plans.number, title: plans.title })
    .from(plans)
    .where(eq(plans.organizationId, organization.id));
  const matches = rows.filter((row) => documentMatches(row, source));
  if (matches.length === 0) return { kind: "unknown-source" };
  if (matches.length > 1) return { kind: "ambiguous", planIds: matches.map((m) => m.planId) };
  const [only] = matches as [(typeof matches)[number]];
  return { kind: "ok", planId: only.planId, title: only.title };
}

/**
 * The register as the chat asks for it, in words: "/nhiemvu quá hạn",
 * "/nhiemvu 25/TB-UBND", "/nhiemvu Công an xã". What is not a state names a
 * document when a document has that number or id, else a unit.
 */
export async function loadRegisterTyped(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  typed: string,
  today: IsoDate,
): Promise<Refused<"not-found" | "not-allowed"> | { kind: "ok"; documents: RegisterDocument[] }> {
  const organization = await organizationOf(db, principal, organizationSlug);
  if (organization.kind !== "ok") return organization;
  const documents = await loadDocuments(db, organization.id, organization.timeZone);
  const { standing, rest } = parseRegisterQuery(typed);
  const filters: RegisterFilters = standing ? { standing } : {};
  if (rest !== "") {
    if (documents.some((document) => documentMatches(document, rest))) filters.source = rest;
    else filters.unit = rest;
  }
  return { kind: "ok", documents: buildRegister(documents, filters, today) };
}
