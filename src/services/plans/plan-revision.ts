/**
 * What importing a plan changes, decided without the database: given what
 * the plan held before and the new draft, the tasks to add, update and
 * remove, the milestones to create, move, reopen and cancel, and the summary
 * a coordinator reads. `importPlan` loads `previous` and writes the revision;
 * this module does no I/O and takes the clock as `now`.
 */
import type { Schedule } from "../../domain/deadline/index.js";
import type { MilestoneState } from "../../domain/milestones/index.js";
import type { DraftTask, PlanDraft } from "../../import/plan-draft.js";
import type { DeadlineMove, RevisionSummary } from "../../domain/planning/index.js";

export type { DeadlineMove, RevisionSummary };

/** A milestone a task's schedule asks to track, keyed by its order in the schedule (`m0`, `m1`…). */
export interface PlannedMilestone {
  key: string;
  start: string | null;
  due: string | null;
  label: string | null;
  appliesTo: string | null;
}

/** The columns of a task row that come from the plan. */
export interface TaskFields {
  taskKey: string;
  section: string | null;
  sectionTitle: string | null;
  stt: string;
  title: string;
  product: string | null;
  deadlineTexts: string[];
  proposedLead: string[];
  schedule: Schedule;
  position: number;
  source: DraftTask["source"];
  warnings: string[];
  removedAt: null;
  updatedAt: Date;
}

export interface UnitLink {
  unitId: string;
  relation: "lead" | "support";
  nameInPlan: string;
}

export interface PreviousTask {
  id: string;
  taskKey: string;
  title: string;
  product: string | null;
  removedAt: Date | null;
  position: number;
  sectionTitle: string | null;
  deadlineTexts: string[];
  schedule: unknown;
  source: unknown;
  proposedLead: unknown;
  warnings: unknown;
}

export interface PreviousMilestone {
  id: string;
  taskId: string;
  milestoneKey: string;
  start: string | null;
  due: string | null;
  planStart: string | null;
  planDue: string | null;
  label: string | null;
  appliesTo: string | null;
  state: MilestoneState;
  version: number;
  completedAt: Date | null;
}

/** The plan as stored before this import; an empty one for a plan imported the first time. */
export interface PreviousPlan {
  exists: boolean;
  tasks: PreviousTask[];
  /** The plan's own unit links per task id (a coordinator's choices are not the plan's to undo). */
  unitLinks: ReadonlyMap<string, Array<{ unitId: string; relation: string }>>;
  milestones: ReadonlyMap<string, PreviousMilestone[]>;
  /** Tasks whose lead a coordinator chose: the plan's lead cell no longer decides their lead. */
  coordinatorLeads?: ReadonlySet<string>;
  /** The organization's units by the names the draft uses, resolved before the revision. */
  unitIdsByName: ReadonlyMap<string, readonly string[]>;
}

export interface MilestoneChange {
  id: string;
  set: {
    label: string | null;
    appliesTo: string | null;
    version: number;
    state: MilestoneState;
    updatedAt: Date;
  } & Partial<MilestoneDates>;
  events: Array<{ action: "deadline-moved" | "reopened" | "cancelled"; details: Record<string, unknown> }>;
}

export interface MilestoneDates {
  start: string | null;
  due: string | null;
  planStart: string | null;
  planDue: string | null;
  label: string | null;
  appliesTo: string | null;
}

export interface PlanRevision {
  summary: RevisionSummary;
  /** Tasks new to the plan, with their unit links and milestones, to insert. */
  newTasks: Array<{ fields: TaskFields; unitLinks: UnitLink[]; milestones: PlannedMilestone[] }>;
  /** Stored tasks whose row differs; `reviewAgain` when their warnings changed. */
  updatedTasks: Array<{ taskId: string; fields: TaskFields; reviewAgain: boolean }>;
  /** Stored tasks whose plan-assigned unit links are replaced by these. */
  replacedUnitLinks: Array<{ taskId: string; links: UnitLink[] }>;
  /** Milestones to add to stored tasks. */
  newMilestones: Array<{ taskId: string; planned: PlannedMilestone }>;
  milestoneChanges: MilestoneChange[];
  /** Stored tasks the draft no longer has: marked removed, their open milestones cancelled (in `milestoneChanges`). */
  removedTaskIds: string[];
}

/** Human key of a task in summaries: "II.3", or "II.3 (2)" for the second row printed with the same number. */
export function taskLabel(task: { section: string | null; stt: string }, occurrence: number): string {
  const base = task.section ? `${task.section}.${task.stt}` : task.stt;
  return occurrence === 0 ? base : `${base} (${occurrence + 1})`;
}

/** Stable across re-imports: section, number, and which of the rows printed with that number it is. */
export function taskKeyOf(task: { section: string | null; stt: string }, occurrence: number): string {
  return `${task.section ?? ""}|${task.stt}|${occurrence}`;
}

/** The milestones a task's schedule asks to track; a schedule without dates still gets one, waiting for a date. */
export function plannedMilestones(schedule: Schedule): PlannedMilestone[] {
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

/** The columns a planned milestone sets: the plan's dates become the current ones too. */
export function datesOf(milestone: PlannedMilestone): MilestoneDates {
  return {
    start: milestone.start,
    due: milestone.due,
    planStart: milestone.start,
    planDue: milestone.due,
    label: milestone.label,
    appliesTo: milestone.appliesTo,
  };
}

/** The unit links a draft task asks for, one per unit and relation. */
function unitLinksOf(draftTask: DraftTask, unitIdsByName: ReadonlyMap<string, readonly string[]>): UnitLink[] {
  const links = new Map<string, UnitLink>();
  for (const [relation, names] of [
    ["lead", draftTask.lead],
    ["support", draftTask.support],
  ] as const) {
    for (const name of names) {
      for (const unitId of unitIdsByName.get(name) ?? []) {
        if (!links.has(`${unitId}|${relation}`)) links.set(`${unitId}|${relation}`, { unitId, relation, nameInPlan: name });
      }
    }
  }
  return [...links.values()];
}

function unitSignature(rows: ReadonlyArray<{ unitId: string; relation: string }>): string {
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

const isClosed = (state: MilestoneState) => state === "done" || state === "cancelled";

/**
 * Brings a stored task's milestones in line with its schedule, matched by
 * order: a moved date bumps the version (so planned reminders for the old
 * date are void) and is logged; state and history stay.
 */
function reviseMilestones(
  taskId: string,
  planned: PlannedMilestone[],
  existing: PreviousMilestone[],
  now: Date,
  revision: Pick<PlanRevision, "newMilestones" | "milestoneChanges">,
  by = "import",
): void {
  const byKey = new Map(existing.map((m) => [m.milestoneKey, m]));
  for (const want of planned) {
    const have = byKey.get(want.key);
    if (!have) {
      revision.newMilestones.push({ taskId, planned: want });
      continue;
    }
    // Compared with what the plan said last time, not with the current dates: a date the
    // coordinator set or an extension granted stays unless the plan's own deadline changed.
    const moved = have.planStart !== want.start || have.planDue !== want.due;
    const reopened = have.state === "cancelled";
    if (!moved && !reopened && have.label === want.label && have.appliesTo === want.appliesTo) continue;
    const change: MilestoneChange = {
      id: have.id,
      set: {
        label: want.label,
        appliesTo: want.appliesTo,
        ...(moved ? datesOf(want) : {}),
        version: moved ? have.version + 1 : have.version,
        state: reopened ? "open" : have.state,
        updatedAt: now,
      },
      events: [],
    };
    if (moved) {
      change.events.push({
        action: "deadline-moved",
        details: { by, from: { start: have.start, due: have.due }, to: { start: want.start, due: want.due } },
      });
    }
    if (reopened) change.events.push({ action: "reopened", details: { by } });
    revision.milestoneChanges.push(change);
  }
  const wanted = new Set(planned.map((p) => p.key));
  for (const milestone of existing) {
    if (wanted.has(milestone.milestoneKey) || isClosed(milestone.state)) continue;
    revision.milestoneChanges.push(cancellation(milestone, now, "removed-from-deadline", by));
  }
}

/**
 * The milestones of stored tasks whose schedule changed outside an import (a
 * date of receipt set later): created, moved, reopened and cancelled by the
 * rules a re-import follows, so importing the document again with the same
 * receipt changes nothing. `by` names the change in the milestone events.
 */
export function milestoneRevision(
  tasks: Array<{ taskId: string; schedule: Schedule; milestones: PreviousMilestone[] }>,
  now: Date,
  by: string,
): Pick<PlanRevision, "newMilestones" | "milestoneChanges"> {
  const revision: Pick<PlanRevision, "newMilestones" | "milestoneChanges"> = { newMilestones: [], milestoneChanges: [] };
  for (const task of tasks) {
    reviseMilestones(task.taskId, plannedMilestones(task.schedule), task.milestones, now, revision, by);
  }
  return revision;
}

function cancellation(milestone: PreviousMilestone, now: Date, reason: string, by = "import"): MilestoneChange {
  return {
    id: milestone.id,
    set: {
      label: milestone.label,
      appliesTo: milestone.appliesTo,
      state: "cancelled",
      version: milestone.version + 1,
      updatedAt: now,
    },
    events: [{ action: "cancelled", details: { by, reason } }],
  };
}

/**
 * The revision that takes a plan from `previous` to `draft`. A task is the
 * same task across imports when its section, number and occurrence match;
 * tasks keep their ids, milestones their state and history.
 */
export function planRevision(previous: PreviousPlan, draft: PlanDraft, now: Date): PlanRevision {
  const revision: PlanRevision = {
    summary: {
      tasks: draft.tasks.length,
      milestones: 0,
      needsDate: 0,
      unassigned: 0,
      proposedLeads: draft.tasks.filter((t) => t.lead.length === 0 && t.proposedLead.length > 0).length,
      rowsWithWarnings: draft.tasks.filter((t) => t.warnings.length > 0).length,
      added: [],
      removed: [],
      deadlineMoved: [],
      changed: [],
    },
    newTasks: [],
    updatedTasks: [],
    replacedUnitLinks: [],
    newMilestones: [],
    milestoneChanges: [],
    removedTaskIds: [],
  };
  const { summary } = revision;
  const previousByKey = new Map(previous.tasks.map((t) => [t.taskKey, t]));
  const sectionTitles = new Map(draft.sections.map((s) => [s.roman, s.title]));
  const seenKeys = new Set<string>();
  const occurrences = new Map<string, number>();

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

    const fields: TaskFields = {
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
      updatedAt: now,
    };
    const stored = previousByKey.get(taskKey);
    const planLinks = unitLinksOf(draftTask, previous.unitIdsByName);
    const wantedLinks =
      stored && previous.coordinatorLeads?.has(stored.id)
        ? planLinks.filter((link) => link.relation !== "lead")
        : planLinks;
    if (!stored) {
      revision.newTasks.push({ fields, unitLinks: wantedLinks, milestones: planned });
      // On a first import every task is new; "added" reports edits to a plan that existed.
      if (previous.exists) summary.added.push(label);
      continue;
    }
    const warningsChanged = stableJson(stored.warnings) !== stableJson(fields.warnings);
    const differs =
      stored.title !== fields.title ||
      stored.product !== fields.product ||
      stored.removedAt !== null ||
      stored.position !== position ||
      stored.sectionTitle !== fields.sectionTitle ||
      stableJson(stored.deadlineTexts) !== stableJson(fields.deadlineTexts) ||
      stableJson(stored.schedule) !== stableJson(fields.schedule) ||
      stableJson(stored.source) !== stableJson(fields.source) ||
      stableJson(stored.proposedLead) !== stableJson(fields.proposedLead) ||
      warningsChanged;
    // New warnings need a new look from the coordinator.
    if (differs) revision.updatedTasks.push({ taskId: stored.id, fields, reviewAgain: warningsChanged });
    const deadlineMoved = JSON.stringify(stored.deadlineTexts) !== JSON.stringify(draftTask.deadlineTexts);
    if (deadlineMoved) summary.deadlineMoved.push({ task: label, from: stored.deadlineTexts, to: draftTask.deadlineTexts });
    const unitsChanged = unitSignature(previous.unitLinks.get(stored.id) ?? []) !== unitSignature(wantedLinks);
    if (unitsChanged) revision.replacedUnitLinks.push({ taskId: stored.id, links: wantedLinks });
    const contentChanged =
      unitsChanged || stored.title !== fields.title || stored.product !== fields.product || stored.removedAt;
    if (!deadlineMoved && contentChanged) summary.changed.push(label);
    reviseMilestones(stored.id, planned, previous.milestones.get(stored.id) ?? [], now, revision);
  }

  for (const stored of previous.tasks) {
    if (seenKeys.has(stored.taskKey) || stored.removedAt) continue;
    revision.removedTaskIds.push(stored.id);
    for (const milestone of previous.milestones.get(stored.id) ?? []) {
      if (milestone.completedAt !== null || isClosed(milestone.state)) continue;
      revision.milestoneChanges.push(cancellation(milestone, now, "removed-from-plan"));
    }
    const [section, stt, occurrence] = stored.taskKey.split("|");
    summary.removed.push(taskLabel({ section: section || null, stt: stt ?? "" }, Number(occurrence ?? 0)));
  }
  return revision;
}
