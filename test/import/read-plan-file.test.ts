import { monitorEventLoopDelay } from "node:perf_hooks";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ImportError, MissingPlanYearError } from "../../src/import/import-error.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { readPlanFile } from "../../src/import/read-plan-file.js";
import { DEFAULT_READ_LIMITS } from "../../src/import/read-limits.js";
import { samplePlan, toDocx, toTabText } from "../support/plan-files.js";
import { readSeed } from "../support/seeds.js";

/**
 * Runs `read` while watching the calling process: the event loop's worst delay
 * and the largest resident memory, the two things a hostile file must not take.
 */
async function watched<T>(
  read: () => Promise<T>,
): Promise<{ outcome: unknown; maxDelayMs: number; maxRssMb: number; ms: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let maxRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage.rss())), 50);
  const started = Date.now();
  let outcome: unknown;
  try {
    outcome = await read();
  } catch (error) {
    outcome = error;
  } finally {
    clearInterval(sampler);
    delay.disable();
  }
  return { outcome, maxDelayMs: delay.max / 1e6, maxRssMb: maxRss / (1024 * 1024), ms: Date.now() - started };
}

function reasonOf(outcome: unknown): string {
  expect(outcome).toBeInstanceOf(ImportError);
  return (outcome as ImportError).reason;
}

/** A .docx whose one extra XML part inflates to `megabytes` of zeros while the file stays tiny. */
async function zipBombDocx(megabytes: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await toDocx(samplePlan));
  zip.file("word/padding.xml", Buffer.alloc(megabytes * 1024 * 1024));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

describe("reading a plan in a separate process", () => {
  it("gives the same draft as reading in this process", async () => {
    const { fileName, text } = readSeed("000");
    const inProcess = interpretDocument(await readDocument(fileName, Buffer.from(text)));
    const isolated = await readPlanFile(fileName, Buffer.from(text));
    expect(isolated).toEqual(inProcess);
    expect(isolated.tasks).toHaveLength(39);
  });

  it("keeps the document's missing year a MissingPlanYearError, and uses the fallback year when given", async () => {
    const text = toTabText(samplePlan)
      .replace(/năm 20\d\d/gi, "")
      .replace(/20\d\d/g, "");
    await expect(readPlanFile("kh.txt", Buffer.from(text))).rejects.toBeInstanceOf(MissingPlanYearError);
    const draft = await readPlanFile("kh.txt", Buffer.from(text), { fallbackYear: 2027 });
    expect(draft.plan.year).toBe(2027);
  });

  it("refuses a zip bomb before inflating it, while the caller's event loop keeps turning", async () => {
    const bomb = await zipBombDocx(300);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const { outcome, maxDelayMs, maxRssMb, ms } = await watched(() => readPlanFile("bom.docx", bomb));
    expect(reasonOf(outcome)).toContain("giải ra quá 100 MB");
    expect(maxDelayMs).toBeLessThan(200);
    expect(maxRssMb).toBeLessThan(500);
    expect(ms).toBeLessThan(30_000);
    // Building the 300 MB bomb is the test's own work (seconds of CPU): on a shared machine it needs more than 30 s.
  }, 180_000);

  it("refuses a cell of a million characters, naming the line and the limit", async () => {
    const deadline = samplePlan.sections[0]!.tasks[0]!.rows[0]!.deadline;
    const text = toTabText(samplePlan).replace(deadline, "x".repeat(1_000_000));
    expect(text.length).toBeGreaterThan(1_000_000);
    const { outcome, maxDelayMs } = await watched(() => readPlanFile("dai.txt", Buffer.from(text)));
    const error = outcome as ImportError;
    expect(reasonOf(error)).toContain("1.000.000 ký tự");
    expect(error.location.line).toBeGreaterThan(0);
    expect(maxDelayMs).toBeLessThan(200);
  });

  it("refuses a sheet of more rows than any plan has", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Phụ lục");
    sheet.addRow(["TT", "Nhiệm vụ", "Chủ trì", "Thời gian"]);
    for (let i = 1; i <= 21_000; i++) sheet.addRow([i, `Nhiệm vụ ${i}`, "Văn phòng", "Quý I/2026"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { outcome, maxDelayMs } = await watched(() => readPlanFile("lon.xlsx", bytes));
    expect(reasonOf(outcome)).toMatch(/21\.00\d hàng, quá giới hạn 20\.000 hàng/);
    expect(maxDelayMs).toBeLessThan(200);
  }, 60_000);

  it("stops a reader that takes longer than the time limit and says so", async () => {
    const text = toTabText(samplePlan);
    const { outcome } = await watched(() => readPlanFile("cham.txt", Buffer.from(text), { limits: { timeoutMs: 1 } }));
    expect(reasonOf(outcome)).toContain("quá 0 giây");
  });

  it("refuses a file over the upload size without starting a reader", async () => {
    const bytes = Buffer.alloc(DEFAULT_READ_LIMITS.maxFileBytes + 1, 0x41);
    const { outcome, ms } = await watched(() => readPlanFile("to.txt", bytes));
    expect(reasonOf(outcome)).toContain("lớn hơn giới hạn 20 MB");
    expect(ms).toBeLessThan(1000);
  });
});
