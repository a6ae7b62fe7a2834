import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plainCell } from "../../src/import/interpret/cells.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { splitAtBorders } from "../../src/import/readers/pdf-columns.js";
import { readPdfPages } from "../../src/import/readers/pdf-page.js";
import { samplePlan, toDocx, toPdf } from "../support/plan-files.js";

const pdf = (name: string): Buffer => readFileSync(join("test/fixtures/pdf-corpus/pdf", name));

/** What a plan import keeps of a document: its title and each task's number, title, units and deadlines. */
async function planOf(name: string, bytes: Buffer) {
  const draft = interpretDocument(await readDocument(name, bytes));
  return {
    title: draft.plan.title,
    tasks: draft.tasks.map(({ section, stt, title, lead, support, deadlineTexts }) => ({
      section,
      stt,
      title,
      lead,
      support,
      deadlineTexts,
    })),
  };
}

/** Every printed character but spaces, sorted: the same multiset means nothing was lost or doubled. */
const letters = (texts: string[]): string => [...texts.join("").replace(/\s+/g, "")].sort().join("");

describe("the PDF reader", () => {
  it.each([
    "gio-son.chromium.borderless.letter-landscape.header-footer.pdf",
    "gio-son.pdflib.grid.letter.pdf",
    "vinh-thuy.calc-xlsx.gridlines.a4-landscape.pdf",
    "quang-tri-merged.writer-docx.bordered.a4.pdf",
  ])(
    "puts every printed character of %s in a row or in the lines it drops, once",
    { timeout: 30_000 },
    async (name) => {
      const bytes = pdf(name);
      const printed = (await readPdfPages(name, bytes)).flatMap((page) => page.runs.map((run) => run.text));
      const document = await readDocument(name, bytes);
      const rows = document.tables.flatMap((table) =>
        table.rows.flatMap((row) => row.cells.filter((_, i) => !row.inherited?.[i] && !row.covered?.[i])),
      );
      // A cell merged down over several rows is printed once: its text is in the first row that shows it.
      const merged = document.tables.flatMap((table) =>
        table.rows.flatMap((row) => row.cells.filter((_, i) => row.inherited?.[i])),
      );
      expect(merged.length === 0 || name.includes("merged")).toBe(true);
      expect(letters([...rows.map(plainCell), ...(document.outside ?? []).map((line) => line.text)])).toBe(
        letters(printed),
      );
    },
  );

  it("explains page headers and footers as dropped, and no task carries their words", async () => {
    const name = "gio-son.chromium.borderless.letter-landscape.header-footer.pdf";
    const draft = interpretDocument(await readDocument(name, pdf(name)));
    const dropped = draft.explanation.filter((row) => row.reason?.startsWith("đầu/chân trang"));
    // Chromium prints the date and title at the top and the address and "x/y" at the bottom of each of 4 pages.
    expect(dropped.length).toBeGreaterThanOrEqual(8);
    expect(dropped.some((row) => row.text.includes("file://"))).toBe(true);
    const words = draft.tasks.flatMap((task) => [task.title, ...task.lead, ...task.support, ...task.deadlineTexts]);
    expect(words.filter((text) => /file:\/\/|\d+\/4$|\d{1,2}:\d{2}/.test(text))).toEqual([]);
  });

  it("drops pdf-lib's running title and 'Trang x/y' footer on every page", async () => {
    const name = "vinh-thuy.pdflib.no-grid.a4-landscape.pdf";
    const document = await readDocument(name, pdf(name));
    const footers = (document.outside ?? []).filter((line) => /^Trang \d\/3$/.test(line.text));
    expect(footers.map((line) => line.page)).toEqual([1, 2, 3]);
    expect(document.paragraphs.some((p) => /^Trang \d/.test(p))).toBe(false);
  });

  it("keeps a lead cell merged down over several tasks for each of them", async () => {
    const name = "quang-tri-merged.pdflib.grid.letter.pdf";
    const docx = "quang-tri-merged.writer-docx.bordered.a4.pdf";
    const draft = interpretDocument(await readDocument(docx, pdf(docx)));
    const first = draft.tasks.filter((task) => task.section === "I").slice(0, 3);
    expect(first.map((task) => task.lead)).toEqual([
      ["Sở Nội vụ", "các cơ quan tham mưu CCHC"],
      ["Sở Nội vụ", "các cơ quan tham mưu CCHC"],
      ["Sở Nội vụ", "các cơ quan tham mưu CCHC"],
    ]);
    expect((await readDocument(name, pdf(name))).tables[0]?.rows.some((row) => row.inherited)).toBe(false);
  });

  it("splits a run pdfjs joined across a column border at the words' boundary", () => {
    const run = { text: "các bộ phậnNăm 2025", x: 100, y: 0, page: 1, height: 10, width: 190 };
    expect(splitAtBorders(run, [200]).map((part) => part.text)).toEqual(["các bộ phận", "Năm 2025"]);
    expect(splitAtBorders({ ...run, text: "Văn phòng UBND Các phòng" }, [215]).map((p) => p.text)).toEqual([
      "Văn phòng UBND",
      "Các phòng",
    ]);
  });

  // A heading centred above an unruled table, within 30pt of its header and centred on one of its labels
  // ("Chủ trì"), was once read as the top line of that label: the title was lost and the column borders
  // moved, so units wrapped in their cells were cut in two across columns.
  it.each([
    samplePlan.heading,
    "Kiểm soát thủ tục hành chính xã Thử Nghiệm năm 2025",
    "Cải cách hành chính và chuyển đổi số xã Thử Nghiệm năm 2025",
  ])(
    "reads an unruled pdf-lib table under the heading “%s” as its .docx reads",
    { timeout: 30_000 },
    async (heading) => {
      const plan = { ...samplePlan, heading };
      const fromDocx = await planOf("plan.docx", await toDocx(plan));
      expect(fromDocx.title).toContain(heading.slice(1));
      expect(fromDocx.tasks).toHaveLength(5);
      expect(await planOf("plan.pdf", await toPdf(plan))).toEqual(fromDocx);
      expect(await planOf("plan-page-per-row.pdf", await toPdf(plan, 1))).toEqual(fromDocx);
    },
  );

  it("reads a 3-page PDF in well under a second of CPU", { timeout: 30_000 }, async () => {
    const name = "vinh-thuy.writer-docx.bordered.a4.pdf";
    await readDocument(name, pdf(name));
    const before = process.cpuUsage();
    await readDocument(name, pdf(name));
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(500);
  });
});
