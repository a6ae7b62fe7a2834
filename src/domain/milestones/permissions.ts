/**
 * Roles a person holds in an organization, with the unit where the role is per unit. The province
 * roles are held in a province or department: its leader, and the Home Affairs reviewer.
 */
export const ROLES = [
  "member",
  "unit_head",
  "coordinator",
  "chairman",
  "province_leader",
  "province_reviewer",
] as const;
export type Role = (typeof ROLES)[number];

/** What an organization is: a commune or ward runs plans; a province or department oversees those under it. */
export const ORGANIZATION_KINDS = ["commune", "province", "department"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Members and unit heads belong to a unit; the office and the chairman to the whole organization. */
export function belongsToUnit(role: Role): boolean {
  return role === "member" || role === "unit_head";
}

export interface Actor {
  organizationId: string;
  roles: Array<{ role: Role; unitId: string | null }>;
  /** The organizations under the actor's own (children, their children…), for the province roles; none when absent. */
  overseenOrganizationIds?: readonly string[];
}

export interface MilestoneOwnership {
  organizationId: string;
  /** The task's lead units ("đơn vị chủ trì"). */
  leadUnitIds: string[];
}

const hasRole = (actor: Actor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r.role));

/** Whether the actor may complete, report on, attach evidence to or ask to extend this milestone. */
export function canActOnMilestone(actor: Actor, milestone: MilestoneOwnership): boolean {
  if (actor.organizationId !== milestone.organizationId) return false;
  if (hasRole(actor, "coordinator", "chairman")) return true;
  return actor.roles.some(
    (r) => belongsToUnit(r.role) && r.unitId !== null && milestone.leadUnitIds.includes(r.unitId),
  );
}

/** Completions are approved by the coordinators (Văn phòng – Thống kê). */
export function canApproveCompletion(actor: Actor, organizationId: string): boolean {
  return actor.organizationId === organizationId && hasRole(actor, "coordinator");
}

/** Extensions move a deadline the chairman is scored on: coordinators or the chairman decide. */
export function canDecideExtension(actor: Actor, organizationId: string): boolean {
  return actor.organizationId === organizationId && hasRole(actor, "coordinator", "chairman");
}

/** Who sees every unit's work (lists, overdue, digest) rather than their own units'. */
export function seesWholeOrganization(actor: Actor): boolean {
  return hasRole(actor, "coordinator", "chairman", "province_leader", "province_reviewer");
}

/** The province roles: they read the organizations under theirs and assign work to them, never act for them. */
export function oversees(actor: Actor, organizationId: string): boolean {
  return (
    hasRole(actor, "province_leader", "province_reviewer", "coordinator") &&
    (actor.overseenOrganizationIds ?? []).includes(organizationId)
  );
}

/** Whether the actor may read the organization's plans, registers, evidence and reports: its own or one under it. */
export function canReadOrganization(actor: Actor, organizationId: string): boolean {
  if (actor.organizationId === organizationId) return seesWholeOrganization(actor);
  return oversees(actor, organizationId);
}

/** The office's own work: importing and reviewing plans, managing people, inviting. */
export function canCoordinate(actor: Actor): boolean {
  return hasRole(actor, "coordinator");
}

/** Who may invite people from the chat. */
export function canInvite(actor: Actor): boolean {
  return canCoordinate(actor);
}

/** The units whose work the actor follows (member or head of). */
export function unitsOf(actor: Actor): string[] {
  return [
    ...new Set(actor.roles.filter((r) => belongsToUnit(r.role) && r.unitId !== null).map((r) => r.unitId as string)),
  ];
}
