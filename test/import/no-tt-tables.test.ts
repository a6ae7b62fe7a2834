import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { type NoSttSections, noSttDocx, noSttText, noSttXlsx } from "../support/format-corpus.js";
import { communePlan, departmentPlan, expectedTasks, wardPlan } from "../support/plan-corpus.js";

const renderings: Array<[string, (sections: NoSttSections) => Promise<Buffer>]> = [
  ["plan.docx", (sections) => noSttDocx(communePlan, sections)],
  ["plan.xlsx", (sections) => noSttXlsx(communePlan, sections)],
  ["plan.csv", (sections) => Promise.resolve(Buffer.from(noSttText(communePlan, sections, ";")))],
  ["plan.txt", (sections) => Promise.resolve(Buffer.from(noSttText(communePlan, sections, "\t")))],
];

async function importDraft(fileName: string, bytes: Buffer) {
  const draft = interpretDocument(await readDocument(fileName, bytes));
  const tasks = draft.tasks.map(({ section, stt, lead, support, deadlineTexts }) => ({
    section,
    stt,
    lead,
    support,
    deadlineTexts,
  }));
  return { draft, tasks };
}

describe("a task table without a TT column", () => {
  for (const sections of ["numbered", "capitals"] as const) {
    it.each(renderings)(`numbers the tasks of %s by their order (sections ${sections})`, async (fileName, build) => {
      const { draft, tasks } = await importDraft(fileName, await build(sections));
      expect(tasks).toEqual(expectedTasks(communePlan));
      expect(draft.tasks.map((t) => t.title)).toEqual(communePlan.sections.flatMap((s) => s.tasks.map((t) => t.title)));
      expect(draft.sections.map((s) => s.title)).toEqual(communePlan.sections.map((s) => s.title));
      expect(draft.warnings).toContain(
        "Bảng phụ lục không có cột TT/STT: nhiệm vụ được đánh số theo thứ tự trong từng mục",
      );
      // --explain says so on the header and on every task it numbered.
      expect(draft.explanation.find((e) => e.role === "header")?.reason).toMatch(/không có cột TT/);
      const taskLines = draft.explanation.filter((e) => e.role === "task");
      expect(taskLines).toHaveLength(draft.tasks.length);
      expect(taskLines.every((e) => /đánh số theo thứ tự/.test(e.reason ?? ""))).toBe(true);
    });
  }

  it.each([
    ["ward", wardPlan],
    ["department", departmentPlan],
  ] as const)("reads the %s plan without TT from .docx", async (_, plan) => {
    const { tasks } = await importDraft("plan.docx", await noSttDocx(plan, "numbered"));
    expect(tasks).toEqual(expectedTasks(plan));
  });

  it("explains every non-empty row exactly once", async () => {
    const text = noSttText(communePlan, "capitals", "\t");
    const { draft } = await importDraft("plan.txt", Buffer.from(text));
    const tableLines = draft.explanation.map((e) => e.source.line);
    expect(new Set(tableLines).size).toBe(tableLines.length);
    const firstTableLine = text.split("\r\n").findIndex((l) => l.startsWith("Nội dung nhiệm vụ")) + 1;
    const expectedLines = text
      .split("\r\n")
      .map((l, i) => ({ l, n: i + 1 }))
      .filter(({ l, n }) => n >= firstTableLine && l.trim().length > 0)
      .map(({ n }) => n);
    expect(tableLines).toEqual(expectedLines);
  });

  it("still refuses a table that names neither TT nor a lead", async () => {
    const text = ["KẾ HOẠCH", "Cải cách hành chính năm 2026", "Nội dung\tThời gian", "Rà soát\tQuý II/2026"].join("\n");
    await expect(readDocument("x.txt", Buffer.from(text)).then((d) => interpretDocument(d))).rejects.toThrow(
      /không nhận ra tiêu đề bảng phụ lục/,
    );
  });
});

/**
 * The .docx renderings above printed to PDF by LibreOffice Writer (no borders, no cell padding, so only the
 * words tell where a row starts): test/fixtures/no-tt-pdf. Ruled and padded PDFs without TT are in the PDF corpus.
 */
describe("a PDF of a table without a TT column", () => {
  it.each([
    ["commune.numbered.writer-docx.borderless.pdf", communePlan],
    ["commune.capitals.writer-docx.borderless.pdf", communePlan],
    ["ward.numbered.writer-docx.borderless.pdf", wardPlan],
    ["department.numbered.writer-docx.borderless.pdf", departmentPlan],
  ] as const)("reads %s to its plan's tasks, numbered by order", async (name, plan) => {
    const { draft, tasks } = await importDraft(name, readFileSync(join("test/fixtures/no-tt-pdf", name)));
    expect(tasks).toEqual(expectedTasks(plan));
    expect(draft.tasks.map((t) => t.title)).toEqual(plan.sections.flatMap((s) => s.tasks.map((t) => t.title)));
    expect(draft.warnings).toContain(
      "Bảng phụ lục không có cột TT/STT: nhiệm vụ được đánh số theo thứ tự trong từng mục",
    );
  });
});
