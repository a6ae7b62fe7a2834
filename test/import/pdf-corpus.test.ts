import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";

/**
 * Every PDF of test/fixtures/pdf-corpus (scripts/make-pdf-corpus.ts prints
 * each source plan from LibreOffice Writer and Calc, Chromium and pdf-lib)
 * must import to the tasks its source plan holds: expected/<plan>.json was
 * written from the source, not from a reader.
 */
const CORPUS = "test/fixtures/pdf-corpus";

interface ExpectedTask {
  number: string;
  title: string;
  lead: string[];
  support: string[];
  deadline: string;
}

const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

async function tasksOf(name: string): Promise<ExpectedTask[]> {
  const draft = interpretDocument(await readDocument(name, readFileSync(join(CORPUS, "pdf", name))));
  return draft.tasks.map((task) => ({
    number: `${task.section ?? ""}.${task.stt}`,
    title: squash(task.title),
    lead: task.lead,
    support: task.support,
    deadline: task.deadlineTexts.join("; "),
  }));
}

const pdfs = readdirSync(join(CORPUS, "pdf")).filter((name) => name.endsWith(".pdf"));

/**
 * Differences a PDF cannot settle. The seed prints "198/KH- UBND" (a space
 * after the hyphen); where Chromium wraps the line right after "KH-", the
 * print looks exactly like "05-" / "CT/TU" wrapped inside one code, which the
 * reader joins. The test holds these to the exact printed alternative so any
 * change, better or worse, shows.
 */
const WRAPPED_AT_KH = {
  "III.4": {
    title:
      "Rà soát, đơn giản hóa thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước theo Kế hoạch số 198/KH-UBND tỉnh ngày 31/10/2022 của UBND tỉnh.",
  },
};
const UNDECIDABLE: Record<string, Record<string, Partial<ExpectedTask>>> = {
  "gio-son.chromium.borderless.letter-landscape.header-footer.pdf": WRAPPED_AT_KH,
  "gio-son.chromium.bordered.a4.no-tt.pdf": WRAPPED_AT_KH,
  "gio-son.chromium.borderless.a4.no-tt.pdf": WRAPPED_AT_KH,
};

describe("the PDF corpus: every producer and layout imports to its source's tasks", () => {
  it.each(pdfs)("%s", { timeout: 60_000 }, async (name) => {
    const plan = name.split(".")[0] as string;
    const expected = JSON.parse(readFileSync(join(CORPUS, "expected", `${plan}.json`), "utf8")) as ExpectedTask[];
    const actual = await tasksOf(name);
    const printed = expected.map((task) => ({ ...task, ...UNDECIDABLE[name]?.[task.number] }));
    expect(actual).toEqual(printed.map((task) => ({ ...task, title: squash(task.title) })));
  });
});

/**
 * Each source plan's heading, written from its source: the issuer is the
 * lowest authority (the commune under its district), never the national
 * motto a PDF prints on the same line ("UBND XÃ GIO SƠN Độc lập - Tự do - Hạnh phúc").
 */
const HEADINGS: Record<string, { title: string; issuer: string; year: number }> = {
  "gio-son": {
    title: "Kế hoạch cải cách hành chính nhà nước xã Gio Sơn năm 2025",
    issuer: "UBND xã Gio Sơn",
    year: 2025,
  },
  "vinh-thuy": { title: "Kế hoạch cải cách hành chính xã Vĩnh Thủy năm 2025", issuer: "UBND xã Vĩnh Thủy", year: 2025 },
  "quang-tri-merged": {
    title: "Kế hoạch cải cách hành chính nhà nước tỉnh Quảng Trị năm 2025",
    issuer: "UBND tỉnh Quảng Trị",
    year: 2025,
  },
};

describe("the PDF corpus: every producer and layout reads its plan's title and issuer", () => {
  it.each(pdfs)("%s", { timeout: 60_000 }, async (name) => {
    const draft = interpretDocument(await readDocument(name, readFileSync(join(CORPUS, "pdf", name))));
    const { title, issuer, year } = draft.plan;
    expect({ title, issuer, year }).toEqual(HEADINGS[name.split(".")[0] as string]);
  });
});
