import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import {
  invites,
  memberships,
  organizations,
  reminders,
  taskUnits,
  tasks,
  unitAliases,
  units,
} from "../../db/schema.js";
import { unitNameKey } from "../domain/units/index.js";

/** A unit name or alias the organization does not know, or an alias already taken; message in Vietnamese. */
export class UnitError extends Error {
  override readonly name = "UnitError";
}

export interface UnitListing {
  id: string;
  name: string;
  aliases: string[];
  leadTasks: number;
  supportTasks: number;
}

async function organizationIdOf(db: Database, slug: string): Promise<string> {
  const [organization] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!organization) throw new UnitError(`không có đơn vị (tổ chức) "${slug}"; hãy nhập kế hoạch trước`);
  return organization.id;
}

/** Finds a live unit by its name or any alias, insensitive to case, accents and dashes. */
async function findUnit(db: Database, organizationId: string, name: string): Promise<{ id: string; name: string }> {
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
  if (byAlias) return byAlias;
  throw new UnitError(`không tìm thấy bộ phận "${name}"`);
}

/** Every unit of an organization with its aliases and how many live tasks it leads or supports. */
export async function listUnits(db: Database, organizationSlug: string): Promise<UnitListing[]> {
  const organizationId = await organizationIdOf(db, organizationSlug);
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
  organizationSlug: string,
  unitName: string,
  alias: string,
): Promise<void> {
  const organizationId = await organizationIdOf(db, organizationSlug);
  const unit = await findUnit(db, organizationId, unitName);
  const aliasKey = unitNameKey(alias);
  if (aliasKey.length === 0) throw new UnitError("tên gọi khác không được để trống");
  const [taken] = await db
    .select({ unitId: unitAliases.unitId })
    .from(unitAliases)
    .where(and(eq(unitAliases.organizationId, organizationId), eq(unitAliases.aliasKey, aliasKey)));
  if (taken && taken.unitId !== unit.id) throw new UnitError(`tên gọi "${alias}" đã dùng cho một bộ phận khác`);
  if (taken) return;
  await db.insert(unitAliases).values({ organizationId, unitId: unit.id, alias, aliasKey });
}

/**
 * Joins unit `from` into unit `into`: its tasks, members, invites and planned
 * reminders move over, its name becomes an alias of `into`, and the old row
 * stays (marked merged) so history still names it. One transaction.
 */
export async function mergeUnits(
  db: Database,
  organizationSlug: string,
  fromName: string,
  intoName: string,
): Promise<void> {
  const organizationId = await organizationIdOf(db, organizationSlug);
  const from = await findUnit(db, organizationId, fromName);
  const into = await findUnit(db, organizationId, intoName);
  if (from.id === into.id) throw new UnitError(`"${fromName}" và "${intoName}" đã là một bộ phận`);
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
}
