import { describe, expect, it } from "vitest";
import { readTypedDeadline } from "../../../src/domain/date-input/index.js";

// Wednesday 18 March 2026.
const TODAY = "2026-03-18";

describe("readTypedDeadline", () => {
  it("takes the last day on time of what was typed", () => {
    expect(readTypedDeadline("thứ 6", TODAY)).toEqual({ kind: "ok", due: "2026-03-20" });
    expect(readTypedDeadline("Quý II", TODAY)).toEqual({ kind: "ok", due: "2026-06-30" });
    expect(readTypedDeadline("hôm nay", TODAY)).toEqual({ kind: "ok", due: TODAY });
  });

  it("refuses a day already past, with that day", () => {
    expect(readTypedDeadline("hôm qua", TODAY)).toEqual({ kind: "past", due: "2026-03-17" });
    expect(readTypedDeadline("15/3/2026", TODAY)).toEqual({ kind: "past", due: "2026-03-15" });
  });

  it("offers the days still ahead when several fit", () => {
    expect(readTypedDeadline("5/1", TODAY)).toEqual({ kind: "ambiguous", choices: ["2027-01-05", "2026-05-01"] });
    expect(readTypedDeadline("thang sau", TODAY)).toEqual({ kind: "ambiguous", choices: ["2026-04-30", "2026-06-30"] });
  });

  it("says why it could not read the text", () => {
    expect(readTypedDeadline("31/4", TODAY)).toEqual({ kind: "impossible-date" });
    expect(readTypedDeadline("khi nào xong", TODAY)).toEqual({ kind: "unknown" });
    expect(readTypedDeadline("  ", TODAY)).toEqual({ kind: "empty" });
  });
});
