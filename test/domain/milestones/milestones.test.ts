import { describe, expect, it } from "vitest";
import {
  type Actor,
  canActOnMilestone,
  canApproveCompletion,
  canCoordinate,
  canDecideExtension,
  canInvite,
  daysOverdue,
  effectiveState,
  productIsDocument,
  progressColour,
  seesWholeOrganization,
  unitsOf,
} from "../../../src/domain/milestones/index.js";

const TODAY = "2025-06-10";

describe("progressColour", () => {
  it("is green for work done on or before its due day", () => {
    expect(progressColour({ state: "done", due: "2025-06-10", completedOn: "2025-06-10" }, TODAY)).toBe("green");
  });
  it("is orange for work done after its due day, and for late work waiting for approval", () => {
    expect(progressColour({ state: "done", due: "2025-06-01", completedOn: "2025-06-03" }, TODAY)).toBe("orange");
    expect(progressColour({ state: "submitted", due: "2025-06-01", completedOn: "2025-06-03" }, TODAY)).toBe("orange");
  });
  it("is red for unfinished work past its due day, blue within its time, grey without a date", () => {
    expect(progressColour({ state: "in_progress", due: "2025-06-09", completedOn: null }, TODAY)).toBe("red");
    expect(progressColour({ state: "open", due: "2025-06-10", completedOn: null }, TODAY)).toBe("blue");
    expect(progressColour({ state: "submitted", due: "2025-06-20", completedOn: "2025-06-05" }, TODAY)).toBe("blue");
    expect(progressColour({ state: "open", due: null, completedOn: null }, TODAY)).toBe("grey");
    expect(progressColour({ state: "cancelled", due: "2025-01-01", completedOn: null }, TODAY)).toBe("grey");
  });
});

describe("effectiveState and daysOverdue", () => {
  it("turns unfinished work past due into overdue, counting calendar days", () => {
    expect(effectiveState({ state: "open", due: "2025-06-07", completedOn: null }, TODAY)).toBe("overdue");
    expect(daysOverdue({ state: "open", due: "2025-06-07", completedOn: null }, TODAY)).toBe(3);
  });
  it("leaves done, submitted and on-time work as stored", () => {
    expect(effectiveState({ state: "done", due: "2025-06-01", completedOn: "2025-06-02" }, TODAY)).toBe("done");
    expect(effectiveState({ state: "submitted", due: "2025-06-01", completedOn: null }, TODAY)).toBe("submitted");
    expect(effectiveState({ state: "open", due: "2025-07-01", completedOn: null }, TODAY)).toBe("open");
    expect(daysOverdue({ state: "done", due: "2025-06-01", completedOn: "2025-06-02" }, TODAY)).toBe(0);
  });
});

describe("permissions", () => {
  const org = "org-a";
  const member: Actor = { organizationId: org, roles: [{ role: "member", unitId: "unit-1" }] };
  const head: Actor = { organizationId: org, roles: [{ role: "unit_head", unitId: "unit-2" }] };
  const coordinator: Actor = { organizationId: org, roles: [{ role: "coordinator", unitId: null }] };
  const chairman: Actor = { organizationId: org, roles: [{ role: "chairman", unitId: null }] };
  const stranger: Actor = { organizationId: "org-b", roles: [{ role: "coordinator", unitId: null }] };
  const milestone = { organizationId: org, leadUnitIds: ["unit-1"] };

  it("lets members and heads of the lead unit act, and coordinators and the chairman", () => {
    expect(canActOnMilestone(member, milestone)).toBe(true);
    expect(canActOnMilestone(head, milestone)).toBe(false);
    expect(canActOnMilestone(head, { organizationId: org, leadUnitIds: ["unit-2"] })).toBe(true);
    expect(canActOnMilestone(coordinator, milestone)).toBe(true);
    expect(canActOnMilestone(chairman, milestone)).toBe(true);
  });
  it("never lets anyone act across organizations, whatever their role", () => {
    expect(canActOnMilestone(stranger, milestone)).toBe(false);
    expect(canApproveCompletion(stranger, org)).toBe(false);
    expect(canDecideExtension(stranger, org)).toBe(false);
  });
  it("gives completions to coordinators and extensions to coordinators and the chairman", () => {
    expect(canApproveCompletion(coordinator, org)).toBe(true);
    expect(canApproveCompletion(chairman, org)).toBe(false);
    expect(canApproveCompletion(member, org)).toBe(false);
    expect(canDecideExtension(chairman, org)).toBe(true);
    expect(canDecideExtension(head, org)).toBe(false);
  });
  it("knows who sees the whole organization, who invites, and whose units are whose", () => {
    expect(seesWholeOrganization(chairman)).toBe(true);
    expect(seesWholeOrganization(head)).toBe(false);
    expect(canInvite(coordinator)).toBe(true);
    expect(canCoordinate(coordinator)).toBe(true);
    expect(canCoordinate(chairman)).toBe(false);
    expect(canInvite(chairman)).toBe(false);
    expect(unitsOf({ organizationId: org, roles: [...member.roles, ...head.roles, ...coordinator.roles] })).toEqual([
      "unit-1",
      "unit-2",
    ]);
  });
});

describe("productIsDocument", () => {
  it.each([
    ["Kế hoạch CCHC năm 2025 được ban hành", true],
    ["Báo cáo kết quả", true],
    ["Quyết định ban hành Danh mục", true],
    ["KE HOACH", true],
    ["Thực hiện thường xuyên", false],
    ["Website được cập nhật", false],
    [null, false],
  ])("%j → %s", (product, expected) => {
    expect(productIsDocument(product)).toBe(expected);
  });
});
