import { describe, expect, it } from "vitest";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { decodePlanText, vniToUnicode } from "../../src/import/readers/encoding.js";
import { looksLikeDelimitedTable } from "../../src/import/readers/text.js";
import { encodeAs, noSttText, planText, type TextEncodingName } from "../support/format-corpus.js";
import { communePlan, type CorpusPlan, departmentPlan, expectedTasks, wardPlan } from "../support/plan-corpus.js";

const ENCODINGS: Array<[TextEncodingName, string]> = [
  ["utf-8", "UTF-8"],
  ["utf-8-bom", "UTF-8 (có BOM)"],
  ["utf-16le", "UTF-16 LE (Unicode text của Excel)"],
  ["utf-16be", "UTF-16 BE"],
  ["windows-1258", "Windows-1258"],
  ["tcvn3", "TCVN3 (ABC, phông .VnTime)"],
  ["vni", "VNI (phông VNI-Times)"],
];
const SEPARATORS: Array<[string, string]> = [
  [",", "comma"],
  [";", "semicolon"],
  ["\t", "tab"],
];
const PLANS = [
  ["commune", communePlan, "UBND xã An Phú"],
  ["ward", wardPlan, "UBND phường Hòa Khánh"],
  ["department", departmentPlan, "Sở Nội vụ tỉnh Quảng Trị"],
] as const;

const withHyphens = (plan: CorpusPlan): CorpusPlan => JSON.parse(JSON.stringify(plan).replace(/–/g, "-")) as CorpusPlan;

const cases = PLANS.flatMap(([name, plan, issuer]) =>
  ENCODINGS.flatMap(([encoding, label]) =>
    SEPARATORS.flatMap(([separator, separatorName]) =>
      // A delimited table arrives as .csv, and as often as .txt (Excel's CSV saved under another name).
      (separator === "\t" ? [".txt"] : [".csv", ".txt"]).map((extension) => ({
        name,
        plan,
        issuer,
        encoding,
        label,
        separator,
        separatorName,
        extension,
      })),
    ),
  ),
);

describe("the same plan saved in every encoding and separator", () => {
  it.each(cases)(
    "imports the $name plan as $encoding with $separatorName separators in a $extension to the same tasks",
    async ({ plan: original, issuer, encoding, label, separator, extension }) => {
      // TCVN3 has no en dash: offices typing with .VnTime fonts write "-".
      const plan = encoding === "tcvn3" ? withHyphens(original) : original;
      const bytes = encodeAs(planText(plan, separator), encoding);
      const fileName = `plan${extension}`;
      const draft = interpretDocument(await readDocument(fileName, bytes));
      const tasks = draft.tasks.map(({ section, stt, lead, support, deadlineTexts }) => ({
        section,
        stt,
        lead,
        support,
        deadlineTexts,
      }));
      expect(tasks).toEqual(expectedTasks(plan));
      expect(draft.tasks.map((t) => t.title)).toEqual(plan.sections.flatMap((s) => s.tasks.map((t) => t.title)));
      expect(draft.sections.map((s) => s.title)).toEqual(plan.sections.map((s) => s.title));
      expect(draft.plan).toMatchObject({
        year: plan.year,
        issuer,
        title: `Kế hoạch cải cách hành chính năm ${plan.year}`,
      });
      expect(draft.textFormat?.encoding).toBe(label);
      if (fileName === "plan.csv") expect(draft.textFormat?.separator).toBe(separator);
    },
  );

  it("reads a Windows-1258 CSV without a TT column (Excel's default save in Vietnamese Windows)", async () => {
    const bytes = encodeAs(noSttText(communePlan, "numbered", ";"), "windows-1258");
    expect(bytes.includes(0xcc) || bytes.includes(0xec) || bytes.includes(0xf2)).toBe(true);
    const draft = interpretDocument(await readDocument("plan.csv", bytes));
    expect(draft.tasks.map((t) => `${t.section}.${t.stt}`)).toEqual(
      expectedTasks(communePlan).map((t) => `${t.section}.${t.stt}`),
    );
  });
});

describe("decodePlanText", () => {
  it("puts Windows-1258's combining tone marks together (NFC)", () => {
    const decoded = decodePlanText(encodeAs("Kế hoạch cải cách hành chính", "windows-1258"));
    expect(decoded).toEqual({ text: "Kế hoạch cải cách hành chính", encoding: "windows-1258" });
    expect(decoded?.text.normalize("NFC")).toBe(decoded?.text);
  });

  it("reads VNI letters with hats, breves, horns and tones in both cases", () => {
    expect(vniToUnicode("Xin chaøo caùc baïn")).toBe("Xin chào các bạn");
    expect(vniToUnicode("ÑOÄC LAÄP - Töï do - Haïnh phuùc").normalize("NFC")).toBe("ĐỘC LẬP - Tự do - Hạnh phúc");
    expect(vniToUnicode("naêm, aên, ôû, Ö").normalize("NFC")).toBe("năm, ăn, ở, Ư");
  });

  it("restores the capitals of a TCVN3 heading typed in the .VnTimeH font", () => {
    expect(decodePlanText(encodeAs("UBND XÃ AN PHÚ\nKế hoạch", "tcvn3"))?.text).toBe("UBND XÃ AN PHÚ\nKế hoạch");
  });

  it("reads VNI text pasted into a UTF-8 file", () => {
    const latin = encodeAs("Kế hoạch cải cách hành chính của xã", "vni").toString("latin1");
    expect(decodePlanText(Buffer.from(latin, "utf8"))).toEqual({
      text: "Kế hoạch cải cách hành chính của xã",
      encoding: "vni",
    });
  });

  it("refuses bytes that are not text", () => {
    expect(decodePlanText(Buffer.from([0x50, 0x00, 0x01, 0x02, 0x00, 0xff, 0x00, 0x10, 0x00, 0x00, 0x9f]))).toBeNull();
  });
});

describe("UTF-16 without a BOM", () => {
  it("is read when the text says so, and short binary is not taken for it", () => {
    const text = "TT\tNội dung\tChủ trì\tThời gian\n1\tRà soát\tTư pháp\tQuý II/2026";
    const bytes = encodeAs(text, "utf-16le").subarray(2);
    expect(decodePlanText(bytes)).toEqual({ text, encoding: "utf-16le" });
    expect(decodePlanText(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x42]))).toBeNull();
  });
});

describe("a .txt whose cells are separated by ';' or ','", () => {
  it("is a table only when a task table's header heads rows of its width", () => {
    const table = [
      "TT;Nội dung;Chủ trì;Thời gian",
      "1;Rà soát TTHC;Tư pháp;Quý II/2026",
      "2;Số hóa;Văn phòng;Quý III/2026",
    ];
    expect(looksLikeDelimitedTable([...table, "3;Tuyên truyền;Văn hóa;Thường xuyên"].join("\n"))).toBe(true);
    // Two rows under the header could be two sentences after a heading: not enough.
    expect(looksLikeDelimitedTable(table.join("\n"))).toBe(false);
    const prose = [
      "1. Rà soát, cập nhật dữ liệu dân cư, do Công an xã chủ trì, hoàn thành trước 30/6/2026.",
      "2. Số hóa hồ sơ, kết quả giải quyết, do Bộ phận Một cửa chủ trì, hoàn thành trước 30/9/2026.",
      "3. Tuyên truyền, phổ biến, do Văn hóa chủ trì, thực hiện thường xuyên, cả năm.",
      "4. Tự đánh giá, chấm điểm, do Nội vụ chủ trì, hoàn thành trước 15/11/2026.",
    ];
    expect(looksLikeDelimitedTable(prose.join("\n"))).toBe(false);
    expect(looksLikeDelimitedTable("TT\tNội dung\tChủ trì\tThời gian\n1\tRà soát\tTư pháp\tQuý II")).toBe(false);
  });
});
