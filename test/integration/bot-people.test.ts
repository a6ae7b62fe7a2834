import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, people, personChannels } from "../../db/schema.js";
import type { EmulatedMessage, SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { operatorInvite } from "../support/invites.js";
import { ask, type BotWorld, startBotWorld, TU_PHAP, VAN_PHONG } from "../support/bot-world.js";

let world: BotWorld;
let coordinator: SimulatedUser;
let thong: SimulatedUser;

beforeAll(async () => {
  world = await startBotWorld();
  coordinator = await world.join(401, "coordinator", undefined, { name: "Nguyễn Thị VP" });
  thong = await world.join(402, "member", VAN_PHONG, { name: "Phạm Thị Thống" });
  await world.join(403, "member", TU_PHAP, { name: "Trần Văn Tư" });
  await world.join(404, "member", TU_PHAP, { name: "Lê Thị Hộ" });
  await operatorInvite(world.database.client.db, {
    organizationId: world.organizationId,
    role: "unit_head",
    unitName: TU_PHAP,
    fullName: "Đỗ Văn Trưởng",
    now: world.clock.now,
  });
  await world.database.client.db
    .update(personChannels)
    .set({ unreachableSince: world.clock.now })
    .where(and(eq(personChannels.channel, "telegram"), eq(personChannels.chatId, "404")));
}, 60_000);
afterAll(async () => {
  await world.stop();
});

async function press(user: SimulatedUser, message: EmulatedMessage, label: string, until: (t: string) => boolean) {
  const before = user.inbox().length;
  user.press(message, label);
  return user.waitForMessage((m) => until(m.text), { after: before });
}

describe("/nguoi", () => {
  it("lists people by unit with who joined, who is invited and who cannot be reached", async () => {
    const list = await ask(coordinator, "/nguoi");
    const text = list.text;
    expect(text).toContain("🏛 Lãnh đạo và điều phối\n  ✅ Nguyễn Thị VP (Văn phòng – Thống kê (điều phối))");
    expect(text).toContain(`🏢 ${TU_PHAP}`);
    expect(text).toContain("  ⚠️ Lê Thị Hộ (công chức) – đã chặn bot, không nhận được nhắc việc");
    expect(text).toContain("  ✅ Trần Văn Tư (công chức)");
    expect(text).toContain("  ✉️ Đỗ Văn Trưởng (phụ trách bộ phận) – đã mời, chưa tham gia, link hết hạn 12/03/2025");
    expect(text).toContain(`🏢 ${VAN_PHONG}\n  ✅ Phạm Thị Thống (công chức)`);
    expect(list.buttons.flat().map((b) => b.text)).not.toContain("⛔ Nguyễn Thị VP");
  });

  it("stops a person's reminders after a confirmation, and offers to invite someone for the unit left empty", async () => {
    const list = await ask(coordinator, "/nguoi");
    const asked = await press(coordinator, list, "⛔ Phạm Thị Thống", (t) =>
      t.startsWith("Ngừng nhắc việc cho Phạm Thị Thống?"),
    );
    await press(coordinator, asked, "Ngừng nhắc việc", (t) => t === "Đã ngừng nhắc việc cho Phạm Thị Thống.");
    const empty = await coordinator.waitForMessage((m) => m.text.includes(`Bộ phận ${VAN_PHONG} không còn ai`));
    const link = await press(coordinator, empty, `Mời người cho ${VAN_PHONG}`, (t) => t.includes("Link mời"));
    expect(link.text).toContain(`bộ phận ${VAN_PHONG}`);

    const [person] = await world.database.client.db.select().from(people).where(eq(people.fullName, "Phạm Thị Thống"));
    expect(person).toMatchObject({ telegramUserId: null });
    expect(
      await world.database.client.db.select().from(personChannels).where(eq(personChannels.personId, person!.id)),
    ).toEqual([]);
    expect(person!.deactivatedAt).not.toBeNull();
    expect(
      await world.database.client.db.select().from(memberships).where(eq(memberships.personId, person!.id)),
    ).toEqual([]);
    expect((await ask(thong, "/viec")).text).toContain("chưa được kết nối");
  });

  it("is for coordinators only", async () => {
    const member = world.emulator.user(403);
    expect((await ask(member, "/nguoi")).text).toContain("Chỉ Văn phòng – Thống kê");
  });
});
