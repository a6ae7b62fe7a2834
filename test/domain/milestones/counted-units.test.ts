import { describe, expect, it } from "vitest";
import { countedUnits } from "../../../src/domain/milestones/index.js";

describe("countedUnits", () => {
  it("counts a milestone once for each lead unit", () => {
    expect(countedUnits(["Văn phòng", "Tư pháp"])).toEqual(["Văn phòng", "Tư pháp"]);
  });
  it("counts a milestone nobody leads once, under no unit", () => {
    expect(countedUnits([])).toEqual([null]);
  });
  it("does not count a unit twice when the plan names it twice", () => {
    expect(countedUnits(["Tư pháp", "Tư pháp"])).toEqual(["Tư pháp"]);
  });
});
