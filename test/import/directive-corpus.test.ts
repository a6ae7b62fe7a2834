import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NoAssignmentsError } from "../../src/import/directive/read-directive.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import type { PlanDraft } from "../../src/import/plan-draft.js";
import { readDocument } from "../../src/import/read-document.js";
import { splitUnitList, unitNameKey } from "../../src/domain/units/index.js";

const dir = new URL("../fixtures/directives/", import.meta.url).pathname;

interface Golden {
  tasks: Array<{ quote: string; lead: string[]; due: string | null }>;
  assignsNothing: boolean;
  identity?: { kind: string; number: string; issuedOn: string; issuer: string; signer: string };
}

const goldens = readdirSync(dir)
  .filter((f) => f.endsWith(".golden.json"))
  .sort()
  .map((f) => ({
    stem: f.replace(/\.golden\.json$/, ""),
    golden: JSON.parse(readFileSync(dir + f, "utf8")) as Golden,
  }));

/** Every rendering of each document: its .txt and, for some, a Word file with the heading in a borderless table. */
const corpus = goldens.flatMap(({ stem, golden }) =>
  readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}.`) && /\.(txt|docx)$/.test(f))
    .map((file) => ({ file, golden })),
);

/** The draft, or an empty one when the document assigns nothing (the importer refuses it and says why). */
async function read(file: string): Promise<{ draft: PlanDraft | null; refusal: string | null }> {
  const document = await readDocument(file, readFileSync(dir + file));
  try {
    return { draft: interpretDocument(document), refusal: null };
  } catch (error) {
    if (error instanceof NoAssignmentsError) return { draft: null, refusal: error.reason };
    throw error;
  }
}

const unitsKey = (names: string[]): string =>
  names
    .flatMap((n) => splitUnitList(n))
    .map(unitNameKey)
    .sort()
    .join("|");

describe("the directive corpus", () => {
  it("has at least 40 documents, some that assign nothing, some also as .docx", () => {
    expect(goldens.length).toBeGreaterThanOrEqual(40);
    expect(goldens.filter((c) => c.golden.assignsNothing).length).toBeGreaterThanOrEqual(5);
    expect(corpus.filter((c) => c.file.endsWith(".docx")).length).toBeGreaterThanOrEqual(3);
  });

  it("finds tasks, lead units and due dates with precision and recall of at least 0.95", async () => {
    const n = { golden: 0, found: 0, matched: 0, leadRight: 0, dueGolden: 0, dueFound: 0, dueRight: 0 };
    const misses: string[] = [];
    for (const { file, golden } of corpus) {
      const { draft } = await read(file);
      const tasks = draft?.tasks ?? [];
      n.golden += golden.tasks.length;
      n.found += tasks.length;
      const used = new Set<number>();
      for (const expected of golden.tasks) {
        if (expected.due) n.dueGolden++;
        const at = tasks.findIndex((t, i) => !used.has(i) && (t.sourceText ?? t.title).includes(expected.quote));
        if (at < 0) {
          misses.push(`${file}: no task for "${expected.quote}"`);
          continue;
        }
        used.add(at);
        n.matched++;
        const task = tasks[at] as PlanDraft["tasks"][number];
        const lead = task.assignee === "office" ? ["@office"] : task.lead;
        if (unitsKey(lead) === unitsKey(expected.lead)) n.leadRight++;
        else misses.push(`${file}: lead ${JSON.stringify(lead)} for "${expected.quote}"`);
        const due = task.schedule.milestones[0]?.due ?? null;
        if (due && expected.due) n.dueFound++;
        if (expected.due && due === expected.due) n.dueRight++;
        else if (expected.due) misses.push(`${file}: due ${due} for "${expected.quote}", expected ${expected.due}`);
      }
      tasks.forEach((t, i) => {
        if (!used.has(i)) misses.push(`${file}: extra task "${(t.sourceText ?? t.title).slice(0, 60)}"`);
      });
    }
    const figures = {
      tasks: { precision: n.matched / n.found, recall: n.matched / n.golden },
      leads: { precision: n.leadRight / n.found, recall: n.leadRight / n.golden },
      dueDates: { precision: n.dueRight / Math.max(n.dueFound, 1), recall: n.dueRight / n.dueGolden },
    };
    process.stdout.write(
      `directive corpus: ${goldens.length} documents (${corpus.length} files), ${n.golden} expected tasks (${n.dueGolden} with a date), ${n.found} found\n` +
        `${JSON.stringify(figures)}\n${misses.join("\n")}\n`,
    );
    for (const { precision, recall } of Object.values(figures)) {
      expect(precision).toBeGreaterThanOrEqual(0.95);
      expect(recall).toBeGreaterThanOrEqual(0.95);
    }
  });

  for (const { file, golden } of corpus.filter((c) => c.golden.assignsNothing)) {
    it(`takes no task from ${file} and says why`, async () => {
      const { draft, refusal } = await read(file);
      expect(draft).toBeNull();
      expect(refusal).toMatch(/không giao nhiệm vụ|không có nhiệm vụ/);
      expect(golden.tasks).toEqual([]);
    });
  }

  for (const { file, golden } of corpus.filter((c) => c.golden.identity)) {
    it(`reads the identity of ${file}`, async () => {
      const { draft } = await read(file);
      const identity = golden.identity as NonNullable<Golden["identity"]>;
      expect(draft?.plan).toMatchObject(identity);
    });
  }

  it("explains every non-empty line of a directive once, with the follow-up and the recipients said", async () => {
    const file = "d01-tb-ket-luan-xa-gio-son.txt";
    const lines = readFileSync(dir + file, "utf8").split("\n");
    const { draft } = await read(file);
    const explained = draft?.explanation.map((e) => e.source.line) ?? [];
    expect(explained).toEqual(lines.flatMap((l, i) => (l.trim() ? [i + 1] : [])));
    const reasons = draft?.explanation.map((e) => e.reason) ?? [];
    expect(reasons).toContain("theo dõi, đôn đốc (không phải nhiệm vụ)");
    expect(reasons).toContain("nơi nhận");
  });

  it("keeps the source sentence and names the office when a letter asks the communes", async () => {
    const { draft } = await read("d02-cv-so-noi-vu-cac-xa.txt");
    expect(draft?.plan).toMatchObject({
      kind: "Công văn",
      parentIssuer: "UBND tỉnh Quảng Trị",
      signerTitle: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
    });
    const first = draft?.tasks[0];
    expect(first?.assignee).toBe("office");
    expect(first?.sourceText).toMatch(/^1?\.?\s*Tổ chức tự đánh giá/);
    expect(first?.warnings.join(" ")).toMatch(/cần điều phối viên phân công/);
  });
});
