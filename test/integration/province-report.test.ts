/**
 * The province's Decree 30 report on its communes: three communes on two
 * province tasks of the first quarter (one commune on time, one late, one
 * that has not started) and a task of the second quarter that the report
 * leaves out. The command line and the web's build give the same document;
 * a commune asking for it is told there is none.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { translatorFor } from "../../src/i18n/i18n.js";
import { OPERATOR } from "../../src/services/access.js";
import { markDone } from "../../src/services/milestones/milestone-actions.js";
import { findViewerById, type Viewer } from "../../src/services/people/viewer.js";
import { fanOutTask } from "../../src/services/province/fan-out.js";
import { addOrganization } from "../../src/services/province/organizations.js";
import { parseReportPeriod } from "../../src/services/reports/cchc-report.js";
import { buildProvinceReport, loadProvinceReportInput } from "../../src/services/reports/province-report.js";
import { cliOk } from "../support/cli.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { addProvincePlan, addProvinceTask, personWithRole } from "../support/province-tasks.js";
import { signInThroughForm, testWebApp } from "../support/web-requests.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
let directory: string;
const db = () => database.client.db;
const AS_OF = "2025-03-25";
const COMMUNES = { "gio-son": "Xã Gio Sơn", "gio-linh": "Xã Gio Linh", "dong-ha": "Phường Đông Hà" } as const;
type Slug = keyof typeof COMMUNES;
const coordinatorOf = {} as Record<Slug, Viewer>;
let reviewer: Viewer;
const taskIds: string[] = [];

const at = (day: string) => new Date(`${day}T09:00:00+07:00`);

/** The commune's copy of a province task: its milestone, to mark done. */
async function copyMilestone(slug: Slug, sourceTaskId: string): Promise<string> {
  const rows = await database.client.sql`select m.id from milestones m join tasks t on t.id = m.task_id
    join organizations o on o.id = t.organization_id where o.slug = ${slug} and t.source_task_id = ${sourceTaskId}`;
  return rows[0]!.id as string;
}

beforeAll(async () => {
  database = await createMigratedDatabase();
  directory = mkdtempSync(join(tmpdir(), "nhacviec-province-report-"));
  const made = await addOrganization(db(), OPERATOR, {
    slug: "quang-tri",
    name: "UBND tỉnh Quảng Trị",
    kind: "province",
  });
  const province = (made as { id: string }).id;
  let coordinator = await personWithRole(db(), province, "Văn phòng tỉnh", "coordinator");
  for (const [slug, name] of Object.entries(COMMUNES) as Array<[Slug, string]>) {
    const added = await addOrganization(db(), coordinator, { slug, name, kind: "commune", parentSlug: "quang-tri" });
    coordinatorOf[slug] = await personWithRole(db(), (added as { id: string }).id, `Điều phối ${slug}`, "coordinator");
  }
  coordinator = (await findViewerById(db(), coordinator.personId)) as Viewer;
  reviewer = await personWithRole(db(), province, "Sở Nội vụ", "province_reviewer");
  const planId = await addProvincePlan(db(), province);
  // Two tasks of the first quarter and one of the second, which a first-quarter report leaves out.
  for (const [key, due] of [
    ["1", "2025-03-10"],
    ["2", "2025-03-20"],
    ["3", "2025-05-15"],
  ] as const) {
    const id = await addProvinceTask(db(), { provinceId: province, planId, key, lead: "UBND các xã, phường", due });
    const fanned = await fanOutTask(db(), coordinator, id, at("2025-03-01"));
    expect(fanned.kind === "fanned-out" && fanned.reached.length).toBe(3);
    taskIds.push(id);
  }
  const [first, second] = taskIds as [string, string];
  // Gio Sơn on time twice; Gio Linh four days late on the first; Đông Hà has not started.
  for (const [slug, task, day] of [
    ["gio-son", first, "2025-03-05"],
    ["gio-son", second, "2025-03-15"],
    ["gio-linh", first, "2025-03-14"],
    ["gio-linh", second, "2025-03-18"],
  ] as const) {
    const done = await markDone(db(), coordinatorOf[slug], await copyMilestone(slug, task), { now: at(day) });
    expect(done.kind).toBe("done");
  }
}, 60_000);

afterAll(async () => {
  await database?.drop();
  rmSync(directory, { recursive: true, force: true });
});

/** The text of a .docx and the cells of each of its tables, row by row. */
async function readDocx(bytes: Buffer) {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  const textOf = (part: string) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1]!.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => textOf(cell[1]!)),
    ),
  );
  return { xml, text: textOf(xml), tables };
}

const COMMUNE_TABLE = [
  [
    "STT",
    "Xã, phường",
    "Số nhiệm vụ",
    "Hoàn thành đúng hạn",
    "Hoàn thành trễ hạn",
    "Quá hạn",
    "Tỷ lệ đúng hạn",
    "Xếp hạng",
  ],
  ["1", "Xã Gio Sơn", "2", "2", "0", "0", "100%", "1"],
  ["2", "Xã Gio Linh", "2", "1", "1", "0", "50%", "2"],
  ["3", "Phường Đông Hà", "2", "0", "0", "2", "0%", "3"],
  ["", "Tổng cộng", "6", "3", "1", "2", "50%", ""],
];

/** Where to keep the outputs for a person to look at, when asked (REPORT_ARTIFACTS=dir). */
const keep = (path: string) => {
  const into = process.env.REPORT_ARTIFACTS;
  if (into) copyFileSync(path, join(into, path.split("/").at(-1) as string));
};

describe("nhacviec report for a province", () => {
  it("writes the province's report on its communes in the Decree 30 form, ranked by the league table", async () => {
    const out = join(directory, "bao-cao-quang-tri-q1.docx");
    const env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" };
    await cliOk(["report", "--org", "quang-tri", "--period", "2025-Q1", "--as-of", AS_OF, "--out", out], { env });
    keep(out);
    const { xml, text, tables } = await readDocx(readFileSync(out));
    for (const block of [
      "UBND TỈNH QUẢNG TRỊ",
      "Số: …/BC-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "……, ngày … tháng … năm ……",
      "BÁO CÁO",
      "Kết quả thực hiện nhiệm vụ cải cách hành chính của các xã, phường quý I năm 2025",
      "Thực hiện Kế hoạch CCHC tỉnh năm 2025, UBND tỉnh Quảng Trị báo cáo",
      "(số liệu tính đến ngày 25/03/2025)",
      "Trên địa bàn có 3 xã, phường. Trong kỳ, 3 xã, phường có nhiệm vụ tỉnh giao đến hạn: 2 nhiệm vụ, tổng cộng 6 lượt nhiệm vụ ở các xã; đã hoàn thành đúng hạn 3, hoàn thành trễ hạn 1, quá hạn chưa hoàn thành 2, đang thực hiện hoặc chờ duyệt 0. Tỷ lệ hoàn thành đúng hạn đạt 50%.",
      "- Phường Đông Hà: 2 nhiệm vụ quá hạn, tổng cộng 20 ngày trễ: “Rà soát thủ tục hành chính 1” (quá hạn 15 ngày); “Rà soát thủ tục hành chính 2” (quá hạn 5 ngày).",
      "- Rà soát thủ tục hành chính 1: 2/3 xã đã hoàn thành, 2 xã trễ hạn.",
      "- Rà soát thủ tục hành chính 2: 2/3 xã đã hoàn thành, 1 xã trễ hạn.",
      "Nơi nhận:",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
    ])
      expect(text).toContain(block);
    // The second quarter's task is not the first quarter's work; the communes' table is the one between the heading and the signature.
    expect(text).not.toContain("Rà soát thủ tục hành chính 3");
    expect(tables).toHaveLength(3);
    expect(tables[1]).toEqual(COMMUNE_TABLE);
    // The commune report's form: Times New Roman only, A4 with the decree's margins.
    expect(new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(["Times New Roman"]));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/);
  }, 60_000);

  it("keeps the commune form for a commune: the same command, chosen by the organization's kind", async () => {
    const out = join(directory, "bao-cao-gio-son-q1.docx");
    const env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" };
    await cliOk(["report", "--org", "gio-son", "--period", "2025-Q1", "--as-of", AS_OF, "--out", out], { env });
    const { text } = await readDocx(readFileSync(out));
    expect(text).toContain("XÃ GIO SƠN");
    expect(text).toContain("Kết quả thực hiện công tác cải cách hành chính quý I năm 2025");
    expect(text).not.toContain("Xếp hạng");
  }, 60_000);
});

describe("who gets the province report", () => {
  const q1 = () => {
    const parsed = parseReportPeriod("2025-Q1");
    if (parsed.kind !== "ok") throw new Error("2025-Q1");
    return parsed.period;
  };

  it("refuses a commune the province's report and has none for a commune, both as not found", async () => {
    const gioSon = coordinatorOf["gio-son"];
    expect(await loadProvinceReportInput(db(), gioSon, "quang-tri", q1(), AS_OF)).toEqual({ kind: "not-found" });
    expect(await loadProvinceReportInput(db(), gioSon, "gio-son", q1(), AS_OF)).toEqual({ kind: "not-found" });
    expect(await loadProvinceReportInput(db(), reviewer, "quang-tri", q1(), AS_OF)).toMatchObject({ kind: "ok" });
  });

  it("heads a department's report with the province above it, its own abbreviation and its director", async () => {
    await addOrganization(db(), OPERATOR, { slug: "hue", name: "UBND thành phố Huế", kind: "province" });
    await addOrganization(db(), OPERATOR, {
      slug: "snv-hue",
      name: "Sở Nội vụ",
      kind: "department",
      parentSlug: "hue",
    });
    const input = await loadProvinceReportInput(db(), OPERATOR, "snv-hue", q1(), AS_OF);
    if (input.kind !== "ok") throw new Error(input.kind);
    const { text } = await readDocx(await buildProvinceReport(input, translatorFor("vi")));
    expect(text).toContain("UBND THÀNH PHỐ HUẾSỞ NỘI VỤ");
    expect(text).toContain("Số: …/BC-SNV");
    expect(text).toContain("GIÁM ĐỐC");
    expect(text).toContain("Trong kỳ không có nhiệm vụ tỉnh giao nào đến hạn ở các xã, phường.");
  });
});

describe("the province report on the web", () => {
  /** Asks for a build and waits for its file; the answer to the request when it is no build. */
  async function downloadBuilt(app: ReturnType<typeof testWebApp>, cookie: string, path: string) {
    const asked = await app.request(path, { headers: { cookie } });
    const build = asked.headers.get("location");
    if (asked.status !== 303 || !build) return { status: asked.status, disposition: "", bytes: Buffer.from("") };
    for (let tries = 0; tries < 600; tries++) {
      const file = await app.request(`${build}/file`, { headers: { cookie } });
      if (file.status === 200)
        return {
          status: 200,
          disposition: file.headers.get("content-disposition") ?? "",
          bytes: Buffer.from(await file.arrayBuffer()),
        };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`report ${build} was not built`);
  }

  it("offers the province its report as Word and PDF through the report builds; a commune gets 404", async () => {
    const clock = { now: at(AS_OF) };
    const app = testWebApp(db(), clock);
    const province = await signInThroughForm(app, db(), reviewer, clock.now);
    const page = await (await app.request("/province", { headers: { cookie: province.cookie } })).text();
    expect(page).toContain('href="/reports/province?period=2025-Q1&amp;format=docx"');
    expect(page).toContain('href="/reports/province?period=2025-Q1&amp;format=pdf"');

    const docx = await downloadBuilt(app, province.cookie, "/reports/province?period=2025-Q1&format=docx");
    expect(docx.disposition).toContain('filename="bao-cao-cchc-quang-tri-2025-Q1.docx"');
    expect((await readDocx(docx.bytes)).tables[1]).toEqual(COMMUNE_TABLE);

    const pdf = await downloadBuilt(app, province.cookie, "/reports/province?period=2025-Q1&format=pdf");
    expect(pdf.disposition).toContain('filename="bao-cao-cchc-quang-tri-2025-Q1.pdf"');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const pdfPath = join(directory, "bao-cao-quang-tri-q1.pdf");
    await import("node:fs/promises").then((fs) => fs.writeFile(pdfPath, pdf.bytes));
    keep(pdfPath);

    const commune = await signInThroughForm(app, db(), coordinatorOf["gio-son"], clock.now);
    for (const format of ["docx", "pdf"]) {
      const asked = await app.request(`/reports/province?period=2025-Q1&format=${format}`, {
        headers: { cookie: commune.cookie },
      });
      expect(asked.status, format).toBe(404);
    }
  }, 120_000);
});
