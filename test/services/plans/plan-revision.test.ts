import { describe, expect, it } from "vitest";
import type { Milestone, Schedule } from "../../../src/domain/deadline/index.js";
import type { DraftTask, PlanDraft } from "../../../src/import/plan-draft.js";
import {
  planRevision,
  type PreviousMilestone,
  type PreviousPlan,
  type PreviousTask,
} from "../../../src/services/plans/plan-revision.js";

const NOW = new Date("2025-03-05T02:00:00Z");
const TU_PHAP = "unit-tp";
const VAN_PHONG = "unit-vp";

const dated = (...milestones: Array<Partial<Milestone> & { due: string }>): Schedule => ({
  text: milestones.map((m) => m.due).join("; "),
  kind: "dated",
  milestones: milestones.map((m) => ({ start: null, label: null, appliesTo: null, ...m })),
  recurrence: null,
  needsReview: false,
});
const unscheduled: Schedule = { text: "Theo Kế hoạch", kind: "unscheduled", milestones: [], recurrence: null, needsReview: true };

function task(stt: string, overrides: Partial<DraftTask> = {}): DraftTask {
  return {
    section: "I",
    stt,
    title: `Nhiệm vụ ${stt}`,
    activities: [],
    lead: ["Tư pháp"],
    support: [],
    proposedLead: [],
    deadlineTexts: ["Tháng 3"],
    schedule: dated({ due: "2025-03-31" }),
    warnings: [],
    source: { line: Number(stt) },
    ...overrides,
  };
}

function draft(tasks: DraftTask[]): PlanDraft {
  return {
    plan: { title: "Kế hoạch CCHC", issuer: "UBND xã", year: 2025, period: { start: "2025-01-01", end: "2025-12-31" } },
    sections: [{ roman: "I", title: "Cải cách thể chế" }],
    tasks,
    warnings: [],
    explanation: [],
  };
}

const unitIdsByName = new Map([
  ["Tư pháp", [TU_PHAP]],
  ["Văn phòng", [VAN_PHONG]],
]);
const empty: PreviousPlan = {
  exists: false,
  tasks: [],
  unitLinks: new Map(),
  milestones: new Map(),
  unitIdsByName,
};

/** The stored state a first import of `tasks` leaves, as the database would hand it back. */
function storedAfter(tasks: DraftTask[]): PreviousPlan {
  const first = planRevision(empty, draft(tasks), NOW);
  const stored: PreviousTask[] = first.newTasks.map(({ fields }, i) => ({ id: `task-${i}`, ...fields }));
  const milestones = new Map<string, PreviousMilestone[]>();
  const unitLinks = new Map<string, Array<{ unitId: string; relation: string }>>();
  first.newTasks.forEach(({ unitLinks: links, milestones: planned }, i) => {
    unitLinks.set(`task-${i}`, links);
    milestones.set(
      `task-${i}`,
      planned.map((p) => ({
        id: `task-${i}-${p.key}`,
        taskId: `task-${i}`,
        milestoneKey: p.key,
        start: p.start,
        due: p.due,
        planStart: p.start,
        planDue: p.due,
        label: p.label,
        appliesTo: p.appliesTo,
        state: "open",
        version: 1,
        completedAt: null,
      })),
    );
  });
  return { exists: true, tasks: stored, unitLinks, milestones, unitIdsByName };
}

describe("planRevision", () => {
  it("adds every task of a first import with its units and milestones, and reports no edits", () => {
    const revision = planRevision(
      empty,
      draft([task("1", { support: ["Văn phòng"] }), task("2", { schedule: unscheduled, lead: [] })]),
      NOW,
    );
    expect(revision.newTasks.map((t) => t.fields.taskKey)).toEqual(["I|1|0", "I|2|0"]);
    expect(revision.newTasks[0]?.unitLinks).toEqual([
      { unitId: TU_PHAP, relation: "lead", nameInPlan: "Tư pháp" },
      { unitId: VAN_PHONG, relation: "support", nameInPlan: "Văn phòng" },
    ]);
    expect(revision.newTasks[0]?.fields.sectionTitle).toBe("Cải cách thể chế");
    expect(revision.newTasks[0]?.fields.updatedAt).toBe(NOW);
    // A task without a date still gets one milestone, waiting for a date.
    expect(revision.newTasks[1]?.milestones).toEqual([{ key: "m0", start: null, due: null, label: null, appliesTo: null }]);
    expect(revision.summary).toMatchObject({ tasks: 2, milestones: 2, needsDate: 1, unassigned: 1, added: [] });
  });

  it("changes nothing when the same plan is imported again", () => {
    const tasks = [task("1"), task("2")];
    const revision = planRevision(storedAfter(tasks), draft(tasks), NOW);
    expect(revision.newTasks).toEqual([]);
    expect(revision.updatedTasks).toEqual([]);
    expect(revision.milestoneChanges).toEqual([]);
    expect(revision.replacedUnitLinks).toEqual([]);
    expect(revision.removedTaskIds).toEqual([]);
    expect(revision.summary).toMatchObject({ added: [], removed: [], deadlineMoved: [], changed: [] });
  });

  it("moves a milestone whose plan date changed: new version, the old and new dates logged, state kept", () => {
    const previous = storedAfter([task("1")]);
    (previous.milestones.get("task-0") as PreviousMilestone[])[0]!.state = "in_progress";
    const revision = planRevision(
      previous,
      draft([task("1", { deadlineTexts: ["Tháng 4"], schedule: dated({ due: "2025-04-30" }) })]),
      NOW,
    );
    expect(revision.milestoneChanges).toEqual([
      {
        id: "task-0-m0",
        set: expect.objectContaining({ due: "2025-04-30", planDue: "2025-04-30", version: 2, state: "in_progress" }),
        events: [
          {
            action: "deadline-moved",
            details: { by: "import", from: { start: null, due: "2025-03-31" }, to: { start: null, due: "2025-04-30" } },
          },
        ],
      },
    ]);
    expect(revision.summary.deadlineMoved).toEqual([{ task: "I.1", from: ["Tháng 3"], to: ["Tháng 4"] }]);
  });

  it("keeps a date the coordinator set when the plan's own deadline did not change", () => {
    const previous = storedAfter([task("1")]);
    (previous.milestones.get("task-0") as PreviousMilestone[])[0]!.due = "2025-05-15";
    expect(planRevision(previous, draft([task("1")]), NOW).milestoneChanges).toEqual([]);
  });

  it("removes a task the plan dropped and cancels its open milestones, not its finished ones", () => {
    const previous = storedAfter([task("1"), task("2", { schedule: dated({ due: "2025-03-31" }, { due: "2025-06-30" }) })]);
    const second = previous.milestones.get("task-1") as PreviousMilestone[];
    second[0]!.state = "done";
    second[0]!.completedAt = new Date("2025-03-20T00:00:00Z");
    const revision = planRevision(previous, draft([task("1")]), NOW);
    expect(revision.removedTaskIds).toEqual(["task-1"]);
    expect(revision.milestoneChanges).toEqual([
      {
        id: "task-1-m1",
        set: expect.objectContaining({ state: "cancelled", version: 2, updatedAt: NOW }),
        events: [{ action: "cancelled", details: { by: "import", reason: "removed-from-plan" } }],
      },
    ]);
    expect(revision.summary.removed).toEqual(["I.2"]);
  });

  it("cancels a milestone the deadline no longer has, and reopens a cancelled one it has again", () => {
    const previous = storedAfter([task("1", { schedule: dated({ due: "2025-03-31" }, { due: "2025-06-30" }) })]);
    const shorter = planRevision(previous, draft([task("1")]), NOW);
    expect(shorter.milestoneChanges.map((c) => [c.id, c.set.state, c.events[0]?.details])).toEqual([
      ["task-0-m1", "cancelled", { by: "import", reason: "removed-from-deadline" }],
    ]);
    (previous.milestones.get("task-0") as PreviousMilestone[])[1]!.state = "cancelled";
    const again = planRevision(
      previous,
      draft([task("1", { schedule: dated({ due: "2025-03-31" }, { due: "2025-06-30" }) })]),
      NOW,
    );
    expect(again.milestoneChanges.map((c) => [c.id, c.set.state, c.events.map((e) => e.action)])).toEqual([
      ["task-0-m1", "open", ["reopened"]],
    ]);
  });

  it("tells apart two rows printed with the same number, and reports an added one by its occurrence", () => {
    const previous = storedAfter([task("1")]);
    const revision = planRevision(previous, draft([task("1"), task("1", { title: "Dòng thứ hai" })]), NOW);
    expect(revision.newTasks.map((t) => t.fields.taskKey)).toEqual(["I|1|1"]);
    expect(revision.summary.added).toEqual(["I.1 (2)"]);
  });

  it("replaces the plan's units of a task whose lead changed and reports it as changed", () => {
    const previous = storedAfter([task("1")]);
    const revision = planRevision(previous, draft([task("1", { lead: ["Văn phòng"] })]), NOW);
    expect(revision.replacedUnitLinks).toEqual([
      { taskId: "task-0", links: [{ unitId: VAN_PHONG, relation: "lead", nameInPlan: "Văn phòng" }] },
    ]);
    expect(revision.summary.changed).toEqual(["I.1"]);
  });

  it("asks for a new review when a task's warnings changed", () => {
    const previous = storedAfter([task("1")]);
    const revision = planRevision(previous, draft([task("1", { warnings: ["Thiếu đơn vị phối hợp"] })]), NOW);
    expect(revision.updatedTasks.map((u) => [u.taskId, u.reviewAgain])).toEqual([["task-0", true]]);
    const retitled = planRevision(previous, draft([task("1", { title: "Tên mới" })]), NOW);
    expect(retitled.updatedTasks.map((u) => [u.taskId, u.reviewAgain])).toEqual([["task-0", false]]);
  });
});
