import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { departmentName, recaseHeading } from "../../src/import/interpret/heading-case.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readTextDocument } from "../../src/import/readers/text.js";
import { fixturesDir } from "../support/fixtures.js";
import { seedFiles } from "../support/seeds.js";

const TABLE = [
  "TT\tNội dung\tChủ trì\tThời gian",
  "I\tCẢI CÁCH THỂ CHẾ\t\t",
  "1\tRà soát văn bản\tTư pháp\tQuý II/2026",
];

function planOf(heading: string[], title: string[]) {
  const lines = [...heading, "Số: 12/KH-UBND", "KẾ HOẠCH", ...title, "I. MỤC ĐÍCH, YÊU CẦU", ...TABLE];
  if (title.length > 0 && /^KẾ HOẠCH /u.test(title[0] as string)) lines.splice(heading.length + 1, 1);
  return interpretDocument(readTextDocument("plan.txt", lines.join("\n")), { year: 2026 }).plan;
}

describe("the issuer is the lowest authority of the heading block", () => {
  it.each([
    [["UBND TỈNH QUẢNG TRỊ", "UBND PHƯỜNG ĐÔNG HÀ"], "UBND phường Đông Hà"],
    [["UBND TỈNH GIA LAI", "SỞ TƯ PHÁP"], "Sở Tư pháp tỉnh Gia Lai"],
    [["ỦY BAN NHÂN DÂN", "XÃ GIO SƠN"], "UBND xã Gio Sơn"],
    [["UBND HUYỆN GIO LINH", "PHÒNG NỘI VỤ"], "Phòng Nội vụ huyện Gio Linh"],
    [["UBND TỈNH ĐẮK LẮK", "ỦY BAN NHÂN DÂN", "XÃ EA KAO"], "UBND xã Ea Kao"],
    [["UBND THÀNH PHỐ HUẾ", "UBND PHƯỜNG THUẬN HÓA"], "UBND phường Thuận Hóa"],
    [["UBND TỈNH LÂM ĐỒNG", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"], "Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Đồng"],
    [["UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ TỈNH NGHỆ AN"], "Sở Nội vụ tỉnh Nghệ An"],
  ])("%j → %s", (heading, issuer) => {
    expect(planOf(heading, ["Cải cách hành chính năm 2026"]).issuer).toBe(issuer);
  });

  it("reads the place from the title without a stray UBND after it", () => {
    expect(planOf([], ["Cải cách hành chính năm 2026 của xã An Hòa UBND"]).issuer).toBe("UBND xã An Hòa");
  });
});

describe("the title of a heading in capitals is recased word by word", () => {
  it.each([
    [["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026"], "Kế hoạch cải cách hành chính năm 2026"],
    [["CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC XÃ GIO SƠN NĂM 2026"], "Kế hoạch cải cách hành chính nhà nước xã Gio Sơn năm 2026"],
    [
      ["THỰC HIỆN CCHC CỦA UBND PHƯỜNG HÒA KHÁNH NĂM 2026"],
      "Kế hoạch thực hiện CCHC của UBND phường Hòa Khánh năm 2026",
    ],
    [
      ["CẢI THIỆN CHỈ SỐ PAR INDEX, SIPAS CỦA SỞ TƯ PHÁP TỈNH GIA LAI NĂM 2026"],
      "Kế hoạch cải thiện chỉ số PAR INDEX, SIPAS của Sở Tư pháp tỉnh Gia Lai năm 2026",
    ],
    [
      ["CẢI CÁCH HÀNH CHÍNH TRÊN ĐỊA BÀN THỊ XÃ QUẢNG TRỊ", "NĂM 2026"],
      "Kế hoạch cải cách hành chính trên địa bàn thị xã Quảng Trị năm 2026",
    ],
    [["Cải cách hành chính năm 2026"], "Kế hoạch cải cách hành chính năm 2026"],
    [["UBND xã thực hiện CCHC năm 2026"], "Kế hoạch UBND xã thực hiện CCHC năm 2026"],
  ])("%j → %s", (title, expected) => {
    expect(planOf(["UBND XÃ GIO SƠN"], title).title).toBe(expected);
  });

  it("keeps every Vietnamese letter whole (NFC, no letter half in capitals)", () => {
    const recased = recaseHeading("ĐẨY MẠNH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN Ở XÃ ỈA ĐỘ".normalize("NFD"));
    expect(recased).toBe("đẩy mạnh ứng dụng công nghệ thông tin ở xã Ỉa Độ");
    expect(recased).toBe(recased.normalize("NFC"));
  });

  it("writes departments as Vietnamese writes them", () => {
    expect(departmentName("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN")).toBe("Sở Nông nghiệp và Phát triển nông thôn");
    expect(departmentName("VĂN PHÒNG UBND TỈNH")).toBe("Văn phòng UBND tỉnh");
  });
});

describe("the five seeds keep the title and issuer of their golden tables", () => {
  it.each(seedFiles)("%s", (seed) => {
    const golden = JSON.parse(
      readFileSync(new URL(`golden/${seed.replace(/\.txt$/, ".json")}`, fixturesDir), "utf8"),
    ) as { planTitle: string; issuer: string };
    const text = readFileSync(new URL(`seeds/${seed}`, fixturesDir), "utf8");
    const { plan } = interpretDocument(readTextDocument(seed, text), { year: 2025 });
    expect(plan).toMatchObject({ title: golden.planTitle, issuer: golden.issuer });
  });
});

describe("the subject of a title", () => {
  it("ends at the first section of the plan even when the title has no year", () => {
    expect(planOf(["UBND XÃ GIO SƠN"], ["THỰC HIỆN CẢI CÁCH HÀNH CHÍNH"]).title).toBe(
      "Kế hoạch thực hiện cải cách hành chính",
    );
  });
});
