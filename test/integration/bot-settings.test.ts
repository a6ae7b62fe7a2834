import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations, reminders, settingsChanges } from "../../db/schema.js";
import type { EmulatedMessage, SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { ask, type BotWorld, startBotWorld, TU_PHAP } from "../support/bot-world.js";

let world: BotWorld;
let coordinator: SimulatedUser;
let member: SimulatedUser;

beforeAll(async () => {
  world = await startBotWorld();
  coordinator = await world.join(601, "coordinator", undefined, { name: "Nguyễn Thị Điều Phối" });
  member = await world.join(602, "member", TU_PHAP, { name: "Trần Văn Tư" });
}, 60_000);
afterAll(async () => {
  await world.stop();
});

async function press(user: SimulatedUser, message: EmulatedMessage, label: string): Promise<EmulatedMessage> {
  const before = user.inbox().length;
  user.press(message, label);
  return user.waitForMessage(() => true, { after: before });
}

const plannedTimes = async () => {
  const rows = await world.database.client.db
    .select({ fireAt: reminders.fireAt })
    .from(reminders)
    .where(and(eq(reminders.organizationId, world.organizationId), eq(reminders.state, "planned")));
  return new Set(rows.map((row) => row.fireAt.toISOString().slice(11, 16)));
};

describe("/caidat", () => {
  it("is refused to a member, in Vietnamese", async () => {
    const reply = await ask(member, "/caidat");
    expect(reply.text).toBe("Chỉ Văn phòng – Thống kê thay đổi được cài đặt nhắc việc.");
  });

  it("shows the settings, refuses a bad time naming the field, previews a good one and applies it on confirmation", async () => {
    const settings = await ask(coordinator, "/caidat");
    expect(settings.text).toContain("⚙️ Cài đặt nhắc việc của Văn phòng – Thống kê");
    expect(settings.text).toContain("Giờ gửi: 08:00");
    expect(settings.text).toContain("Nhắc trước hạn (ngày làm việc): 14/7/3/1");
    expect(settings.text).toContain("Báo quá hạn sau (ngày làm việc): bộ phận / văn phòng / Chủ tịch: 1/3/7");
    expect(settings.text).toContain("Người nhận tổng hợp tuần: Chủ tịch");

    const asked = await press(coordinator, settings, "Giờ gửi");
    expect(asked.text).toBe("Gõ giờ gửi (HH:MM), ví dụ: 07:30");
    expect((await ask(coordinator, "25:00")).text).toBe("⚠️ Giờ gửi phải có dạng HH:MM, ví dụ 07:30");
    const preview = await ask(coordinator, "7:30");
    expect(preview.text).toContain("Giờ gửi: 08:00 → 07:30");
    expect(preview.text).toMatch(/\d+ lần nhắc sắp tới đổi giờ 08:00 → 07:30; lần gần nhất: Thứ \S+ \d\d\/\d\d 07:30/);
    expect(preview.text).toContain("Áp dụng thay đổi này?");
    // Nothing changes before the confirmation.
    expect(await plannedTimes()).toEqual(new Set(["01:00"]));

    const applied = await press(coordinator, preview, "✅ Áp dụng");
    expect(applied.text).toContain("✅ Đã lưu.");
    expect(await plannedTimes()).toEqual(new Set(["00:30"]));
    const [log] = await world.database.client.db
      .select()
      .from(settingsChanges)
      .where(eq(settingsChanges.organizationId, world.organizationId));
    expect(log).toMatchObject({ field: "sendTime", before: "08:00", after: "07:30" });
  });

  it("switches off reminders to supporting units with a button, and renames the office", async () => {
    const settings = await ask(coordinator, "/caidat");
    const choices = await press(coordinator, settings, "Nhắc đơn vị phối hợp");
    const preview = await press(coordinator, choices, "không");
    expect(preview.text).toContain("Nhắc đơn vị phối hợp: có → không");
    await press(coordinator, preview, "✅ Áp dụng");
    const [organization] = await world.database.client.db
      .select({ policy: organizations.reminderPolicy })
      .from(organizations)
      .where(eq(organizations.id, world.organizationId));
    expect(organization?.policy).toEqual({ sendTime: "07:30", remindSupportingUnits: false });

    const again = await ask(coordinator, "/caidat");
    await press(coordinator, again, "Tên văn phòng");
    const rename = await ask(coordinator, "Văn phòng HĐND và UBND xã");
    expect(rename.text).toContain("Tên văn phòng: Văn phòng – Thống kê → Văn phòng HĐND và UBND xã");
    expect(rename.text).toContain("Không lần nhắc sắp tới nào thay đổi.");
    await press(coordinator, rename, "✅ Áp dụng");
    expect((await ask(member, "/caidat")).text).toBe("Chỉ Văn phòng HĐND và UBND xã thay đổi được cài đặt nhắc việc.");
  });

  it("says a cancelled or stale confirmation is no longer waiting", async () => {
    const settings = await ask(coordinator, "/caidat");
    await press(coordinator, settings, "Nhắc trước hạn (ngày làm việc)");
    const preview = await ask(coordinator, "10/5/2");
    expect(preview.text).toContain("Nhắc trước hạn (ngày làm việc): 14/7/3/1 → 10/5/2");
    await ask(coordinator, "/viec");
    const stale = await press(coordinator, preview, "✅ Áp dụng");
    expect(stale.text).toBe("Thay đổi này không còn chờ xác nhận. Gõ /caidat để bắt đầu lại.");
    const count = await world.database.client.db.execute(
      sql`select count(*)::int as n from settings_changes where organization_id = ${world.organizationId}`,
    );
    expect((count as Array<{ n: number }>)[0]?.n).toBe(3);
  });
});
