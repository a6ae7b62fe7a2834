/**
 * A province's people and tasks as its import would store them, for the
 * province tests: a person with one role, and a task led by a named unit
 * with one milestone, ready to be fanned out to the communes.
 */
import type { Database } from "../../db/client.js";
import { memberships, milestones, people, plans, taskUnits, tasks, units } from "../../db/schema.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { findViewerById, type Viewer } from "../../src/services/people/viewer.js";

/** A person of `organizationId` holding `role` (in `unitId` when given), read as the web and the chat read them. */
export async function personWithRole(
  db: Database,
  organizationId: string,
  name: string,
  role: Role,
  unitId: string | null = null,
): Promise<Viewer> {
  const [row] = await db.insert(people).values({ organizationId, fullName: name }).returning({ id: people.id });
  const personId = (row as { id: string }).id;
  await db.insert(memberships).values({ organizationId, personId, role, unitId });
  return (await findViewerById(db, personId)) as Viewer;
}

/** The province's 2025 reform plan, 12/KH-UBND, with no tasks yet; its id. */
export async function addProvincePlan(db: Database, provinceId: string): Promise<string> {
  const [plan] = await db
    .insert(plans)
    .values({
      organizationId: provinceId,
      title: "Kế hoạch CCHC tỉnh năm 2025",
      issuer: "UBND tỉnh Quảng Trị",
      year: 2025,
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      planKey: "tinh-2025",
      kind: "Kế hoạch",
      number: "12/KH-UBND",
    })
    .returning({ id: plans.id });
  return (plan as { id: string }).id;
}

/** A task of the province's plan `planId` numbered `key`, led by `lead`, due on `due`; its id. */
export async function addProvinceTask(
  db: Database,
  task: { provinceId: string; planId: string; key: string; lead: string; due: string; title?: string },
): Promise<string> {
  const { provinceId: organizationId, planId, key, lead, due } = task;
  const [unit] = await db
    .insert(units)
    .values({ organizationId, name: lead, nameKey: `${lead}-${key}` })
    .returning({ id: units.id });
  const [row] = await db
    .insert(tasks)
    .values({
      organizationId,
      planId,
      taskKey: key,
      section: "II",
      sectionTitle: "Cải cách thủ tục hành chính",
      stt: key,
      title: task.title ?? `Rà soát thủ tục hành chính ${key}`,
      deadlineTexts: ["Tháng 3/2025"],
      schedule: { kind: "once", milestones: [], needsReview: false } as never,
      position: Number(key),
      source: { row: Number(key) },
    })
    .returning({ id: tasks.id });
  const taskId = (row as { id: string }).id;
  await db
    .insert(taskUnits)
    .values({ organizationId, taskId, unitId: (unit as { id: string }).id, relation: "lead", nameInPlan: lead });
  await db.insert(milestones).values({ organizationId, taskId, milestoneKey: "1", due, planDue: due });
  return taskId;
}
