import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { translatorFor } from "../../src/i18n/i18n.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { OPERATOR } from "../../src/services/access.js";
import { importPlan } from "../../src/services/import-plan.js";
import { decideRequest, markDone } from "../../src/services/milestones/milestone-actions.js";
import { listOpenMilestones } from "../../src/services/milestones/milestone-view.js";
import { importCriteriaSet } from "../../src/services/par/criteria-sets.js";
import { loadParView, type ParView } from "../../src/services/par/par-view.js";
import { buildParWorkbook } from "../../src/services/par/par-workbook.js";
import { decideParLink, setParSelfScore, startParAssessment } from "../../src/services/par/par-work.js";
import { convertToPdf } from "../../src/services/reports/pdf.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { joinAs as joinPerson } from "../support/invites.js";
import type { SamplePlan } from "../support/plan-files.js";
import { toTabText } from "../support/plan-files.js";

const run = promisify(execFile);
const VP = "Văn phòng – Thống kê";
let database: TestDatabase & { client: PostgresDatabaseClient };
let directory: string;
let view: ParView;

/**
 * An office's 2026: ten tasks, six done on time, two done late, two not done
 * by the end of the year. The plan is issued on time, one of two reports is
 * late, and four of the five tasks from the province are done on time.
 */
const TASKS: Array<[title: string, due: string, outcome: "on-time" | "late" | "not-done"]> = [
  ["Ban hành Kế hoạch CCHC năm 2026", "Trước 15/01/2026", "on-time"],
  ["Báo cáo CCHC quý I năm 2026", "Trước 15/3/2026", "on-time"],
  ["Báo cáo CCHC 6 tháng đầu năm 2026", "Trước 15/6/2026", "late"],
  ["Triển khai Kế hoạch số 12/KH-UBND của UBND tỉnh về chuyển đổi số", "Trước 30/4/2026", "on-time"],
  ["Thực hiện Công văn của UBND tỉnh về số hóa hồ sơ", "Trước 30/5/2026", "on-time"],
  ["Thực hiện Chỉ thị của UBND tỉnh về kỷ cương hành chính", "Trước 30/6/2026", "on-time"],
  ["Báo cáo UBND tỉnh kết quả thanh toán trực tuyến", "Trước 30/7/2026", "on-time"],
  ["Rà soát thủ tục hành chính theo yêu cầu của UBND tỉnh", "Trước 30/8/2026", "not-done"],
  ["Tổ chức hội nghị đối thoại với người dân", "Trước 30/9/2026", "late"],
  ["Kiểm tra công tác CCHC tại các thôn", "Trước 30/10/2026", "not-done"],
];

const plan: SamplePlan = {
  heading: "Kế hoạch cải cách hành chính xã Thử Nghiệm năm 2026",
  sections: [
    {
      roman: "I",
      title: "NHIỆM VỤ",
      tasks: TASKS.map(([title, deadline], i) => ({
        stt: String(i + 1),
        title,
        rows: [{ activity: "", product: "Kết quả thực hiện", lead: VP, support: "", deadline }],
      })),
    },
  ],
};

beforeAll(async () => {
  database = await createMigratedDatabase();
  directory = mkdtempSync(join(tmpdir(), "nhacviec-par-"));
  const { db } = database.client;
  const draft = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(plan))), { year: 2026 });
  const { organizationId } = await importPlan(db, draft, {
    organizationSlug: "thu-nghiem",
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  });
  const joinedAt = new Date("2026-01-02T02:00:00Z");
  const coordinator = await joinPerson(db, { userId: 701, role: "coordinator", organizationId, now: joinedAt });
  const member = await joinPerson(db, { userId: 702, role: "member", organizationId, unit: VP, now: joinedAt });
  const open = await listOpenMilestones(db, coordinator, { today: "2026-01-02" });
  for (const [title, , outcome] of TASKS) {
    const milestone = open.find((m) => m.title === title)!;
    if (outcome === "not-done") continue;
    const due = new Date(`${milestone.due}T03:00:00Z`);
    const at =
      outcome === "on-time" ? new Date(due.getTime() - 2 * 86_400_000) : new Date(due.getTime() + 5 * 86_400_000);
    const done = await markDone(db, member, milestone.id, { now: at });
    if (done.kind !== "submitted") throw new Error(`expected a submission, got ${done.kind}`);
    await decideRequest(db, coordinator, done.requestId, "approve", { now: at });
  }
  const set = await importCriteriaSet(db, OPERATOR, {
    fileName: "binh-duong-xa-2026.docx",
    bytes: readFileSync(new URL("../fixtures/par/binh-duong-xa-2026.docx", import.meta.url)),
    province: "binh-duong",
    year: 2026,
  });
  expect(set).toMatchObject({ kind: "stored", version: 1 });
  await startParAssessment(db, OPERATOR, "thu-nghiem", { year: 2026, province: "binh-duong", deadline: "2027-01-10" });
  const taskId = (title: string) => open.find((m) => m.title === title)!.taskId;
  const link = (code: string, titles: string[]) =>
    Promise.all(
      titles.map((title) =>
        decideParLink(db, OPERATOR, "thu-nghiem", {
          year: 2026,
          criterionCode: code,
          taskId: taskId(title),
          decision: "confirmed",
          now: new Date(),
        }),
      ),
    );
  await link("1.1.1", [TASKS[0]![0]]);
  await link("1.2", [TASKS[1]![0], TASKS[2]![0]]);
  await link(
    "1.5",
    TASKS.slice(3, 8).map(([title]) => title),
  );
  await setParSelfScore(db, OPERATOR, "thu-nghiem", {
    year: 2026,
    criterionCode: "3.3.2",
    points: "2",
    justification: "96% hồ sơ giải quyết đúng hạn theo Hệ thống thông tin giải quyết TTHC",
    now: new Date(),
  });
  const loaded = await loadParView(db, OPERATOR, "thu-nghiem", 2026, { today: "2026-12-31" });
  if (loaded.kind !== "ok") throw new Error(loaded.kind);
  view = loaded;
}, 120_000);

afterAll(async () => {
  await database?.drop();
  rmSync(directory, { recursive: true, force: true });
});

const row = (code: string) => view.criteria.find((r) => r.criterion.code === code)!;

describe("scores that follow from the year's results", () => {
  it("scores the plan's completion, its issue, the reports and the province's tasks by the set's bands", () => {
    // 8 of 10 done: "từ 80% đến dưới 100% kế hoạch: 1 điểm".
    expect(row("1.1.2")).toMatchObject({
      source: "automatic",
      points: 1,
      automatic: { kind: "plan-completion", share: 80 },
    });
    expect(row("1.1.1")).toMatchObject({ source: "automatic", points: 1, automatic: { outcome: "on-time" } });
    // One report late: "có báo cáo chậm thời hạn: 0,5 điểm".
    expect(row("1.2")).toMatchObject({ source: "automatic", points: 0.5, automatic: { outcome: "late" } });
    // Four of five on time: 80%, "từ 80% đến dưới 100%: 1 điểm".
    expect(row("1.5")).toMatchObject({ source: "automatic", points: 1, automatic: { share: 80 } });
    expect(row("3.3.2")).toMatchObject({ source: "self", points: 2 });
  });

  it("totals the fields and the whole against the maximum", () => {
    expect(view.fields.find((f) => f.code === "1")).toEqual({
      code: "1",
      name: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
      points: 3.5,
      maxPoints: 12,
    });
    expect(view.fields.find((f) => f.code === "3")?.points).toBe(2);
    expect(view.total).toEqual({ points: 5.5, maxPoints: 100 });
    expect(row("1.1")?.points).toBe(2);
  });

  it("prints the workbook on A4 through LibreOffice with every column, the totals and the explanations", async () => {
    const workbook = await buildParWorkbook(view, translatorFor("vi"));
    const pdf = await convertToPdf(workbook, "xlsx");
    const path = join(directory, "tu-danh-gia.pdf");
    writeFileSync(path, pdf);
    if (process.env.REPORT_ARTIFACTS) writeFileSync(join(process.env.REPORT_ARTIFACTS, "tu-danh-gia.pdf"), pdf);
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      expect(Math.abs(width - 595)).toBeLessThanOrEqual(2);
      expect(Math.abs(height - 842)).toBeLessThanOrEqual(2);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " ");
      // The header row repeats on every page, all six columns of it.
      for (const column of ["STT", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình"]) {
        expect(text).toContain(column);
      }
      pages.push(text);
    }
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.length).toBeLessThanOrEqual(12);
    const all = pages.join(" ");
    expect(all).toContain("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026");
    expect(all).toContain("Cộng lĩnh vực 1");
    expect(all).toContain("Cộng lĩnh vực 8");
    expect(all).toContain("TỔNG ĐIỂM");
    expect(all).toContain("Tính từ kết quả: hoàn thành 80% kế hoạch CCHC năm");
    expect(all).toContain("96% hồ sơ giải quyết đúng hạn");
    expect(all).toContain("Tiêu chí 1.4.1");
    const { stdout } = await run("pdfinfo", [path]);
    expect(stdout).toMatch(/Page size:.*\(A4\)/);
  }, 120_000);
});
