import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audienceOf, leadOf, supportOf, takeDeadline } from "../../src/import/directive/assignments.js";
import { readDocumentIdentity } from "../../src/import/directive/document-identity.js";
import { interpretDirectiveLines } from "../../src/import/directive/interpret-directive.js";
import { interpretProseBody } from "../../src/import/prose/interpret-prose.js";
import type { ProseLine } from "../../src/import/prose/prose-lines.js";

const lines = (text: string): ProseLine[] =>
  text
    .split("\n")
    .map((t, i) => ({ text: t.trim(), line: i + 1 }))
    .filter((l) => l.text.length > 0);

describe("the identity of a document", () => {
  it("reads a ward under its province, the number, the date, the kind and the signer", () => {
    const identity = readDocumentIdentity(
      lines(`ỦY BAN NHÂN DÂN TỈNH GIA LAI
ỦY BAN NHÂN DÂN
PHƯỜNG AN PHÚ
Số: 12/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
An Phú, ngày 02 tháng 12 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND phường
Nội dung.
Nơi nhận:
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A`),
    );
    expect(identity).toMatchObject({
      kind: "Thông báo",
      number: "12/TB-UBND",
      issuedOn: "2026-12-02",
      place: "An Phú",
      issuer: "UBND phường An Phú",
      parentIssuer: "UBND tỉnh Gia Lai",
      summary: "Kết luận của Chủ tịch UBND phường",
      signer: "Nguyễn Văn A",
      signerTitle: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
      recipients: ["Lưu: VT"],
    });
  });

  it("names a department with its province and reads a letter's kind from its V/v line", () => {
    const identity = readDocumentIdentity(
      lines("UBND TỈNH GIA LAI\nSỞ TƯ PHÁP\nSố: 210/STP-HCTP\nV/v rà soát hồ sơ\nGia Lai, ngày 5 tháng 1 năm 2027"),
    );
    expect(identity).toMatchObject({
      kind: "Công văn",
      issuer: "Sở Tư pháp tỉnh Gia Lai",
      issuedOn: "2027-01-05",
      summary: "về việc rà soát hồ sơ",
    });
  });
});

describe("the parts of an assignment", () => {
  it("takes the lead a sentence opens with, whatever the verb of assignment", () => {
    expect(leadOf("Giao Phòng Kinh tế chủ trì, phối hợp với Công an xã rà soát")?.lead).toEqual(["Phòng Kinh tế"]);
    expect(leadOf("Đề nghị UBND các xã, phường báo cáo kết quả")?.lead).toEqual(["UBND các xã, phường"]);
    expect(leadOf("Công an xã: a) tuần tra")?.lead).toEqual(["Công an xã"]);
    expect(leadOf("Tổ chức tập huấn cho công chức")).toBeNull();
  });

  it("takes partners up to the work", () => {
    expect(supportOf("chủ trì, phối hợp với Công an xã, Đoàn Thanh niên xã tổ chức ra quân").support).toEqual([
      "Công an xã",
      "Đoàn Thanh niên xã",
    ]);
  });

  it("takes the deadline clause verbatim, preferring a dated one", () => {
    expect(takeDeadline("Gửi báo cáo hằng tháng về Sở trước ngày 20 hằng tháng.").deadline).toBe(
      "trước ngày 20 hằng tháng",
    );
    expect(takeDeadline("Rà soát hồ sơ, hoàn thành trước ngày 15/12/2026, báo cáo UBND xã.").deadline).toBe(
      "hoàn thành trước ngày 15/12/2026",
    );
    expect(takeDeadline("Chịu trách nhiệm trước Chủ tịch UBND xã về kết quả.").deadline).toBeNull();
  });

  it("tells the office, its units, other bodies and follow-up apart", () => {
    expect(audienceOf(["UBND các xã, phường"], "báo cáo", true, "Sở Nội vụ")).toBe("office");
    expect(audienceOf(["Sở Y tế"], "bảo đảm khám chữa bệnh", true, "UBND tỉnh Gia Lai")).toBe("other");
    expect(audienceOf(["Công an xã"], "tuần tra", false, "UBND xã Gio Sơn")).toBe("unit");
    expect(audienceOf(["Văn phòng HĐND và UBND xã"], "theo dõi, đôn đốc việc thực hiện", false, "UBND xã A")).toBe(
      "follow-up",
    );
  });
});

describe("the prose readers on any text", () => {
  const text = fc.array(
    fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        "II. NHIỆM VỤ",
        "1. Giao Phòng A chủ trì, hoàn thành trước ngày 30/6/2026.",
        "a) Cơ quan chủ trì: Công an xã; Thời hạn: Quý II/2026",
        "- Phối hợp:",
        "THÔNG BÁO",
        "Số: 1/TB-UBND",
        "Nơi nhận:",
        "Điều 1.",
        "Đề nghị UBND các xã, phường:",
      ),
    ),
    { maxLength: 40 },
  );

  it("never throw, and explain each line of a directive once", () => {
    fc.assert(
      fc.property(text, (rows) => {
        const input = lines(rows.join("\n"));
        interpretProseBody(input, { planYear: 2026 });
        const draft = interpretDirectiveLines(input, 2026);
        expect(draft.explanation.map((e) => e.source.line)).toEqual(input.map((l) => l.line));
      }),
      { numRuns: 300 },
    );
  });
});
