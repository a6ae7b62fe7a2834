import { execFile } from "node:child_process";
import { createFileEvidenceStore } from "../../src/services/evidence/evidence-store.js";
import { joinAs as joinPerson } from "../support/invites.js";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { addEvidenceReference, parseDocumentReference } from "../../src/services/evidence-references.js";
import {
  addProgressNote,
  attachEvidence,
  decideRequest,
  markDone,
} from "../../src/services/milestones/milestone-actions.js";
import { listOpenMilestones } from "../../src/services/milestones/milestone-view.js";
import { findSoffice } from "../../src/import/libreoffice.js";
import { cliOk } from "../support/cli.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { type SamplePlan, toTabText } from "../support/plan-files.js";

const run = promisify(execFile);
let database: TestDatabase & { client: PostgresDatabaseClient };
let directory: string;
const AS_OF = "2026-09-20";
const VP = "Văn phòng – Thống kê";
const TP = "Tư pháp – Hộ tịch";
const VH = "Văn hóa – Xã hội";
const REFERENCE = "Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã Thử Nghiệm";

/** Enough rows to fill several printed pages: three sections, quarterly, dated and monthly work. */
function yearPlan(): SamplePlan {
  const deadlines = ["Hằng quý", "Trước 15/8/2026", "Quý III/2026", "Trước 31/3/2026", "Tháng 10/2026", "Quý II/2026"];
  const leads = [VP, TP, VH];
  const titles = ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CHUYỂN ĐỔI SỐ"];
  return {
    heading: "Cải cách hành chính xã Thử Nghiệm năm 2026",
    sections: titles.map((title, s) => ({
      roman: ["I", "II", "III"][s] as string,
      title,
      tasks: Array.from({ length: 8 }, (_, i) => ({
        stt: String(i + 1),
        title: `Nhiệm vụ ${s + 1}.${i + 1}: triển khai, kiểm tra và báo cáo kết quả thực hiện nội dung số ${i + 1} của mục`,
        rows: [
          {
            activity: "",
            product: i % 2 === 0 ? "Báo cáo" : "Kế hoạch",
            lead: leads[(s + i) % 3] as string,
            support: "",
            deadline: deadlines[(s + i) % deadlines.length] as string,
          },
        ],
      })),
    })),
  };
}

const JOINED_AT = new Date("2026-01-05T02:00:00Z");
const joinAs = (userId: number, role: "member" | "coordinator", organizationId: string, unit?: string) =>
  joinPerson(database.client.db, { userId, role, organizationId, ...(unit ? { unit } : {}), now: JOINED_AT });

beforeAll(async () => {
  database = await createMigratedDatabase();
  directory = mkdtempSync(join(tmpdir(), "nhacviec-reports-"));
  const { db } = database.client;
  const draft = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(yearPlan()))), { year: 2026 });
  const { organizationId } = await importPlan(db, draft, {
    organizationSlug: "thu-nghiem",
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  });
  await db.execute(sql`update organizations set name = 'UBND xã Thử Nghiệm' where id = ${organizationId}`);
  const coordinator = await joinAs(602, "coordinator", organizationId);
  const members = new Map<string, Awaited<ReturnType<typeof joinAs>>>();
  for (const [index, unit] of [VP, TP, VH].entries())
    members.set(unit, await joinAs(610 + index, "member", organizationId, unit));
  // Third-quarter work: every other task of it is done (one with a typed reference, one late), one overdue with a note.
  const dueInQ3 = (await listOpenMilestones(db, coordinator, { today: "2026-07-01" })).filter(
    (m) => m.due !== null && m.due >= "2026-07-01" && m.due <= "2026-09-30",
  );
  let count = 0;
  for (const milestone of dueInQ3) {
    const actor = members.get(milestone.leadUnitNames[0] as string)!;
    count++;
    if (count % 2 === 0) {
      if (count === 2) {
        const parsed = parseDocumentReference(REFERENCE);
        if (!parsed.ok) throw new Error(parsed.reason);
        await addEvidenceReference(
          db,
          actor,
          milestone.id,
          { reference: parsed.reference, typedText: REFERENCE },
          {
            now: new Date("2026-08-01T02:00:00Z"),
          },
        );
      } else {
        await attachEvidence(
          db,
          actor,
          milestone.id,
          {
            fileName: `bao-cao-${count}.pdf`,
            mimeType: "application/pdf",
            bytes: Buffer.from(`%PDF ${count}`),
            telegramFileId: null,
            telegramFileUniqueId: null,
          },
          { now: new Date("2026-08-01T02:00:00Z"), evidence: createFileEvidenceStore(directory) },
        );
      }
      const at = count === 4 ? `${milestone.due}T09:00:00Z` : "2026-08-02T03:00:00Z";
      const lateAt = count === 4 ? new Date(new Date(at).getTime() + 3 * 86_400_000) : new Date(at);
      const result = await markDone(db, actor, milestone.id, { now: lateAt });
      if (result.kind !== "submitted") throw new Error(`expected a submission, got ${result.kind}`);
      await decideRequest(db, coordinator, result.requestId, "approve", { now: lateAt });
    } else if (count === 1) {
      await addProgressNote(db, actor, milestone.id, "Chờ số liệu của các thôn, dự kiến xong cuối tháng 9", {
        now: new Date("2026-08-20T02:00:00Z"),
      });
    }
  }
}, 120_000);
afterAll(async () => {
  await database?.drop();
  rmSync(directory, { recursive: true, force: true });
});

/** Where to keep the outputs for a person to look at, when asked (REPORT_ARTIFACTS=dir). */
const keep = (path: string) => {
  const into = process.env.REPORT_ARTIFACTS;
  if (into) copyFileSync(path, join(into, path.split("/").at(-1) as string));
};

const env = () => ({ ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" });
const cli = (args: string[]) => cliOk([...args], { env: env() });

/** The page sizes and texts of a PDF, read with pdfjs. */
async function readPdf(path: string): Promise<Array<{ width: number; height: number; text: string }>> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false }).promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    pages.push({ width, height, text: text.replace(/\s+/g, " ") });
  }
  return pages;
}

describe("the printed results workbook", () => {
  it("prints through LibreOffice on A4 landscape pages that each carry the header's first and last columns", async () => {
    expect(await findSoffice()).not.toBeNull();
    const out = join(directory, "ket-qua.pdf");
    await cli(["export", "--org", "thu-nghiem", "--format", "pdf", "--as-of", AS_OF, "--out", out]);
    const pages = await readPdf(out);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(Math.abs(page.width - 842)).toBeLessThanOrEqual(2);
      expect(Math.abs(page.height - 595)).toBeLessThanOrEqual(2);
      expect(page.text).toContain("TT");
      expect(page.text).toContain("Minh chứng");
    }
    const all = pages.map((p) => p.text).join(" ");
    expect(all).toContain("(Tính đến ngày 20/09/2026)");
    expect(all).toContain("NGƯỜI LẬP BIỂU");
    expect(all).toContain("CHỦ TỊCH");
    expect(all).toContain("Quý III");
    expect(all).toContain("15/KH-UBND");
    keep(out);
  }, 120_000);
});

describe("nhacviec report", () => {
  it("writes the quarter's report in the Decree 30 layout with the database's numbers", async () => {
    const out = join(directory, "bao-cao-q3.docx");
    await cli(["report", "--org", "thu-nghiem", "--period", "2026-Q3", "--as-of", AS_OF, "--out", out]);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await zip.file("word/document.xml")!.async("string");
    const styles = await zip.file("word/styles.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

    expect(styles).toContain('w:ascii="Times New Roman"');
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
    const sizes = new Set([...xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2));
    expect([...sizes].every((size) => size >= 11 && size <= 14)).toBe(true);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    const mm = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]) / 56.7;
    expect(mm("top")).toBeGreaterThanOrEqual(19.9);
    expect(mm("top")).toBeLessThanOrEqual(25.1);
    expect(mm("bottom")).toBeGreaterThanOrEqual(19.9);
    expect(mm("bottom")).toBeLessThanOrEqual(25.1);
    expect(mm("left")).toBeGreaterThanOrEqual(29.9);
    expect(mm("left")).toBeLessThanOrEqual(35.1);
    expect(mm("right")).toBeGreaterThanOrEqual(14.9);
    expect(mm("right")).toBeLessThanOrEqual(20.1);
    expect(/<w:pgSz w:w="11906" w:h="16838"/.test(xml)).toBe(true);

    for (const block of [
      "UBND XÃ THỬ NGHIỆM",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: …/BC-UBND",
      "……, ngày … tháng … năm ……",
      "BÁO CÁO",
      "Kết quả thực hiện công tác cải cách hành chính quý III năm 2026",
      "Nơi nhận:",
      "CHỦ TỊCH",
      "[Đánh giá chung: …]",
      "III. NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2026",
      REFERENCE,
      "Chờ số liệu của các thôn",
    ])
      expect(text).toContain(block);
    expect(xml).toMatch(/<w:u w:val="single"\/>[\s\S]{0,400}Độc lập - Tự do - Hạnh phúc/);
    expect(xml).toMatch(/<w:i\/>[\s\S]{0,300}……, ngày … tháng … năm ……/);

    const result = await database.client.db.execute(sql`
        select count(*)::int as total,
               count(*) filter (where m.state = 'done')::int as done,
               count(*) filter (where m.state = 'done' and (m.completed_at at time zone 'Asia/Ho_Chi_Minh')::date > m.due)::int as late,
               count(*) filter (where m.state in ('open', 'in_progress') and m.due < ${AS_OF}::date)::int as overdue
        from milestones m join tasks t on t.id = m.task_id
        where t.removed_at is null and m.due between '2026-07-01' and '2026-09-30'`);
    const counts = (Array.isArray(result) ? result[0] : (result as { rows: unknown[] }).rows[0]) as
      { total: number; done: number; late: number; overdue: number } | undefined;
    expect(counts!.total).toBeGreaterThan(4);
    expect(counts!.late).toBe(1);
    const rate = `${(Math.round((counts!.done / counts!.total) * 1000) / 10).toLocaleString("vi-VN")}%`;
    keep(out);
    expect(text).toContain(
      `Trong kỳ báo cáo có ${counts!.total} nhiệm vụ đến hạn; đã hoàn thành ${counts!.done} nhiệm vụ (tỷ lệ ${rate}), trong đó hoàn thành trễ hạn ${counts!.late}; quá hạn chưa hoàn thành ${counts!.overdue};`,
    );
  }, 60_000);

  it("refuses a period it cannot read, in Vietnamese", async () => {
    const failure = await cli(["report", "--org", "thu-nghiem", "--period", "2026-Q5"]).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect(String((failure as { stderr: string }).stderr)).toContain("không phải kỳ báo cáo");
  }, 30_000);

  it("says LibreOffice is needed when asked for a PDF without it", async () => {
    // A PATH that holds node and nothing else, so no soffice can be found.
    const bin = mkdtempSync(join(tmpdir(), "nhacviec-bin-"));
    symlinkSync(process.execPath, join(bin, "node"));
    const failure = await run(
      process.execPath,
      [
        "node_modules/.bin/tsx",
        "src/cli/main.ts",
        "report",
        "--org",
        "thu-nghiem",
        "--period",
        "2026",
        "--format",
        "pdf",
        // Never the working directory: a report that did get written would land in the repository.
        "--out",
        join(bin, "report.pdf"),
      ],
      { env: { ...env(), PATH: bin } },
    ).catch((e: unknown) => e);
    rmSync(bin, { recursive: true, force: true });
    expect(failure).toMatchObject({ code: 2 });
    expect(String((failure as { stderr: string }).stderr)).toContain("Cần cài LibreOffice");
  }, 30_000);
});
