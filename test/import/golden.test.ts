import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readTextDocument } from "../../src/import/readers/text.js";
import { fixturesDir } from "../support/fixtures.js";

interface GoldenTask {
  section: string;
  stt: string;
  lead: string[];
  support: string[];
  deadlines: string[];
}

const collapse = (text: string): string => text.replace(/\s+/g, " ").trim();
const seeds = readdirSync(new URL("seeds/", fixturesDir)).filter((f) => f.endsWith(".txt"));

/** Golden tasks that the import reproduces: same section and stt, same lead, support and deadline texts. */
export function agreement(seed: string): { matched: number; total: number; misses: string[] } {
  const golden = JSON.parse(
    readFileSync(new URL(`golden/${seed.replace(/\.txt$/, ".json")}`, fixturesDir), "utf8"),
  ) as {
    tasks: GoldenTask[];
  };
  const text = readFileSync(new URL(`seeds/${seed}`, fixturesDir), "utf8");
  const draft = interpretDocument(readTextDocument(seed, text), { year: 2025 });
  const misses: string[] = [];
  let matched = 0;
  const used = new Set<number>();
  for (const expected of golden.tasks) {
    const index = draft.tasks.findIndex(
      (t, i) => !used.has(i) && t.section === expected.section && t.stt === expected.stt,
    );
    const actual = draft.tasks[index];
    if (!actual) {
      misses.push(`${expected.section}.${expected.stt}: missing`);
      continue;
    }
    used.add(index);
    const same = (a: string[], b: string[]) => JSON.stringify(a.map(collapse)) === JSON.stringify(b.map(collapse));
    const problems = [
      same(actual.lead, expected.lead)
        ? null
        : `lead ${JSON.stringify(actual.lead)} != ${JSON.stringify(expected.lead)}`,
      same(actual.support, expected.support)
        ? null
        : `support ${JSON.stringify(actual.support)} != ${JSON.stringify(expected.support)}`,
      same(actual.deadlineTexts, expected.deadlines)
        ? null
        : `deadlines ${JSON.stringify(actual.deadlineTexts)} != ${JSON.stringify(expected.deadlines)}`,
    ].filter((p) => p !== null);
    if (problems.length === 0) matched++;
    else misses.push(`${expected.section}.${expected.stt}: ${problems.join("; ")}`);
  }
  draft.tasks.forEach((t, i) => {
    if (!used.has(i)) misses.push(`${t.section}.${t.stt}: extra task`);
  });
  return { matched, total: golden.tasks.length, misses };
}

describe("import of the five seeds against the golden task tables", () => {
  for (const seed of seeds) {
    it(`agrees with golden/${seed.replace(/\.txt$/, ".json")}`, () => {
      const result = agreement(seed);
      process.stdout.write(`${seed}: ${result.matched}/${result.total} tasks agree with the golden table\n`);
      if (result.misses.length > 0) process.stdout.write(`${result.misses.join("\n")}\n`);
      expect(result.misses).toEqual([]);
    });
  }
});
