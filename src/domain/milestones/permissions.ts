/** Roles a person holds in an organization, with the unit where the role is per unit. */
export type Role = "member" | "unit_head" | "coordinator" | "chairman";

/** Members and unit heads belong to a unit; the office and the chairman to the whole organization. */
export function belongsToUnit(role: Role): boolean {
  return role === "member" || role === "unit_head";
}

export interface Actor {
  organizationId: string;
  roles: Array<{ role: Role; unitId: string | null }>;
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
  return hasRole(actor, "coordinator", "chairman");
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
