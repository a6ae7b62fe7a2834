/**
 * Who must hear of each event: one rule per event, over the organization's
 * people and their roles. The person who acted never hears of their own act;
 * each person is told once per event, in the one variant that fits them.
 */
import type { Role } from "../milestones/index.js";
import type { DomainEvent } from "./events.js";

/** A person of the organization as the rules see them: roles and the units of those roles. */
export interface OrganizationMember {
  personId: string;
  roles: Array<{ role: Role; unitId: string | null }>;
}

/**
 * How a person hears the event. Most events have one way; a lead change
 * tells the new lead unit that the task is theirs and the old lead units
 * that it is not.
 */
export type NoticeVariant = "default" | "lead-gained" | "lead-lost";

export interface Addressee {
  personId: string;
  variant: NoticeVariant;
  /** A coordinator told in place of this unit, which has nobody who can be reached. */
  standsInFor?: string;
}

const hasRole = (member: OrganizationMember, roles: readonly Role[]) =>
  member.roles.some((r) => roles.includes(r.role));

const inUnit = (member: OrganizationMember, unitId: string) => member.roles.some((r) => r.unitId === unitId);

function withRoles(members: OrganizationMember[], roles: readonly Role[], actor: string): Addressee[] {
  return members
    .filter((m) => m.personId !== actor && hasRole(m, roles))
    .map((m) => ({ personId: m.personId, variant: "default" }));
}

function one(personId: string | null, actor: string, members: OrganizationMember[]): Addressee[] {
  if (personId === null || personId === actor || !members.some((m) => m.personId === personId)) return [];
  return [{ personId, variant: "default" }];
}

/** A lead change: the new lead's people hear "gained"; the old leads' (not also in the new) hear "lost". */
function leadAudience(event: Extract<DomainEvent, { type: "lead.changed" }>, members: OrganizationMember[]) {
  const others = members.filter((m) => m.personId !== event.byPersonId);
  const gained = others.filter((m) => inUnit(m, event.unitId));
  const lost = others.filter(
    (m) => !inUnit(m, event.unitId) && event.previousUnitIds.some((id) => id !== event.unitId && inUnit(m, id)),
  );
  return [
    ...gained.map((m): Addressee => ({ personId: m.personId, variant: "lead-gained" })),
    ...lost.map((m): Addressee => ({ personId: m.personId, variant: "lead-lost" })),
  ];
}

/** A deadline move: the lead units' people, not the one who moved it nor one already told. */
function deadlineAudience(event: Extract<DomainEvent, { type: "deadline.moved" }>, members: OrganizationMember[]) {
  return members
    .filter(
      (m) =>
        m.personId !== event.byPersonId &&
        m.personId !== event.alreadyToldPersonId &&
        m.roles.some(
          (r) =>
            (r.role === "member" || r.role === "unit_head") && r.unitId !== null && event.unitIds.includes(r.unitId),
        ),
    )
    .map((m): Addressee => ({ personId: m.personId, variant: "default" }));
}

/** Who must hear `event`, among the organization's `members`. */
export function audienceOf(event: DomainEvent, members: OrganizationMember[]): Addressee[] {
  switch (event.type) {
    case "completion.requested":
      return withRoles(members, ["coordinator"], event.requesterPersonId);
    case "extension.requested":
      return withRoles(members, ["coordinator", "chairman"], event.requesterPersonId);
    case "completion.decided":
    case "extension.decided":
      return one(event.requesterPersonId, event.deciderPersonId, members);
    case "lead.changed":
      return leadAudience(event, members);
    case "person.joined":
      return one(event.invitedByPersonId, event.personId, members);
    case "deadline.moved":
      return deadlineAudience(event, members);
    case "plan.applied":
      // The operator's or the system's import (the CLI, the demo, a seed) is no one's news to tell.
      return event.byPersonId === null ? [] : withRoles(members, ["coordinator", "chairman"], event.byPersonId);
    case "person.unreachable":
      return withRoles(members, ["coordinator"], event.personId);
    case "province.task-assigned":
      return withRoles(members, ["coordinator"], event.byPersonId ?? "");
    case "province.task-reported":
      return withRoles(members, ["province_leader", "province_reviewer", "coordinator"], "");
  }
}

/** Who made the event happen (never told of their own act). */
export function actorOf(event: DomainEvent): string | null {
  switch (event.type) {
    case "completion.requested":
    case "extension.requested":
      return event.requesterPersonId;
    case "completion.decided":
    case "extension.decided":
      return event.deciderPersonId;
    case "person.joined":
    case "person.unreachable":
      return event.personId;
    case "lead.changed":
    case "deadline.moved":
    case "plan.applied":
    case "province.task-assigned":
      return event.byPersonId;
    case "province.task-reported":
      return null;
  }
}

/** The units an event is addressed to as units (their people hear it because they work there). */
export function addressedUnitsOf(event: DomainEvent): string[] {
  if (event.type === "deadline.moved") return event.unitIds;
  if (event.type === "lead.changed") return [event.unitId];
  return [];
}

/**
 * The coordinator stand-in: a unit the event is addressed to whose people
 * cannot be reached (nobody joined, all blocked) is told through the
 * coordinators, who hear the unit's notice marked as standing in, once per
 * unit, unless they acted themselves. `reachable` is who can be reached now.
 */
export function withStandIns(
  event: DomainEvent,
  audience: Addressee[],
  members: OrganizationMember[],
  reachable: ReadonlySet<string>,
): Addressee[] {
  const actor = actorOf(event);
  const standIns: Addressee[] = [];
  for (const unitId of addressedUnitsOf(event)) {
    const ofUnit = audience.filter((a) => members.find((m) => m.personId === a.personId && inUnit(m, unitId)));
    if (ofUnit.some((a) => reachable.has(a.personId))) continue;
    const variant: NoticeVariant = event.type === "lead.changed" ? "lead-gained" : "default";
    for (const m of members) {
      if (m.personId === actor || !hasRole(m, ["coordinator"])) continue;
      if (audience.some((a) => a.personId === m.personId) || standIns.some((a) => a.personId === m.personId)) continue;
      standIns.push({ personId: m.personId, variant, standsInFor: unitId });
    }
  }
  return [...audience, ...standIns];
}
