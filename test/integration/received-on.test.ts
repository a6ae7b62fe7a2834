/**
 * A document's day of receipt given after its import: the tasks counted from
 * it get their dates and reminders, a correction moves them, completions
 * stay, and a day the document cannot have been received is refused.
 */
import { readFileSync } from "node:fs";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { domainEvents, evidenceFiles, milestoneEvents, milestones, plans, reminders, tasks } from "../../db/schema.js";
import { awaitsReceipt } from "../../src/domain/deadline/index.js";
import { OPERATOR } from "../../src/services/access.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { importPlanFile } from "../../src/services/plans/import-plan-file.js";
import { documentsAwaitingReceipt, setReceivedOn } from "../../src/services/plans/received-on.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { joinAs } from "../support/invites.js";
import { RECEIPT_NOTICE, RECEIPT_NOTICE_NUMBER } from "../support/receipt-notice.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
// Thursday 10/12/2026, eight days after the notice was signed.
const NOW = new Date("2026-12-10T09:00:00+07:00");
let planId: string;
let coordinator: Viewer;
let member: Viewer;
let otherCoordinator: Viewer;

const db = () => database.client.db;

async function apply(slug: string, bytes: Buffer, receivedOn?: string) {
  return importPlanFile(db(), OPERATOR, {
    fileName: "thong-bao.txt",
    bytes,
    mode: "apply",
    organizationSlug: slug,
    now: NOW,
    ...(receivedOn ? { receivedOn } : {}),
  });
}

/** The notice's milestones in task order: due, state, version, and how the task's schedule reads. */
async function noticeMilestones() {
  return db()
    .select({
      id: milestones.id,
      title: tasks.title,
      due: milestones.due,
      state: milestones.state,
      version: milestones.version,
      completedAt: milestones.completedAt,
      progress: milestones.progressPercent,
      schedule: tasks.schedule,
    })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .where(and(eq(tasks.planId, planId), isNull(tasks.removedAt)))
    .orderBy(asc(tasks.position), asc(milestones.milestoneKey));
}

const receivedOnStored = async () =>
  (await db().select({ receivedOn: plans.receivedOn }).from(plans).where(eq(plans.id, planId)))[0]?.receivedOn;

/** Planned reminder rows of the milestone's current version, by audience. */
async function plannedFor(milestoneId: string) {
  return db()
    .select({ role: reminders.audienceRole, version: reminders.milestoneVersion })
    .from(reminders)
    .innerJoin(milestones, eq(milestones.id, reminders.milestoneId))
    .where(
      and(
        eq(reminders.milestoneId, milestoneId),
        eq(reminders.state, "planned"),
        eq(reminders.milestoneVersion, milestones.version),
      ),
    );
}

beforeAll(async () => {
  database = await createMigratedDatabase();
  const applied = await apply("gio-son", Buffer.from(RECEIPT_NOTICE));
  if (applied.kind !== "applied") throw new Error(`not applied: ${applied.kind}`);
  planId = applied.summary.planId;
  const other = await apply("xa-khac", readFileSync("test/fixtures/directives/d01-tb-ket-luan-xa-gio-son.txt"));
  if (other.kind !== "applied") throw new Error(`not applied: ${other.kind}`);
  const organizationId = applied.summary.organizationId;
  coordinator = await joinAs(db(), { userId: 801, role: "coordinator", organizationId, now: NOW });
  member = await joinAs(db(), { userId: 802, role: "member", organizationId, unit: "Tư pháp – Hộ tịch", now: NOW });
  otherCoordinator = await joinAs(db(), {
    userId: 803,
    role: "coordinator",
    organizationId: other.summary.organizationId,
    now: NOW,
  });
}, 60_000);
afterAll(async () => {
  await database?.drop();
});

describe("a document's day of receipt, set after its import", () => {
  it("leaves the tasks counted from it unscheduled until it is given, and lists the document as waiting", async () => {
    const [working, calendar, dated] = await noticeMilestones();
    expect(working).toMatchObject({ due: null, state: "open" });
    expect(calendar).toMatchObject({ due: null, state: "open" });
    expect(awaitsReceipt(working!.schedule)).toBe(true);
    expect(dated).toMatchObject({ due: "2026-12-25" });
    expect(await receivedOnStored()).toBeNull();
    const waiting = await documentsAwaitingReceipt(db(), coordinator, coordinator.organizationId);
    expect(waiting).toEqual({
      kind: "ok",
      documents: [
        {
          planId,
          document: `Thông báo số ${RECEIPT_NOTICE_NUMBER} ngày 02/12/2026 của UBND xã Gio Sơn`,
          issuedOn: "2026-12-02",
          tasks: 2,
        },
      ],
    });
    expect((await documentsAwaitingReceipt(db(), member, member.organizationId)).kind).toBe("not-allowed");
  });

  it("dates them from the day given: working days for 'ngày làm việc', calendar days for 'ngày'; reminders planned", async () => {
    const before = await noticeMilestones();
    const set = await setReceivedOn(db(), coordinator, { planId, receivedOn: "2026-12-04", now: NOW });
    expect(set.kind).toBe("received");
    if (set.kind !== "received") return;
    expect(set.previous).toBeNull();
    // Friday 04/12: five working days end Friday 11/12; ten days end Monday 14/12.
    expect(set.tasks.map((task) => task.dues)).toEqual([["2026-12-11"], ["2026-12-14"]]);
    expect(set.slots.length).toBeGreaterThan(0);
    const [working, calendar, dated] = await noticeMilestones();
    expect(working).toMatchObject({ due: "2026-12-11", version: before[0]!.version + 1 });
    expect(calendar).toMatchObject({ due: "2026-12-14", version: before[1]!.version + 1 });
    expect(awaitsReceipt(working!.schedule)).toBe(false);
    // The task with its own date is not touched.
    expect(dated).toEqual(before[2]);
    expect(await receivedOnStored()).toBe("2026-12-04");
    // Its lead unit is reminded of the new due day.
    expect(await plannedFor(working!.id)).toContainEqual({ role: "member", version: working!.version });
    expect(await documentsAwaitingReceipt(db(), coordinator, coordinator.organizationId)).toEqual({
      kind: "ok",
      documents: [],
    });
    // The lead units hear of their new due day, and the milestone's history says who set it from which receipt.
    const moved = await db()
      .select({ payload: domainEvents.payload })
      .from(domainEvents)
      .where(eq(domainEvents.type, "deadline.moved"));
    expect(moved.map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ milestoneId: working!.id, from: null, to: "2026-12-11" }),
        expect.objectContaining({ milestoneId: calendar!.id, from: null, to: "2026-12-14" }),
      ]),
    );
    const [history] = await db()
      .select({ actor: milestoneEvents.actorPersonId, details: milestoneEvents.details })
      .from(milestoneEvents)
      .where(and(eq(milestoneEvents.milestoneId, working!.id), eq(milestoneEvents.action, "deadline-moved")));
    expect(history).toMatchObject({
      actor: coordinator.personId,
      details: { by: "receipt", receivedOn: "2026-12-04", to: { due: "2026-12-11" } },
    });
  });

  it("moves the due days when corrected, keeping a completion and its evidence", async () => {
    const [working] = await noticeMilestones();
    const completedAt = new Date("2026-12-09T10:00:00+07:00");
    await db()
      .update(milestones)
      .set({ state: "done", completedAt, progressPercent: 100 })
      .where(eq(milestones.id, working!.id));
    await db()
      .insert(evidenceFiles)
      .values({
        organizationId: coordinator.organizationId,
        milestoneId: working!.id,
        fileName: "bao-cao.pdf",
        sizeBytes: 10,
        sha256: "0".repeat(64),
        storagePath: "/tmp/bao-cao.pdf",
      });
    const set = await setReceivedOn(db(), coordinator, { planId, receivedOn: "2026-12-07", now: NOW });
    expect(set).toMatchObject({ kind: "received", previous: "2026-12-04", receivedOn: "2026-12-07" });
    const [done, calendar] = await noticeMilestones();
    // Monday 07/12: five working days end Monday 14/12; ten days end Thursday 17/12.
    expect(done).toMatchObject({ due: "2026-12-14", state: "done", completedAt, progress: 100 });
    expect(calendar).toMatchObject({ due: "2026-12-17", state: "open" });
    const evidence = await db().select().from(evidenceFiles).where(eq(evidenceFiles.milestoneId, working!.id));
    expect(evidence).toHaveLength(1);
    // The old due day's reminders will not be sent; the new one's are planned.
    const stale = await db()
      .select({ id: reminders.id })
      .from(reminders)
      .where(
        and(
          eq(reminders.milestoneId, calendar!.id),
          eq(reminders.state, "planned"),
          sql`${reminders.milestoneVersion} <> ${calendar!.version}`,
        ),
      );
    expect(stale).toEqual([]);
    expect((await plannedFor(calendar!.id)).length).toBeGreaterThan(0);
    // Done work is not chased, nor told of its new day; open work is told it moved.
    expect(await plannedFor(done!.id)).toEqual([]);
    const moved = (
      await db()
        .select({ payload: domainEvents.payload })
        .from(domainEvents)
        .where(eq(domainEvents.type, "deadline.moved"))
    ).map((e) => e.payload);
    expect(moved).toContainEqual(
      expect.objectContaining({ milestoneId: calendar!.id, from: "2026-12-14", to: "2026-12-17" }),
    );
    expect(moved).not.toContainEqual(expect.objectContaining({ milestoneId: done!.id, to: "2026-12-14" }));
  });

  it("refuses a day before the document's date or not come yet, changing nothing", async () => {
    const before = await noticeMilestones();
    expect(await setReceivedOn(db(), coordinator, { planId, receivedOn: "2026-12-01", now: NOW })).toEqual({
      kind: "not-allowed",
      reason: "received-before-issued",
      subject: "02/12/2026",
    });
    expect(await setReceivedOn(db(), coordinator, { planId, receivedOn: "2026-12-11", now: NOW })).toEqual({
      kind: "not-allowed",
      reason: "received-in-future",
      subject: "11/12/2026",
    });
    expect(await setReceivedOn(db(), coordinator, { planId, receivedOn: "2026-13-01", now: NOW })).toMatchObject({
      reason: "date-invalid",
    });
    expect(await receivedOnStored()).toBe("2026-12-07");
    expect(await noticeMilestones()).toEqual(before);
  });

  it("is not found for another commune's coordinator and not allowed for a member", async () => {
    const before = await noticeMilestones();
    expect(await setReceivedOn(db(), otherCoordinator, { planId, receivedOn: "2026-12-05", now: NOW })).toEqual({
      kind: "not-found",
    });
    expect(await setReceivedOn(db(), member, { planId, receivedOn: "2026-12-05", now: NOW })).toEqual({
      kind: "not-allowed",
    });
    expect(
      await setReceivedOn(db(), coordinator, {
        planId: "00000000-0000-4000-8000-000000000000",
        receivedOn: "2026-12-05",
        now: NOW,
      }),
    ).toEqual({ kind: "not-found" });
    expect(await receivedOnStored()).toBe("2026-12-07");
    expect(await noticeMilestones()).toEqual(before);
  });

  it("changes nothing when the document is imported again: it is read with the receipt kept", async () => {
    const before = await noticeMilestones();
    const again = await apply("gio-son", Buffer.from(RECEIPT_NOTICE));
    expect(again).toMatchObject({ kind: "applied", summary: { planCreated: false, deadlineMoved: [] } });
    expect(await noticeMilestones()).toEqual(before);
  });

  it("refuses at import a receipt before the document's date, storing nothing", async () => {
    const refused = await apply(
      "gio-son",
      Buffer.from(RECEIPT_NOTICE.replace("31/TB-UBND", "32/TB-UBND")),
      "2026-11-30",
    );
    expect(refused).toEqual({ kind: "not-allowed", reason: "received-before-issued", subject: "02/12/2026" });
    const stored = await db().select({ id: plans.id }).from(plans).where(eq(plans.number, "32/TB-UBND"));
    expect(stored).toEqual([]);
  });
});
