import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { evidenceFiles } from "../../db/schema.js";
import { translatorFor } from "../../src/i18n/i18n.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { attachEvidence, decideRequest, markDone } from "../../src/services/milestones/milestone-actions.js";
import { listOpenMilestones } from "../../src/services/milestones/milestone-view.js";
import { joinAs as joinPerson } from "../support/invites.js";
import { OPERATOR } from "../../src/services/access.js";
import { createFileEvidenceStore } from "../../src/services/evidence/evidence-store.js";
import { loadReportRows } from "../../src/services/reports/report-rows.js";
import { chatPlan, TU_PHAP, VAN_PHONG } from "../support/bot-world.js";
import { cliOk } from "../support/cli.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { toTabText } from "../support/plan-files.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
let directory: string;
const TODAY = "2025-03-15";

const JOINED_AT = new Date("2025-03-01T02:00:00Z");
const joinAs = (userId: number, role: "member" | "coordinator", organizationId: string, unit?: string) =>
  joinPerson(database.client.db, { userId, role, organizationId, ...(unit ? { unit } : {}), now: JOINED_AT });

beforeAll(async () => {
  database = await createMigratedDatabase();
  directory = mkdtempSync(join(tmpdir(), "nhacviec-export-"));
  const { db } = database.client;
  const draft = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(chatPlan))), { year: 2025 });
  const { organizationId } = await importPlan(db, draft, {
    organizationSlug: "thu-nghiem",
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  });
  const member = await joinAs(501, "member", organizationId, TU_PHAP);
  const coordinator = await joinAs(502, "coordinator", organizationId);
  await joinAs(503, "member", organizationId, VAN_PHONG);
  const open = await listOpenMilestones(db, member, { today: TODAY });
  const plan = open.find((m) => m.stt === "1")!;
  const website = open.find((m) => m.stt === "2")!;
  // I.1 done on time with two files; I.2 done two days late; I.3 left overdue; I.4 still within its time.
  for (const [name, text] of [
    ["KH tuyên truyền.pdf", "%PDF kế hoạch"],
    ["Quyết định ban hành.pdf", "%PDF quyết định"],
  ] as const) {
    await attachEvidence(
      db,
      member,
      plan.id,
      {
        fileName: name,
        mimeType: "application/pdf",
        bytes: Buffer.from(text),
        telegramFileId: null,
        telegramFileUniqueId: null,
      },
      { now: new Date("2025-03-14T02:00:00Z"), evidence: createFileEvidenceStore(directory) },
    );
  }
  for (const [milestone, at] of [
    [plan, "2025-03-14T03:00:00Z"],
    [website, "2025-03-12T03:00:00Z"],
  ] as const) {
    const result = await markDone(db, member, milestone.id, { now: new Date(at) });
    if (result.kind !== "submitted") throw new Error(`expected a submission, got ${result.kind}`);
    await decideRequest(db, coordinator, result.requestId, "approve", { now: new Date(at) });
  }
}, 60_000);
afterAll(async () => {
  await database.drop();
  rmSync(directory, { recursive: true, force: true });
});

/** The report as the CLI reads it: by the operator. */
async function operatorReport(options: Parameters<typeof loadReportRows>[3]) {
  const report = await loadReportRows(database.client.db, OPERATOR, "thu-nghiem", options);
  if (report.kind !== "ok") throw new Error(`report refused: ${report.kind}`);
  return report;
}

const env = () => ({ ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" });

describe("nhacviec export", () => {
  it("writes an .xlsx that reads back with exactly the states in the database, coloured, with summaries", async () => {
    const out = join(directory, "bao-cao.xlsx");
    await cliOk(["export", "--org", "thu-nghiem", "--format", "xlsx", "--today", TODAY, "--out", out], { env: env() });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("Kết quả thực hiện")!;
    const headerRow = sheet.getRow(6);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      printTitlesRow: "6:6",
    });
    expect(headerRow.getCell(7).value).toBe("Trạng thái");
    expect(headerRow.getCell(7).font?.name).toBe("Times New Roman");
    expect(sheet.getRow(4).getCell(1).value).toBe("(Tính đến ngày 15/03/2025)");
    const body: Array<Array<unknown>> = [];
    const bodyRows: number[] = [];
    sheet.eachRow((row, number) => {
      if (number > 7 && /^I\.\d$/.test(row.getCell(1).text)) {
        bodyRows.push(number);
        body.push([
          row.getCell(1).value,
          row.getCell(7).value,
          row.getCell(8).value,
          row.getCell(10).value,
          row.getCell(12).value,
        ]);
      }
    });
    const { rows } = await operatorReport({ today: TODAY });
    const { t } = translatorFor("vi");
    expect(rows.map((r) => r.state)).toEqual(["done", "done", "overdue", "open"]);
    expect(body).toEqual(
      rows.map((r) => [
        `${r.section}.${r.stt}`,
        t("state-label", { state: r.shown, days: r.daysLate }),
        t("report-rating", { colour: r.colour }),
        r.daysLate,
        r.evidence.map((e) => e.fileName).join("\n"),
      ]),
    );
    expect(body.map((r) => r[2])).toEqual(["Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Quá hạn", "Đang thực hiện"]);
    expect(body.map((r) => r[3])).toEqual([0, 2, 15, 0]);
    const fill = (row: number) => (sheet.getRow(row).getCell(8).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(bodyRows.map(fill)).toEqual(["FFC6EFCE", "FFFCE4D6", "FFFFC7CE", "FFDDEBF7"]);
    expect(sheet.getRow(bodyRows[0]!).getCell(9).value).toEqual(new Date("2025-03-14T00:00:00Z"));
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    // The summary per unit: total, done, rate, done late, overdue, in progress, ongoing.
    const tallies: Array<Array<unknown>> = [];
    sheet.eachRow((row) => {
      const name = row.getCell(2).value;
      if (name === TU_PHAP || name === VAN_PHONG) tallies.push((row.values as unknown[]).slice(6, 13));
    });
    expect(tallies).toEqual([
      [2, 2, "100%", 1, 0, 0, 0],
      [2, 0, "0%", 0, 1, 1, 0],
    ]);
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => void texts.push(cell.text)));
    expect(texts).toContain("NGƯỜI LẬP BIỂU");
    expect(texts).toContain("CHỦ TỊCH");
  }, 60_000);

  it("bundles every evidence file by section and task with the report as index; hashes match the database", async () => {
    const out = join(directory, "minh-chung.zip");
    await cliOk(["export", "--org", "thu-nghiem", "--format", "zip", "--today", TODAY, "--out", out], { env: env() });
    const zip = await JSZip.loadAsync(readFileSync(out));
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
    expect(names).toContain("bao-cao-cchc-thu-nghiem-2025-03-15.xlsx");
    const stored = await database.client.db.select().from(evidenceFiles);
    expect(stored).toHaveLength(2);
    for (const file of stored) {
      const path = `I/1 Xây dựng Kế hoạch tuyên truyền CCHC/${file.fileName}`;
      expect(names).toContain(path);
      const bytes = await zip.file(path)!.async("nodebuffer");
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
    }
    expect(names).toHaveLength(3);
  }, 60_000);

  it("limits the report to milestones due within --from and --to, and refuses bad days", async () => {
    const { rows } = await operatorReport({
      today: TODAY,
      from: "2025-03-01",
      to: "2025-03-20",
    });
    expect(rows.map((r) => r.stt)).toEqual(["2", "4"]);
    const failure = await cliOk(["export", "--org", "thu-nghiem", "--from", "15/3/2025"], { env: env() }).catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({ code: 2 });
  }, 30_000);
});
