import { and, eq } from "drizzle-orm";
import { OPERATOR } from "../../src/services/access.js";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evidenceReferences, milestones, tasks } from "../../db/schema.js";
import type { SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { translatorFor } from "../../src/i18n/i18n.js";
import { loadPaperReport } from "../../src/services/reports/paper-report.js";
import { buildEvidenceZip, buildReportWorkbook } from "../../src/services/reports/report-workbook.js";
import { ask, type BotWorld, startBotWorld, VAN_PHONG } from "../support/bot-world.js";

let world: BotWorld;
let coordinator: SimulatedUser;
let vanPhong: SimulatedUser;
const TYPED = "Kế hoạch số 15/KH-UBND ngày 20/01/2025 của UBND xã Thử Nghiệm";
/** How the reports cite it: the same words, rebuilt from the stored fields. */
const CITED = TYPED;

beforeAll(async () => {
  world = await startBotWorld();
  coordinator = await world.join(201, "coordinator", undefined, { name: "Nguyễn Thị VP" });
  vanPhong = await world.join(204, "member", VAN_PHONG, { name: "Phạm Thị Thống" });
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

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

async function milestoneOf(stt: string) {
  const [row] = await world.database.client.db
    .select({ milestone: milestones })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .where(and(eq(tasks.stt, stt), eq(milestones.organizationId, world.organizationId)));
  return row!.milestone;
}

describe("evidence by reference in the chat", () => {
  it("reads a typed reference, refuses an impossible date, shows it back and stores it once confirmed", async () => {
    const milestone = await milestoneOf("4");
    const list = await ask(vanPhong, "/viec");
    await press(vanPhong, list, `evidence:${milestone.id}`, (t) => t.includes("gõ số hiệu văn bản"));
    const bad = await ask(vanPhong, "Kế hoạch số 15/KH-UBND ngày 31/02/2025 của UBND xã Thử Nghiệm");
    expect(bad.text).toContain("Ngày ban hành không có thật");
    const check = await ask(vanPhong, TYPED);
    expect(check.text).toContain("• Loại văn bản: Kế hoạch");
    expect(check.text).toContain("• Số, ký hiệu: 15/KH-UBND");
    expect(check.text).toContain("• Ngày ban hành: 20/01/2025");
    expect(check.text).toContain("• Cơ quan ban hành: UBND xã Thử Nghiệm");
    expect(await world.database.client.db.select().from(evidenceReferences)).toHaveLength(0);
    const saved = await press(vanPhong, check, "Đúng, lưu minh chứng");
    expect(saved.text).toBe(`📑 Đã lưu minh chứng “${CITED}” cho việc “Rà soát thủ tục hành chính”.`);
    const stored = await world.database.client.db.select().from(evidenceReferences);
    expect(stored).toMatchObject([
      {
        milestoneId: milestone.id,
        documentType: "Kế hoạch",
        numberSymbol: "15/KH-UBND",
        issuedOn: "2025-01-20",
        issuer: "UBND xã Thử Nghiệm",
        typedText: TYPED,
      },
    ]);
  }, 30_000);

  it("cites the typed reference in the workbook, the Word report and the evidence zip's index", async () => {
    const report = await ask(coordinator, "/baocao", (t) => t.startsWith("📊 Báo cáo kết quả"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.document!.bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text)));
    expect(cells.some((text) => text.includes(CITED))).toBe(true);

    const choices = await coordinator.waitForMessage((m) => m.text === "Chọn báo cáo cần xuất:");
    const docx = await press(coordinator, choices, "rep:2025-Q1", (t) => t.startsWith("📝 Báo cáo kết quả"));
    expect(docx.document!.fileName).toBe("bao-cao-cchc-thu-nghiem-2025-Q1.docx");
    const zipped = await JSZip.loadAsync(docx.document!.bytes);
    const xml = await zipped.file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain(`minh chứng: ${CITED}`);

    const paper = await loadPaperReport(world.database.client.db, OPERATOR, "thu-nghiem", { today: "2025-03-05" });
    if (paper.kind !== "ok") throw new Error(`report refused: ${paper.kind}`);
    const bundle = await JSZip.loadAsync(
      await buildEvidenceZip(paper.rows, await buildReportWorkbook(paper, translatorFor("vi")), "bao-cao.xlsx"),
    );
    const index = new ExcelJS.Workbook();
    await index.xlsx.load((await bundle.file("bao-cao.xlsx")!.async("nodebuffer")) as unknown as ArrayBuffer);
    const indexCells: string[] = [];
    index.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void indexCells.push(cell.text)));
    expect(indexCells.some((cell) => cell.includes(CITED))).toBe(true);
  }, 60_000);
});
