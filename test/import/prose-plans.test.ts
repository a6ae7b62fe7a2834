import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ImportError } from "../../src/import/import-error.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import type { DraftTask, PlanDraft } from "../../src/import/plan-draft.js";
import { readClauses } from "../../src/import/prose/clauses.js";
import { readDocument } from "../../src/import/read-document.js";

const dir = new URL("../fixtures/prose/", import.meta.url).pathname;

interface GoldenTask {
  title: string;
  lead: string[];
  support: string[];
  deadlineTexts: string[];
}

const goldens = readdirSync(dir)
  .filter((f) => f.endsWith(".golden.json"))
  .sort()
  .map((f) => ({
    stem: f.replace(/\.golden\.json$/, ""),
    tasks: JSON.parse(readFileSync(dir + f, "utf8")).tasks as GoldenTask[],
  }));

/** Every rendering of a golden plan: its .txt and, where made, its .docx. */
const renderings = goldens.flatMap((g) =>
  readdirSync(dir)
    .filter((f) => f.startsWith(`${g.stem}.`) && /\.(txt|docx)$/.test(f))
    .map((file) => ({ ...g, file })),
);

async function read(file: string): Promise<PlanDraft> {
  return interpretDocument(await readDocument(file, readFileSync(dir + file)));
}

const shape = (t: DraftTask | GoldenTask): GoldenTask => ({
  title: t.title,
  lead: t.lead,
  support: t.support,
  deadlineTexts: t.deadlineTexts,
});

describe("plans written as prose", () => {
  it("has a corpus of at least 10 plans, some also as .docx", () => {
    expect(goldens.length).toBeGreaterThanOrEqual(10);
    expect(renderings.filter((r) => r.file.endsWith(".docx")).length).toBeGreaterThanOrEqual(3);
  });

  for (const { file, tasks } of renderings) {
    it(`reads every task of ${file} with its title, lead, partners and deadline`, async () => {
      const draft = await read(file);
      expect(draft.tasks.map(shape)).toEqual(tasks);
      // The source paragraph is kept for --explain and the preview.
      for (const task of draft.tasks) expect(task.sourceText).toContain(task.title.slice(0, 20));
    });
  }

  it("scores task, lead and deadline precision and recall of 1 over the corpus", async () => {
    let expected = 0;
    let found = 0;
    let right = { task: 0, lead: 0, deadline: 0 };
    for (const { file, tasks } of renderings) {
      const draft = await read(file);
      expected += tasks.length;
      found += draft.tasks.length;
      for (const golden of tasks) {
        const task = draft.tasks.find((t) => t.title === golden.title);
        if (!task) continue;
        right = {
          task: right.task + 1,
          lead: right.lead + (JSON.stringify(task.lead) === JSON.stringify(golden.lead) ? 1 : 0),
          deadline:
            right.deadline + (JSON.stringify(task.deadlineTexts) === JSON.stringify(golden.deadlineTexts) ? 1 : 0),
        };
      }
    }
    const figures = Object.fromEntries(
      Object.entries(right).map(([k, n]) => [k, { precision: n / found, recall: n / expected }]),
    );
    process.stdout.write(`prose corpus: ${renderings.length} files, ${expected} tasks, ${JSON.stringify(figures)}\n`);
    for (const { precision, recall } of Object.values(figures)) {
      expect(precision).toBe(1);
      expect(recall).toBe(1);
    }
  });

  for (const { stem } of goldens) {
    it(`explains every non-empty line of ${stem}.txt exactly once`, async () => {
      const text = readFileSync(`${dir}${stem}.txt`, "utf8").split("\n");
      const nonEmpty = text.flatMap((line, i) => (line.trim().length > 0 ? [i + 1] : []));
      const draft = await read(`${stem}.txt`);
      expect(draft.explanation.map((e) => e.source.line)).toEqual(nonEmpty);
      expect(draft.explanation.filter((e) => e.role === "task")).toHaveLength(draft.tasks.length);
      const reasons = new Set(draft.explanation.map((e) => e.reason));
      expect(reasons).toContain("nơi nhận");
      expect(reasons).toContain("chữ ký");
    });
  }

  it("says why the heading, the grounds and the signature are not tasks", async () => {
    const draft = await read("01-xa-gio-son.txt");
    const reasonOf = (start: string) => draft.explanation.find((e) => e.text.startsWith(start))?.reason;
    expect(reasonOf("Căn cứ Nghị quyết")).toBe("phần căn cứ");
    expect(reasonOf("Nơi nhận")).toBe("nơi nhận");
    expect(reasonOf("Nguyễn Văn Hùng")).toBe("chữ ký");
    expect(reasonOf("1. Văn phòng HĐND")).toMatch(/TỔ CHỨC THỰC HIỆN/);
  });

  it("still refuses a document with neither a task table nor numbered tasks", async () => {
    const text = "KẾ HOẠCH\nCải cách hành chính năm 2026\nI. MỤC ĐÍCH\nNâng cao chất lượng.\n";
    await expect(read2(text)).rejects.toBeInstanceOf(ImportError);
  });
});

async function read2(text: string): Promise<PlanDraft> {
  return interpretDocument(await readDocument("khong-co-nhiem-vu.txt", Buffer.from(text)));
}

describe("the clauses of a paragraph", () => {
  it("reads labelled clauses on one line", () => {
    const c = readClauses(
      "Rà soát TTHC; Đơn vị chủ trì: Văn phòng Sở; Phối hợp: Phòng A; Phòng B; Thời gian thực hiện: Quý II/2026.",
    );
    expect(c).toMatchObject({ work: "Rà soát TTHC", lead: ["Văn phòng Sở"], deadlines: ["Quý II/2026"] });
  });

  it("reads inline clauses: lead, partners and deadline", () => {
    const c = readClauses(
      "Số hóa hồ sơ do Bộ phận Một cửa chủ trì, phối hợp với Công an xã, hoàn thành trước ngày 30/6/2026.",
    );
    expect(c).toEqual({
      work: "Số hóa hồ sơ",
      lead: ["Bộ phận Một cửa"],
      support: ["Công an xã"],
      product: [],
      deadlines: ["hoàn thành trước ngày 30/6/2026"],
    });
  });

  it("keeps a unit named with 'và' whole and splits a list of units", () => {
    expect(readClauses("Việc A. Cơ quan chủ trì: Văn phòng HĐND và UBND xã").lead).toEqual([
      "Văn phòng HĐND và UBND xã",
    ]);
    expect(readClauses("Việc A. Chủ trì: Phòng Kinh tế, Phòng Văn hóa - Xã hội").lead).toEqual([
      "Phòng Kinh tế",
      "Phòng Văn hóa - Xã hội",
    ]);
  });
});
