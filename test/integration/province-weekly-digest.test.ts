/**
 * The province's weekly digest of its communes, sent by the weekly schedule:
 * the real BullMQ worker on Redis, the Bot API emulator and a loopback SMTP
 * server. At the province's send instant its leader on Telegram gets the text
 * and the chart, its leader on email one mail with the chart inline and a
 * one-click unsubscribe; once a week each, however many workers run; a
 * commune's chairman still gets his own commune's digest only; a reviewer who
 * turned digests off gets nothing.
 */
import { QueueEvents } from "bullmq";
import type { ParsedMail } from "mailparser";
import { Redis } from "ioredis";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { memberships, milestones, people, personChannels, taskUnits, tasks, units } from "../../db/schema.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { startReminderEngine } from "../../jobs/reminder-worker.js";
import { startBotApiEmulator, type BotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { createEmailSide, type EmailSide } from "../../src/runtime/email.js";
import { OPERATOR } from "../../src/services/access.js";
import { organizationsWithWeeklySends, sendWeeklyIfDue } from "../../src/services/delivery/weekly-sends.js";
import { markDone } from "../../src/services/milestones/milestone-actions.js";
import { findViewerById, type Viewer } from "../../src/services/people/viewer.js";
import { fanOutTask } from "../../src/services/province/fan-out.js";
import { addOrganization } from "../../src/services/province/organizations.js";
import { createEmailRoutes } from "../../src/web/email-routes.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { insertTelegramPerson } from "../support/people.js";
import { countQueueKeys, newQueuePrefix, removeQueueKeys, testRedisUrl } from "../support/queues.js";
import { addProvincePlan } from "../support/province-tasks.js";
import { engineDeps, waitFor } from "../support/reminder-world.js";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";

const PUBLIC_URL = "https://nhacviec.tinh.example";
const LEADER_CHAT = 97_001;
const CHAIRMAN_CHAT = 97_101;
const LEADER_MAIL = "lanh.dao@tinh.example";
const REVIEWER_MAIL = "noi.vu@tinh.example";
/** Monday 24/03/2025 just after 08:00 in Hanoi: the week's sends are due; the province task was due 20/03. */
const MONDAY = new Date("2025-03-24T08:00:30+07:00");
const NEXT_MONDAY = new Date("2025-03-31T08:00:30+07:00");

let database: TestDatabase & { client: PostgresDatabaseClient };
let smtp: TestSmtpServer;
let email: EmailSide;
let emulator: BotApiEmulator;
const clock = { now: MONDAY };
let province: string;
const commune: Record<string, string> = {};

const db = () => database.client.db;

async function person(organizationId: string, fullName: string, role: Role): Promise<Viewer> {
  const [row] = await db().insert(people).values({ organizationId, fullName }).returning({ id: people.id });
  const personId = (row as { id: string }).id;
  await db().insert(memberships).values({ organizationId, personId, role });
  return (await findViewerById(db(), personId)) as Viewer;
}

/** A confirmed email address, as the confirmation link leaves it. */
async function emailOf(viewer: Viewer, address: string): Promise<string> {
  const [row] = await db()
    .insert(personChannels)
    .values({ organizationId: viewer.organizationId, personId: viewer.personId, channel: "email", chatId: address })
    .returning({ id: personChannels.id });
  return (row as { id: string }).id;
}

/** The province's plan with one task for every commune, due 20/03/2025, given to the communes. */
async function provinceWork(coordinator: Viewer): Promise<string> {
  const planId = await addProvincePlan(db(), province);
  const [unit] = await db()
    .insert(units)
    .values({ organizationId: province, name: "UBND các xã, phường", nameKey: "ubnd cac xa phuong" })
    .returning({ id: units.id });
  const [task] = await db()
    .insert(tasks)
    .values({
      organizationId: province,
      planId,
      taskKey: "1",
      section: "II",
      sectionTitle: "Cải cách thủ tục hành chính",
      stt: "1",
      title: "Rà soát thủ tục hành chính",
      deadlineTexts: ["20/3/2025"],
      schedule: { kind: "once", milestones: [], needsReview: false } as never,
      position: 1,
      source: { row: 1 },
    })
    .returning({ id: tasks.id });
  const taskId = (task as { id: string }).id;
  await db()
    .insert(taskUnits)
    .values({
      organizationId: province,
      taskId,
      unitId: (unit as { id: string }).id,
      relation: "lead",
      nameInPlan: "UBND các xã, phường",
    });
  await db()
    .insert(milestones)
    .values({ organizationId: province, taskId, milestoneKey: "1", due: "2025-03-20", planDue: "2025-03-20" });
  const fanned = await fanOutTask(db(), coordinator, taskId, new Date("2025-03-10T09:00:00+07:00"));
  if (fanned.kind !== "fanned-out" || fanned.reached.length !== 3) throw new Error("the task did not reach 3 communes");
  return taskId;
}

/** A commune finishes its copy of the province's task on `at`. */
async function finish(slug: string, sourceTaskId: string, coordinator: Viewer, at: string): Promise<void> {
  const [copy] = await db()
    .select({ milestoneId: milestones.id })
    .from(tasks)
    .innerJoin(milestones, eq(milestones.taskId, tasks.id))
    .where(and(eq(tasks.organizationId, commune[slug] as string), eq(tasks.sourceTaskId, sourceTaskId)));
  const done = await markDone(db(), coordinator, (copy as { milestoneId: string }).milestoneId, { now: new Date(at) });
  expect(done.kind).not.toBe("not-allowed");
}

let emailedLeaderRow: string;

beforeAll(async () => {
  database = await createMigratedDatabase();
  smtp = await startTestSmtpServer();
  emulator = await startBotApiEmulator({ ratePerSecond: 5000, perChatIntervalMs: 0 });
  const side = createEmailSide(
    { smtpUrl: smtp.url, emailFrom: "Nhắc việc <nhacviec@tinh.example>", publicUrl: PUBLIC_URL },
    { limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }), now: () => clock.now },
  );
  if (!side) throw new Error("email side not built");
  email = side;

  const made = await addOrganization(db(), OPERATOR, {
    slug: "quang-tri",
    name: "UBND tỉnh Quảng Trị",
    kind: "province",
  });
  province = (made as { id: string }).id;
  const coordinator = await person(province, "Văn phòng tỉnh", "coordinator");
  const communeCoordinator: Record<string, Viewer> = {};
  for (const [slug, name] of [
    ["gio-son", "Xã Gio Sơn"],
    ["gio-linh", "Xã Gio Linh"],
    ["dong-ha", "Phường Đông Hà"],
  ] as const) {
    const added = await addOrganization(db(), coordinator, { slug, name, kind: "commune", parentSlug: "quang-tri" });
    commune[slug] = (added as { id: string }).id;
    communeCoordinator[slug] = await person(commune[slug], `Điều phối ${name}`, "coordinator");
  }
  const { sql } = database.client;
  await insertTelegramPerson(sql, { organizationId: province, fullName: "Lãnh đạo tỉnh", chatId: LEADER_CHAT });
  await sql`insert into memberships (organization_id, person_id, role)
    select ${province}, id, 'province_leader' from people where telegram_user_id = ${LEADER_CHAT}`;
  emailedLeaderRow = await emailOf(await person(province, "Phó Chủ tịch tỉnh", "province_leader"), LEADER_MAIL);
  const reviewerRow = await emailOf(await person(province, "Sở Nội vụ", "province_reviewer"), REVIEWER_MAIL);
  await insertTelegramPerson(sql, {
    organizationId: commune["gio-son"] as string,
    fullName: "Chủ tịch xã Gio Sơn",
    chatId: CHAIRMAN_CHAT,
    role: "chairman",
  });

  // The reviewer turned the weekly digest off with the one-click link every digest mail carries.
  const unsubscribe = new URL(email.channel.unsubscribeUrl!(reviewerRow)).pathname;
  const routes = createEmailRoutes({ db: db(), now: () => clock.now, mac: email.mac });
  expect((await routes.request(unsubscribe, { method: "POST", body: "List-Unsubscribe=One-Click" })).status).toBe(200);

  // Gio Linh finished on time before the week, Gio Sơn on time within it; Đông Hà is 4 days late.
  // Read again, as each request does: the coordinator now oversees the communes just added.
  const work = await provinceWork((await findViewerById(db(), coordinator.personId)) as Viewer);
  await finish("gio-linh", work, communeCoordinator["gio-linh"] as Viewer, "2025-03-12T10:00:00+07:00");
  await finish("gio-son", work, communeCoordinator["gio-son"] as Viewer, "2025-03-18T10:00:00+07:00");
}, 60_000);

afterAll(async () => {
  email?.channel.close();
  await emulator?.close();
  await smtp?.close();
  await database?.drop();
});

const telegramTo = (chat: number) => emulator.messages.filter((m) => m.chatId === chat);
const digestMails = (address: string) => smtp.mailsTo(address);

describe("the province's weekly digest", () => {
  it("reaches its leaders at the weekly instant, on Telegram and by email, and each commune's chairman his own", async () => {
    const prefix = newQueuePrefix();
    const queueNames = { reminders: "province-digest-reminders", schedules: "province-digest-schedules" };
    const deps = {
      ...engineDeps(database.client, testRedisUrl, prefix, emulator.apiRoot),
      email: email.channel,
      now: () => clock.now,
      queueNames,
    };
    const engine = await startReminderEngine(deps);
    const eventsConnection = new Redis(testRedisUrl, { maxRetriesPerRequest: null });
    const events = new QueueEvents(queueNames.schedules, { connection: eventsConnection, prefix });
    await events.waitUntilReady();
    /** The reconcile pass as the worker runs it, then whatever it queued for now. */
    const pass = async () => {
      const job = await engine.schedules.add("reconcile", { kind: "reconcile" });
      await job.waitUntilFinished(events, 20_000);
      await waitFor(
        async () => (await engine.queue.getJobCountByTypes("waiting", "active", "prioritized")) === 0,
        20_000,
        "the jobs due now",
      );
    };
    try {
      // The province's weekly job is planned at its instant like any organization's.
      await pass();
      const weekly = (await engine.queue.getJobs(["delayed"])).filter((job) => job.name === "weekly");
      expect(weekly.filter((job) => job.data.organizationId === province).map((job) => job.data.fireAt)).toEqual([
        new Date("2025-03-31T08:00:00+07:00").toISOString(),
      ]);

      // Telegram: the text, then the chart of the communes as a photo.
      await waitFor(() => telegramTo(LEADER_CHAT).length >= 2, 20_000, "the leader's digest and chart");
      const [text, chart] = telegramTo(LEADER_CHAT);
      expect(text?.text.split("\n")).toEqual([
        "📊 Tổng hợp CCHC các xã, phường – UBND tỉnh Quảng Trị, ngày 24/03/2025",
        "• Rà soát thủ tục hành chính: 2/3 xã đã hoàn thành, 1 xã trễ hạn",
        "Bảng xếp hạng 3 xã, phường: 1 xã còn 1 việc quá hạn",
        "Dẫn đầu: Xã Gio Linh (100% đúng hạn), Xã Gio Sơn (100% đúng hạn)",
        "Các xã còn việc quá hạn:",
        "• Phường Đông Hà: 1 việc quá hạn, 4 ngày trễ, 0% đúng hạn",
        "Hoàn thành trong tuần qua: Xã Gio Sơn (1 việc)",
      ]);
      expect(chart?.text).toBe("Tiến độ các xã, phường – ngày 24/03/2025");
      expect(chart?.document?.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");

      // Email: one mail, the same text, the chart inline, and the one-click way out of digests.
      await waitFor(() => digestMails(LEADER_MAIL).length >= 1, 20_000, "the emailed leader's digest");
      const [mail] = digestMails(LEADER_MAIL) as [ParsedMail];
      expect(mail.subject).toBe("Tổng hợp CCHC các xã, phường – UBND tỉnh Quảng Trị, ngày 24/03/2025");
      expect(mail.text).toContain("• Phường Đông Hà: 1 việc quá hạn, 4 ngày trễ, 0% đúng hạn");
      const inline = mail.attachments.find((a) => a.contentType === "image/png");
      expect(inline?.related).toBe(true);
      expect(inline?.content.subarray(1, 4).toString("latin1")).toBe("PNG");
      const unsubscribe = mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
      expect(unsubscribe).toContain(email.channel.unsubscribeUrl!(emailedLeaderRow));

      // The commune's chairman: his own commune's digest and chart, nothing of the province's.
      await waitFor(() => telegramTo(CHAIRMAN_CHAT).length >= 2, 20_000, "the chairman's digest");
      expect(telegramTo(CHAIRMAN_CHAT).map((m) => m.text.split("\n")[0])).toEqual([
        "📊 Tổng hợp tuần 24/03/2025",
        "Tiến độ theo đơn vị – tuần 24/03/2025",
      ]);
      // The reviewer turned digests off.
      expect(digestMails(REVIEWER_MAIL)).toEqual([]);

      // The pass again (the worker's next one, a restart): this week's digests went, nothing goes twice.
      await pass();
      expect(await sendWeeklyIfDue(deps, province)).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(telegramTo(LEADER_CHAT)).toHaveLength(2);
      expect(telegramTo(CHAIRMAN_CHAT)).toHaveLength(2);
      expect(digestMails(LEADER_MAIL)).toHaveLength(1);

      // Next Monday, two workers at once (each may claim some of the week's sends): one digest each.
      clock.now = NEXT_MONDAY;
      const sent = await Promise.all([sendWeeklyIfDue(deps, province), sendWeeklyIfDue(deps, province)]);
      expect(sent.map((s) => s?.date ?? null)).toContain("2025-03-31");
      expect(telegramTo(LEADER_CHAT).map((m) => m.text.split("\n")[0])).toEqual([
        "📊 Tổng hợp CCHC các xã, phường – UBND tỉnh Quảng Trị, ngày 24/03/2025",
        "Tiến độ các xã, phường – ngày 24/03/2025",
        "📊 Tổng hợp CCHC các xã, phường – UBND tỉnh Quảng Trị, ngày 31/03/2025",
        "Tiến độ các xã, phường – ngày 31/03/2025",
      ]);
      expect(digestMails(LEADER_MAIL)).toHaveLength(2);
      expect(digestMails(REVIEWER_MAIL)).toEqual([]);
      const claims = await database.client.sql`select audience_role, fire_at from reminders
        where organization_id = ${province} and kind = 'digest' order by fire_at, audience_role`;
      expect(claims.map((c) => c.audience_role)).toEqual([
        "chairman",
        "province_leader",
        "chairman",
        "province_leader",
      ]);
    } finally {
      await events.close();
      await eventsConnection.quit();
      await engine.close();
      await removeQueueKeys(prefix, deps.connection);
      await deps.connection.quit();
    }
    expect(await countQueueKeys(prefix)).toBe(0);
  }, 120_000);

  it("keeps a province with no live work of its own among those with weekly sends", async () => {
    await database.client.sql`update milestones set state = 'cancelled' where organization_id = ${province}`;
    const organizations = await organizationsWithWeeklySends(db());
    expect(organizations).toContain(province);
    expect(organizations.filter((id) => id === province)).toHaveLength(1);
  });
});
