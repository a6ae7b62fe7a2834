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
import type { Schedule } from "../domain/deadline/index.js";
import { resolveUnitList, splitUnitList, unitNameKey } from "../domain/units/index.js";
import type { DraftTask, PlanDraft } from "../import/plan-draft.js";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface ImportTarget {
  organizationSlug: string;
  fileName: string;
  fileSha256: string;
}

export interface DeadlineMove {
  task: string;
  from: string[];
  to: string[];
}

/** What an import did, for the summary a coordinator reads. */
export interface ImportSummary {
  organizationId: string;
  organizationCreated: boolean;
  planId: string;
  planCreated: boolean;
  tasks: number;
  milestones: number;
  /** Tasks whose deadline needs a date or a review by the coordinator. */
  needsDate: number;
  /** Names in lead or support cells that matched no unit and became new units. */
  newUnits: string[];
  /** Tasks that have no lead unit. */
  unassigned: number;
  /** Of those, tasks with a lead proposed from the plan's text, waiting for confirmation. */
  proposedLeads: number;
  rowsWithWarnings: number;
  added: string[];
  removed: string[];
  deadlineMoved: DeadlineMove[];
  /** Tasks whose title, units or product changed, deadline aside. */
  changed: string[];
}

/** Human key of a task in summaries: "II.3", or "II.3 (2)" for the second row printed with the same number. */
function taskLabel(task: { section: string | null; stt: string }, occurrence: number): string {
  const base = task.section ? `${task.section}.${task.stt}` : task.stt;
  return occurrence === 0 ? base : `${base} (${occurrence + 1})`;
}

/** Stable across re-imports: section, number, and which of the rows printed with that number it is. */
function taskKeyOf(task: { section: string | null; stt: string }, occurrence: number): string {
  return `${task.section ?? ""}|${task.stt}|${occurrence}`;
}

function planKeyOf(draft: PlanDraft): string {
  return `${unitNameKey(draft.plan.title)}|${draft.plan.year}`;
}

interface PlannedMilestone {
  key: string;
  start: string | null;
  due: string | null;
  label: string | null;
  appliesTo: string | null;
}

/** The milestones a task's schedule asks to track; a schedule without dates still gets one, waiting for a date. */
function plannedMilestones(schedule: Schedule): PlannedMilestone[] {
  if (schedule.milestones.length === 0) {
    return [{ key: "m0", start: null, due: null, label: null, appliesTo: null }];
  }
  return schedule.milestones.map((m, i) => ({
    key: `m${i}`,
    start: m.start,
    due: m.due,
    label: m.label,
    appliesTo: m.appliesTo,
  }));
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
export async function importPlan(db: Database, draft: PlanDraft, target: ImportTarget): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const organization = await findOrCreateOrganization(tx, target.organizationSlug, draft.plan.issuer);
    const organizationId = organization.id;
    const planKey = planKeyOf(draft);
    const [existingPlan] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.organizationId, organizationId), eq(plans.planKey, planKey)));
    let planId: string;
    if (existingPlan) {
      planId = existingPlan.id;
      await tx
        .update(plans)
        .set({
          title: draft.plan.title,
          issuer: draft.plan.issuer,
          periodStart: draft.plan.period.start,
          periodEnd: draft.plan.period.end,
          updatedAt: new Date(),
        })
        .where(eq(plans.id, planId));
    } else {
      const [created] = await tx
        .insert(plans)
        .values({
          organizationId,
          title: draft.plan.title,
          issuer: draft.plan.issuer,
          year: draft.plan.year,
          periodStart: draft.plan.period.start,
          periodEnd: draft.plan.period.end,
          planKey,
        })
        .returning({ id: plans.id });
      planId = (created as { id: string }).id;
    }

    const allNames = draft.tasks.flatMap((t) => [...t.lead, ...t.support]);
    const { unitIdByName, newUnits } = await resolveUnits(tx, organizationId, [...new Set(allNames)]);

    const previousTasks = await tx.select().from(tasks).where(eq(tasks.planId, planId));
    const previousByKey = new Map(previousTasks.map((t) => [t.taskKey, t]));
    // Everything the plan had, loaded once: a 10,000-task plan must not cost a query per task per table.
    const previousUnitRows = await tx
      .select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, relation: taskUnits.relation })
      .from(taskUnits)
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      // A coordinator's own choices are not the plan's to undo.
      .where(and(eq(tasks.planId, planId), eq(taskUnits.assignedBy, "plan")));
    const previousUnits = groupBy(previousUnitRows, (row) => row.taskId);
    const previousMilestoneRows = await tx
      .select({ milestone: milestones })
      .from(milestones)
      .innerJoin(tasks, eq(tasks.id, milestones.taskId))
      .where(eq(tasks.planId, planId));
    const previousMilestones = groupBy(
      previousMilestoneRows.map((row) => row.milestone),
      (m) => m.taskId,
    );
    const seenKeys = new Set<string>();
    const occurrences = new Map<string, number>();
    const summary: ImportSummary = {
      organizationId,
      organizationCreated: organization.created,
      planId,
      planCreated: !existingPlan,
      tasks: draft.tasks.length,
      milestones: 0,
      needsDate: 0,
      newUnits,
      unassigned: 0,
      proposedLeads: draft.tasks.filter((t) => t.lead.length === 0 && t.proposedLead.length > 0).length,
      rowsWithWarnings: draft.tasks.filter((t) => t.warnings.length > 0).length,
      added: [],
      removed: [],
      deadlineMoved: [],
      changed: [],
    };
    const sectionTitles = new Map(draft.sections.map((s) => [s.roman, s.title]));
    const pendingInserts: Array<{ values: typeof tasks.$inferInsert & { taskKey: string }; draftTask: DraftTask }> = [];
    const unitRowsToInsert: Array<typeof taskUnits.$inferInsert> = [];
    const tasksWithReplacedUnits: string[] = [];
    const milestonesToCreate: Array<{ taskId: string; planned: PlannedMilestone }> = [];

    for (const [position, draftTask] of draft.tasks.entries()) {
      const pairKey = `${draftTask.section ?? ""}|${draftTask.stt}`;
      const occurrence = occurrences.get(pairKey) ?? 0;
      occurrences.set(pairKey, occurrence + 1);
      const taskKey = taskKeyOf(draftTask, occurrence);
      const label = taskLabel(draftTask, occurrence);
      seenKeys.add(taskKey);
      if (draftTask.schedule.needsReview || draftTask.schedule.kind === "unscheduled") summary.needsDate++;
      if (draftTask.lead.length === 0) summary.unassigned++;
      const planned = plannedMilestones(draftTask.schedule);
      summary.milestones += planned.length;

      const values = {
        organizationId,
        planId,
        taskKey,
        section: draftTask.section,
        sectionTitle: (draftTask.section && sectionTitles.get(draftTask.section)) || null,
        stt: draftTask.stt,
        title: draftTask.title,
        product:
          draftTask.activities
            .map((a) => a.product)
            .filter((p) => p.length > 0)
            .join("\n") || null,
        deadlineTexts: draftTask.deadlineTexts,
        proposedLead: draftTask.proposedLead,
        schedule: draftTask.schedule,
        position,
        source: draftTask.source,
        warnings: draftTask.warnings,
        removedAt: null,
        updatedAt: new Date(),
      };
      const previous = previousByKey.get(taskKey);
      if (!previous) {
        pendingInserts.push({ values, draftTask });
        // On a first import every task is new; "added" reports edits to a plan that existed.
        if (existingPlan) summary.added.push(label);
        continue;
      }
      const taskId = previous.id;
      const differs =
        previous.title !== values.title ||
        previous.product !== values.product ||
        previous.removedAt !== null ||
        previous.position !== position ||
        previous.sectionTitle !== values.sectionTitle ||
        stableJson(previous.deadlineTexts) !== stableJson(values.deadlineTexts) ||
        stableJson(previous.schedule) !== stableJson(values.schedule) ||
        stableJson(previous.source) !== stableJson(values.source) ||
        stableJson(previous.proposedLead) !== stableJson(values.proposedLead) ||
        stableJson(previous.warnings) !== stableJson(values.warnings);
      // New warnings need a new look from the coordinator.
      const warningsChanged = stableJson(previous.warnings) !== stableJson(values.warnings);
      if (differs) {
        await tx
          .update(tasks)
          .set(warningsChanged ? { ...values, reviewedAt: null } : values)
          .where(eq(tasks.id, taskId));
      }
      const deadlineMoved = JSON.stringify(previous.deadlineTexts) !== JSON.stringify(draftTask.deadlineTexts);
      if (deadlineMoved) {
        summary.deadlineMoved.push({ task: label, from: previous.deadlineTexts, to: draftTask.deadlineTexts });
      }
      const wantedUnits = unitRowsOf(organizationId, taskId, draftTask, unitIdByName);
      const unitsChanged = unitSignature(previousUnits.get(taskId) ?? []) !== unitSignature(wantedUnits);
      if (unitsChanged) {
        tasksWithReplacedUnits.push(taskId);
        unitRowsToInsert.push(...wantedUnits);
      }
      const contentChanged =
        unitsChanged || previous.title !== values.title || previous.product !== values.product || previous.removedAt;
      if (!deadlineMoved && contentChanged) summary.changed.push(label);
      await syncMilestones(
        tx,
        organizationId,
        taskId,
        planned,
        previousMilestones.get(taskId) ?? [],
        milestonesToCreate,
      );
    }

    for (const batch of chunks(pendingInserts, 500)) {
      const created = await tx
        .insert(tasks)
        .values(batch.map((entry) => entry.values))
        .returning({ id: tasks.id, taskKey: tasks.taskKey });
      const idByKey = new Map(created.map((row) => [row.taskKey, row.id]));
      for (const { values, draftTask } of batch) {
        const taskId = idByKey.get(values.taskKey) as string;
        unitRowsToInsert.push(...unitRowsOf(organizationId, taskId, draftTask, unitIdByName));
        for (const planned of plannedMilestones(draftTask.schedule)) milestonesToCreate.push({ taskId, planned });
      }
    }
    for (const batch of chunks(tasksWithReplacedUnits, 1000)) {
      await tx.delete(taskUnits).where(and(inArray(taskUnits.taskId, batch), eq(taskUnits.assignedBy, "plan")));
    }
    for (const batch of chunks(unitRowsToInsert, 1000)) {
      await tx.insert(taskUnits).values(batch).onConflictDoNothing();
    }
    for (const batch of chunks(milestonesToCreate, 500)) {
      const created = await tx
        .insert(milestones)
        .values(
          batch.map(({ taskId, planned }) => ({
            organizationId,
            taskId,
            milestoneKey: planned.key,
            ...fieldsOf(planned),
          })),
        )
        .returning({ id: milestones.id, start: milestones.start, due: milestones.due });
      await tx.insert(milestoneEvents).values(
        created.map((row) => ({
          organizationId,
          milestoneId: row.id,
          action: "imported",
          details: { start: row.start, due: row.due },
        })),
      );
    }

    for (const previous of previousTasks) {
      if (seenKeys.has(previous.taskKey) || previous.removedAt) continue;
      await tx.update(tasks).set({ removedAt: new Date(), updatedAt: new Date() }).where(eq(tasks.id, previous.id));
      await cancelMilestones(tx, organizationId, previous.id, "removed-from-plan");
      const [section, stt, occurrence] = previous.taskKey.split("|");
      summary.removed.push(taskLabel({ section: section || null, stt: stt ?? "" }, Number(occurrence ?? 0)));
    }

    await tx.insert(planImports).values({
      organizationId,
      planId,
      fileName: target.fileName,
      fileSha256: target.fileSha256,
      summary: { ...summary },
    });
    return summary;
  });
}

/** The task_units rows a draft task asks for, one per unit and relation. */
function unitRowsOf(
  organizationId: string,
  taskId: string,
  draftTask: DraftTask,
  unitIdByName: Map<string, string[]>,
): Array<typeof taskUnits.$inferInsert> {
  const rows = new Map<string, typeof taskUnits.$inferInsert>();
  for (const [relation, names] of [
    ["lead", draftTask.lead],
    ["support", draftTask.support],
  ] as const) {
    for (const name of names) {
      for (const unitId of unitIdByName.get(name) ?? []) {
        if (!rows.has(`${unitId}|${relation}`)) {
          rows.set(`${unitId}|${relation}`, { organizationId, taskId, unitId, relation, nameInPlan: name });
        }
      }
    }
  }
  return [...rows.values()];
}

function unitSignature(rows: Array<{ unitId: string; relation: string }>): string {
  return rows
    .map((r) => `${r.unitId}|${r.relation}`)
    .sort()
    .join(",");
}

/** JSON with object keys sorted: jsonb hands objects back with its own key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
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

/**
 * Brings a task's milestones in line with its schedule, matched by order: a
 * moved date bumps the version (so planned reminders for the old date are
 * void) and is logged; state and history stay.
 */
async function syncMilestones(
  tx: Transaction,
  organizationId: string,
  taskId: string,
  planned: PlannedMilestone[],
  existing: Array<typeof milestones.$inferSelect>,
  toCreate: Array<{ taskId: string; planned: PlannedMilestone }>,
): Promise<void> {
  const byKey = new Map(existing.map((m) => [m.milestoneKey, m]));
  for (const want of planned) {
    const have = byKey.get(want.key);
    if (!have) {
      toCreate.push({ taskId, planned: want });
      continue;
    }
    // Compared with what the plan said last time, not with the current dates: a date the
    // coordinator set or an extension granted stays unless the plan's own deadline changed.
    const moved = have.planStart !== want.start || have.planDue !== want.due;
    const reopened = have.state === "cancelled";
    if (!moved && !reopened && have.label === want.label && have.appliesTo === want.appliesTo) continue;
    await tx
      .update(milestones)
      .set({
        label: want.label,
        appliesTo: want.appliesTo,
        ...(moved ? fieldsOf(want) : {}),
        version: moved ? have.version + 1 : have.version,
        state: reopened ? "open" : have.state,
        updatedAt: new Date(),
      })
      .where(eq(milestones.id, have.id));
    if (moved) {
      await tx.insert(milestoneEvents).values({
        organizationId,
        milestoneId: have.id,
        action: "deadline-moved",
        details: { by: "import", from: { start: have.start, due: have.due }, to: { start: want.start, due: want.due } },
      });
    }
    if (reopened) {
      await tx.insert(milestoneEvents).values({
        organizationId,
        milestoneId: have.id,
        action: "reopened",
        details: { by: "import" },
      });
    }
  }
  const wanted = new Set(planned.map((p) => p.key));
  const gone = existing.filter((m) => !wanted.has(m.milestoneKey) && m.state !== "cancelled" && m.state !== "done");
  for (const milestone of gone) {
    await tx
      .update(milestones)
      .set({ state: "cancelled", version: milestone.version + 1, updatedAt: new Date() })
      .where(eq(milestones.id, milestone.id));
    await tx.insert(milestoneEvents).values({
      organizationId,
      milestoneId: milestone.id,
      action: "cancelled",
      details: { by: "import", reason: "removed-from-deadline" },
    });
  }
}

function fieldsOf(milestone: PlannedMilestone) {
  return {
    start: milestone.start,
    due: milestone.due,
    planStart: milestone.start,
    planDue: milestone.due,
    label: milestone.label,
    appliesTo: milestone.appliesTo,
  };
}

async function cancelMilestones(
  tx: Transaction,
  organizationId: string,
  taskId: string,
  reason: string,
): Promise<void> {
  const open = await tx
    .select({ id: milestones.id, state: milestones.state, version: milestones.version })
    .from(milestones)
    .where(and(eq(milestones.taskId, taskId), isNull(milestones.completedAt)));
  for (const milestone of open) {
    if (milestone.state === "done" || milestone.state === "cancelled") continue;
    await tx
      .update(milestones)
      .set({ state: "cancelled", version: milestone.version + 1, updatedAt: new Date() })
      .where(eq(milestones.id, milestone.id));
    await tx
      .insert(milestoneEvents)
      .values({ organizationId, milestoneId: milestone.id, action: "cancelled", details: { by: "import", reason } });
  }
}
