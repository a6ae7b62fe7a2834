import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import {
  milestoneEvents,
  milestones,
  organizations,
  planImports,
  plans,
  taskUnits,
  tasks,
  unitAliases,
  units,
} from "../../db/schema.js";
import { officeNameFromPlan, resolveUnitList, splitUnitList, unitNameKey } from "../domain/units/index.js";
import type { DeadlineMove, ImportSummary } from "../domain/planning/index.js";
import type { PlanDraft } from "../import/plan-draft.js";
import { datesOf, type PlanRevision, planRevision } from "./plans/plan-revision.js";
import { recordEvent } from "./events/outbox.js";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface ImportTarget {
  organizationSlug: string;
  fileName: string;
  fileSha256: string;
  /** The clock, for the rows' timestamps; the real time when not given. */
  now?: Date;
  /** Who applies it (the coordinator in the chat or on the web); null or absent: the operator or the system. */
  actorPersonId?: string | null;
}

export type { DeadlineMove, ImportSummary };

/**
 * A plan is known by its title and year; a directive by its number, issuer and
 * date, so documents of one title ("Thông báo kết luận giao ban") live side by
 * side and a re-import of the same one updates it.
 */
export function planKeyOf(draft: PlanDraft): string {
  const { kind, number, issuer, issuedOn } = draft.plan;
  if (kind !== undefined && kind !== "Kế hoạch" && number && issuedOn) {
    return `van-ban|${unitNameKey(kind)}|${unitNameKey(number)}|${unitNameKey(issuer ?? "")}|${issuedOn}`;
  }
  return `${unitNameKey(draft.plan.title)}|${draft.plan.year}`;
}

/** The document's identity as the register and the reminders name it. */
function identityOf(draft: PlanDraft) {
  const { kind, number, issuedOn, summary, receivedOn } = draft.plan;
  return {
    kind: kind ?? null,
    number: number ?? null,
    issuedOn: issuedOn ?? null,
    summary: summary ?? null,
    ...(receivedOn ? { receivedOn } : {}),
  };
}

async function findOrCreateOrganization(
  tx: Transaction,
  slug: string,
  issuer: string | null,
): Promise<{ id: string; created: boolean }> {
  const [existing] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  if (existing) return { id: existing.id, created: false };
  const [created] = await tx
    .insert(organizations)
    .values({ slug, name: issuer ?? slug })
    .returning({ id: organizations.id });
  return { id: (created as { id: string }).id, created: true };
}

/** Resolves unit names through units and aliases; a name that matches nothing becomes a new unit, never a guess. */
async function resolveUnits(
  tx: Transaction,
  organizationId: string,
  names: string[],
): Promise<{ unitIdByName: Map<string, string[]>; newUnits: string[] }> {
  const existingUnits = await tx
    .select({ id: units.id, key: units.nameKey, mergedIntoId: units.mergedIntoId })
    .from(units)
    .where(eq(units.organizationId, organizationId));
  const aliases = await tx
    .select({ unitId: unitAliases.unitId, key: unitAliases.aliasKey })
    .from(unitAliases)
    .where(eq(unitAliases.organizationId, organizationId));
  const byKey = new Map<string, string>();
  for (const unit of existingUnits) byKey.set(unit.key, unit.mergedIntoId ?? unit.id);
  for (const alias of aliases) byKey.set(alias.key, alias.unitId);
  const unitIdByName = new Map<string, string[]>();
  const newUnits: string[] = [];
  // Single names first, so a list is checked against every unit the plan itself names.
  const ordered = [...names].sort((a, b) => Number(splitUnitList(a).length > 1) - Number(splitUnitList(b).length > 1));
  for (const name of ordered) {
    const key = unitNameKey(name);
    if (key.length === 0) continue;
    // "UBND xã, Văn phòng – Thống kê": a list of known units is those units; the text stays as printed.
    const resolved = resolveUnitList(name, (part) => byKey.has(unitNameKey(part)));
    if (resolved.kind === "list") {
      unitIdByName.set(name, [...new Set(resolved.units.map((part) => byKey.get(unitNameKey(part)) as string))]);
      continue;
    }
    let id = byKey.get(key);
    if (!id) {
      const [created] = await tx
        .insert(units)
        .values({ organizationId, name, nameKey: key })
        .returning({ id: units.id });
      id = (created as { id: string }).id;
      byKey.set(key, id);
      newUnits.push(name);
    }
    unitIdByName.set(name, [id]);
  }
  return { unitIdByName, newUnits };
}

/**
 * Writes a PlanDraft into the database in one transaction: the organization
 * (created on first import), the plan, its tasks, units and milestones. A plan
 * imported again (same title and year) is updated in place: tasks keep their
 * ids, milestones their state and history; what moved, appeared or went away
 * is recorded as milestone events and returned in the summary.
 */
/** The plan's own row: its identity updated when the plan was imported before, else created. */
async function upsertPlanRow(
  tx: Parameters<Parameters<Database["transaction"]>[0]>[0],
  organizationId: string,
  planKey: string,
  draft: PlanDraft,
  now: Date,
): Promise<{ planId: string; existed: boolean }> {
  const [existingPlan] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.organizationId, organizationId), eq(plans.planKey, planKey)));
  const identity = {
    title: draft.plan.title,
    issuer: draft.plan.issuer,
    periodStart: draft.plan.period.start,
    periodEnd: draft.plan.period.end,
    ...identityOf(draft),
  };
  if (existingPlan) {
    await tx
      .update(plans)
      .set({ ...identity, updatedAt: now })
      .where(eq(plans.id, existingPlan.id));
    return { planId: existingPlan.id, existed: true };
  }
  const [created] = await tx
    .insert(plans)
    .values({ organizationId, year: draft.plan.year, planKey, ...identity })
    .returning({ id: plans.id });
  return { planId: (created as { id: string }).id, existed: false };
}

export async function importPlan(db: Database, draft: PlanDraft, target: ImportTarget): Promise<ImportSummary> {
  const now = target.now ?? new Date();
  return db.transaction(async (tx) => {
    const organization = await findOrCreateOrganization(tx, target.organizationSlug, draft.plan.issuer);
    const organizationId = organization.id;
    const planKey = planKeyOf(draft);
    const { planId, existed } = await upsertPlanRow(tx, organizationId, planKey, draft, now);

    const allNames = draft.tasks.flatMap((t) => [...t.lead, ...t.support]);
    // An office without a name yet takes the one its plan gives it; a name already set (by a coordinator) stays.
    const officeName = officeNameFromPlan(allNames);
    if (officeName !== null) {
      await tx
        .update(organizations)
        .set({ officeName })
        .where(and(eq(organizations.id, organizationId), isNull(organizations.officeName)));
    }
    const { unitIdByName, newUnits } = await resolveUnits(tx, organizationId, [...new Set(allNames)]);

    const previousTasks = await tx.select().from(tasks).where(eq(tasks.planId, planId));
    // Everything the plan had, loaded once: a 10,000-task plan must not cost a query per task per table.
    const previousUnitRows = await tx
      .select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, relation: taskUnits.relation })
      .from(taskUnits)
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      // A coordinator's own choices are not the plan's to undo.
      .where(and(eq(tasks.planId, planId), eq(taskUnits.assignedBy, "plan")));
    const coordinatorLeadRows = await tx
      .select({ taskId: taskUnits.taskId })
      .from(taskUnits)
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      .where(and(eq(tasks.planId, planId), eq(taskUnits.assignedBy, "coordinator"), eq(taskUnits.relation, "lead")));
    const previousMilestoneRows = await tx
      .select({ milestone: milestones })
      .from(milestones)
      .innerJoin(tasks, eq(tasks.id, milestones.taskId))
      .where(eq(tasks.planId, planId));
    const revision = planRevision(
      {
        exists: existed,
        tasks: previousTasks,
        unitLinks: groupBy(previousUnitRows, (row) => row.taskId),
        milestones: groupBy(
          previousMilestoneRows.map((row) => row.milestone),
          (m) => m.taskId,
        ),
        unitIdsByName: unitIdByName,
        // A lead chosen on the web or in /rasoat stays when the plan is imported again.
        coordinatorLeads: new Set(coordinatorLeadRows.map((row) => row.taskId)),
      },
      draft,
      now,
    );
    const summary: ImportSummary = {
      organizationId,
      organizationCreated: organization.created,
      planId,
      planCreated: !existed,
      newUnits,
      ...revision.summary,
    };
    await writeRevision(tx, organizationId, planId, revision, now);

    await tx.insert(planImports).values({
      organizationId,
      planId,
      fileName: target.fileName,
      fileSha256: target.fileSha256,
      summary: { ...summary },
    });
    // The office's coordinators and chairman hear of it with the change (a preview's rollback takes it away).
    await recordEvent(
      tx,
      organizationId,
      {
        type: "plan.applied",
        planId,
        byPersonId: target.actorPersonId ?? null,
        created: !existed,
        tasks: summary.tasks,
        added: summary.added.length,
        removed: summary.removed.length,
        deadlinesMoved: summary.deadlineMoved.length,
      },
      now,
    );
    return summary;
  });
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Writes a plan revision: rows in batches, each milestone change with its events. */
async function writeRevision(
  tx: Transaction,
  organizationId: string,
  planId: string,
  revision: PlanRevision,
  now: Date,
): Promise<void> {
  for (const { taskId, fields, reviewAgain } of revision.updatedTasks) {
    await tx
      .update(tasks)
      .set(reviewAgain ? { ...fields, reviewedAt: null } : fields)
      .where(eq(tasks.id, taskId));
  }
  await changeMilestones(tx, organizationId, revision.milestoneChanges, null);
  const unitRows: Array<typeof taskUnits.$inferInsert> = revision.replacedUnitLinks.flatMap(({ taskId, links }) =>
    links.map((link) => ({ organizationId, taskId, ...link })),
  );
  const milestonesToCreate = [...revision.newMilestones];
  for (const batch of chunks(revision.newTasks, 500)) {
    const created = await tx
      .insert(tasks)
      .values(batch.map(({ fields }) => ({ organizationId, planId, ...fields })))
      .returning({ id: tasks.id, taskKey: tasks.taskKey });
    const idByKey = new Map(created.map((row) => [row.taskKey, row.id]));
    for (const { fields, unitLinks, milestones: planned } of batch) {
      const taskId = idByKey.get(fields.taskKey) as string;
      unitRows.push(...unitLinks.map((link) => ({ organizationId, taskId, ...link })));
      for (const one of planned) milestonesToCreate.push({ taskId, planned: one });
    }
  }
  for (const batch of chunks(
    revision.replacedUnitLinks.map((r) => r.taskId),
    1000,
  )) {
    await tx.delete(taskUnits).where(and(inArray(taskUnits.taskId, batch), eq(taskUnits.assignedBy, "plan")));
  }
  for (const batch of chunks(unitRows, 1000)) {
    await tx.insert(taskUnits).values(batch).onConflictDoNothing();
  }
  await createMilestones(tx, organizationId, milestonesToCreate, null);
  for (const batch of chunks(revision.removedTaskIds, 1000)) {
    await tx.update(tasks).set({ removedAt: now, updatedAt: now }).where(inArray(tasks.id, batch));
  }
}

/**
 * Writes the milestone part of a revision (an import's, or a receipt set
 * later): each change with its events, each new milestone with its
 * "imported" event; `actorPersonId` is who made the change (null: the import).
 */
export async function writeMilestoneRevision(
  tx: Transaction,
  organizationId: string,
  revision: Pick<PlanRevision, "milestoneChanges" | "newMilestones">,
  actorPersonId: string | null,
): Promise<void> {
  await changeMilestones(tx, organizationId, revision.milestoneChanges, actorPersonId);
  await createMilestones(tx, organizationId, revision.newMilestones, actorPersonId);
}

async function changeMilestones(
  tx: Transaction,
  organizationId: string,
  changes: PlanRevision["milestoneChanges"],
  actorPersonId: string | null,
): Promise<void> {
  for (const change of changes) {
    await tx.update(milestones).set(change.set).where(eq(milestones.id, change.id));
    for (const event of change.events) {
      await tx.insert(milestoneEvents).values({ organizationId, milestoneId: change.id, actorPersonId, ...event });
    }
  }
}

async function createMilestones(
  tx: Transaction,
  organizationId: string,
  toCreate: PlanRevision["newMilestones"],
  actorPersonId: string | null,
): Promise<void> {
  for (const batch of chunks(toCreate, 500)) {
    const created = await tx
      .insert(milestones)
      .values(
        batch.map(({ taskId, planned }) => ({
          organizationId,
          taskId,
          milestoneKey: planned.key,
          ...datesOf(planned),
        })),
      )
      .returning({ id: milestones.id, start: milestones.start, due: milestones.due });
    await tx.insert(milestoneEvents).values(
      created.map((row) => ({
        organizationId,
        milestoneId: row.id,
        actorPersonId,
        action: "imported",
        details: { start: row.start, due: row.due },
      })),
    );
  }
}
