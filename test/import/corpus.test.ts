import { describe, expect, it } from "vitest";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import {
  communePlan,
  corpusCsv,
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
