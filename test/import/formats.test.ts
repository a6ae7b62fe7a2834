import { describe, expect, it } from "vitest";
import { splitUnitCell } from "../../src/domain/units/index.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { samplePlan, toCsv, toDocx, toPdf, toTabText, toXlsx } from "../support/plan-files.js";

const expected = samplePlan.sections.flatMap((section) =>
  section.tasks.map((task) => ({
    section: section.roman,
    stt: task.stt,
    title: task.title,
    lead: [...new Set(task.rows.flatMap((r) => splitUnitCell(r.lead)))],
    support: [...new Set(task.rows.flatMap((r) => splitUnitCell(r.support)))],
    deadlineTexts: [...new Set(task.rows.map((r) => r.deadline))],
    activities: task.rows.map((r) => ({ text: r.activity, product: r.product })),
  })),
);

async function importAs(fileName: string, bytes: Buffer) {
  const draft = interpretDocument(await readDocument(fileName, bytes));
  return {
    plan: draft.plan,
    sections: draft.sections,
    tasks: draft.tasks.map(({ section, stt, title, lead, support, deadlineTexts, activities }) => ({
      section,
      stt,
      title,
      lead,
      support,
      deadlineTexts,
      activities,
    })),
  };
}

describe("one plan in every format", () => {
  it.each([
    ["plan.txt", () => Promise.resolve(Buffer.from(toTabText(samplePlan)))],
    ["plan.csv", () => Promise.resolve(Buffer.from(toCsv(samplePlan)))],
    ["plan.docx", () => toDocx(samplePlan)],
    ["plan.xlsx", () => toXlsx(samplePlan)],
    ["plan.pdf", () => toPdf(samplePlan)],
    ["plan-page-per-row.pdf", () => toPdf(samplePlan, 1)],
  ])("imports %s to the same tasks, merged cells included", async (fileName, build) => {
    const imported = await importAs(fileName, await build());
    expect(imported.tasks).toEqual(expected);
    expect(imported.sections.map((s) => s.roman)).toEqual(["I", "II"]);
    expect(imported.plan).toMatchObject({ title: "Kế hoạch cải cách hành chính xã Thử Nghiệm năm 2025", year: 2025 });
    expect(imported.plan.issuer).toBe("UBND xã Thử Nghiệm");
  });

  it("reads a .docx whose extension was lost by its content", async () => {
    const imported = await importAs("plan-from-chat", await toDocx(samplePlan));
    expect(imported.tasks).toHaveLength(expected.length);
  });

  it("refuses a .docx without tables, naming the file", async () => {
    const { Document, Packer, Paragraph } = await import("docx");
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Chỉ có chữ")] }] }));
    await expect(importAs("khong-bang.docx", bytes)).rejects.toThrow(/khong-bang\.docx.*không tìm thấy bảng/);
  });
});
