import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { milestones, organizations, plans, reminders, tasks } from "../../db/schema.js";
import type { SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { type BotWorld, chatPlan, startBotWorld, TU_PHAP } from "../support/bot-world.js";
import { largePlan, samplePlan, toCsv, toDocx, toPdf, toTabText, toXlsx } from "../support/plan-files.js";
import { seedFiles, seedPath } from "../support/seeds.js";

const run = promisify(execFile);
let world: BotWorld;
let coordinator: SimulatedUser;
let member: SimulatedUser;

beforeAll(async () => {
  world = await startBotWorld();
  coordinator = await world.join(201, "coordinator", undefined, { name: "Nguyễn Thị VP" });
  member = await world.join(202, "member", TU_PHAP, { name: "Trần Văn Tư" });
}, 60_000);
afterAll(async () => {
  await world.stop();
});

/** Sends a file and waits for the bot's answer. */
async function sendFile(user: SimulatedUser, fileName: string, bytes: Buffer) {
  const before = user.inbox().length;
  user.sendDocument(fileName, bytes);
  return user.waitForMessage((m) => !m.text.startsWith("⏳"), { after: before, timeoutMs: 20_000 });
}

async function pressAndWait(user: SimulatedUser, message: Parameters<SimulatedUser["press"]>[0], label: string) {
  const before = user.inbox().length;
  user.press(message, label);
  return user.waitForMessage(() => true, { after: before, timeoutMs: 20_000 });
}

async function tasksOfPlan(organizationId: string, title: string) {
  return world.database.client.db
    .select({ section: tasks.section, stt: tasks.stt, title: tasks.title, texts: tasks.deadlineTexts })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(tasks.organizationId, organizationId), eq(plans.title, title), isNull(tasks.removedAt)))
    .orderBy(asc(tasks.position));
}

async function rowCounts() {
  const [row] = (await world.database.client.db.execute<{
    tasks: number;
    milestones: number;
    plans: number;
    reminders: number;
  }>(
    sql`select (select count(*)::int from tasks) as tasks, (select count(*)::int from milestones) as milestones,
               (select count(*)::int from plans) as plans, (select count(*)::int from reminders) as reminders`,
  )) as Array<Record<string, number>>;
  return row;
}

describe("a coordinator imports a plan by sending the file", () => {
  it("previews each seed without storing anything, and on confirmation stores what the CLI stores", async () => {
    for (const fileName of seedFiles) {
      const bytes = readFileSync(seedPath(fileName));
      const before = await rowCounts();
      const preview = await sendFile(coordinator, fileName, bytes);
      expect(preview.text).toMatch(/^📄 Kế hoạch mới “/);
      expect(preview.text).toContain("Chưa có gì được lưu");
      expect(await rowCounts()).toEqual(before);
      const applied = await pressAndWait(coordinator, preview, "Xác nhận");
      expect(applied.text).toMatch(/^✅ Đã lưu kế hoạch: \d+ nhiệm vụ/);

      const { stdout } = await run(
        "npx",
        ["tsx", "src/cli/main.ts", "import", seedPath(fileName), "--org", `cli-${fileName.slice(0, 3)}`, "--json"],
        {
          env: { ...process.env, DATABASE_URL: world.database.url, LOG_LEVEL: "silent" },
        },
      );
      const cli = JSON.parse(stdout) as { organizationId: string; planId: string; tasks: number };
      const [cliPlan] = await world.database.client.db.select().from(plans).where(eq(plans.id, cli.planId));
      const fromChat = await tasksOfPlan(world.organizationId, cliPlan!.title);
      const fromCli = await tasksOfPlan(cli.organizationId, cliPlan!.title);
      expect(fromChat.length).toBe(cli.tasks);
      expect(fromChat).toEqual(fromCli);
      expect(applied.text).toContain(`${cli.tasks} nhiệm vụ`);
    }
  }, 120_000);

  it("reads .docx, .xlsx, .csv and .pdf; the same plan sent again shows no change", async () => {
    const plan = { ...samplePlan, heading: "Kiểm soát thủ tục hành chính xã Thử Nghiệm năm 2025" };
    const first = await sendFile(coordinator, "ke-hoach.docx", await toDocx(plan));
    expect(first.text).toMatch(/^📄 Kế hoạch mới/);
    await pressAndWait(coordinator, first, "Xác nhận");
    for (const [name, bytes] of [
      ["ke-hoach.xlsx", await toXlsx(plan)],
      ["ke-hoach.csv", Buffer.from(toCsv(plan))],
      ["ke-hoach.pdf", await toPdf(plan)],
    ] as const) {
      const again = await sendFile(coordinator, name, bytes);
      expect(again.text, name).toMatch(/^📄 Cập nhật kế hoạch/);
      expect(again.text, name).toContain("Không có gì thay đổi so với lần nhập trước");
      await pressAndWait(coordinator, again, "Hủy");
    }
  }, 60_000);

  it("shows what an edited plan changes before applying it, and cancel keeps the stored plan", async () => {
    const edited = structuredClone(chatPlan);
    const section = edited.sections[0]!;
    section.tasks[1]!.rows[0]!.deadline = "Trước 30/4/2025";
    section.tasks.splice(3, 1);
    section.tasks.push({
      stt: "5",
      title: "Niêm yết công khai thủ tục",
      rows: [{ activity: "", product: "Bảng niêm yết", lead: TU_PHAP, support: "", deadline: "Trước 15/5/2025" }],
    });
    const before = await rowCounts();
    const preview = await sendFile(coordinator, "ke-hoach-sua.txt", Buffer.from(toTabText(edited)));
    expect(preview.text).toMatch(/^📄 Cập nhật kế hoạch/);
    expect(preview.text).toContain("• Thêm 1: I.5");
    expect(preview.text).toContain("• Bỏ 1: I.4");
    expect(preview.text).toContain("• Đổi hạn I.2: “Trước 10/3/2025” → “Trước 30/4/2025”");
    const cancelled = await pressAndWait(coordinator, preview, "Hủy");
    expect(cancelled.text).toBe("Đã hủy, kế hoạch không thay đổi.");
    expect(await rowCounts()).toEqual(before);

    const again = await sendFile(coordinator, "ke-hoach-sua.txt", Buffer.from(toTabText(edited)));
    await pressAndWait(coordinator, again, "Xác nhận");
    const [moved] = await world.database.client.db
      .select({ due: milestones.due })
      .from(milestones)
      .innerJoin(tasks, eq(tasks.id, milestones.taskId))
      .where(
        and(
          eq(tasks.organizationId, world.organizationId),
          eq(tasks.stt, "2"),
          eq(tasks.title, "Cập nhật trang thông tin điện tử xã"),
        ),
      );
    expect(moved!.due).toBe("2025-04-30");
    const planned = await world.database.client.db
      .select({ id: reminders.id })
      .from(reminders)
      .innerJoin(tasks, sql`true`)
      .where(
        and(
          eq(tasks.title, "Niêm yết công khai thủ tục"),
          eq(reminders.state, "planned"),
          sql`${reminders.milestoneId} in (select id from milestones where task_id = ${tasks.id})`,
        ),
      );
    expect(planned.length).toBeGreaterThan(0);
  }, 60_000);

  it("splits the preview of a long plan under Telegram's 4,096 characters, with the buttons under the last part", async () => {
    const before = coordinator.inbox().length;
    // Unit names the organization does not know yet are listed in the preview; long ones overflow one message.
    const plan = largePlan(60);
    let n = 0;
    for (const section of plan.sections)
      for (const task of section.tasks)
        for (const row of task.rows)
          row.lead = `Tổ công tác số ${++n} ${"phụ trách rà soát thủ tục hành chính ".repeat(20)}`;
    coordinator.sendDocument("dai.txt", Buffer.from(toTabText(plan)));
    const last = await coordinator.waitForMessage((m) => m.buttons.length > 0, { after: before, timeoutMs: 60_000 });
    const parts = coordinator
      .inbox()
      .slice(before)
      .filter((m) => !m.text.startsWith("⏳"));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((m) => m.text.length <= 4096)).toBe(true);
    expect(parts.at(-1)).toBe(last);
    expect(last.text).toContain("Xác nhận");
    await pressAndWait(coordinator, last, "Hủy");
  }, 90_000);

  it("asks once more, stating the count, before previewing a plan of more than 2,000 tasks", async () => {
    const before = await rowCounts();
    const bytes = Buffer.from(toTabText(largePlan(2001)));
    const question = await sendFile(coordinator, "rat-lon.txt", bytes);
    expect(question.text).toContain("Kế hoạch này có 2.001 nhiệm vụ, nhiều hơn giới hạn 2.000 nhiệm vụ");
    expect(question.text).toContain("Xác nhận nhập 2.001 nhiệm vụ?");
    expect(question.buttons.flat().map((b) => b.text)).toEqual(["Nhập 2.001 nhiệm vụ", "Hủy"]);
    expect(await rowCounts()).toEqual(before);
    // Cancelling the count leaves nothing behind; confirming it shows the preview, which has its own "Xác nhận".
    expect((await pressAndWait(coordinator, question, "Hủy")).text).toContain("Đã hủy");
    const again = await sendFile(coordinator, "rat-lon.txt", bytes);
    const parts = coordinator.inbox().length;
    coordinator.press(again, "Nhập 2.001 nhiệm vụ");
    const preview = await coordinator.waitForMessage((m) => m.buttons.length > 0, { after: parts, timeoutMs: 90_000 });
    expect(preview.text).toContain("Chưa có gì được lưu");
    expect(
      coordinator
        .inbox()
        .slice(parts)
        .some((m) => m.text.includes("2001 nhiệm vụ") || m.text.includes("2.001 nhiệm vụ")),
    ).toBe(true);
    expect(await rowCounts()).toEqual(before);
    await pressAndWait(coordinator, preview, "Hủy");
    expect(await rowCounts()).toEqual(before);
  }, 180_000);

  it("reads a plan whose title gives no year as this year's", async () => {
    const plan = { ...samplePlan, heading: "Kế hoạch rà soát thủ tục hành chính xã Thử Nghiệm" };
    const preview = await sendFile(coordinator, "khong-nam.txt", Buffer.from(toTabText(plan)));
    expect(preview.text).toMatch(/^📄 Kế hoạch mới “.*” \(2025\):/);
    await pressAndWait(coordinator, preview, "Hủy");
  }, 30_000);

  it("refuses a file from anyone but a coordinator, and answers a corrupt file clearly without changing anything", async () => {
    const before = await rowCounts();
    const refused = await sendFile(member, "ke-hoach.docx", await toDocx(samplePlan));
    expect(refused.text).toContain("Chỉ Văn phòng – Thống kê nhập được kế hoạch");
    const corrupt = await sendFile(coordinator, "hong.docx", Buffer.from("PK\u0003\u0004 not really a zip"));
    expect(corrupt.text).toMatch(/^❌ Không đọc được tệp: hong\.docx/);
    const picture = await sendFile(coordinator, "anh.png", Buffer.from("\u0089PNG"));
    expect(picture.text).toContain("không phải loại tệp kế hoạch");
    expect(await rowCounts()).toEqual(before);
    const [organization] = await world.database.client.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, world.organizationId));
    expect(organization!.slug).toBe("thu-nghiem");
  }, 60_000);
});
