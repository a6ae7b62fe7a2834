import type { Role } from "../milestones/permissions.js";
import type { ReminderPolicy } from "./policy.js";

/**
 * Which weekly digest: an office's own work (every organization's), or a
 * province's (or department's) communes on the work it gave them.
 */
export type DigestScope = "office" | "province";

const ROLES_OF: Record<DigestScope, Record<ReminderPolicy["weeklyDigestTo"][number], readonly Role[]>> = {
  office: { chairman: ["chairman"], coordinators: ["coordinator"] },
  // A province has no chairman: its head is its leaders, with the Home Affairs reviewer who follows the communes.
  province: { chairman: ["province_leader", "province_reviewer"], coordinators: ["coordinator"] },
};

/**
 * The roles a weekly digest goes to, as the organization's `weeklyDigestTo`
 * chooses: its head ("chairman": a commune's chairman, a province's leaders
 * and reviewer), its coordinators, or both; each role once, in that order.
 */
export function weeklyDigestRoles(to: ReminderPolicy["weeklyDigestTo"], scope: DigestScope): Role[] {
  const roles: Role[] = [];
  for (const choice of to) for (const role of ROLES_OF[scope][choice]) if (!roles.includes(role)) roles.push(role);
  return roles;
}
