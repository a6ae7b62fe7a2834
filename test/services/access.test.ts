import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/milestones/index.js";
import {
  capabilitiesOf,
  hasAccess,
  isRefused,
  OPERATOR,
  type Permission,
  personIdOf,
  refusedFor,
  requireAccess,
  requireReadable,
} from "../../src/services/access.js";

const ORG = "org-1";
const OTHER = "org-2";
const TU_PHAP = "unit-tp";
const VAN_PHONG = "unit-vp";

const actor = (roles: Actor["roles"], organizationId = ORG): Actor & { personId: string } => ({
  organizationId,
  roles,
  personId: "person-1",
});
const member = actor([{ role: "member", unitId: TU_PHAP }]);
const unitHead = actor([{ role: "unit_head", unitId: VAN_PHONG }]);
const coordinator = actor([{ role: "coordinator", unitId: null }]);
const chairman = actor([{ role: "chairman", unitId: null }]);
const otherCoordinator = actor([{ role: "coordinator", unitId: null }], OTHER);

const organizationPermissions: Permission[] = [
  "completion.approve",
  "extension.decide",
  "organization.read",
  "organization.coordinate",
  "invite.create",
];

describe("requireAccess", () => {
  it("lets the office coordinate, invite, read and decide in its own organization", () => {
    for (const permission of organizationPermissions) {
      expect(requireAccess(coordinator, permission as "invite.create", { organizationId: ORG })).toBeNull();
    }
  });

  it("refuses a coordinator of another organization everything in this one", () => {
    for (const permission of organizationPermissions) {
      expect(requireAccess(otherCoordinator, permission as "invite.create", { organizationId: ORG })).toEqual({
        kind: "not-allowed",
      });
    }
    expect(requireAccess(otherCoordinator, "milestone.act", { organizationId: ORG, leadUnitIds: [TU_PHAP] })).toEqual({
      kind: "not-allowed",
    });
  });

  it("lets the chairman read the organization and decide extensions, not approve completions or coordinate", () => {
    const target = { organizationId: ORG };
    expect(requireAccess(chairman, "organization.read", target)).toBeNull();
    expect(requireAccess(chairman, "extension.decide", target)).toBeNull();
    expect(requireAccess(chairman, "completion.approve", target)).toEqual({ kind: "not-allowed" });
    expect(requireAccess(chairman, "organization.coordinate", target)).toEqual({ kind: "not-allowed" });
    expect(requireAccess(chairman, "invite.create", target)).toEqual({ kind: "not-allowed" });
  });

  it("lets a member act on their own unit's milestones only, and nothing organization-wide", () => {
    expect(requireAccess(member, "milestone.act", { organizationId: ORG, leadUnitIds: [TU_PHAP] })).toBeNull();
    expect(requireAccess(member, "milestone.act", { organizationId: ORG, leadUnitIds: [VAN_PHONG] })).toEqual({
      kind: "not-allowed",
    });
    expect(requireAccess(unitHead, "milestone.act", { organizationId: ORG, leadUnitIds: [VAN_PHONG] })).toBeNull();
    for (const permission of organizationPermissions) {
      expect(hasAccess(member, permission as "invite.create", { organizationId: ORG })).toBe(false);
      expect(hasAccess(unitHead, permission as "invite.create", { organizationId: ORG })).toBe(false);
    }
  });

  it("lets the operator of the command line do everything in any organization", () => {
    for (const permission of organizationPermissions) {
      expect(requireAccess(OPERATOR, permission as "invite.create", { organizationId: OTHER })).toBeNull();
    }
    expect(requireAccess(OPERATOR, "milestone.act", { organizationId: OTHER, leadUnitIds: [] })).toBeNull();
  });
});

describe("capabilitiesOf", () => {
  it("answers what each person may do in their own organization, from the same permissions the use cases check", () => {
    const none = {
      coordinate: false,
      readOrganization: false,
      approveCompletion: false,
      decideExtension: false,
      invite: false,
      overseeOrganizations: false,
    };
    expect(capabilitiesOf(member)).toEqual(none);
    expect(capabilitiesOf(unitHead)).toEqual(none);
    expect(capabilitiesOf(chairman)).toEqual({ ...none, readOrganization: true, decideExtension: true });
    const all = {
      coordinate: true,
      readOrganization: true,
      approveCompletion: true,
      decideExtension: true,
      invite: true,
      overseeOrganizations: false,
    };
    expect(capabilitiesOf(coordinator)).toEqual(all);
    expect(capabilitiesOf(otherCoordinator)).toEqual(all);
    expect(capabilitiesOf({ ...OPERATOR, organizationId: ORG })).toEqual(all);
    // A province's people oversee the organizations under theirs; a commune's nobody.
    const provinceLeader = { ...actor([{ role: "province_leader", unitId: null }]), overseenOrganizationIds: [OTHER] };
    expect(capabilitiesOf(provinceLeader).overseeOrganizations).toBe(true);
  });

  it("lets the office and the chairman complete a task without asking, nobody else and nowhere else", () => {
    const target = { organizationId: ORG };
    expect(
      [coordinator, chairman, member, unitHead, otherCoordinator].map((p) => hasAccess(p, "completion.direct", target)),
    ).toEqual([true, true, false, false, false]);
  });
});

describe("refusedFor", () => {
  it("takes the kind from the reason, so a reason is never given under another kind", () => {
    expect(refusedFor("unit-unknown", "Tổ Một")).toEqual({
      kind: "not-found",
      reason: "unit-unknown",
      subject: "Tổ Một",
    });
    expect(refusedFor("unit-has-people")).toEqual({ kind: "not-allowed", reason: "unit-has-people" });
    expect(refusedFor("code-used")).toEqual({ kind: "closed", reason: "code-used" });
  });
});

describe("personIdOf", () => {
  it("names the person behind a viewer and nobody behind the operator", () => {
    expect(personIdOf(coordinator)).toBe("person-1");
    expect(personIdOf(OPERATOR)).toBeNull();
  });
});

describe("isRefused", () => {
  it("tells a refusal from a use case's own outcome", () => {
    expect(isRefused({ kind: "not-found" })).toBe(true);
    expect(isRefused({ kind: "stale" })).toBe(true);
    expect(isRefused({ kind: "ok" })).toBe(false);
    expect(isRefused({ kind: "submitted" })).toBe(false);
  });
});

describe("a province's people", () => {
  const PROVINCE = "province-1";
  const overseeing = (role: "province_leader" | "province_reviewer") => ({
    ...actor([{ role, unitId: null }], PROVINCE),
    overseenOrganizationIds: [ORG],
  });

  it("read and assign work to a commune under the province, and act on nothing of it", () => {
    for (const viewer of [overseeing("province_leader"), overseeing("province_reviewer")]) {
      expect(hasAccess(viewer, "organization.read", { organizationId: ORG })).toBe(true);
      expect(hasAccess(viewer, "organization.assign", { organizationId: ORG })).toBe(true);
      for (const permission of [
        "completion.approve",
        "extension.decide",
        "organization.coordinate",
        "invite.create",
      ] as const) {
        expect(hasAccess(viewer, permission, { organizationId: ORG }), permission).toBe(false);
      }
      expect(hasAccess(viewer, "milestone.act", { organizationId: ORG, leadUnitIds: [] })).toBe(false);
    }
  });

  it("find a commune outside the province not found, and its own commune's sibling too", () => {
    expect(requireReadable(overseeing("province_leader"), OTHER)).toEqual({ kind: "not-found" });
    expect(requireReadable(otherCoordinator, ORG)).toEqual({ kind: "not-found" });
    expect(requireReadable(member, ORG)).toEqual({ kind: "not-allowed" });
    expect(hasAccess(coordinator, "organization.assign", { organizationId: ORG })).toBe(false);
  });
});
