import { describe, expect, it } from "vitest";
import { weeklyDigestRoles } from "../../../src/domain/reminders/index.js";

describe("weeklyDigestRoles", () => {
  it("sends an office's digest to its chairman, its coordinators, or both", () => {
    expect(weeklyDigestRoles(["chairman"], "office")).toEqual(["chairman"]);
    expect(weeklyDigestRoles(["coordinators"], "office")).toEqual(["coordinator"]);
    expect(weeklyDigestRoles(["chairman", "coordinators"], "office")).toEqual(["chairman", "coordinator"]);
  });

  it("sends a province's digest of its communes to its leaders and reviewer where a commune's goes to the chairman", () => {
    expect(weeklyDigestRoles(["chairman"], "province")).toEqual(["province_leader", "province_reviewer"]);
    expect(weeklyDigestRoles(["coordinators"], "province")).toEqual(["coordinator"]);
    expect(weeklyDigestRoles(["coordinators", "chairman", "coordinators"], "province")).toEqual([
      "coordinator",
      "province_leader",
      "province_reviewer",
    ]);
  });
});
