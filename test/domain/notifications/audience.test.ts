import { describe, expect, it } from "vitest";
import { audienceOf, type DomainEvent, type OrganizationMember } from "../../../src/domain/notifications/index.js";

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
});
