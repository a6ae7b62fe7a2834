import { describe, expect, it } from "vitest";
import {
  audienceOf,
  type DomainEvent,
  type OrganizationMember,
  withStandIns,
} from "../../../src/domain/notifications/index.js";

const member = (personId: string, ...roles: OrganizationMember["roles"]): OrganizationMember => ({ personId, roles });
const members: OrganizationMember[] = [
  member("lan", { role: "coordinator", unitId: null }),
  member("hoa", { role: "coordinator", unitId: null }),
  member("chu-tich", { role: "chairman", unitId: null }),
  member("tu", { role: "member", unitId: "tu-phap" }),
  member("thu", { role: "member", unitId: "van-phong" }),
  // In both units: hears that the task is theirs, once.
  member("ca-hai", { role: "member", unitId: "van-phong" }, { role: "unit_head", unitId: "tu-phap" }),
];

const ids = (event: DomainEvent) => audienceOf(event, members).map((a) => `${a.personId}:${a.variant}`);

describe("who must hear each event", () => {
  it("a completion request: the coordinators, not the requester, even a coordinator who asked", () => {
    const event: DomainEvent = {
      type: "completion.requested",
      requestId: "r",
      milestoneId: "m",
      requesterPersonId: "tu",
      submittedOn: "2025-03-05",
    };
    expect(ids(event)).toEqual(["lan:default", "hoa:default"]);
    expect(ids({ ...event, requesterPersonId: "lan" })).toEqual(["hoa:default"]);
  });

  it("an extension request: the coordinators and the chairman", () => {
    const event: DomainEvent = {
      type: "extension.requested",
      requestId: "r",
      milestoneId: "m",
      requesterPersonId: "thu",
      requestedDue: "2025-04-01",
      reason: "chờ số liệu",
    };
    expect(ids(event)).toEqual(["lan:default", "hoa:default", "chu-tich:default"]);
  });

  it("a decision: the requester, unless they decided it themselves or left", () => {
    const event: DomainEvent = {
      type: "completion.decided",
      requestId: "r",
      milestoneId: "m",
      requesterPersonId: "tu",
      deciderPersonId: "lan",
      decision: "approve",
      comment: null,
    };
    expect(ids(event)).toEqual(["tu:default"]);
    expect(ids({ ...event, deciderPersonId: "tu" })).toEqual([]);
    expect(ids({ ...event, requesterPersonId: "someone-deactivated" })).toEqual([]);
    const extension: DomainEvent = {
      type: "extension.decided",
      requestId: "r",
      milestoneId: "m",
      requesterPersonId: "thu",
      deciderPersonId: "chu-tich",
      decision: "deny",
      requestedDue: "2025-04-01",
      dueBefore: "2025-03-20",
    };
    expect(ids(extension)).toEqual(["thu:default"]);
  });

  it("a lead change: the new lead's people gain it, the old lead's lose it, the one who changed it hears nothing", () => {
    const event: DomainEvent = {
      type: "lead.changed",
      taskId: "t",
      byPersonId: "lan",
      unitId: "tu-phap",
      previousUnitIds: ["van-phong"],
      due: null,
    };
    expect(ids(event)).toEqual(["tu:lead-gained", "ca-hai:lead-gained", "thu:lead-lost"]);
    // A task that had no lead: only the gain is told.
    expect(ids({ ...event, previousUnitIds: [] })).toEqual(["tu:lead-gained", "ca-hai:lead-gained"]);
  });

  it("a join: the person who invited, never the one who joined; an operator's invite tells nobody", () => {
    const event: DomainEvent = {
      type: "person.joined",
      personId: "tu",
      role: "member",
      unitId: "tu-phap",
      invitedByPersonId: "lan",
    };
    expect(ids(event)).toEqual(["lan:default"]);
    expect(ids({ ...event, invitedByPersonId: null })).toEqual([]);
  });

  it("a deadline move: the lead units' people, not the one who moved it nor the requester already told", () => {
    const event: DomainEvent = {
      type: "deadline.moved",
      milestoneId: "m",
      byPersonId: "lan",
      unitIds: ["tu-phap"],
      from: "2025-03-31",
      to: "2025-04-30",
      alreadyToldPersonId: null,
    };
    expect(ids(event)).toEqual(["tu:default", "ca-hai:default"]);
    expect(ids({ ...event, alreadyToldPersonId: "tu", byPersonId: "chu-tich" })).toEqual(["ca-hai:default"]);
    // A unit head who moved it does not hear it; a task with no lead unit tells nobody.
    expect(ids({ ...event, byPersonId: "ca-hai" })).toEqual(["tu:default"]);
    expect(ids({ ...event, unitIds: [] })).toEqual([]);
  });

  it("a plan applied: the coordinators and the chairman, not the one who applied it; the operator's tells nobody", () => {
    const event: DomainEvent = {
      type: "plan.applied",
      planId: "p",
      byPersonId: "hoa",
      created: true,
      tasks: 12,
      added: 12,
      removed: 0,
      deadlinesMoved: 0,
    };
    expect(ids(event)).toEqual(["lan:default", "chu-tich:default"]);
    expect(ids({ ...event, byPersonId: null })).toEqual([]);
  });

  it("the stand-in: a unit whose people nobody can reach is told through the coordinators, except the actor", () => {
    const moved: DomainEvent = {
      type: "deadline.moved",
      milestoneId: "m",
      byPersonId: "lan",
      unitIds: ["tu-phap"],
      from: null,
      to: "2025-04-30",
      alreadyToldPersonId: null,
    };
    const heard = (event: DomainEvent, reachable: string[]) =>
      withStandIns(event, audienceOf(event, members), members, new Set(reachable)).map(
        (a) => `${a.personId}:${a.variant}${a.standsInFor ? `:for-${a.standsInFor}` : ""}`,
      );
    // Someone of the unit can be reached: no stand-in.
    expect(heard(moved, ["ca-hai", "lan", "hoa"])).toEqual(["tu:default", "ca-hai:default"]);
    // Nobody of the unit: the other coordinator stands in, once.
    expect(heard(moved, ["lan", "hoa"])).toEqual(["tu:default", "ca-hai:default", "hoa:default:for-tu-phap"]);
    // A unit with nobody at all (no member joined) is the same.
    expect(heard({ ...moved, unitIds: ["tai-chinh"] }, ["lan", "hoa"])).toEqual(["hoa:default:for-tai-chinh"]);
    // A lead change stands in for the new lead unit only, in its "gained" words.
    const lead: DomainEvent = {
      type: "lead.changed",
      taskId: "t",
      byPersonId: "chu-tich",
      unitId: "tai-chinh",
      previousUnitIds: ["tu-phap"],
      due: null,
    };
    expect(heard(lead, ["tu"])).toEqual([
      "tu:lead-lost",
      "ca-hai:lead-lost",
      "lan:lead-gained:for-tai-chinh",
      "hoa:lead-gained:for-tai-chinh",
    ]);
    // Events addressed to people, not units, never stand in.
    const joined: DomainEvent = {
      type: "person.joined",
      personId: "tu",
      role: "member",
      unitId: "tu-phap",
      invitedByPersonId: "lan",
    };
    expect(heard(joined, [])).toEqual(["lan:default"]);
  });
});
