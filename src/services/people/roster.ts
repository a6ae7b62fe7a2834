/** The people of an organization as a coordinator manages them: who joined, who is invited, who cannot be reached. */
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { queryRows, type Database } from "../../../db/client.js";
import { invites, memberships, people, personChannels, units, webSessions } from "../../../db/schema.js";
import type { Role } from "../../domain/milestones/index.js";
import { type Principal, type Refused, requireAccess } from "../access.js";
import { isUnreachableEverywhere } from "../delivery/reachable.js";
import type { Viewer } from "./viewer.js";

export type PersonState = "joined" | "unreachable";

export interface RosterGroup {
  /** Null for people with an organization-wide role (coordinators, the chairman). */
  unit: { id: string; name: string } | null;
  people: Array<{ personId: string; name: string; role: Role; state: PersonState }>;
  /** Invites not used yet and still valid. */
  invited: Array<{ name: string | null; role: Role; expiresAt: Date }>;
}

/** People by unit with their state, then the open invites; organization-wide roles first. Coordinators only. */
export async function loadRoster(
  db: Database,
  principal: Principal,
  organizationId: string,
  now: Date,
): Promise<Refused<"not-allowed"> | { kind: "ok"; groups: RosterGroup[] }> {
  const refused = requireAccess(principal, "organization.coordinate", { organizationId });
  if (refused) return refused;
  const members = await queryRows<{
    person_id: string;
    name: string;
    role: Role;
    unit_id: string | null;
    unit_name: string | null;
    unreachable: boolean;
  }>(
    db,
    sql`select p.id as person_id, p.full_name as name, ms.role, u.id as unit_id, u.name as unit_name,
               ${isUnreachableEverywhere("p")} as unreachable
        from memberships ms join people p on p.id = ms.person_id left join units u on u.id = ms.unit_id
        where ms.organization_id = ${organizationId} and p.deactivated_at is null
        order by u.name nulls first, p.full_name`,
  );
  const open = await db
    .select({
      name: invites.fullName,
      role: invites.role,
      unitId: units.id,
      unitName: units.name,
      expiresAt: invites.expiresAt,
    })
    .from(invites)
    .leftJoin(units, eq(units.id, invites.unitId))
    .where(and(eq(invites.organizationId, organizationId), isNull(invites.usedAt), gt(invites.expiresAt, now)));
  const groups = new Map<string, RosterGroup>();
  const groupOf = (unitId: string | null, unitName: string | null) => {
    const key = unitId ?? "";
    let group = groups.get(key);
    if (!group) {
      group = { unit: unitId ? { id: unitId, name: unitName ?? "" } : null, people: [], invited: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const m of members) {
    groupOf(m.unit_id, m.unit_name).people.push({
      personId: m.person_id,
      name: m.name,
      role: m.role,
      state: m.unreachable ? "unreachable" : "joined",
    });
  }
  for (const invite of open) {
    groupOf(invite.unitId, invite.unitName).invited.push({
      name: invite.name,
      role: invite.role,
      expiresAt: invite.expiresAt,
    });
  }
  const sorted = [...groups.values()].sort((a, b) =>
    a.unit === null ? -1 : b.unit === null ? 1 : a.unit.name.localeCompare(b.unit.name),
  );
  return { kind: "ok", groups: sorted };
}

/**
 * Stops a person's reminders and access: their roles go and their Telegram
 * account is unbound (a new invite can bring them back); what they did stays
 * in the event log. Work belongs to units, so nothing else moves; the units
 * left with nobody are returned, for the coordinator to invite someone. Their
 * web sessions are revoked in the same transaction.
 */
export async function deactivatePerson(
  db: Database,
  viewer: Viewer,
  personId: string,
  now: Date,
): Promise<
  | Refused<"not-allowed" | "not-found">
  | { kind: "self" }
  | { kind: "deactivated"; name: string; emptiedUnits: Array<{ id: string; name: string }> }
> {
  const refused = requireAccess(viewer, "organization.coordinate", viewer);
  if (refused) return refused;
  // Coordinators would otherwise be able to lock the office out of its own bot.
  if (personId === viewer.personId) return { kind: "self" };
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: people.id, name: people.fullName })
      .from(people)
      .where(
        and(eq(people.id, personId), eq(people.organizationId, viewer.organizationId), isNull(people.deactivatedAt)),
      );
    if (!person) return { kind: "not-found" };
    const removed = await tx
      .delete(memberships)
      .where(eq(memberships.personId, personId))
      .returning({ unitId: memberships.unitId });
    await tx.update(people).set({ deactivatedAt: now, telegramUserId: null }).where(eq(people.id, personId));
    // Their web app sessions end with them: an open browser must not keep a deactivated person's access.
    await tx
      .update(webSessions)
      .set({ revokedAt: now })
      .where(and(eq(webSessions.personId, personId), isNull(webSessions.revokedAt)));
    // Their chats on every channel go: someone who left gets no reminders anywhere.
    await tx.delete(personChannels).where(eq(personChannels.personId, personId));
    const emptied: Array<{ id: string; name: string }> = [];
    for (const unitId of new Set(removed.map((r) => r.unitId).filter((id): id is string => id !== null))) {
      const [left] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(eq(memberships.unitId, unitId))
        .limit(1);
      if (!left) {
        const [unit] = await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, unitId));
        if (unit) emptied.push(unit);
      }
    }
    return { kind: "deactivated", name: person.name, emptiedUnits: emptied };
  });
}
