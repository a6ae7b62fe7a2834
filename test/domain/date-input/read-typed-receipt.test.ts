import { describe, expect, it } from "vitest";
import { readTypedReceipt } from "../../../src/domain/date-input/index.js";

// Thursday 10/12/2026.
const TODAY = "2026-12-10";

describe("a day of receipt typed against today", () => {
  it("takes a day written in full, without its year, as ISO, or 'hôm qua'", () => {
    expect(readTypedReceipt("05/12/2026", TODAY)).toEqual({ kind: "ok", day: "2026-12-05" });
    expect(readTypedReceipt("5/12", TODAY)).toEqual({ kind: "ok", day: "2026-12-05" });
    expect(readTypedReceipt("2026-12-05", TODAY)).toEqual({ kind: "ok", day: "2026-12-05" });
    expect(readTypedReceipt("hôm qua", TODAY)).toEqual({ kind: "ok", day: "2026-12-09" });
    expect(readTypedReceipt("hôm nay", TODAY)).toEqual({ kind: "ok", day: TODAY });
  });

  it("refuses a day not come yet, with the day it read", () => {
    expect(readTypedReceipt("20/12/2026", TODAY)).toEqual({ kind: "future", day: "2026-12-20" });
    expect(readTypedReceipt("ngày mai", TODAY)).toEqual({ kind: "future", day: "2026-12-11" });
  });

  it("asks for a day when given a month, and says what it could not read", () => {
    expect(readTypedReceipt("tháng 12", TODAY)).toEqual({ kind: "not-a-day" });
    expect(readTypedReceipt("31/02/2026", TODAY)).toEqual({ kind: "impossible-date" });
    expect(readTypedReceipt("đã nhận rồi", TODAY)).toEqual({ kind: "unknown" });
    expect(readTypedReceipt("  ", TODAY)).toEqual({ kind: "empty" });
  });

  it("offers the past days that fit when the text contradicts itself", () => {
    // 04/12/2026 is a Friday, not a Thursday: that day, or the Thursday the parser offers (today, 10/12).
    expect(readTypedReceipt("thứ năm 4/12/2026", TODAY)).toEqual({
      kind: "ambiguous",
      choices: ["2026-12-04", "2026-12-10"],
    });
    // Typed on Wednesday 09/12, that Thursday has not come: only the Friday is left, still asked about.
    expect(readTypedReceipt("thứ năm 4/12/2026", "2026-12-09")).toEqual({ kind: "ambiguous", choices: ["2026-12-04"] });
  });
});
