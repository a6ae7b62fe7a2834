import { describe, expect, it } from "vitest";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { readTextDocument } from "../../src/import/readers/text.js";
import {
  communePlan,
  corpusCsv,
  departmentPlan,
  wardPlan,
  corpusDocx,
  corpusXlsx,
  DOCX_VARIATIONS,
  expectedTasks,
  numberingOf,
} from "../support/plan-corpus.js";

async function importTasks(fileName: string, bytes: Buffer) {
  const draft = interpretDocument(await readDocument(fileName, bytes));
  return {
    draft,
    tasks: draft.tasks.map(({ section, stt, lead, support, deadlineTexts }) => ({
      section,
      stt,
      lead,
      support,
      deadlineTexts,
    })),
  };
}

describe("one 2026 commune plan written the ways offices write it", () => {
  it.each(DOCX_VARIATIONS)("imports the .docx variation %s to the same tasks", async (variation) => {
    const { draft, tasks } = await importTasks(`${variation}.docx`, await corpusDocx(communePlan, variation));
    expect(tasks).toEqual(expectedTasks(communePlan, numberingOf(variation)));
    expect(draft.sections.map((s) => s.title)).toEqual(communePlan.sections.map((s) => s.title));
    expect(draft.plan.year).toBe(2026);
    expect(draft.plan.issuer).toBe("UBND xã An Phú");
  });

  it.each([
    ["plan.xlsx", () => corpusXlsx(communePlan)],
    ["plan.csv", () => Promise.resolve(Buffer.from(corpusCsv(communePlan)))],
  ])("imports %s to the same tasks", async (fileName, build) => {
    const { draft, tasks } = await importTasks(fileName, await build());
    expect(tasks).toEqual(expectedTasks(communePlan));
    expect(draft.plan.year).toBe(2026);
  });

  it("leaves the heading and signature tables alone and says so", async () => {
    const { draft } = await importTasks("plan.docx", await corpusDocx(communePlan, "several-tables"));
    const skipped = draft.explanation.filter((e) => e.role === "skipped");
    expect(skipped.map((e) => e.table)).toEqual([1, 1, 4]);
    expect(draft.explanation.filter((e) => e.role === "header").map((e) => e.table)).toEqual([2, 3]);
  });
});

describe("2027 plans of a ward and a provincial department", () => {
  it.each([
    ["ward", "two-level-header", wardPlan, "UBND phường Hòa Khánh"],
    ["ward", "auto-numbered", wardPlan, "UBND phường Hòa Khánh"],
    ["department", "reordered-columns", departmentPlan, "Sở Nội vụ tỉnh Quảng Trị"],
    ["department", "letter-sections", departmentPlan, "Sở Nội vụ tỉnh Quảng Trị"],
  ] as const)("imports the %s plan written as %s", async (_, variation, plan, issuer) => {
    const { draft, tasks } = await importTasks("plan.docx", await corpusDocx(plan, variation));
    expect(tasks).toEqual(expectedTasks(plan, numberingOf(variation)));
    expect(draft.plan).toMatchObject({ year: 2027, issuer });
  });

  it("imports the department plan from .xlsx with the year from the title", async () => {
    const { draft, tasks } = await importTasks("plan.xlsx", await corpusXlsx(departmentPlan));
    expect(tasks).toEqual(expectedTasks(departmentPlan));
    expect(draft.plan.year).toBe(2027);
  });
});

describe("rows as plans really print them", () => {
  const header = "TT\tNội dung\tChủ trì\tPhối hợp\tThời gian";
  const importText = (rows: string[]) =>
    interpretDocument(
      readTextDocument("x.txt", ["KẾ HOẠCH", "Cải cách hành chính năm 2026", header, ...rows].join("\n")),
    );

  it("joins a unit name cut by a page break even when its second half starts with a capital", () => {
    const draft = importText([
      "I\tCẢI CÁCH THỂ CHẾ\t\t\t",
      "1\tRà soát văn bản\tPhòng Văn hóa –\t\tQuý II/2026",
      "",
      "\t\tThông tin\t\t",
      "2\tKiểm tra\tVăn phòng\t\tQuý III/2026",
    ]);
    expect(draft.tasks.map((t) => t.lead)).toEqual([["Phòng Văn hóa – Thông tin"], ["Văn phòng"]]);
    expect(draft.explanation.find((e) => e.source.line === 7)?.role).toBe("continuation");
  });

  it("opens a section on a Roman numeral even when the row names a unit for it", () => {
    const draft = importText([
      "I\tCẢI CÁCH THỂ CHẾ\tVăn phòng\t\t",
      "1\tRà soát văn bản\tTư pháp\t\tQuý II/2026",
      "II\tCẢI CÁCH TTHC\t\t\t",
      "1\tCông khai TTHC\tMột cửa\t\tThường xuyên",
    ]);
    expect(draft.tasks.map((t) => `${t.section}.${t.stt}`)).toEqual(["I.1", "II.1"]);
  });
});
