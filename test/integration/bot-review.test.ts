import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { milestones, reminders, taskUnits, tasks, unitAliases, units } from "../../db/schema.js";
import type { EmulatedMessage, SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { type BotWorld, startBotWorld, TU_PHAP, VAN_PHONG } from "../support/bot-world.js";
import { type SamplePlan, toTabText } from "../support/plan-files.js";

/** A plan the importer cannot finish on its own: two dates to set, a lead to pick, a new unit name, a warning. */
const reviewPlan: SamplePlan = {
  heading: "Nâng cao chỉ số PAR INDEX xã Thử Nghiệm năm 2025",
  sections: [
    {
      roman: "I",
      title: "NHIỆM VỤ",
      tasks: [
        {
          stt: "1",
          title: "Tổ chức đối thoại với người dân",
          rows: [{ activity: "", product: "Biên bản", lead: VAN_PHONG, support: "", deadline: "Theo Kế hoạch" }],
        },
        {
          stt: "2",
          title: "Kiểm tra công vụ",
          rows: [{ activity: "", product: "Báo cáo", lead: "VP-TK", support: "", deadline: "Theo Kế hoạch" }],
        },
        {
          stt: "3",
          title: "Số hóa hồ sơ thủ tục",
          rows: [{ activity: "", product: "Hồ sơ số", lead: "", support: "", deadline: "Trước 30/6/2025" }],
        },
        {
          stt: "4",
          title: "Báo cáo định kỳ",
          rows: [
            {
              activity: "",
              product: "Báo cáo",
              lead: TU_PHAP,
              support: "",
              deadline: "Trước 31/3/2025; Theo văn bản của huyện",
            },
          ],
        },
      ],
    },
  ],
};

let world: BotWorld;
let coordinator: SimulatedUser;

beforeAll(async () => {
  world = await startBotWorld();
  coordinator = await world.join(301, "coordinator", undefined, { name: "Nguyễn Thị VP" });
  await world.join(302, "member", VAN_PHONG, { name: "Phạm Thị Thống" });
  await world.join(303, "member", TU_PHAP, { name: "Trần Văn Tư" });
}, 60_000);
afterAll(async () => {
  await world.stop();
});

async function importByChat(plan: SamplePlan): Promise<EmulatedMessage> {
  let before = coordinator.inbox().length;
  coordinator.sendDocument("par-index.txt", Buffer.from(toTabText(plan)));
  const preview = await coordinator.waitForMessage((m) => m.text.startsWith("📄"), { after: before });
  before = coordinator.inbox().length;
  coordinator.press(preview, "Xác nhận");
  return coordinator.waitForMessage((m) => m.text.startsWith("✅ Đã lưu"), { after: before });
}

/** Presses and returns the next review item the bot shows. */
async function decide(message: EmulatedMessage, label: string): Promise<EmulatedMessage> {
  const before = coordinator.inbox().length;
  coordinator.press(message, label);
  return coordinator.waitForMessage((m) => m.text.startsWith("🧭") || m.text.startsWith("✅ Không còn"), {
    after: before,
  });
}

async function type(text: string, until: (m: EmulatedMessage) => boolean): Promise<EmulatedMessage> {
  const before = coordinator.inbox().length;
  coordinator.send(text);
  return coordinator.waitForMessage(until, { after: before });
}

async function milestoneOfTask(title: string) {
  const [row] = await world.database.client.db
    .select({ milestone: milestones })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .where(and(eq(tasks.organizationId, world.organizationId), eq(tasks.title, title)));
  return row!.milestone;
}

describe("reviewing an import in the chat", () => {
  it("sets dates typed in Vietnamese, picks a lead, merges a unit name, acknowledges a warning, and the next import keeps it all", async () => {
    await importByChat(reviewPlan);
    let item = await type("/rasoat", (m) => m.text.startsWith("🧭"));
    expect(item.text).toContain("🧭 Cần xử lý: 5 mục (mục 1/5)");
    expect(item.text).toContain(
      "I.1 Tổ chức đối thoại với người dân chưa có ngày hoàn thành. Kế hoạch ghi: “Theo Kế hoạch”",
    );

    let before = coordinator.inbox().length;
    coordinator.press(item, "Đặt ngày");
    await coordinator.waitForMessage((m) => m.text.includes("Nhập ngày hoàn thành cho I.1"), { after: before });
    expect((await type("15/3", (m) => m.text.startsWith("✅"))).text).toBe(
      "✅ I.1: hạn Thứ Bảy 15/03/2025; nhắc việc đã được lên lịch.",
    );
    item = await coordinator.waitForMessage((m) => m.text.startsWith("🧭"), { after: before + 2 });
    expect(item.text).toContain("I.2 Kiểm tra công vụ chưa có ngày hoàn thành");
    before = coordinator.inbox().length;
    coordinator.press(item, "Đặt ngày");
    await coordinator.waitForMessage((m) => m.text.includes("Nhập ngày hoàn thành cho I.2"), { after: before });
    expect((await type("cuối quý 2", (m) => m.text.startsWith("✅"))).text).toContain("I.2: hạn Thứ Hai 30/06/2025");
    item = await coordinator.waitForMessage((m) => m.text.startsWith("🧭"), { after: before + 2 });

    const dialogue = await milestoneOfTask("Tổ chức đối thoại với người dân");
    expect(dialogue).toMatchObject({ due: "2025-03-15", planDue: null, version: 2 });
    const planned = await world.database.client.db
      .select({ fireAt: reminders.fireAt })
      .from(reminders)
      .where(and(eq(reminders.milestoneId, dialogue.id), eq(reminders.state, "planned")));
    expect(planned.map((r) => r.fireAt.toISOString())).toContain("2025-03-14T01:00:00.000Z");

    expect(item.text).toContain("I.3 Số hóa hồ sơ thủ tục chưa có đơn vị chủ trì");
    item = await decide(item, TU_PHAP);
    expect(item.text).toContain("“VP-TK” (1 nhiệm vụ) chưa khớp bộ phận nào");
    // "VP-TK" reads as an abbreviation of the office's name: suggested, and its merge button comes first.
    expect(item.text).toContain(`Có thể là cách viết khác của: ${VAN_PHONG}`);
    expect(
      item.buttons
        .flat()
        .map((b) => b.text)
        .slice(0, 2),
    ).toEqual(["Là bộ phận riêng", `≈ ${VAN_PHONG}`]);
    item = await decide(item, `≈ ${VAN_PHONG}`);
    expect(item.text).toContain("I.4 Báo cáo định kỳ:");
    expect(item.text).toContain("Thời hạn cần xem lại");
    const last = await decide(item, "Đã xem");
    expect(last.text).toBe("✅ Không còn gì cần xử lý.");

    const [merged] = await world.database.client.db.select().from(units).where(eq(units.name, "VP-TK"));
    expect(merged!.mergedIntoId).not.toBeNull();
    const aliases = await world.database.client.db.select().from(unitAliases).where(eq(unitAliases.alias, "VP-TK"));
    expect(aliases).toHaveLength(1);

    // The same plan again: the alias resolves VP-TK, the dates and the chosen lead stay.
    const reimport = await importByChat(reviewPlan);
    expect(reimport.text).toContain("4 nhiệm vụ");
    const newUnits = await world.database.client.db
      .select()
      .from(units)
      .where(and(eq(units.organizationId, world.organizationId), isNull(units.mergedIntoId), eq(units.name, "VP-TK")));
    expect(newUnits).toEqual([]);
    expect((await milestoneOfTask("Tổ chức đối thoại với người dân")).due).toBe("2025-03-15");
    expect((await milestoneOfTask("Kiểm tra công vụ")).due).toBe("2025-06-30");
    const [digitize] = await world.database.client.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.organizationId, world.organizationId), eq(tasks.title, "Số hóa hồ sơ thủ tục")));
    const leads = await world.database.client.db
      .select({ unitId: taskUnits.unitId, assignedBy: taskUnits.assignedBy })
      .from(taskUnits)
      .where(and(eq(taskUnits.taskId, digitize!.id), eq(taskUnits.relation, "lead")));
    expect(leads.map((l) => l.assignedBy)).toEqual(["coordinator"]);
    expect((await type("/rasoat", (m) => m.text.startsWith("✅") || m.text.startsWith("🧭"))).text).toBe(
      "✅ Không còn gì cần xử lý.",
    );
  }, 60_000);

  it("a changed deadline in the plan still moves a date the coordinator had set", async () => {
    const edited = structuredClone(reviewPlan);
    edited.sections[0]!.tasks[0]!.rows[0]!.deadline = "Trước 20/4/2025";
    await importByChat(edited);
    expect(await milestoneOfTask("Tổ chức đối thoại với người dân")).toMatchObject({
      due: "2025-04-20",
      planDue: "2025-04-20",
    });
  }, 60_000);

  it("is for coordinators only", async () => {
    const member = world.emulator.user(302);
    const before = member.inbox().length;
    member.send("/rasoat");
    expect((await member.waitForMessage(() => true, { after: before })).text).toContain("Chỉ Văn phòng – Thống kê");
  });

  it("lists a unit whose only member can no longer be reached, in the words of the reminders' mark", async () => {
    const { sql } = world.database.client;
    await sql`update person_channels set unreachable_since = now() where channel = 'telegram' and chat_id = '303'`;
    try {
      const shown = await type("/rasoat", (m) => m.text.startsWith("✅") || m.text.startsWith("🧭"));
      expect(shown.text).toContain(`⚠️ Chưa có người nhận ở ${TU_PHAP}, hãy mời người nhận (/moi).`);
      expect(shown.text).toMatch(/Bộ phận này chủ trì hoặc phối hợp \d+ nhiệm vụ đang mở/);
    } finally {
      await sql`update person_channels set unreachable_since = null where channel = 'telegram' and chat_id = '303'`;
    }
    expect((await type("/rasoat", (m) => m.text.startsWith("✅") || m.text.startsWith("🧭"))).text).toBe(
      "✅ Không còn gì cần xử lý.",
    );
  });
});
