import { readFileSync } from "node:fs";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plans, tasks } from "../../db/schema.js";
import type { SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { type BotWorld, startBotWorld, TU_PHAP } from "../support/bot-world.js";

let world: BotWorld;
let coordinator: SimulatedUser;
let member: SimulatedUser;
const notice = readFileSync("test/fixtures/directives/d01-tb-ket-luan-xa-gio-son.txt", "utf8");
const invitation = readFileSync("test/fixtures/directives/d05-giay-moi-xa.txt", "utf8");

beforeAll(async () => {
  world = await startBotWorld();
  world.clock.now = new Date("2026-12-03T09:00:00+07:00");
  coordinator = await world.join(301, "coordinator", undefined, { name: "Nguyễn Thị VP" });
  member = await world.join(302, "member", TU_PHAP, { name: "Trần Văn Tư" });
}, 60_000);
afterAll(async () => {
  await world.stop();
});

async function paste(user: SimulatedUser, text: string) {
  const before = user.inbox().length;
  user.send(text);
  return user.waitForMessage(
    (m) => m.text.includes("Chưa có gì được lưu") || m.text.startsWith("ℹ️") || m.text.startsWith("❌"),
    {
      after: before,
      timeoutMs: 20_000,
    },
  );
}

async function pressAndWait(user: SimulatedUser, message: Parameters<SimulatedUser["press"]>[0], label: string) {
  const before = user.inbox().length;
  user.press(message, label);
  return user.waitForMessage(() => true, { after: before, timeoutMs: 20_000 });
}

async function noticeTasks() {
  return world.database.client.db
    .select({ title: tasks.title })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(
      and(eq(plans.organizationId, world.organizationId), eq(plans.number, "25/TB-UBND"), isNull(tasks.removedAt)),
    );
}

describe("a document pasted into the chat", () => {
  it("shows the document, its tasks with lead and deadline, and becomes tasks after one confirmation", async () => {
    const preview = await paste(coordinator, notice);
    expect(preview.text).toContain("📄 Văn bản mới: Thông báo số 25/TB-UBND ngày 02/12/2026 của UBND xã Gio Sơn");
    expect(preview.text).toContain("chủ trì: Công chức Tài chính - Kế toán; hạn: 25/12/2026");
    expect(preview.text).toContain("chủ trì: Công an xã; hạn: 20/12/2026");
    expect(await noticeTasks()).toEqual([]);

    const applied = await pressAndWait(coordinator, preview, "Xác nhận");
    expect(applied.text).toMatch(/^✅ Đã lưu/);
    expect((await noticeTasks()).length).toBe(3);
    const [stored] = await world.database.client.db
      .select({ kind: plans.kind, number: plans.number, issuedOn: plans.issuedOn, issuer: plans.issuer })
      .from(plans)
      .where(eq(plans.number, "25/TB-UBND"));
    expect(stored).toEqual({
      kind: "Thông báo",
      number: "25/TB-UBND",
      issuedOn: "2026-12-02",
      issuer: "UBND xã Gio Sơn",
    });
  }, 60_000);

  it("pasted again changes nothing", async () => {
    const count = async () =>
      (
        (await world.database.client.db.execute(
          sql`select (select count(*)::int from tasks) + (select count(*)::int from milestones) as n`,
        )) as Array<{ n: number }>
      )[0]!.n;
    const before = await count();
    const again = await paste(coordinator, notice);
    expect(again.text).toContain("📄 Văn bản đã nhập trước đây: Thông báo số 25/TB-UBND");
    expect(again.text).toContain("Không có gì thay đổi");
    await pressAndWait(coordinator, again, "Xác nhận");
    expect(await count()).toBe(before);
    expect((await noticeTasks()).length).toBe(3);
  }, 60_000);

  it("says why an invitation imports nothing", async () => {
    const answer = await paste(coordinator, invitation);
    expect(answer.text).toContain("Không có gì được nhập: Giấy mời không giao nhiệm vụ");
  }, 30_000);

  it("is no import for a member, and a short message is no document", async () => {
    const before = member.inbox().length;
    member.send(notice);
    const reply = await member.waitForMessage(() => true, { after: before, timeoutMs: 20_000 });
    expect(reply.text).not.toContain("Văn bản mới");
    const shortBefore = coordinator.inbox().length;
    coordinator.send("Thông báo: họp lúc 8h");
    const short = await coordinator.waitForMessage(() => true, { after: shortBefore, timeoutMs: 20_000 });
    expect(short.text).not.toContain("Văn bản mới");
  }, 60_000);

  it("is listed by /nhiemvu with its completion, and the list filters by unit and state", async () => {
    const ask = async (user: SimulatedUser, text: string) => {
      const before = user.inbox().length;
      user.send(text);
      return user.waitForMessage(() => true, { after: before, timeoutMs: 20_000 });
    };
    const all = await ask(coordinator, "/nhiemvu");
    expect(all.text).toContain("📄 Thông báo số 25/TB-UBND ngày 02/12/2026 của UBND xã Gio Sơn");
    expect(all.text).toContain("“Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 11/2026”");
    expect(all.text).toContain("Hoàn thành 0/3");
    expect(all.text).toContain("— Công an xã — hạn 20/12/2026");
    const unit = await ask(coordinator, "/nhiemvu Công an xã");
    expect(unit.text).toContain("Công an xã");
    expect(unit.text).not.toContain("Công chức Tài chính - Kế toán");
    const done = await ask(coordinator, "/nhiemvu xong");
    expect(done.text).toContain("Không có văn bản nào có nhiệm vụ phù hợp (lọc: xong)");
    const refused = await ask(member, "/nhiemvu");
    expect(refused.text).not.toContain("📄");
  }, 60_000);

  it("counts 'kể từ ngày nhận được' from the day of receipt typed under the preview, and keeps it for a re-import", async () => {
    const inspection = readFileSync("test/fixtures/directives/d38-tb-so-ket-luan-thanh-tra.txt", "utf8");
    // A receipt is a day already come: the office is at Monday 07/12 when it types Saturday 05/12.
    world.clock.now = new Date("2026-12-07T09:00:00+07:00");
    const first = await paste(coordinator, inspection);
    expect(first.text).toContain("1 nhiệm vụ tính hạn “kể từ ngày nhận được văn bản”");
    const withReceipt = await paste(coordinator, "05/12/2026");
    expect(withReceipt.text).toContain("Ngày nhận văn bản: 05/12/2026");
    expect(withReceipt.text).not.toContain("kể từ ngày nhận được văn bản”");
    const applied = await pressAndWait(coordinator, withReceipt, "Xác nhận");
    expect(applied.text).toMatch(/^✅ Đã lưu/);
    const rows = (await world.database.client.db.execute(
      sql`select p.received_on::text as received, count(m.id)::int as dated
          from plans p join tasks t on t.plan_id = p.id left join milestones m on m.task_id = t.id
          where p.number = '45/TB-TTr' group by p.received_on`,
    )) as Array<{ received: string; dated: number }>;
    expect(rows).toEqual([{ received: "2026-12-05", dated: 2 }]);
    const again = await paste(coordinator, inspection);
    expect(again.text).toContain("Không có gì thay đổi");
    expect(again.text).toContain("Ngày nhận văn bản: 05/12/2026");
    await pressAndWait(coordinator, again, "Hủy");
  }, 60_000);
});
