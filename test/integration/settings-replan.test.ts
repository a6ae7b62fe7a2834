/**
 * Issue 14's acceptance: changing the send time, the days before due or the
 * escalation steps replans the sends ahead only. The real BullMQ worker on
 * Redis, its clock moved to each instant and the job queued for that instant
 * promoted (BullMQ's delays run on the real clock): the new instants are
 * queued and delivered, a job left at an old instant sends nothing, and what
 * was sent stays as it was.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { enqueueSlots, reconcile, startReminderEngine } from "../../jobs/reminder-worker.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { parseSettingInput } from "../../src/domain/settings/index.js";
import { OPERATOR } from "../../src/services/access.js";
import { syncReminders } from "../../src/services/reminders/sync-reminders.js";
import { applySettingChange } from "../../src/services/settings/office-settings.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { countQueueKeys, newQueuePrefix, removeQueueKeys, testRedisUrl } from "../support/queues.js";
import { createReminderWorld, engineDeps, waitFor } from "../support/reminder-world.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

interface Row {
  id: string;
  kind: string;
  state: string;
  fire_at: string;
  sent_at: string | null;
}

describe("a settings change on a running worker", () => {
  it("moves the sends ahead to the new time, offsets and steps; sent ones stay, old instants send nothing", async () => {
    const emulator = await startBotApiEmulator({ ratePerSecond: 5000 });
    const world = await createReminderWorld(database.client, 2, 93_000);
    const rows = async (): Promise<Row[]> =>
      (await database.client.sql`select id, kind, state, fire_at::text, sent_at::text from reminders
        where organization_id = ${world.organizationId} and milestone_id is not null order by fire_at, kind, id`) as unknown as Row[];
    const ours = () => emulator.messages.filter((m) => world.chatIds.includes(m.chatId));

    // The worker's clock runs in real time from wherever the test sets it.
    let offset = 0;
    const setClock = (iso: string) => {
      offset = Date.parse(iso) - Date.now();
    };
    const now = () => new Date(Date.now() + offset);
    const prefix = newQueuePrefix();
    const queueNames = { reminders: "settings-test-reminders", schedules: "settings-test-schedules" };
    const deps = { ...engineDeps(database.client, testRedisUrl, prefix, emulator.apiRoot), now, queueNames };
    const engine = await startReminderEngine(deps);
    const delayedAt = async () =>
      new Set(
        (await engine.queue.getJobs(["delayed"]))
          .filter((job) => job.name === "dispatch")
          .map((job) => Date.parse(job.data.fireAt)),
      );
    /** The clock reaches `iso` and the job delayed until then runs, as it would when time came. */
    const reach = async (iso: string) => {
      setClock(new Date(Date.parse(iso) + 1000).toISOString());
      const job = (await engine.queue.getJobs(["delayed"])).find(
        (queued) => queued.name === "dispatch" && Date.parse(queued.data.fireAt) === Date.parse(iso),
      );
      if (!job) throw new Error(`no job queued for ${iso}`);
      await job.promote();
    };
    const idle = () =>
      waitFor(
        async () => (await engine.queue.getJobCountByTypes("waiting", "active", "prioritized")) === 0,
        15_000,
        "the dispatch queue to drain",
      );
    try {
      // Planned at the end of June; the window of "Quý III" opens on 01/07 at 08:00.
      await syncReminders(database.client.db, world.organizationId, new Date("2025-06-30T12:00:00+07:00"));
      setClock("2025-07-01T07:59:58+07:00");
      await reconcile(deps, engine.queue);
      await waitFor(() => ours().length === 2, 15_000, "the start notice to both people");
      await idle();
      const sentBefore = (await rows()).filter((row) => row.state === "sent");
      expect(sentBefore.map((row) => [row.kind, Date.parse(row.fire_at)])).toEqual([
        ["start", Date.parse("2025-07-01T08:00:00+07:00")],
      ]);
      const oldTenth = Date.parse("2025-09-10T08:00:00+07:00");
      expect(await delayedAt()).toContain(oldTenth);

      // 05/09: the send time becomes 07:30.
      setClock("2025-09-05T12:00:00+07:00");
      const retime = await applySettingChange(
        database.client.db,
        OPERATOR,
        world.organizationId,
        parseSettingInput("sendTime", "07:30"),
        { now: now() },
      );
      if (retime.kind !== "applied") throw new Error(retime.kind);
      expect(retime.effect.reminders.retimed).toBeGreaterThan(0);
      expect(retime.effect.reminders).toMatchObject({ added: 0, removed: 0, fromTime: "08:00", toTime: "07:30" });
      await enqueueSlots(engine.queue, retime.slots, now());
      const newTenth = Date.parse("2025-09-10T07:30:00+07:00");
      expect(await delayedAt()).toContain(newTenth);
      const ahead = (await rows()).filter((row) => row.state === "planned");
      expect(ahead.length).toBe(retime.effect.reminders.total);
      for (const row of ahead) expect(new Date(row.fire_at).toISOString().slice(11, 16)).toBe("00:30");

      // 10/09 07:30, 14 working days before due: delivered by the job queued for the new instant.
      const before = ours().length;
      await reach("2025-09-10T07:30:00+07:00");
      await waitFor(() => ours().length === before + 2, 15_000, "the 07:30 reminder");
      await idle();
      expect(ours().at(-1)?.text).toContain("Xây dựng Kế hoạch CCHC");
      const tenth = (await rows()).filter((row) => Date.parse(row.fire_at) === newTenth);
      expect(tenth.map((row) => row.state)).toEqual(["sent"]);

      // 08:00 the same day: the job queued before the change fires and finds nothing to send.
      await reach("2025-09-10T08:00:00+07:00");
      await idle();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(ours().length).toBe(before + 2);

      // 11/09: reminders 5 and 2 working days before due, and overdue steps 2/4/8.
      setClock("2025-09-11T12:00:00+07:00");
      for (const [field, text] of [
        ["workingDaysBefore", "5/2"],
        ["overdueSteps", "2/4/8"],
      ] as const) {
        const applied = await applySettingChange(
          database.client.db,
          OPERATOR,
          world.organizationId,
          parseSettingInput(field, text),
          { now: now() },
        );
        if (applied.kind !== "applied") throw new Error(applied.kind);
        await enqueueSlots(engine.queue, applied.slots, now());
      }
      const planned = (await rows()).filter((row) => row.state === "planned");
      const at = (kind: string) =>
        planned.filter((row) => row.kind === kind).map((row) => new Date(row.fire_at).toISOString());
      // Due Tuesday 30/09: 5 working days before is 23/09, 2 is 26/09; the first overdue notice 2 working days after.
      expect(at("reminder")).toEqual(["2025-09-23T00:30:00.000Z", "2025-09-26T00:30:00.000Z"]);
      expect(at("overdue")[0]).toBe("2025-10-02T00:30:00.000Z");
      expect(at("escalation").slice(0, 2)).toEqual(["2025-10-06T00:30:00.000Z", "2025-10-10T00:30:00.000Z"]);
      const delayed = await delayedAt();
      for (const row of planned) expect(delayed).toContain(Date.parse(row.fire_at));

      // 23/09 07:30 is delivered; the old 3-days-before instant (25/09 08:00) sends nothing.
      const beforeTwentyThird = ours().length;
      await reach("2025-09-23T07:30:00+07:00");
      await waitFor(() => ours().length === beforeTwentyThird + 2, 15_000, "the 5-days-before reminder");
      await idle();
      await reach("2025-09-25T08:00:00+07:00");
      await idle();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(ours().length).toBe(beforeTwentyThird + 2);

      // What was sent before the changes is exactly as it was.
      const after = await rows();
      for (const row of sentBefore) expect(after.find((r) => r.id === row.id)).toEqual(row);
      // Every send so far went at 07:30 after the change, none at 08:00.
      const sent = await database.client.db.execute(
        sql`select fire_at from reminders where organization_id = ${world.organizationId} and state = 'sent'
          and milestone_id is not null and fire_at > '2025-09-05' order by fire_at`,
      );
      const sentTimes = (sent as Array<{ fire_at: string }>).map((row) =>
        new Date(row.fire_at).toISOString().slice(11, 16),
      );
      expect(sentTimes).toEqual(["00:30", "00:30"]);
    } finally {
      await engine.close();
      await removeQueueKeys(prefix, deps.connection);
      await deps.connection.quit();
      await emulator.close();
    }
    expect(await countQueueKeys(prefix)).toBe(0);
  }, 120_000);
});
