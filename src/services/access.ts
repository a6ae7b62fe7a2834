/**
 * Who may do what, decided once for every front end (Immich's `requireAccess`
 * habit): a use case that acts for someone takes that someone and asks here
 * before it reads or writes. The rules themselves are the domain's
 * permissions; this module names them and adds the operator of the command line.
 */
import {
  type Actor,
  canActOnMilestone,
  canApproveCompletion,
  canCoordinate,
  canDecideExtension,
  canInvite,
  canReadOrganization,
  type MilestoneOwnership,
  oversees,
  seesWholeOrganization,
} from "../domain/milestones/index.js";

/**
 * Whoever runs `nhacviec` on the server: they hold the database itself, so
 * every organization is theirs. Named, so a use case run from the CLI says so.
 */
export interface Operator {
  kind: "operator";
}

export const OPERATOR: Operator = Object.freeze({ kind: "operator" });

/** The one on whose behalf a use case runs: a person of an organization, or the operator. */
export type Principal = Actor | Operator;

export function isOperator(principal: Principal): principal is Operator {
  return "kind" in principal && principal.kind === "operator";
}

/** The expected ways a use case says no; each front end words them once. */
export const REFUSALS = ["not-found", "not-allowed", "closed", "stale"] as const;
export type Refusal = (typeof REFUSALS)[number];

/**
 * What a front end needs to say more than the kind, each with the one kind
 * it refines. Every code has words under `refusal-<code>` in each locale
 * (a test holds them), with `{ $subject }` naming what was refused.
 */
export const REFUSAL_REASONS = {
  "organization-unknown": "not-found",
  "unit-unknown": "not-found",
  "alias-empty": "not-allowed",
  "alias-taken": "not-allowed",
  "units-same": "not-allowed",
  "split-part-is-unit": "not-allowed",
  "split-needs-two": "not-allowed",
  "unit-has-people": "not-allowed",
  "date-invalid": "not-allowed",
  "start-after-due": "not-allowed",
  // A document's day of receipt: never before its own date, never after today.
  "received-before-issued": "not-allowed",
  "received-in-future": "not-allowed",
  "period-unknown": "not-found",
  // A province's communes and their groups: a slug not under the province, a group it has not defined.
  "commune-unknown": "not-found",
  "group-unknown": "not-found",
  "group-name-invalid": "not-allowed",
  // An invite or link code sent to a bot: each channel words these its own way.
  "code-unknown": "not-found",
  "code-used": "closed",
  "code-expired": "closed",
  "chat-bound": "not-allowed",
  "too-many-attempts": "not-allowed",
} as const satisfies Record<string, Refusal>;
export type RefusalReason = keyof typeof REFUSAL_REASONS;

/** A refusal as a result: `{ kind: "not-allowed" }`, alongside the use case's own outcomes. */
export interface Refused<R extends Refusal = Refusal> {
  kind: R;
  /** Why, when the kind alone would leave the person guessing (`unit-has-people`). */
  reason?: RefusalReason;
  /** What the refusal is about, as the person typed or knows it ("Tổ Một"), for `{ $subject }`. */
  subject?: string;
}

/** The refusal for a reason, its kind taken from the reason's one kind: `refusedFor("unit-unknown", name)`. */
export function refusedFor<C extends RefusalReason>(
  reason: C,
  subject?: string,
): Refused<(typeof REFUSAL_REASONS)[C]> & { reason: C } {
  return subject === undefined
    ? { kind: REFUSAL_REASONS[reason], reason }
    : { kind: REFUSAL_REASONS[reason], reason, subject };
}

export function isRefused<T extends { kind: string }>(result: T): result is Extract<T, { kind: Refusal }> {
  return (REFUSALS as readonly string[]).includes(result.kind);
}

interface OrganizationTarget {
  organizationId: string;
}

/** Each permission and what it is asked about. */
export interface PermissionTargets {
  /** Complete, report on, attach evidence to, ask to extend. */
  "milestone.act": MilestoneOwnership;
  "completion.approve": OrganizationTarget;
  /** Mark done without asking anyone: who would approve it, or lead the organization. */
  "completion.direct": OrganizationTarget;
  "extension.decide": OrganizationTarget;
  /**
   * Every unit's work: the digest, the report, the export, the register, evidence. The viewer's own
   * organization, or (for the province roles) one under it, read-only.
   */
  "organization.read": OrganizationTarget;
  /** Give an organization under the viewer's work (a province task fanned out to a commune). */
  "organization.assign": OrganizationTarget;
  /** The office's work: review an import, import a plan, manage people. */
  "organization.coordinate": OrganizationTarget;
  "invite.create": OrganizationTarget;
}

export type Permission = keyof PermissionTargets;

const sameOrganization = (actor: Actor, target: OrganizationTarget) => actor.organizationId === target.organizationId;

const RULES: { [P in Permission]: (actor: Actor, target: PermissionTargets[P]) => boolean } = {
  "milestone.act": (actor, target) => canActOnMilestone(actor, target),
  "completion.approve": (actor, target) => canApproveCompletion(actor, target.organizationId),
  "completion.direct": (actor, target) => sameOrganization(actor, target) && seesWholeOrganization(actor),
  "extension.decide": (actor, target) => canDecideExtension(actor, target.organizationId),
  "organization.read": (actor, target) => canReadOrganization(actor, target.organizationId),
  "organization.assign": (actor, target) => oversees(actor, target.organizationId),
  "organization.coordinate": (actor, target) => sameOrganization(actor, target) && canCoordinate(actor),
  // A province's coordinators invite the coordinators of the communes under it (onboarding at scale).
  "invite.create": (actor, target) =>
    canInvite(actor) && (sameOrganization(actor, target) || oversees(actor, target.organizationId)),
};

/** Whether the principal holds the permission on the target. */
export function hasAccess<P extends Permission>(
  principal: Principal,
  permission: P,
  target: PermissionTargets[P],
): boolean {
  if (isOperator(principal)) return true;
  return RULES[permission](principal, target);
}

/**
 * The guard a use case opens with: null when allowed, else the refusal to
 * return as it is (`const refused = requireAccess(...); if (refused) return refused;`).
 */
export function requireAccess<P extends Permission>(
  principal: Principal,
  permission: P,
  target: PermissionTargets[P],
): Refused<"not-allowed"> | null {
  return hasAccess(principal, permission, target) ? null : { kind: "not-allowed" };
}

/** The person behind a principal, for the event log and `created by`; null for the operator. */
export function personIdOf(principal: Principal): string | null {
  if (isOperator(principal)) return null;
  return (principal as { personId?: string }).personId ?? null;
}

/**
 * What a person may do in their own organization, for front ends that show
 * or hide a command, a menu entry or a help section before any use case runs.
 * Each answer is the permission the use case itself checks, so a hidden
 * entry and a refused request never disagree.
 */
export interface Capabilities {
  /** Review imports, import plans, manage people and units, office settings. */
  coordinate: boolean;
  /** Every unit's work: the digest, the register, the reports. */
  readOrganization: boolean;
  approveCompletion: boolean;
  decideExtension: boolean;
  invite: boolean;
  /** The organizations under a province's: its league table and roll-ups. */
  overseeOrganizations: boolean;
}

export function capabilitiesOf(principal: Principal & OrganizationTarget): Capabilities {
  return {
    coordinate: hasAccess(principal, "organization.coordinate", principal),
    readOrganization: hasAccess(principal, "organization.read", principal),
    approveCompletion: hasAccess(principal, "completion.approve", principal),
    decideExtension: hasAccess(principal, "extension.decide", principal),
    invite: hasAccess(principal, "invite.create", principal),
    overseeOrganizations: !isOperator(principal) && (principal.overseenOrganizationIds ?? []).length > 0,
  };
}

/**
 * The guard of a read by organization id: an organization that is neither the viewer's own nor
 * one under it is "not-found" (a commune never learns a sibling exists); its own without the
 * role to see it whole is "not-allowed".
 */
export function requireReadable(
  principal: Principal,
  organizationId: string,
): Refused<"not-found" | "not-allowed"> | null {
  if (hasAccess(principal, "organization.read", { organizationId })) return null;
  const own = !isOperator(principal) && principal.organizationId === organizationId;
  return { kind: own ? "not-allowed" : "not-found" };
}
