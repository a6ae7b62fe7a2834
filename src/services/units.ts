import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import {
  invites,
  memberships,
  organizations,
  people,
  reminders,
  taskUnits,
  tasks,
  unitAliases,
  units,
} from "../../db/schema.js";
import { splitUnitList, unitNameKey } from "../domain/units/index.js";
import { type Principal, type Refused, refusedFor, requireAccess } from "./access.js";
import { isUnreachableEverywhere } from "./delivery/reachable.js";
import type { Viewer } from "./people/viewer.js";

export interface UnitListing {
  id: string;
  name: string;
  aliases: string[];
  leadTasks: number;
  supportTasks: number;
}

type UnitRefusal = Refused<"not-found" | "not-allowed">;

/** The organization named by `slug`, if the principal may do `permission` there. */
async function organizationFor(
  db: Database,
  principal: Principal,
  slug: string,
  permission: "organization.read" | "organization.coordinate",
): Promise<UnitRefusal | { kind: "ok"; organizationId: string }> {
  const [organization] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!organization) return refusedFor("organization-unknown", slug);
  const refused = requireAccess(principal, permission, { organizationId: organization.id });
  if (refused) return refused;
  return { kind: "ok", organizationId: organization.id };
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Finds a live unit by its name or any alias, insensitive to case, accents and dashes; null when none. */
async function findUnit(
  db: Database | Transaction,
  organizationId: string,
  name: string,
): Promise<{ id: string; name: string } | null> {
  const key = unitNameKey(name);
  const [byName] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.organizationId, organizationId), eq(units.nameKey, key), isNull(units.mergedIntoId)));
  if (byName) return byName;
  const [byAlias] = await db
    .select({ id: units.id, name: units.name })
    .from(unitAliases)
    .innerJoin(units, eq(units.id, unitAliases.unitId))
    .where(and(eq(unitAliases.organizationId, organizationId), eq(unitAliases.aliasKey, key)));
  return byAlias ?? null;
}

/** Every unit of an organization with its aliases and how many live tasks it leads or supports. */
export async function listUnits(
  db: Database,
  principal: Principal,
  organizationSlug: string,
): Promise<UnitRefusal | { kind: "ok"; units: UnitListing[] }> {
  const organization = await organizationFor(db, principal, organizationSlug, "organization.read");
  if (organization.kind !== "ok") return organization;
  return { kind: "ok", units: await unitListing(db, organization.organizationId) };
}

async function unitListing(db: Database, organizationId: string): Promise<UnitListing[]> {
  const rows = await db
    .select({
      id: units.id,
      name: units.name,
      leadTasks:
        sql<number>`count(distinct ${taskUnits.taskId}) filter (where ${taskUnits.relation} = 'lead' and ${tasks.removedAt} is null)`.mapWith(
          Number,
        ),
      supportTasks:
        sql<number>`count(distinct ${taskUnits.taskId}) filter (where ${taskUnits.relation} = 'support' and ${tasks.removedAt} is null)`.mapWith(
          Number,
        ),
    })
    .from(units)
    .leftJoin(taskUnits, eq(taskUnits.unitId, units.id))
    .leftJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .where(and(eq(units.organizationId, organizationId), isNull(units.mergedIntoId)))
    .groupBy(units.id, units.name)
    .orderBy(units.name);
  const aliases = await db
    .select({ unitId: unitAliases.unitId, alias: unitAliases.alias })
    .from(unitAliases)
    .where(eq(unitAliases.organizationId, organizationId))
    .orderBy(unitAliases.alias);
  return rows.map((row) => ({ ...row, aliases: aliases.filter((a) => a.unitId === row.id).map((a) => a.alias) }));
}

/** Adds another spelling ("VP-TK") that later imports resolve to the unit. */
export async function addUnitAlias(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  unitName: string,
  alias: string,
): Promise<UnitRefusal | { kind: "added" | "already" }> {
  const organization = await organizationFor(db, principal, organizationSlug, "organization.coordinate");
  if (organization.kind !== "ok") return organization;
  const { organizationId } = organization;
  const unit = await findUnit(db, organizationId, unitName);
  if (!unit) return refusedFor("unit-unknown", unitName);
  const aliasKey = unitNameKey(alias);
  if (aliasKey.length === 0) return refusedFor("alias-empty");
  const [taken] = await db
    .select({ unitId: unitAliases.unitId })
    .from(unitAliases)
    .where(and(eq(unitAliases.organizationId, organizationId), eq(unitAliases.aliasKey, aliasKey)));
  if (taken && taken.unitId !== unit.id) return refusedFor("alias-taken", alias);
  if (taken) return { kind: "already" };
  await db.insert(unitAliases).values({ organizationId, unitId: unit.id, alias, aliasKey });
  return { kind: "added" };
}

/**
 * Joins unit `from` into unit `into`: its tasks, members, invites and planned
 * reminders move over, its name becomes an alias of `into`, and the old row
 * stays (marked merged) so history still names it. One transaction.
 */
export async function mergeUnits(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  fromName: string,
  intoName: string,
): Promise<UnitRefusal | { kind: "merged" }> {
  const organization = await organizationFor(db, principal, organizationSlug, "organization.coordinate");
  if (organization.kind !== "ok") return organization;
  const { organizationId } = organization;
  const from = await findUnit(db, organizationId, fromName);
  if (!from) return refusedFor("unit-unknown", fromName);
  const into = await findUnit(db, organizationId, intoName);
  if (!into) return refusedFor("unit-unknown", intoName);
  if (from.id === into.id) return refusedFor("units-same", `${fromName}, ${intoName}`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into task_units (organization_id, task_id, unit_id, relation, name_in_plan)
      select organization_id, task_id, ${into.id}, relation, name_in_plan from task_units where unit_id = ${from.id}
      on conflict do nothing`);
    await tx.delete(taskUnits).where(eq(taskUnits.unitId, from.id));
    await tx.execute(sql`
      insert into memberships (organization_id, person_id, role, unit_id)
      select organization_id, person_id, role, ${into.id} from memberships where unit_id = ${from.id}
      on conflict do nothing`);
    await tx.delete(memberships).where(eq(memberships.unitId, from.id));
    await tx.update(invites).set({ unitId: into.id }).where(eq(invites.unitId, from.id));
    await tx.update(reminders).set({ audienceUnitId: into.id }).where(eq(reminders.audienceUnitId, from.id));
    await tx.update(unitAliases).set({ unitId: into.id }).where(eq(unitAliases.unitId, from.id));
    await tx.update(units).set({ mergedIntoId: into.id }).where(eq(units.id, from.id));
    await tx
      .insert(unitAliases)
      .values({ organizationId, unitId: into.id, alias: from.name, aliasKey: unitNameKey(from.name) })
      .onConflictDoNothing();
  });
  return { kind: "merged" };
}

/**
 * Splits a unit made from a lead or support cell that named several units
 * ("Công an xã và Ban Chỉ huy Quân sự") into those units: each part is found
 * by name or alias, or created; the tasks move to every part with the same
 * relation (the plan's wording kept), planned reminders to the old unit are
 * cancelled (run syncReminders after). The old row stays for history, merged
 * into the first part under a key no name folds to, so the next import of the
 * same cell resolves to the parts. A unit people belong to, or are invited
 * to, is not a cell: it is refused. Coordinators only; one transaction.
 */
export async function splitUnit(
  db: Database,
  viewer: Viewer,
  unitId: string,
  partNames: string[],
  now: Date,
): Promise<
  Refused<"not-allowed" | "not-found"> | { kind: "split"; from: string; into: Array<{ id: string; name: string }> }
> {
  const refused = requireAccess(viewer, "organization.coordinate", viewer);
  if (refused) return refused;
  const organizationId = viewer.organizationId;
  const [unit] = await db
    .select({ id: units.id, name: units.name, nameKey: units.nameKey })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.organizationId, organizationId), isNull(units.mergedIntoId)));
  if (!unit) return { kind: "not-found" };
  const parts: Array<{ name: string; key: string }> = [];
  for (const raw of partNames) {
    const name = raw.replace(/\s+/g, " ").trim();
    const key = unitNameKey(name);
    if (key.length === 0 || parts.some((p) => p.key === key)) continue;
    if (key === unit.nameKey) return refusedFor("split-part-is-unit", name);
    parts.push({ name, key });
  }
  if (parts.length < 2) return refusedFor("split-needs-two", unit.name);
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(eq(memberships.unitId, unit.id))
    .limit(1);
  const [invited] = await db
    .select({ id: invites.id })
    .from(invites)
    .where(and(eq(invites.unitId, unit.id), isNull(invites.usedAt), gt(invites.expiresAt, now)))
    .limit(1);
  if (member || invited) return refusedFor("unit-has-people", unit.name);
  // Each part is an existing unit or a new one; one that is the unit itself under another spelling refuses the split.
  const resolved: Array<{ part: { name: string; key: string }; found: { id: string; name: string } | null }> = [];
  for (const part of parts) {
    const found = await findUnit(db, organizationId, part.name);
    if (found && found.id === unit.id) return refusedFor("split-part-is-unit", part.name);
    resolved.push({ part, found });
  }
  return db.transaction(async (tx) => {
    const into: Array<{ id: string; name: string }> = [];
    for (const { part, found } of resolved) {
      if (found) {
        if (!into.some((u) => u.id === found.id)) into.push(found);
        continue;
      }
      const [created] = await tx
        .insert(units)
        .values({ organizationId, name: part.name, nameKey: part.key, reviewedAt: now })
        .returning({ id: units.id, name: units.name });
      into.push(created as { id: string; name: string });
    }
    for (const target of into) {
      await tx.execute(sql`
        insert into task_units (organization_id, task_id, unit_id, relation, name_in_plan, assigned_by)
        select organization_id, task_id, ${target.id}, relation, name_in_plan, assigned_by
        from task_units where unit_id = ${unit.id}
        on conflict do nothing`);
    }
    await tx.delete(taskUnits).where(eq(taskUnits.unitId, unit.id));
    await tx
      .update(reminders)
      .set({ state: "cancelled" })
      .where(and(eq(reminders.audienceUnitId, unit.id), eq(reminders.state, "planned")));
    await tx
      .update(unitAliases)
      .set({ unitId: (into[0] as { id: string }).id })
      .where(eq(unitAliases.unitId, unit.id));
    // "|" never appears in a folded name: the compound cell no longer names one unit.
    await tx
      .update(units)
      .set({ mergedIntoId: (into[0] as { id: string }).id, nameKey: `${unit.nameKey}|split|${unit.id}` })
      .where(eq(units.id, unit.id));
    return { kind: "split" as const, from: unit.name, into };
  });
}

/** A live unit as the units page shows it: its people, its task counts, and a split to propose when its name lists units. */
export interface UnitWithPeople {
  id: string;
  name: string;
  aliases: string[];
  leadTasks: number;
  supportTasks: number;
  people: Array<{ personId: string; name: string; role: string; unreachable: boolean }>;
  proposedSplit: string[];
}

/**
 * The organization's units with their people, and the people with an
 * organization-wide role; for the coordinators' units page.
 */
export async function loadUnitsWithPeople(
  db: Database,
  viewer: Viewer,
): Promise<
  | Refused<"not-allowed">
  | {
      kind: "ok";
      units: UnitWithPeople[];
      leaders: Array<{ personId: string; name: string; role: string; unreachable: boolean }>;
    }
> {
  const refused = requireAccess(viewer, "organization.coordinate", viewer);
  if (refused) return refused;
  const listed = await unitListing(db, viewer.organizationId);
  const rows = await db
    .select({
      personId: people.id,
      name: people.fullName,
      role: memberships.role,
      unitId: memberships.unitId,
      unreachable: sql<boolean>`${isUnreachableEverywhere("people")}`,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.organizationId, viewer.organizationId), isNull(people.deactivatedAt)))
    .orderBy(people.fullName);
  const person = (r: (typeof rows)[number]) => ({
    personId: r.personId,
    name: r.name,
    role: r.role,
    unreachable: r.unreachable,
  });
  return {
    kind: "ok",
    units: listed.map((unit) => {
      const parts = splitUnitList(unit.name);
      return {
        ...unit,
        people: rows.filter((r) => r.unitId === unit.id).map(person),
        proposedSplit: parts.length >= 2 ? parts : [],
      };
    }),
    leaders: rows.filter((r) => r.unitId === null).map(person),
  };
}
