import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvalRequests, evidenceFiles, milestoneEvents, milestones, reminders, tasks } from "../../db/schema.js";
import { registerCommands } from "../../src/bot/create-bot.js";
import ExcelJS from "exceljs";
import { Api } from "grammy";
import type { SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { operatorInvite } from "../support/invites.js";
import { ask, type BotWorld, startBotWorld, TU_PHAP, VAN_PHONG } from "../support/bot-world.js";

let world: BotWorld;
let chairman: SimulatedUser;
let coordinator: SimulatedUser;
let tuPhap: SimulatedUser;
let vanPhong: SimulatedUser;
let stranger: SimulatedUser;
let otherCoordinator: SimulatedUser;

beforeAll(async () => {
  world = await startBotWorld();
  chairman = await world.join(100, "chairman", undefined, { name: "Chủ tịch Lê Văn A" });
  coordinator = await world.join(101, "coordinator", undefined, { name: "Nguyễn Thị VP" });
  tuPhap = await world.join(102, "member", TU_PHAP, { name: "Trần Văn Tư" });
  vanPhong = await world.join(104, "member", VAN_PHONG, { name: "Phạm Thị Thống" });
  otherCoordinator = await world.join(106, "coordinator", undefined, { other: true, name: "Điều phối xã khác" });
  stranger = world.emulator.user(105);
}, 60_000);
afterAll(async () => {
  await world.stop();
});

/** The milestone of task `stt` in the test organization (or the other one). */
async function milestoneOf(stt: string, other = false) {
  const [row] = await world.database.client.db
    .select({ milestone: milestones })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .where(
      and(eq(tasks.stt, stt), eq(milestones.organizationId, other ? world.otherOrganizationId : world.organizationId)),
    );
  return row!.milestone;
}

async function eventsOf(milestoneId: string) {
  return world.database.client.db
    .select()
    .from(milestoneEvents)
    .where(eq(milestoneEvents.milestoneId, milestoneId))
    .orderBy(asc(milestoneEvents.id));
}

async function press(
  user: SimulatedUser,
  message: { messageId: number } & Parameters<SimulatedUser["press"]>[0],
  label: string,
  match?: (text: string) => boolean,
) {
  const before = user.inbox().length;
  user.press(message, label);
  return user.waitForMessage((m) => (match ? match(m.text) : true), { after: before });
}

/** The callback answer (toast or alert) for the last press, once it arrives. */
async function lastAnswerAfter(count: number) {
  const deadline = Date.now() + 5000;
  while (world.emulator.callbackAnswers.length <= count) {
    if (Date.now() > deadline) throw new Error("no callback answer");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return world.emulator.callbackAnswers.at(-1)!;
}

describe("onboarding", () => {
  it("binds an account with its role and unit, and refuses used, unknown and expired codes", async () => {
    expect(tuPhap.inbox()[0]!.text).toContain("với vai trò công chức, bộ phận Tư pháp – Hộ tịch");
    const invite = await operatorInvite(world.database.client.db, {
      organizationId: world.organizationId,
      role: "member",
      unitName: VAN_PHONG,
      now: world.clock.now,
    });
    const first = world.emulator.user(110);
    await ask(first, `/start ${invite.code}`, (t) => t.includes("đã được kết nối"));
    const second = world.emulator.user(111);
    expect((await ask(second, `/start ${invite.code}`)).text).toContain("đã được dùng");
    expect((await ask(second, "/start khong-co-ma-nay")).text).toContain("Mã mời không đúng");
    const old = await operatorInvite(world.database.client.db, {
      organizationId: world.organizationId,
      role: "member",
      unitName: VAN_PHONG,
      now: new Date(world.clock.now.getTime() - 8 * 86_400_000),
    });
    expect((await ask(second, `/start ${old.code}`)).text).toContain("đã hết hạn");
    expect((await ask(second, "/viec")).text).toContain("chưa được kết nối");
  });

  it("makes a chat that tried five wrong codes wait, saying until when, even with a right code", async () => {
    const guesser = world.emulator.user(112);
    for (let i = 0; i < 5; i++) expect((await ask(guesser, `/start sai-${i}`)).text).toContain("Mã mời không đúng");
    const invite = await operatorInvite(world.database.client.db, {
      organizationId: world.organizationId,
      role: "member",
      unitName: VAN_PHONG,
      now: world.clock.now,
    });
    // The clock reads 09:00 in Hà Nội; the five wrong codes were all at 09:00, so the chat waits until 09:15.
    const refused = (await ask(guesser, `/start ${invite.code}`)).text;
    expect(refused).toContain("sai mã mời 5 lần trong 15 phút");
    expect(refused).toContain("thử lại sau 09:15 (khoảng 15 phút nữa)");
    const started = world.clock.now;
    try {
      world.clock.now = new Date(started.getTime() + 15 * 60_000);
      expect((await ask(guesser, `/start ${invite.code}`)).text).toContain("đã được kết nối");
    } finally {
      world.clock.now = started;
    }
  });

  it("answers a stranger's commands and buttons with an explanation only", async () => {
    expect((await ask(stranger, "/viec")).text).toContain("chưa được kết nối");
    expect((await ask(stranger, "/tonghop")).text).toContain("chưa được kết nối");
    const milestone = await milestoneOf("2");
    const answers = world.emulator.callbackAnswers.length;
    stranger.pressRaw(
      { chatId: 105, messageId: 1, text: "", buttons: [], at: Date.now(), edits: 0 },
      `done:${milestone.id}`,
    );
    expect((await lastAnswerAfter(answers)).text).toContain("chưa được kết nối");
    expect((await milestoneOf("2")).state).toBe("open");
  });
});

describe("lists", () => {
  it("/viec shows a member their unit's open milestones, soonest first, coloured, with buttons", async () => {
    const reply = await ask(tuPhap, "/viec");
    const lines = reply.text.split("\n");
    expect(lines[0]).toBe("📋 Việc đang mở: 2");
    expect(reply.text.indexOf("I.2 Cập nhật trang thông tin")).toBeLessThan(
      reply.text.indexOf("I.1 Xây dựng Kế hoạch"),
    );
    expect(reply.text).toContain("🔵 1. I.2 Cập nhật trang thông tin điện tử xã\nHạn: 10/03/2025 · Chưa thực hiện");
    expect(reply.text).not.toContain("Tổng hợp kết quả");
    expect(reply.buttons.flat().map((b) => b.text)).toEqual([
      "✅ 1. Đã hoàn thành",
      "📎 Gửi minh chứng",
      "📈 Báo cáo tiến độ",
      "⏳ Xin gia hạn",
      "✅ 2. Đã hoàn thành",
      "📎 Gửi minh chứng",
      "📈 Báo cáo tiến độ",
      "⏳ Xin gia hạn",
    ]);
  });

  it("/viec groups the coordinator's whole-organization list by unit in one message; /quahan shows overdue work in red", async () => {
    const reply = await ask(coordinator, "/viec");
    expect(reply.text.split("\n")[0]).toBe("📋 Việc đang mở: 4");
    expect(reply.text).toContain(
      "🏢 Văn phòng – Thống kê\n🔴 1. I.3 Tổng hợp kết quả tháng 2\nHạn: 28/02/2025 · Quá hạn 5 ngày",
    );
    expect(reply.buttons.flat().some((b) => b.text.startsWith("Trang"))).toBe(false);
    const overdue = await ask(coordinator, "/quahan");
    expect(overdue.text).toContain("⏰ Việc quá hạn: 1");
    expect(overdue.text).toContain("I.3 Tổng hợp kết quả tháng 2");
    expect((await ask(tuPhap, "/quahan")).text).toBe("👍 Không có việc nào quá hạn.");
  });
});

describe("completion", () => {
  it("submits a completion, the coordinator approves it, and the log says who did what from which message", async () => {
    const list = await ask(tuPhap, "/viec");
    const confirmation = await press(tuPhap, list, "✅ 1. Đã hoàn thành");
    expect(confirmation.text).toContain("Đã ghi nhận hoàn thành “Cập nhật trang thông tin điện tử xã”");
    const request = await coordinator.waitForMessage((m) => m.text.includes("báo hoàn thành"));
    expect(request.text).toContain(
      "Trần Văn Tư (Tư pháp – Hộ tịch) báo hoàn thành:\nI.2 Cập nhật trang thông tin điện tử xã",
    );
    expect((await milestoneOf("2")).state).toBe("submitted");
    const before = tuPhap.inbox().length;
    await press(coordinator, request, "Duyệt", (t) => t.includes("Đã duyệt"));
    await tuPhap.waitForMessage((m) => m.text.includes("đã được duyệt hoàn thành"), { after: before });
    const milestone = await milestoneOf("2");
    expect(milestone.state).toBe("done");
    const events = await eventsOf(milestone.id);
    expect(events.map((e) => e.action).filter((a) => a.startsWith("completion"))).toEqual([
      "completion-submitted",
      "completion-approved",
    ]);
    expect(events.find((e) => e.action === "completion-approved")!.telegramChatId).toBe(101);
    const submitted = events.find((e) => e.action === "completion-submitted")!;
    expect(submitted).toMatchObject({ telegramChatId: 102, telegramMessageId: list.messageId });
    // The approver's buttons are gone: a second press cannot decide twice.
    expect(request.buttons.flat()).toEqual([]);
  });

  it("asks for the document when the product is written, stores it by hash, then sends it for approval; a return carries the comment", async () => {
    const list = await ask(tuPhap, "/viec");
    const asked = await press(tuPhap, list, "✅ 1. Đã hoàn thành", (t) => t.includes("Hãy gửi tệp minh chứng"));
    expect(asked.text).toContain(
      "Sản phẩm của việc “Xây dựng Kế hoạch tuyên truyền CCHC” là văn bản (Kế hoạch tuyên truyền)",
    );
    const bytes = Buffer.from("%PDF-1.4 kế hoạch tuyên truyền đã ký");
    const before = tuPhap.inbox().length;
    tuPhap.sendDocument("KH tuyên truyền.pdf", bytes, "application/pdf");
    await tuPhap.waitForMessage((m) => m.text.includes("Đã lưu minh chứng “KH tuyên truyền.pdf”"), { after: before });
    await tuPhap.waitForMessage((m) => m.text.includes("Đã ghi nhận hoàn thành"), { after: before });
    const milestone = await milestoneOf("1");
    const [file] = await world.database.client.db
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.milestoneId, milestone.id));
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(file).toMatchObject({
      fileName: "KH tuyên truyền.pdf",
      sha256,
      sizeBytes: bytes.length,
      mimeType: "application/pdf",
    });
    expect(file!.telegramFileId).toMatch(/^file-/);
    expect(file!.storagePath.startsWith(world.evidenceDir)).toBe(true);
    expect(createHash("sha256").update(readFileSync(file!.storagePath)).digest("hex")).toBe(sha256);

    const request = await coordinator.waitForMessage(
      (m) => m.text.includes("I.1 Xây dựng Kế hoạch") && m.text.includes("Minh chứng: 1 tệp"),
    );
    await press(coordinator, request, "Trả lại", (t) => t.includes("Lý do trả lại"));
    const returned = tuPhap.inbox().length;
    await ask(coordinator, "Thiếu chữ ký của Chủ tịch", (t) => t.includes("Đã trả lại"));
    const notice = await tuPhap.waitForMessage((m) => m.text.includes("bị trả lại"), { after: returned });
    expect(notice.text).toBe("↩️ Việc “Xây dựng Kế hoạch tuyên truyền CCHC” bị trả lại: Thiếu chữ ký của Chủ tịch");
    expect((await milestoneOf("1")).state).toBe("in_progress");
    const events = await eventsOf(milestone.id);
    expect(events.find((e) => e.action === "completion-returned")!.details).toEqual({
      comment: "Thiếu chữ ký của Chủ tịch",
    });
    expect(events.find((e) => e.action === "evidence-attached")!.details).toMatchObject({ sha256 });
  });

  it("takes a photo as evidence, refuses files over 20 MB, and points a file sent out of the blue to the buttons", async () => {
    const milestone = await milestoneOf("4");
    const list = await ask(vanPhong, "/viec");
    await press(vanPhong, list, `evidence:${milestone.id}`, (t) => t.includes("Hãy gửi tệp minh chứng"));
    let before = vanPhong.inbox().length;
    vanPhong.sendDocument("quet-ho-so.zip", Buffer.alloc(21 * 1024 * 1024), "application/zip");
    expect((await vanPhong.waitForMessage(() => true, { after: before })).text).toContain("lớn hơn 20 MB");
    before = vanPhong.inbox().length;
    const photo = Buffer.from("JPEG danh sách thủ tục đã rà soát");
    vanPhong.sendPhoto(photo);
    expect((await vanPhong.waitForMessage(() => true, { after: before })).text).toMatch(
      /^📎 Đã lưu minh chứng “anh-2025-03-05-\d+\.jpg”/,
    );
    const files = await world.database.client.db
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.milestoneId, milestone.id));
    expect(files.map((f) => [f.mimeType, f.sha256])).toEqual([
      ["image/jpeg", createHash("sha256").update(photo).digest("hex")],
    ]);
    before = vanPhong.inbox().length;
    vanPhong.sendDocument("lac-de.pdf", Buffer.from("%PDF"), "application/pdf");
    expect((await vanPhong.waitForMessage(() => true, { after: before })).text).toContain(
      "hãy bấm “Gửi minh chứng” ở việc tương ứng",
    );
    before = vanPhong.inbox().length;
    vanPhong.sendDocument("anh-chup.jpg", Buffer.from("JPEG"), "image/jpeg");
    expect((await vanPhong.waitForMessage(() => true, { after: before })).text).toContain(
      "Bạn muốn gửi tệp này làm minh chứng cho việc nào?",
    );
    expect(
      await world.database.client.db.select().from(evidenceFiles).where(eq(evidenceFiles.milestoneId, milestone.id)),
    ).toHaveLength(1);
  });

  it("records progress with a percentage and a note", async () => {
    const list = await ask(vanPhong, "/viec");
    const asked = await press(vanPhong, list, "📈 Báo cáo tiến độ", (t) => t.includes("đã làm được bao nhiêu"));
    await press(vanPhong, asked, "50%", (t) => t.includes("Đã ghi tiến độ 50%"));
    await ask(vanPhong, "Đã xong dự thảo", (t) => t.includes("Đã ghi chú"));
    const milestone = await milestoneOf("3");
    expect(milestone).toMatchObject({ progressPercent: 50, state: "in_progress" });
    const events = await eventsOf(milestone.id);
    expect(events.filter((e) => e.action.startsWith("progress")).map((e) => [e.action, e.details])).toEqual([
      ["progress", { percent: 50 }],
      ["progress-note", { note: "Đã xong dự thảo" }],
    ]);
  });
});

describe("extension", () => {
  it("reads the new date typed in Vietnamese, and a granted extension moves the milestone and its reminders", async () => {
    const milestone = await milestoneOf("4");
    const plannedBefore = await world.database.client.db
      .select()
      .from(reminders)
      .where(and(eq(reminders.milestoneId, milestone.id), eq(reminders.state, "planned")));
    expect(plannedBefore.length).toBeGreaterThan(0);
    const list = await ask(vanPhong, "/viec");
    const index = list.text.includes("I.4")
      ? list.buttons.flat().findIndex((b) => b.callback_data === `extend:${milestone.id}`)
      : -1;
    expect(index).toBeGreaterThanOrEqual(0);
    await press(vanPhong, list, `extend:${milestone.id}`, (t) => t.includes("đến ngày nào"));
    expect((await ask(vanPhong, "khi nào rảnh")).text).toContain("Chưa hiểu “khi nào rảnh” là ngày nào");
    expect((await ask(vanPhong, "hôm qua")).text).toContain("“hôm qua” là Thứ Ba 04/03/2025, ngày đã qua");
    expect((await ask(vanPhong, "31/4")).text).toContain("“31/4” không phải là một ngày có thật");
    const choices = await ask(vanPhong, "5/1");
    expect(choices.text).toContain("“5/1” có thể là nhiều ngày");
    expect(choices.buttons.flat().map((b) => b.text)).toEqual(["Thứ Hai 05/01/2026", "Thứ Năm 01/05/2025"]);
    // 28/3/2025 is a Friday: the chat says so and offers both days.
    const contradiction = await ask(vanPhong, "thứ năm 28/3");
    expect(contradiction.text).toContain("“thứ năm 28/3”: Thứ Sáu 28/03/2025, không phải Thứ Năm. Bạn chọn ngày nào?");
    expect(contradiction.buttons.flat().map((b) => b.text)).toEqual(["Thứ Sáu 28/03/2025", "Thứ Năm 27/03/2025"]);
    // "t5 tuần sau" is Thursday, "5 ngày làm việc nữa" counts Mon–Fri: both still before the current due day.
    expect((await ask(vanPhong, "t5 tuần sau")).text).toContain("Ngày mới (Thứ Năm 13/03/2025) phải sau hạn hiện tại");
    expect((await ask(vanPhong, "5 ngày làm việc nữa")).text).toContain(
      "Ngày mới (Thứ Tư 12/03/2025) phải sau hạn hiện tại",
    );
    expect((await ask(vanPhong, "thứ 6 tuần sau")).text).toContain(
      "Ngày mới (Thứ Sáu 14/03/2025) phải sau hạn hiện tại (20/03/2025)",
    );
    expect((await ask(vanPhong, "ngày 15 tháng 4")).text).toContain("Gia hạn đến Thứ Ba 15/04/2025. Lý do");
    await ask(vanPhong, "Chờ số liệu của huyện", (t) => t.includes("Đã gửi đề nghị gia hạn"));

    const forChairman = await chairman.waitForMessage((m) => m.text.includes("xin gia hạn"));
    expect(forChairman.text).toContain("Hạn hiện tại: 20/03/2025 → đề nghị: 15/04/2025\nLý do: Chờ số liệu của huyện");
    const forCoordinator = await coordinator.waitForMessage((m) => m.text.includes("xin gia hạn"));
    const before = vanPhong.inbox().length;
    await press(chairman, forChairman, "Đồng ý", (t) => t.includes("Đã đồng ý gia hạn"));
    await vanPhong.waitForMessage((m) => m.text.includes("đã được đồng ý"), { after: before });

    const moved = await milestoneOf("4");
    expect(moved).toMatchObject({ due: "2025-04-15", version: milestone.version + 1 });
    const rows = await world.database.client.db.select().from(reminders).where(eq(reminders.milestoneId, milestone.id));
    expect(rows.filter((r) => r.milestoneVersion === milestone.version && r.state === "planned")).toEqual([]);
    const fresh = rows.filter((r) => r.milestoneVersion === moved.version && r.state === "planned");
    // The on-day send of the new due day, 08:00 in Hanoi.
    expect(fresh.map((r) => r.fireAt.toISOString())).toContain("2025-04-15T01:00:00.000Z");
    const events = await eventsOf(milestone.id);
    expect(events.map((e) => e.action).filter((a) => a.startsWith("extension") || a === "deadline-moved")).toEqual([
      "extension-requested",
      "deadline-moved",
      "extension-approved",
    ]);
    // The coordinator's copy of the request is settled too: pressing it says so.
    const answer = await press(coordinator, forCoordinator, "Không đồng ý", (t) => t.includes("Đề nghị này"));
    expect(answer.text).toContain("đã được duyệt");
    const [request] = await world.database.client.db
      .select()
      .from(approvalRequests)
      .where(and(eq(approvalRequests.milestoneId, milestone.id), eq(approvalRequests.kind, "extension")));
    expect(request).toMatchObject({ state: "approved", requestedDue: "2025-04-15" });
  });
});

describe("more decisions", () => {
  it("a refused extension leaves the deadline and its reminders as they were, and the member hears it", async () => {
    const milestone = await milestoneOf("3");
    const list = await ask(vanPhong, "/viec");
    await press(vanPhong, list, `extend:${milestone.id}`, (t) => t.includes("đến ngày nào"));
    await ask(vanPhong, "cuối tháng", (t) => t.includes("Gia hạn đến Thứ Hai 31/03/2025"));
    await ask(vanPhong, "Thiếu số liệu", (t) => t.includes("Đã gửi đề nghị gia hạn"));
    const request = await chairman.waitForMessage((m) => m.text.includes("I.3 Tổng hợp kết quả tháng 2"));
    const before = vanPhong.inbox().length;
    await press(chairman, request, "Không đồng ý", (t) => t.includes("Không đồng ý gia hạn"));
    const notice = await vanPhong.waitForMessage((m) => m.text.includes("không được đồng ý"), { after: before });
    expect(notice.text).toBe("Đề nghị gia hạn “Tổng hợp kết quả tháng 2” không được đồng ý. Hạn vẫn là 28/02/2025.");
    expect(await milestoneOf("3")).toMatchObject({ due: "2025-02-28", version: milestone.version });
    const events = await eventsOf(milestone.id);
    expect(events.at(-1)).toMatchObject({ action: "extension-refused", telegramChatId: 100 });
  });

  it("a unit head's /quahan shows their unit's overdue work", async () => {
    const head = await world.join(107, "unit_head", VAN_PHONG, { name: "Trưởng VP" });
    const overdue = await ask(head, "/quahan");
    expect(overdue.text).toContain("⏰ Việc quá hạn: 1");
    expect(overdue.text).toContain("I.3 Tổng hợp kết quả tháng 2");
  });

  it("keeps a conversation across a bot restart: the pending question lives in Postgres", async () => {
    const milestone = await milestoneOf("1");
    const list = await ask(tuPhap, "/viec");
    await press(tuPhap, list, `progress:${milestone.id}`, (t) => t.includes("đã làm được bao nhiêu"));
    const asked = tuPhap.inbox().at(-1)!;
    await press(tuPhap, asked, "75%", (t) => t.includes("Đã ghi tiến độ 75%"));
    await world.restartBot();
    await ask(tuPhap, "Chờ chữ ký", (t) => t.includes("Đã ghi chú"));
    const events = await eventsOf(milestone.id);
    expect(events.at(-1)).toMatchObject({ action: "progress-note", details: { note: "Chờ chữ ký" } });
  });
});

describe("refusals", () => {
  it("refuses a member of another unit, a coordinator of another organization and a forged payload, changing nothing", async () => {
    const tuPhapTask = await milestoneOf("1");
    const fake = { chatId: 0, messageId: 1, text: "", buttons: [], at: Date.now(), edits: 0 };
    let answers = world.emulator.callbackAnswers.length;
    vanPhong.pressRaw({ ...fake, chatId: 104 }, `done:${tuPhapTask.id}`);
    expect((await lastAnswerAfter(answers)).text).toContain("Bạn không có quyền");
    answers = world.emulator.callbackAnswers.length;
    otherCoordinator.pressRaw({ ...fake, chatId: 106 }, `extend:${tuPhapTask.id}`);
    expect((await lastAnswerAfter(answers)).text).toContain("Bạn không có quyền");
    answers = world.emulator.callbackAnswers.length;
    tuPhap.pressRaw({ ...fake, chatId: 102 }, "done:' or 1=1 --");
    expect((await lastAnswerAfter(answers)).text).toContain("không còn hiệu lực");
    answers = world.emulator.callbackAnswers.length;
    tuPhap.pressRaw({ ...fake, chatId: 102 }, `done:00000000-0000-0000-0000-000000000000`);
    expect((await lastAnswerAfter(answers)).text).toContain("không còn hiệu lực");
    // A member pressing an approval button they were never sent.
    const [request] = await world.database.client.db.select().from(approvalRequests).limit(1);
    const before = tuPhap.inbox().length;
    tuPhap.pressRaw({ ...fake, chatId: 102 }, `approve:${request!.id}`);
    await tuPhap.waitForMessage((m) => m.text.includes("Bạn không có quyền"), { after: before });
    expect(await milestoneOf("1")).toMatchObject({ state: tuPhapTask.state, version: tuPhapTask.version });
    const events = await eventsOf(tuPhapTask.id);
    expect(events.filter((e) => e.actorPersonId !== null && e.telegramChatId === 104)).toEqual([]);
  });

  it("keeps each organization's lists to itself", async () => {
    const reply = await ask(otherCoordinator, "/viec");
    expect(reply.text).toContain("📋 Việc đang mở: 4");
    const other = await milestoneOf("2", true);
    expect(reply.buttons.flat().some((b) => b.callback_data === `done:${other.id}`)).toBe(true);
    const ours = await milestoneOf("4");
    expect(reply.buttons.flat().some((b) => b.callback_data?.endsWith(ours.id))).toBe(false);
  });
});

describe("digest, language, invites and commands", () => {
  it("/tonghop gives the chairman the digest and refuses members", async () => {
    expect((await ask(tuPhap, "/tonghop")).text).toContain("Chỉ Văn phòng – Thống kê và lãnh đạo UBND");
    const digest = await ask(chairman, "/tonghop");
    expect(digest.text).toContain("📊 Tổng hợp tuần 03/03/2025");
    expect(digest.text).toContain("🔴 Quá hạn: 1");
    expect(digest.text).toContain("🟢 Hoàn thành đúng hạn: 1");
    const chart = await chairman.waitForMessage(
      (m) => m.document !== undefined && m.text.startsWith("Tiến độ theo đơn vị"),
    );
    expect(chart.document!.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("/baocao sends the coordinator the results workbook and refuses members", async () => {
    expect((await ask(tuPhap, "/baocao")).text).toContain(
      "Chỉ Văn phòng – Thống kê và lãnh đạo UBND xuất được báo cáo",
    );
    const report = await ask(coordinator, "/baocao", (t) => t.startsWith("📊 Báo cáo kết quả"));
    expect(report.document?.fileName).toBe("bao-cao-cchc-thu-nghiem-2025-03-05.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.document!.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Kết quả thực hiện"]);
  });

  it("/ngonngu switches a person to English for lists and buttons", async () => {
    const asked = await ask(vanPhong, "/ngonngu");
    await press(vanPhong, asked, "English", (t) => t === "Switched to English.");
    const list = await ask(vanPhong, "/viec");
    expect(list.text).toContain("📋 Open tasks:");
    expect(list.text).toContain("days overdue");
    expect(list.buttons[0]![0]!.text).toBe("✅ 1. Done");
  });

  it("/moi lets a coordinator invite by buttons, and the inviter hears when the person joins", async () => {
    const asked = await ask(coordinator, "/moi");
    coordinator.press(asked, "công chức");
    // The role question turns into the unit question in place.
    const unitsMessage = await coordinator.waitForMessage(
      (m) => m.messageId === asked.messageId && m.text.includes("bộ phận nào"),
    );
    const created = await press(coordinator, unitsMessage, TU_PHAP, (t) => t.includes("Link mời"));
    const link = /https:\/\/t\.me\/nhacviec_bot\?start=([\w-]+)/.exec(created.text);
    expect(link).not.toBeNull();
    const before = coordinator.inbox().length;
    const newcomer = world.emulator.user(120, { firstName: "Lý Thị Mới" });
    await ask(newcomer, `/start ${link![1]}`, (t) => t.includes("bộ phận Tư pháp – Hộ tịch"));
    await coordinator.waitForMessage((m) => m.text.includes("Lý Thị Mới đã tham gia"), { after: before });
    expect((await ask(stranger, "/moi")).text).toContain("chưa được kết nối");
    expect((await ask(tuPhap, "/moi")).text).toContain("Chỉ Văn phòng – Thống kê tạo được link mời");
  });

  it("registers the command menu in Vietnamese and English", async () => {
    await registerCommands(new Api("123:TEST", { apiRoot: world.emulator.apiRoot }));
    const vi = world.emulator.commands.get("vi")!;
    const en = world.emulator.commands.get("en")!;
    expect(vi.map((c) => c.command)).toEqual([
      "viec",
      "quahan",
      "canduyet",
      "tonghop",
      "baocao",
      "moi",
      "nguoi",
      "rasoat",
      "nhiemvu",
      "caidat",
      "chiso",
      "web",
      "ngonngu",
      "help",
    ]);
    expect(vi.find((c) => c.command === "viec")!.description).toBe("Việc của tôi");
    expect(en.find((c) => c.command === "viec")!.description).toBe("My tasks");
    expect(world.emulator.commands.get("")).toEqual(vi);
  });

  it("/canduyet dates a request by the office's day: sent at 02:10 on 05/03 in Hanoi, not 04/03 as UTC has it", async () => {
    const db = world.database.client.db;
    const [request] = await db
      .select()
      .from(approvalRequests)
      .where(eq(approvalRequests.kind, "completion"))
      .orderBy(approvalRequests.createdAt)
      .limit(1);
    const before = { state: request!.state, createdAt: request!.createdAt };
    const others = await db
      .select({ id: approvalRequests.id })
      .from(approvalRequests)
      .where(and(eq(approvalRequests.milestoneId, request!.milestoneId), eq(approvalRequests.state, "pending")));
    expect(others.filter((o) => o.id !== request!.id)).toEqual([]);
    await db
      .update(approvalRequests)
      .set({ state: "pending", createdAt: new Date("2025-03-04T19:10:00Z") })
      .where(eq(approvalRequests.id, request!.id));
    try {
      const item = await ask(coordinator, "/canduyet", (t) => t.includes("Báo ngày") || t.includes("Reported on"));
      expect(item.text).toMatch(/05\/03\/2025/);
      expect(item.text).not.toMatch(/04\/03\/2025/);
    } finally {
      await db.update(approvalRequests).set(before).where(eq(approvalRequests.id, request!.id));
    }
  });

  it("keeps running after an update fails", async () => {
    // Editing a message Telegram does not know fails inside the handler.
    const answers = world.emulator.callbackAnswers.length;
    chairman.pressRaw({ chatId: 100, messageId: 999_999, text: "", buttons: [], at: Date.now(), edits: 0 }, "lang:vi");
    await lastAnswerAfter(answers);
    expect((await ask(chairman, "/help")).text).toContain("Hướng dẫn sử dụng");
  });
});
