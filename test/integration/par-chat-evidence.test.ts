import { and, eq, isNotNull } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { milestones, reminders, tasks } from "../../db/schema.js";
import type { SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { translatorFor } from "../../src/i18n/i18n.js";
import { readFileSync } from "node:fs";
import { OPERATOR } from "../../src/services/access.js";
import { importCriteriaSet } from "../../src/services/par/criteria-sets.js";
import { chasePlanTitle, syncParChase } from "../../src/services/par/par-chase.js";
import { loadParView } from "../../src/services/par/par-view.js";
import { buildParBundle, buildParWorkbook } from "../../src/services/par/par-workbook.js";
import {
  addParEvidence,
  decideParLink,
  pendingLinkSuggestions,
  setParSelfScore,
  startParAssessment,
} from "../../src/services/par/par-work.js";
import { type BotWorld, startBotWorld, TU_PHAP, VAN_PHONG } from "../support/bot-world.js";
import { createFileEvidenceStore } from "../../src/services/evidence/evidence-store.js";

let world: BotWorld;
let tuPhap: SimulatedUser;
let coordinator: SimulatedUser;
const ORG = "thu-nghiem";

beforeAll(async () => {
  world = await startBotWorld();
  coordinator = await world.join(301, "coordinator", undefined, { name: "Nguyễn Thị VP" });
  tuPhap = await world.join(302, "member", TU_PHAP, { name: "Lê Văn Tư" });
  await world.join(303, "member", VAN_PHONG, { name: "Phạm Thị Thống" });
  const { db } = world.database.client;
  await importCriteriaSet(db, OPERATOR, {
    fileName: "binh-duong-xa-2026.docx",
    bytes: readFileSync(new URL("../fixtures/par/binh-duong-xa-2026.docx", import.meta.url)),
    province: "binh-duong",
    year: 2025,
  });
  await startParAssessment(db, OPERATOR, ORG, { year: 2025, province: "binh-duong", deadline: "2025-03-25" });
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

async function view() {
  const loaded = await loadParView(world.database.client.db, OPERATOR, ORG, 2025, { now: world.clock.now });
  if (loaded.kind !== "ok") throw new Error(loaded.kind);
  return loaded;
}

describe("evidence attached in the chat counts for the criterion its task serves", () => {
  it("suggests the propaganda plan task for 1.3.1 and, once confirmed, lists its evidence in the workbook and the bundle", async () => {
    const { db } = world.database.client;
    const pending = await pendingLinkSuggestions(db, OPERATOR, ORG, 2025, world.clock.now);
    if (pending.kind !== "ok") throw new Error(pending.kind);
    const suggestion = pending.suggestions.find((s) => s.criterionCode === "1.3.1");
    expect(suggestion).toMatchObject({ taskTitle: "Xây dựng Kế hoạch tuyên truyền CCHC", taskNumber: "I.1" });
    expect(
      await decideParLink(db, OPERATOR, ORG, {
        year: 2025,
        criterionCode: "1.3.1",
        taskId: suggestion!.taskId,
        decision: "confirmed",
        now: world.clock.now,
      }),
    ).toEqual({ kind: "ok" });

    const list = tuPhap.inbox().length;
    tuPhap.send("/viec");
    const tasksMessage = await tuPhap.waitForMessage((m) => m.text.includes("Xây dựng Kế hoạch"), { after: list });
    const asked = tuPhap.inbox().length;
    // The list is soonest first: the button carries the task's place in it.
    const place = /(\d+)\. I\.1 /.exec(tasksMessage.text)![1];
    tuPhap.press(tasksMessage, `✅ ${place}. Đã hoàn thành`);
    await tuPhap.waitForMessage((m) => m.text.includes("Hãy gửi tệp minh chứng"), { after: asked });
    const bytes = Buffer.from("%PDF-1.4 kế hoạch tuyên truyền đã ký");
    const before = tuPhap.inbox().length;
    tuPhap.sendDocument("KH tuyên truyền.pdf", bytes, "application/pdf");
    await tuPhap.waitForMessage((m) => m.text.includes("Đã lưu minh chứng “KH tuyên truyền.pdf”"), { after: before });

    const current = await view();
    const row = current.criteria.find((r) => r.criterion.code === "1.3.1")!;
    expect(row.tasks.map((t) => t.files.map((f) => f.fileName))).toEqual([["KH tuyên truyền.pdf"]]);
    expect(row).toMatchObject({ missingEvidence: false, missingScore: true, units: [TU_PHAP] });

    const translator = translatorFor("vi");
    const workbookBytes = await buildParWorkbook(current, translator);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(workbookBytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    let found: ExcelJS.Row | null = null;
    sheet.eachRow((r) => {
      if (r.getCell(1).text === "1.3.1") found = r;
    });
    expect(found).not.toBeNull();
    expect(found!.getCell(2).text).toBe("Ban hành kế hoạch tuyên truyền CCHC");
    expect(found!.getCell(3).value).toBe(0.5);
    expect(found!.getCell(5).text).toBe("KH tuyên truyền.pdf");

    const zip = await JSZip.loadAsync(await buildParBundle(current, workbookBytes, "tu-danh-gia.xlsx", translator));
    const paths = Object.keys(zip.files).filter((p) => !zip.files[p]!.dir);
    const evidence = paths.filter((p) => p.endsWith(".pdf"));
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatch(/^1\.3\.1 Ban hành kế hoạch tuyên truyền CCHC\/1\.3\.1_KH tuyên truyền\.pdf$/);
    expect(await zip.file(evidence[0]!)!.async("nodebuffer")).toEqual(bytes);
    expect(paths).toContain("tu-danh-gia.xlsx");
    const index = new ExcelJS.Workbook();
    await index.xlsx.load(
      (await zip.file("Danh mục tài liệu kiểm chứng.xlsx")!.async("nodebuffer")) as unknown as ArrayBuffer,
    );
    const indexRows: string[][] = [];
    index.worksheets[0]!.eachRow((r) => indexRows.push([1, 2, 3, 4].map((c) => r.getCell(c).text)));
    expect(indexRows[1]).toEqual([
      "1.3.1",
      "Ban hành kế hoạch tuyên truyền CCHC",
      evidence[0],
      "Nhiệm vụ I.1: Xây dựng Kế hoạch tuyên truyền CCHC",
    ]);
  }, 60_000);
});

describe("what is missing is chased like any deadline", () => {
  it("puts each criterion without evidence or score in the chase plan with reminders, drafts its explanation, and drops it once complete", async () => {
    const { db } = world.database.client;
    const first = await syncParChase(db, OPERATOR, ORG, 2025, world.clock.now);
    if (first.kind !== "ok") throw new Error(first.kind);
    expect(first.chased).toContain("1.3.1");
    expect(first.chased).toContain("1.4.1");
    // The survey is the province's: never chased.
    expect(first.chased).not.toContain("8.1");
    const chasedReminders = (stt: string) =>
      db
        .select({ state: reminders.state, kind: reminders.kind, title: tasks.title, removedAt: tasks.removedAt })
        .from(reminders)
        .innerJoin(milestones, eq(milestones.id, reminders.milestoneId))
        .innerJoin(tasks, eq(tasks.id, milestones.taskId))
        .where(and(eq(tasks.planId, first.planId), eq(tasks.stt, stt)));
    const planned = await chasedReminders("1.4.1");
    expect(planned.length).toBeGreaterThan(0);
    expect(planned[0]!.title).toBe(
      "Tiêu chí 1.4.1: Ban hành kế hoạch kiểm tra CCHC đối với các bộ phận, thôn (còn thiếu: tài liệu kiểm chứng, điểm tự chấm)",
    );
    expect(planned.some((r) => r.state === "planned")).toBe(true);
    const [owned] = await db
      .select({ title: tasks.title })
      .from(tasks)
      .where(and(eq(tasks.planId, first.planId), eq(tasks.stt, "1.3.1")));
    expect(owned?.title).toContain("(còn thiếu: điểm tự chấm)");

    const before = await view();
    expect(before.criteria.find((r) => r.criterion.code === "1.4.1")).toMatchObject({
      explanationDrafted: true,
      explanation: expect.stringMatching(
        /^Tiêu chí 1\.4\.1 "Ban hành kế hoạch kiểm tra CCHC đối với các bộ phận, thôn" \(tối đa 0,5 điểm\): đến thời điểm tự đánh giá, đơn vị chưa có đủ tài liệu kiểm chứng\./,
      ),
    });
    // The chase plan's own tasks are never suggested as work that serves a criterion.
    const pending = await pendingLinkSuggestions(db, OPERATOR, ORG, 2025, world.clock.now);
    if (pending.kind !== "ok") throw new Error(pending.kind);
    expect(pending.suggestions.every((s) => !s.taskTitle.startsWith("Tiêu chí "))).toBe(true);

    expect(
      await setParSelfScore(db, OPERATOR, ORG, {
        year: 2025,
        criterionCode: "1.3.1",
        points: "0,75",
        justification: "Đã ban hành",
        now: world.clock.now,
      }),
    ).toEqual({ kind: "invalid", reason: "above-max", maxPoints: 0.5 });
    await setParSelfScore(db, OPERATOR, ORG, {
      year: 2025,
      criterionCode: "1.3.1",
      points: "0,5",
      justification: "Kế hoạch tuyên truyền ban hành ngày 20/3/2025",
      now: world.clock.now,
    });
    const second = await syncParChase(db, OPERATOR, ORG, 2025, world.clock.now);
    if (second.kind !== "ok") throw new Error(second.kind);
    expect(second.planId).toBe(first.planId);
    expect(second.chased).not.toContain("1.3.1");
    const [removed] = await db
      .select({ removedAt: tasks.removedAt })
      .from(tasks)
      .where(and(eq(tasks.planId, first.planId), eq(tasks.stt, "1.3.1"), isNotNull(tasks.removedAt)));
    expect(removed).toBeDefined();
    expect((await chasedReminders("1.3.1")).every((r) => r.state !== "planned")).toBe(true);
    const [plan] = await db.select({ title: tasks.title }).from(tasks).where(eq(tasks.planId, first.planId)).limit(1);
    expect(plan).toBeDefined();
    expect(chasePlanTitle(2025)).toBe("Tự đánh giá chỉ số CCHC 2025");
  }, 60_000);
});

describe("/chiso", () => {
  it("shows the points per field, takes one suggestion at a time and sends the workbook", async () => {
    const before = coordinator.inbox().length;
    coordinator.send("/chiso");
    const menu = await coordinator.waitForMessage((m) => m.text.startsWith("📊 Tự đánh giá chỉ số CCHC năm 2025"), {
      after: before,
    });
    expect(menu.text).toContain("Tổng điểm: 0,5/100");
    expect(menu.text).toContain("• 1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH: 0,5/12");
    expect(menu.text).toContain("Hạn tự đánh giá: 25/03/2025.");
    const asked = coordinator.inbox().length;
    coordinator.press(menu, "🔗 Xác nhận nhiệm vụ theo tiêu chí");
    const step = await coordinator.waitForMessage((m) => m.text.startsWith("Tiêu chí "), { after: asked });
    expect(step.text).toMatch(/\(gợi ý 1\/\d+\)\nNhiệm vụ I\.\d “.+” có phục vụ tiêu chí này không\?$/);
    const code = /^Tiêu chí (\S+)/.exec(step.text)![1];
    const decided = coordinator.inbox().length;
    coordinator.press(step, "❌ Không");
    const answer = await coordinator.waitForMessage((m) => m.text.startsWith("Đã ghi nhận"), { after: decided });
    expect(answer.text).toMatch(new RegExp(`không phục vụ tiêu chí ${code!.replace(/\./g, "\\.")}\\.$`));
    const sent = coordinator.inbox().length;
    coordinator.press(menu, "📄 Bảng tự đánh giá");
    const file = await coordinator.waitForMessage((m) => m.document !== undefined, { after: sent });
    expect(file.document?.fileName).toBe("tu-danh-gia-chi-so-cchc-thu-nghiem-2025.xlsx");
  }, 60_000);
});

describe("/chiso: a self-score typed in the chat", () => {
  it("picks a criterion, reads the typed score as the web does, asks for the justification and saves both", async () => {
    const before = coordinator.inbox().length;
    coordinator.send("/chiso");
    const menu = await coordinator.waitForMessage((m) => m.text.startsWith("📊 Tự đánh giá"), { after: before });
    const picked = coordinator.inbox().length;
    coordinator.press(menu, "✍️ Chấm điểm tiêu chí");
    const pick = await coordinator.waitForMessage((m) => m.text.startsWith("Chọn tiêu chí để tự chấm điểm"), {
      after: picked,
    });
    // The survey is the province's: not a criterion the office scores.
    let asked = coordinator.inbox().length;
    coordinator.send("8.1");
    await coordinator.waitForMessage((m) => m.text.startsWith("Không có tiêu chí tự chấm mã “8.1”"), { after: asked });
    const code = pick.buttons.flat()[0]!.text;
    expect(code).toMatch(/^\d+(\.\d+)+$/);
    const row = (await view()).criteria.find((r) => r.criterion.code === code)!;
    expect(row).toMatchObject({ source: "none", missingScore: true });
    const max = row.criterion.maxPoints;
    asked = coordinator.inbox().length;
    coordinator.press(pick, code);
    await coordinator.waitForMessage((m) => m.text.startsWith(`Tiêu chí ${code} “${row.criterion.name}”`), {
      after: asked,
    });

    asked = coordinator.inbox().length;
    coordinator.send(`đạt ${String(max + 1).replace(".", ",")} điểm`);
    await coordinator.waitForMessage((m) => m.text.includes(`vượt điểm tối đa ${String(max).replace(".", ",")}`), {
      after: asked,
    });
    asked = coordinator.inbox().length;
    coordinator.send("hai điểm");
    await coordinator.waitForMessage((m) => m.text.startsWith("Không đọc được điểm “hai điểm”"), { after: asked });
    const typed = max >= 0.5 ? "0,5" : "0";
    asked = coordinator.inbox().length;
    coordinator.send(`đạt ${typed} điểm`);
    await coordinator.waitForMessage((m) => m.text.startsWith(`Điểm tự chấm tiêu chí ${code}: ${typed}.`), {
      after: asked,
    });
    asked = coordinator.inbox().length;
    coordinator.send("Đã ban hành Kế hoạch số 12/KH-UBND ngày 15/01/2025");
    await coordinator.waitForMessage((m) => m.text.startsWith(`Đã lưu điểm tự chấm tiêu chí ${code}: ${typed}/`), {
      after: asked,
    });
    const saved = (await view()).criteria.find((r) => r.criterion.code === code)!;
    expect(saved).toMatchObject({
      source: "self",
      points: Number(typed.replace(",", ".")),
      selfScore: { justification: "Đã ban hành Kế hoạch số 12/KH-UBND ngày 15/01/2025" },
    });
    // The step is over: the next text is not taken as a score.
    asked = coordinator.inbox().length;
    coordinator.send("1,5");
    await coordinator.waitForMessage((m) => !m.text.startsWith("Đã lưu điểm"), { after: asked });
    expect((await view()).criteria.find((r) => r.criterion.code === code)!.selfScore?.justification).toBe(
      "Đã ban hành Kế hoạch số 12/KH-UBND ngày 15/01/2025",
    );
  }, 60_000);
});

describe("evidence attached to a criterion itself", () => {
  it("keeps a file in the evidence store and a document reference, both in the bundle's index under the criterion", async () => {
    const { db } = world.database.client;
    const store = createFileEvidenceStore(world.evidenceDir);
    const bytes = Buffer.from("%PDF biên bản kiểm tra");
    const add = (evidence: Parameters<typeof addParEvidence>[4]["evidence"]) =>
      addParEvidence(db, OPERATOR, store, ORG, { year: 2025, criterionCode: "1.4.2", evidence, now: world.clock.now });
    expect(await add({ file: { fileName: "Biên bản kiểm tra.pdf", bytes } })).toEqual({ kind: "ok" });
    expect(await add({ reference: "Thông báo số 7/TB-UBND ngày 02/03/2025 của UBND xã Thử Nghiệm" })).toEqual({
      kind: "ok",
    });
    expect(await add({ reference: "thông báo kết luận" })).toEqual({ kind: "bad-reference", reason: "no-number" });
    const current = await view();
    expect(current.criteria.find((r) => r.criterion.code === "1.4.2")).toMatchObject({ missingEvidence: false });
    const translator = translatorFor("vi");
    const workbook = await buildParWorkbook(current, translator);
    const zip = await JSZip.loadAsync(await buildParBundle(current, workbook, "tu-danh-gia.xlsx", translator));
    const path = Object.keys(zip.files).find((p) => p.startsWith("1.4.2 ") && !zip.files[p]!.dir);
    expect(path).toMatch(/^1\.4\.2 Mức độ thực hiện kế hoạch kiểm tra CCHC\/1\.4\.2_Biên bản kiểm tra\.pdf$/);
    expect(await zip.file(path!)!.async("nodebuffer")).toEqual(bytes);
    const index = new ExcelJS.Workbook();
    await index.xlsx.load(
      (await zip.file("Danh mục tài liệu kiểm chứng.xlsx")!.async("nodebuffer")) as unknown as ArrayBuffer,
    );
    const rows: string[][] = [];
    index.worksheets[0]!.eachRow((r) => rows.push([1, 3, 4].map((c) => r.getCell(c).text)));
    expect(rows).toContainEqual(["1.4.2", path!, "Gắn trực tiếp với tiêu chí"]);
    expect(rows).toContainEqual([
      "1.4.2",
      "Thông báo số 7/TB-UBND ngày 02/03/2025 của UBND xã Thử Nghiệm",
      "Gắn trực tiếp với tiêu chí",
    ]);
  });
});
