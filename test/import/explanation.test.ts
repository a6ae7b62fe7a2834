import { describe, expect, it } from "vitest";
import { plainCell } from "../../src/import/interpret/cells.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readTextDocument } from "../../src/import/readers/text.js";
import type { SourceDocument } from "../../src/import/source-document.js";
import { readSeed, seedFiles } from "../support/seeds.js";

/** "table:line" of every row of every table that has any text. */
export function nonEmptyRows(document: SourceDocument): string[] {
  return document.tables.flatMap((table, t) =>
    table.rows
      .filter((row) => row.cells.some((cell) => plainCell(cell).length > 0))
      .map((row) => `${t + 1}:${row.line ?? row.row}`),
  );
}

describe("the explanation of an import", () => {
  for (const seedFile of seedFiles) {
    it(`accounts for every non-empty table row of ${seedFile} exactly once`, () => {
      const { fileName, text } = readSeed(seedFile.slice(0, 3));
      const document = readTextDocument(fileName, text);
      const draft = interpretDocument(document, { year: 2025 });
      const explained = draft.explanation.map((e) => `${e.table}:${e.source.line ?? e.source.row}`);
      expect(explained).toEqual(nonEmptyRows(document));
      // Every task of the draft is one "task" line of the explanation.
      expect(draft.explanation.filter((e) => e.role === "task")).toHaveLength(draft.tasks.length);
      expect(draft.explanation.filter((e) => e.role === "section")).toHaveLength(draft.sections.length);
    });
  }

  it("says why the rows of seed 004's first table were skipped", () => {
    const { fileName, text } = readSeed("004");
    const draft = interpretDocument(readTextDocument(fileName, text), { year: 2025 });
    const skipped = draft.explanation.filter((e) => e.table === 1);
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((e) => e.role === "skipped" && /không phải bảng nhiệm vụ/.test(e.reason ?? ""))).toBe(true);
    expect(draft.explanation.filter((e) => e.role === "group").map((e) => e.target)).toHaveLength(7);
  });
});
