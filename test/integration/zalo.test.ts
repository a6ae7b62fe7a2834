/**
 * Zalo as a second channel, through the Zalo API emulator: onboarding by
 * invite code, reminders with signed links to the web app, "xong <số>", and
 * one message per channel per slot for a person on both.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvalRequests, milestones, people, tasks } from "../../db/schema.js";
import type { SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import type { SimulatedZaloUser } from "../../src/dev/zalo-api-emulator.js";
import { findViewerById } from "../../src/services/people/viewer.js";
import { createSignInLink } from "../../src/services/web/sessions.js";
import { TU_PHAP } from "../support/bot-world.js";
import { startZaloWorld, type ZaloWorld } from "../support/zalo-world.js";
import { DeliveriesPendingError } from "../../src/services/delivery/dispatch-due.js";

let world: ZaloWorld;
let onZalo: SimulatedZaloUser;
let onTelegram: SimulatedUser;
let coordinator: SimulatedUser;
beforeAll(async () => {
  world = await startZaloWorld();
  coordinator = await world.join(701, "coordinator", undefined, { name: "Điều phối viên" });
  onTelegram = await world.join(702, "member", TU_PHAP, { name: "Trần Telegram" });
  onZalo = await world.joinZalo("a0000000000000000001", "member", TU_PHAP, "Lê Thị Zalo");
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

const LINK = /http:\/\/nhacviec\.test\/t\/([A-Za-z0-9_-]+)/g;
const linksIn = (text: string) => [...text.matchAll(LINK)].map((m) => m[1] as string);
const day = (iso: string) => new Date(`${iso}T09:00:00+07:00`);

/** Moves the clock a day at a time and dispatches, until `until` holds (the plan's first reminders). */
async function dispatchUntil(until: () => boolean, from = "2025-03-06", days = 20) {
  for (let i = 0; i < days && !until(); i++) {
    world.clock.now = new Date(day(from).getTime() + i * 86_400_000);
    await world.dispatch();
  }
  if (!until()) throw new Error("no reminder came");
}

async function personIdOfZalo(chatId: string): Promise<string> {
  const rows = await world.database.client.sql`select person_id from person_channels where chat_id = ${chatId}`;
  return rows[0]!.person_id as string;
}

async function signedInCookie(personId: string): Promise<string> {
  const viewer = await findViewerById(world.database.client.db, personId);
  const token = await createSignInLink(world.database.client.db, viewer!, world.clock.now);
  const response = await world.web.request("/signin", {
    method: "POST",
    body: new URLSearchParams({ token }),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  expect(response.status).toBe(303);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
}

describe("Zalo as a second channel", () => {
  it("onboards a person who sends the invite code, and answers a stranger with how to join", async () => {
    expect(onZalo.inbox()[0]?.text).toContain("đã được kết nối");
    const stranger = world.zalo.user("a0000000000000000099");
    stranger.send("việc");
    const answer = await stranger.waitForMessage();
    expect(answer.text).toContain("Zalo của bạn chưa được kết nối");
  });

  it("sends the demo's reminders on Zalo with a working signed link per task", async () => {
    const zaloBefore = onZalo.inbox().length;
    const telegramBefore = onTelegram.inbox().length;
    await dispatchUntil(() => onZalo.inbox().length > zaloBefore);
    const reminder = onZalo.inbox()[zaloBefore]!;
    expect(reminder.text).toMatch(/^🔔 Nhắc việc: \d+ việc/);
    // The same text as on Telegram, with a link under each task.
    const telegram = onTelegram.inbox()[telegramBefore]!;
    for (const line of telegram.text.split("\n")) expect(reminder.text).toContain(line);
    const tokens = linksIn(reminder.text);
    expect(tokens.length).toBe(telegram.buttons.length);

    const personId = await personIdOfZalo(onZalo.id);
    const withoutSession = await world.web.request(`/t/${tokens[0]}`);
    expect(withoutSession.status).toBe(401);
    expect(await withoutSession.text()).toContain("đăng nhập");
    const cookie = await signedInCookie(personId);
    const opened = await world.web.request(`/t/${tokens[0]}`, { headers: { cookie } });
    expect(opened.status).toBe(303);
    const page = opened.headers.get("location") as string;
    expect(page).toMatch(/^\/m\/[0-9a-f-]{36}$/);
    const milestonePage = await world.web.request(page, { headers: { cookie } });
    expect(milestonePage.status).toBe(200);
  });

  it("refuses a forged or an expired link with a Vietnamese page", async () => {
    const personId = await personIdOfZalo(onZalo.id);
    const [milestone] = await world.database.client.db.select({ id: milestones.id }).from(milestones).limit(1);
    const valid = linksIn(world.link(personId, milestone!.id, new Date(world.clock.now.getTime() + 3600_000)))[0]!;
    const forged = `${valid.slice(0, 40)}${valid[40] === "A" ? "B" : "A"}${valid.slice(41)}`;
    const refused = await world.web.request(`/t/${forged}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Liên kết này không hợp lệ");
    const expired = linksIn(world.link(personId, milestone!.id, new Date(world.clock.now.getTime() - 1000)))[0]!;
    const late = await world.web.request(`/t/${expired}`);
    expect(late.status).toBe(410);
    expect(await late.text()).toContain("Liên kết này đã hết hạn");
  });

  it('submits "xong <số>" for approval where no document is required, and links to the page where one is', async () => {
    const ask = async (text: string) => {
      const before = onZalo.inbox().length;
      onZalo.send(text);
      return (await onZalo.waitForMessage(() => true, { after: before })).text;
    };
    const list = await ask("việc");
    const lines = list.split("\n");
    const positionOf = (title: string) => {
      const line = lines.find((l) => l.includes(title)) as string;
      return Number(/ (\d+)\. /.exec(line)?.[1]);
    };
    const website = positionOf("Cập nhật trang thông tin điện tử xã");
    const written = positionOf("Xây dựng Kế hoạch tuyên truyền CCHC");
    expect(website).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(0);

    const seen = coordinator.inbox().length;
    const submitted = await ask(`xong ${website}`);
    expect(submitted).toContain("Đã ghi nhận hoàn thành");
    const { db } = world.database.client;
    const [row] = await db
      .select({ state: milestones.state, requests: approvalRequests.id })
      .from(milestones)
      .innerJoin(tasks, eq(tasks.id, milestones.taskId))
      .leftJoin(approvalRequests, eq(approvalRequests.milestoneId, milestones.id))
      .where(
        and(
          eq(tasks.title, "Cập nhật trang thông tin điện tử xã"),
          eq(milestones.organizationId, world.organizationId),
        ),
      );
    expect(row?.state).toBe("submitted");
    expect(row?.requests).not.toBeNull();
    // The coordinator decides on Telegram, with the same buttons as for a Telegram report.
    const request = await coordinator.waitForMessage((m) => m.text.includes("Lê Thị Zalo"), { after: seen });
    expect(request.buttons.flat().length).toBe(2);

    const needsFile = await ask(`xong ${written}`);
    expect(needsFile).toContain("là văn bản");
    expect(linksIn(needsFile)).toHaveLength(1);
    expect(await ask("xong 99")).toContain("Không có việc số 99");
  });

  it("reaches a person on both channels once on each per slot, never twice on one", async () => {
    const both = await world.join(703, "member", TU_PHAP, { name: "Phạm Hai Kênh" });
    const before = both.inbox().length;
    both.send("/zalo");
    await both.waitForMessage((m) => m.text.includes("Zalo Bot"), { after: before });
    const code = (await both.waitForMessage((m) => /^[A-Za-z0-9_-]{22}$/.test(m.text), { after: before })).text;
    const onBothZalo = world.zalo.user("a0000000000000000703");
    onBothZalo.send(code);
    await onBothZalo.waitForMessage((m) => m.text.includes("cả qua Zalo"));
    const [person] = await world.database.client.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.telegramUserId, 703));
    expect(await personIdOfZalo(onBothZalo.id)).toBe(person!.id);

    const telegramBefore = both.inbox().length;
    const zaloBefore = onBothZalo.inbox().length;
    // Three dispatchers at once over the same slot.
    world.clock.now = day("2025-03-24");
    // A dispatcher that finds another's claims unrecorded says so (the job tries again), never sends them itself.
    const rounds = await Promise.allSettled([world.dispatch(), world.dispatch(), world.dispatch()]);
    for (const round of rounds)
      if (round.status === "rejected") expect(round.reason).toBeInstanceOf(DeliveriesPendingError);
    await world.dispatch();
    const telegramReminders = both
      .inbox()
      .slice(telegramBefore)
      .filter((m) => m.text.startsWith("🔔"));
    const zaloReminders = onBothZalo
      .inbox()
      .slice(zaloBefore)
      .filter((m) => m.text.startsWith("🔔"));
    expect(telegramReminders).toHaveLength(1);
    expect(zaloReminders).toHaveLength(1);
    const deliveries = await world.database.client.sql`
      select channel, count(*)::int as n, count(distinct reminder_id)::int as reminders from reminder_deliveries
      where person_id = ${person!.id} and state = 'sent' group by channel order by channel`;
    expect(deliveries.map((d) => d.channel)).toEqual(["telegram", "zalo"]);
    expect(deliveries[0]!.n).toBe(deliveries[1]!.n);
    expect(deliveries[0]!.n).toBe(deliveries[0]!.reminders);
  });

  it("marks only the Zalo channel unreachable when the person blocks the Zalo bot", async () => {
    const personId = await personIdOfZalo(onZalo.id);
    onZalo.block();
    world.clock.now = day("2025-03-31");
    await world.dispatch();
    const [channel] = await world.database.client
      .sql`select unreachable_since from person_channels where person_id = ${personId} and channel = 'zalo'`;
    expect(channel!.unreachable_since).not.toBeNull();
    const [telegram] = await world.database.client
      .sql`select unreachable_since from person_channels where channel = 'telegram' and chat_id = '702'`;
    expect(telegram!.unreachable_since).toBeNull();
    onZalo.unblock();
  });
});
