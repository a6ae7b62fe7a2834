import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayTitle } from "../../../src/domain/milestones/display-title.js";

describe("displayTitle", () => {
  it.each([
    ["- Xây dựng kế hoạch", "Xây dựng kế hoạch"],
    ["+ Rà soát thủ tục", "Rà soát thủ tục"],
    ["• Tuyên truyền CCHC", "Tuyên truyền CCHC"],
    ["•Tuyên truyền", "Tuyên truyền"],
    ["– Báo cáo quý", "Báo cáo quý"],
    ["* - Kiểm tra", "Kiểm tra"],
    ["  Xây dựng   kế hoạch  ", "Xây dựng kế hoạch"],
  ])("takes the plan's bullet off %j", (raw, shown) => {
    expect(displayTitle(raw)).toBe(shown);
  });

  it("keeps a sign that belongs to the words: '-5%' and '+1' are not bullets", () => {
    expect(displayTitle("-5% hồ sơ trễ hạn")).toBe("-5% hồ sơ trễ hạn");
    expect(displayTitle("+1 điểm thưởng")).toBe("+1 điểm thưởng");
  });

  it("keeps a title that is nothing but a bullet rather than showing nothing", () => {
    expect(displayTitle("-")).toBe("-");
  });

  it("never grows a title and is stable when applied twice", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const once = displayTitle(raw);
        expect(once.length).toBeLessThanOrEqual(raw.length);
        expect(displayTitle(once)).toBe(once);
      }),
    );
  });
});
