import { describe, expect, it } from "vitest";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { proposeLeads } from "../../src/import/interpret/lead-proposals.js";
import { readTextDocument } from "../../src/import/readers/text.js";
import { readSeed } from "../support/seeds.js";

const paragraphs = [
  "IV. TỔ CHỨC THỰC HIỆN",
  "1. Ủy ban nhân dân xã",
  "- Các bộ phận chuyên môn chủ trì thực hiện các Chỉ số tại Phụ lục.",
  "2. Bộ phận Văn phòng- Thống kê",
  "- Chủ trì hướng dẫn, thực hiện các nhiệm vụ nâng cao Chỉ số thành phần cải cách thủ tục hành chính; theo dõi.",
  "3. Bộ phận Tư pháp- Hộ tịch",
  "Chủ trì theo dõi các nhiệm vụ nâng cao Chỉ số thành phần cải cách thể chế.",
  "Nơi nhận:",
];

describe("proposeLeads", () => {
  it("proposes the unit the plan's text names for a topic, by its words or its initials", () => {
    const proposals = proposeLeads(paragraphs, [
      "Thủ tục hành chính (TTHC)",
      "Kết quả giải quyết hồ sơ TTHC",
      "Cải cách thể chế ở cấp xã",
      "Tiếp cận thông tin",
    ]);
    expect(proposals.map((list) => list.map((p) => p.unit))).toEqual([
      ["Bộ phận Văn phòng- Thống kê"],
      ["Bộ phận Văn phòng- Thống kê"],
      ["Bộ phận Tư pháp- Hộ tịch"],
      [],
    ]);
    expect(proposals[0]?.[0]?.because).toContain("Chỉ số thành phần cải cách thủ tục hành chính");
  });

  it("proposes nothing when the plan has no section saying who leads what", () => {
    expect(proposeLeads(["I. MỤC ĐÍCH", "Chủ trì: ai cũng được"], ["Thủ tục hành chính"])).toEqual([[]]);
  });

  it("leaves seed 004's lead empty and proposes leads for its TTHC tasks only", () => {
    const seed = readSeed("004");
    const draft = interpretDocument(readTextDocument(seed.fileName, seed.text));
    expect(draft.tasks.every((t) => t.lead.length === 0)).toBe(true);
    const proposed = draft.tasks.filter((t) => t.proposedLead.length > 0).map((t) => `${t.section}.${t.stt}`);
    expect(proposed).toEqual(["II.2.2", "III.2", "III.4", "III.5"]);
  });
});
