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
    case "province.task-assigned":
      return withRoles(members, ["coordinator"], event.byPersonId ?? "");
    case "province.task-reported":
      return withRoles(members, ["province_leader", "province_reviewer", "coordinator"], "");
  }
}
