/**
 * Email end to end through a real SMTP server (smtp-server on a loopback
 * port; what arrives is read with mailparser): an address is confirmed by
 * its link before anything is sent to it, a reminder carries each task's
 * signed link, the chairman's digest carries its chart inline and a one-click
 * unsubscribe that stops digests but not reminders, a 5xx marks the address
 * unreachable and tells the coordinator, a 4xx leaves the reminder for a
 * retry, and an event's notice reaches a person on email and Telegram once.
 */
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../../db/client.js";
import { domainEvents } from "../../../db/schema.js";
import { createMemoryRateLimiter } from "../../../jobs/memory-rate-limiter.js";
import { createEmailSide, type EmailSide } from "../../../src/runtime/email.js";
import { DeliveriesPendingError, dispatchDue, type DispatchDeps } from "../../../src/services/delivery/dispatch-due.js";
import { sendWeeklyDigest } from "../../../src/services/delivery/weekly-sends.js";
import { processEvents } from "../../../src/services/notifications/notifications-service.js";
import type { Notifier, OutgoingMessage } from "../../../src/services/notifier.js";
import { requestEmailAddress } from "../../../src/services/people/email-addresses.js";
import { createInvite, organizationBySlug, redeemInvite } from "../../../src/services/people/invites.js";
import type { Viewer } from "../../../src/services/people/viewer.js";
import { createEmailRoutes } from "../../../src/web/email-routes.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../../support/database.js";
import { joinAs } from "../../support/invites.js";
import { startTestSmtpServer, type TestSmtpServer } from "../../support/smtp-server.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
let smtp: TestSmtpServer;
let email: EmailSide;
const clock = { now: new Date("2025-09-22T09:00:00+07:00") };
const PUBLIC_URL = "https://nhacviec.xa.example";

/** A Telegram that keeps what it was given. */
const telegram: Notifier & { sent: OutgoingMessage[] } = {
  sent: [],
  send(message) {
    this.sent.push(message);
    return Promise.resolve({ messageId: this.sent.length });
  },
};

beforeAll(async () => {
  database = await createMigratedDatabase();
  smtp = await startTestSmtpServer();
  const side = createEmailSide(
    {
      smtpUrl: smtp.url,
      emailFrom: "Nhắc việc UBND xã Thử Thư <nhacviec@xa.example>",
      publicUrl: PUBLIC_URL,
      taskLinkSecret: "a-test-secret-of-at-least-32-characters-long",
    },
    { limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }), now: () => clock.now },
  );
  if (!side) throw new Error("email side not built");
  email = side;
});

afterAll(async () => {
  email.channel.close();
  await smtp.close();
  await database.drop();
});

const deps = (): DispatchDeps => ({
  db: database.client.db,
  logger: silentLogger,
  notifier: telegram,
  limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }),
  email: email.channel,
  now: () => clock.now,
});

const mailsTo = (address: string) => smtp.mailsTo(address);
const routes = () => createEmailRoutes({ db: database.client.db, now: () => clock.now, mac: email.mac });

/** The coordinator sets the address; its owner opens the mailed link and presses the button. */
async function confirmedEmail(coordinator: Viewer, personId: string, address: string): Promise<void> {
  const result = await requestEmailAddress(
    { db: database.client.db, email: email.channel, now: clock.now, confirmUrl: email.confirmUrl },
    coordinator,
    personId,
    address.toUpperCase(),
  );
  expect(result).toMatchObject({ kind: "confirmation-sent", address, sent: true });
  const mail = mailsTo(address).at(-1);
  expect(mail?.subject).toBe("Xác nhận địa chỉ email nhận nhắc việc");
  const link = /https:\/\/\S+\/email\/xac-nhan\/\S+/.exec(mail?.text ?? "")?.[0];
  expect(link).toBeDefined();
  const path = new URL(link as string).pathname;
  // Opening the link changes nothing (a mail scanner may open it); the page's button confirms.
  const page = await routes().request(path);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(address);
  const confirmed = await routes().request(path, { method: "POST" });
  expect(confirmed.status).toBe(200);
  expect(await confirmed.text()).toContain(`Đã xác nhận: nhắc việc sẽ được gửi tới ${address}`);
  // The link works once.
  expect((await routes().request(path, { method: "POST" })).status).toBe(404);
}

interface World {
  organizationId: string;
  unitId: string;
  milestoneId: string;
  coordinator: Viewer;
  memberId: string;
  chairmanId: string;
  emailOnlyId: string;
}

async function createWorld(): Promise<World> {
  const { db, sql } = database.client;
  const organization = await organizationBySlug(db, "thu-thu", "UBND xã Thử Thư");
  const [unit] = await sql`insert into units (organization_id, name, name_key)
    values (${organization.id}, 'Văn phòng – Thống kê', 'van phong thong ke') returning id`;
  const unitId = unit!.id as string;
  const coordinator = await joinAs(db, {
    userId: 801,
    role: "coordinator",
    organizationId: organization.id,
    now: clock.now,
  });
  const member = await joinAs(db, {
    userId: 802,
    role: "member",
    organizationId: organization.id,
    unit: "Văn phòng – Thống kê",
    now: clock.now,
  });
  const invite = await createInvite(db, coordinator, {
    organizationId: organization.id,
    role: "chairman",
    fullName: "Chủ tịch Thư",
    now: clock.now,
  });
  if (invite.kind !== "created") throw new Error(invite.kind);
  await redeemInvite(db, { code: invite.code, telegramUserId: 803, chatId: 803, fullName: "x", now: clock.now });
  const [chairman] =
    await sql`select person_id from memberships where organization_id = ${organization.id} and role = 'chairman'`;
  // Someone on email only: no Telegram chat.
  const [emailOnly] =
    await sql`insert into people (organization_id, full_name) values (${organization.id}, 'Cán bộ Thư Điện')
    returning id`;
  await sql`insert into memberships (organization_id, person_id, role, unit_id)
    values (${organization.id}, ${emailOnly!.id}, 'member', ${unitId})`;
  const [plan] = await sql`insert into plans (organization_id, title, year, period_start, period_end, plan_key)
    values (${organization.id}, 'KH', 2025, '2025-01-01', '2025-12-31', 'kh') returning id`;
  const [task] =
    await sql`insert into tasks (organization_id, plan_id, task_key, section, stt, title, deadline_texts, schedule, position, source)
    values (${organization.id}, ${plan!.id}, 'I|1|0', 'I', '1', 'Xây dựng Kế hoạch CCHC', '["Quý III/2025"]',
            '{"kind":"dated"}', 0, '{}') returning id`;
  await sql`insert into task_units (organization_id, task_id, unit_id, relation, name_in_plan)
    values (${organization.id}, ${task!.id}, ${unitId}, 'lead', 'Văn phòng – Thống kê')`;
  const [milestone] = await sql`insert into milestones (organization_id, task_id, milestone_key, start, due)
    values (${organization.id}, ${task!.id}, 'm0', '2025-07-01', '2025-09-30') returning id`;
  // Overdue since 01/09: the digest's chart has a bar to draw.
  const [late] =
    await sql`insert into tasks (organization_id, plan_id, task_key, section, stt, title, deadline_texts, schedule, position, source)
    values (${organization.id}, ${plan!.id}, 'I|2|0', 'I', '2', 'Rà soát thủ tục hành chính', '["01/9/2025"]',
            '{"kind":"dated"}', 1, '{}') returning id`;
  await sql`insert into task_units (organization_id, task_id, unit_id, relation, name_in_plan)
    values (${organization.id}, ${late!.id}, ${unitId}, 'lead', 'Văn phòng – Thống kê')`;
  await sql`insert into milestones (organization_id, task_id, milestone_key, start, due)
    values (${organization.id}, ${late!.id}, 'm0', '2025-08-01', '2025-09-01')`;
  // The joins' events are not what this file tests.
  await db.update(domainEvents).set({ handledAt: clock.now });
  return {
    organizationId: organization.id,
    unitId,
    milestoneId: milestone!.id as string,
    coordinator,
    memberId: member.personId,
    chairmanId: chairman!.person_id as string,
    emailOnlyId: emailOnly!.id as string,
  };
}

let sends = 0;
/** A reminder due now (each a second apart, so each is a send of its own), to a unit's members or to the chairman. */
async function planSend(world: World, audience: "member" | "chairman"): Promise<void> {
  sends++;
  await database.client
    .sql`insert into reminders (organization_id, milestone_id, milestone_version, kind, audience_role, audience_unit_id, fire_at)
    select ${world.organizationId}, id, version, 'reminder', ${audience}, ${audience === "member" ? world.unitId : null},
      ${new Date(clock.now.getTime() - sends * 1000).toISOString()}::timestamptz from milestones where id = ${world.milestoneId}`;
}

describe("email as a channel", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it("sends nothing to an address before its owner confirms it, then reminders with each task's signed link", async () => {
    await requestEmailAddress(
      { db: database.client.db, email: email.channel, now: clock.now, confirmUrl: email.confirmUrl },
      world.coordinator,
      world.memberId,
      "thanh.vien@xa.example",
    );
    await planSend(world, "member");
    const before = await dispatchDue(deps(), world.organizationId);
    expect(before.deliveries).toBe(1); // Telegram only
    expect(mailsTo("thanh.vien@xa.example").map((m) => m.subject)).toEqual(["Xác nhận địa chỉ email nhận nhắc việc"]);

    await confirmedEmail(world.coordinator, world.memberId, "thanh.vien@xa.example");
    await planSend(world, "member");
    const after = await dispatchDue(deps(), world.organizationId);
    expect(after.deliveries).toBe(2); // Telegram and email
    const reminder = mailsTo("thanh.vien@xa.example").at(-1) as ParsedMail;
    expect(reminder.text).toContain("Xây dựng Kế hoạch CCHC");
    expect(reminder.text).toMatch(new RegExp(`${PUBLIC_URL}/t/[A-Za-z0-9_-]+`));
    expect(reminder.html).toMatch(/<a href="https:\/\/nhacviec\.xa\.example\/t\/[A-Za-z0-9_-]+">/);
    expect(reminder.headers.has("list-unsubscribe")).toBe(false);
  });

  it("sends the chairman's digest with its chart inline and a one-click unsubscribe that stops digests, not reminders", async () => {
    await confirmedEmail(world.coordinator, world.chairmanId, "chu.tich@xa.example");
    expect(await sendWeeklyDigest(deps(), world.organizationId, { timeZone: "Asia/Ho_Chi_Minh" })).toBe(2);
    const digest = mailsTo("chu.tich@xa.example").at(-1) as ParsedMail;
    expect(digest.subject).toMatch(/^Tổng hợp tiến độ – tuần /);
    const chart = digest.attachments.find((a) => a.contentType === "image/png");
    expect(chart?.cid).toBeTruthy();
    expect(chart?.content.subarray(1, 4).toString()).toBe("PNG");
    // Inline, not a download: the HTML refers to it by cid (mailparser resolves that reference to the image data).
    expect(chart?.related).toBe(true);
    expect(digest.html).toContain(`<img src="data:image/png;base64,${chart?.content.toString("base64").slice(0, 40)}`);
    const header = (name: string) => digest.headerLines.find((h) => h.key === name)?.line ?? "";
    const url = /<(https:[^>]+)>/.exec(header("list-unsubscribe"))?.[1] ?? "";
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL}/email/huy-tong-hop/`));
    expect(digest.html).toContain(`<a href="${url}">Ngừng nhận bản tổng hợp hằng tuần qua email</a>`);
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    // The mail client's one-click POST (RFC 8058).
    const clicked = await routes().request(new URL(url).pathname, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(clicked.status).toBe(200);
    // A forged token changes nothing.
    expect(
      (await routes().request(`/email/huy-tong-hop/${world.chairmanId}.AAAAAAAAAAAAAAAAAAAAAA`, { method: "POST" }))
        .status,
    ).toBe(404);

    const mailsBefore = mailsTo("chu.tich@xa.example").length;
    expect(await sendWeeklyDigest(deps(), world.organizationId, { timeZone: "Asia/Ho_Chi_Minh" })).toBe(1); // Telegram
    expect(mailsTo("chu.tich@xa.example").length).toBe(mailsBefore);
    await planSend(world, "chairman");
    await dispatchDue(deps(), world.organizationId);
    expect(mailsTo("chu.tich@xa.example").length).toBe(mailsBefore + 1);
    expect(mailsTo("chu.tich@xa.example").at(-1)?.text).toContain("Xây dựng Kế hoạch CCHC");
  });

  it("retries a 4xx, and marks the address unreachable on a 5xx at RCPT and tells the coordinator", async () => {
    await confirmedEmail(world.coordinator, world.emailOnlyId, "can.bo@xa.example");
    const { sql } = database.client;
    smtp.refusing.set("can.bo@xa.example", 451);
    await planSend(world, "member");
    // Left for the job's next attempt (BullMQ retries on this error), not failed.
    await expect(dispatchDue(deps(), world.organizationId)).rejects.toThrow(DeliveriesPendingError);
    const [pending] = await sql`select d.state from reminder_deliveries d where d.person_id = ${world.emailOnlyId}`;
    expect(pending?.state).toBe("pending");
    expect(
      (await sql`select unreachable_since from person_channels where chat_id = 'can.bo@xa.example'`)[0]
        ?.unreachable_since,
    ).toBeNull();

    smtp.refusing.set("can.bo@xa.example", 550);
    const coordinatorMessages = telegram.sent.filter((m) => m.chatId === 801).length;
    const refused = await dispatchDue(deps(), world.organizationId);
    expect(refused.unreachable).toBe(1);
    const [row] = await sql`select unreachable_since from person_channels where chat_id = 'can.bo@xa.example'`;
    expect(row?.unreachable_since).not.toBeNull();
    const told = telegram.sent.filter((m) => m.chatId === 801).slice(coordinatorMessages);
    expect(told.map((m) => m.text)).toEqual([
      expect.stringContaining("Không gửi được nhắc việc cho Cán bộ Thư Điện: hộp thư của người này từ chối nhận thư"),
    ]);
    // Nothing more goes to it.
    smtp.refusing.delete("can.bo@xa.example");
    await planSend(world, "member");
    await dispatchDue(deps(), world.organizationId);
    expect(mailsTo("can.bo@xa.example").filter((m) => m.subject !== "Xác nhận địa chỉ email nhận nhắc việc")).toEqual(
      [],
    );
  });

  it("tells an event to a person on email and on Telegram, once each", async () => {
    const { db } = database.client;
    await confirmedEmail(world.coordinator, world.coordinator.personId, "dieu.phoi@xa.example");
    const invite = await createInvite(db, world.coordinator, {
      organizationId: world.organizationId,
      role: "member",
      unitId: world.unitId,
      fullName: "Người Mới Đến",
      now: clock.now,
    });
    if (invite.kind !== "created") throw new Error(invite.kind);
    await redeemInvite(db, { code: invite.code, telegramUserId: 804, chatId: 804, fullName: "x", now: clock.now });
    const telegramBefore = telegram.sent.filter((m) => m.chatId === 801).length;
    const mailsBefore = mailsTo("dieu.phoi@xa.example").length;
    expect(await processEvents(deps())).toBe(1);
    expect(await processEvents(deps())).toBe(0);
    const onTelegram = telegram.sent.filter((m) => m.chatId === 801).slice(telegramBefore);
    const byEmail = mailsTo("dieu.phoi@xa.example").slice(mailsBefore);
    expect(onTelegram.map((m) => m.text)).toEqual([expect.stringContaining("Người Mới Đến đã tham gia")]);
    expect(byEmail.map((m) => m.text?.trim())).toEqual([onTelegram[0]?.text.trim()]);
  });
});
