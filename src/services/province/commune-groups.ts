/**
 * The groups of communes a province defines ("Các xã biên giới", "Cụm 2") so a
 * task whose lead names a group reaches its communes. Set from the onboarding
 * file's "Nhóm" column, from `nhacviec org group` and the web; a commune may be
 * in several. A group is known by its name's key (`communeGroupKey`), the same
 * folding a lead naming it goes through, so "các xã thuộc Cụm 2" finds "Cụm 2".
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { communeGroupMembers, communeGroups, organizations } from "../../../db/schema.js";
import { communeGroupKey, type CommuneGroup } from "../../domain/units/index.js";
import { type Principal, type Refused, refusedFor, requireReadable } from "../access.js";
import { parentToAddUnder } from "./organizations.js";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Reader = Database | Tx;

/** A commune as a group lists it. */
export interface GroupMember {
  id: string;
  slug: string;
  name: string;
}

export interface CommuneGroupView {
  id: string;
  name: string;
  communes: GroupMember[];
}

/** The province's groups with their communes, by name: what a lead naming a group is read against. */
export async function communeGroupsOf(db: Reader, provinceId: string): Promise<CommuneGroup[]> {
  const groups = await groupViews(db, provinceId);
  return groups.map((g) => ({ name: g.name, communeIds: g.communes.map((c) => c.id) }));
}

async function groupViews(db: Reader, provinceId: string): Promise<CommuneGroupView[]> {
  const rows = await db
    .select({
      id: communeGroups.id,
      name: communeGroups.name,
      communeId: organizations.id,
      slug: organizations.slug,
      communeName: organizations.name,
    })
    .from(communeGroups)
    .leftJoin(communeGroupMembers, eq(communeGroupMembers.groupId, communeGroups.id))
    .leftJoin(organizations, eq(organizations.id, communeGroupMembers.communeId))
    .where(eq(communeGroups.organizationId, provinceId))
    .orderBy(asc(communeGroups.name), asc(organizations.name));
  const byId = new Map<string, CommuneGroupView>();
  for (const row of rows) {
    const group = byId.get(row.id) ?? { id: row.id, name: row.name, communes: [] };
    byId.set(row.id, group);
    if (row.communeId !== null && row.slug !== null && row.communeName !== null) {
      group.communes.push({ id: row.communeId, slug: row.slug, name: row.communeName });
    }
  }
  return [...byId.values()];
}

/**
 * The groups of the province `provinceSlug` with their communes (only the one named `only`, found as
 * a lead would name it); for those who may read the province.
 */
export async function loadCommuneGroups(
  db: Database,
  principal: Principal,
  provinceSlug: string,
  only?: string,
): Promise<Refused<"not-found" | "not-allowed"> | { kind: "ok"; groups: CommuneGroupView[] }> {
  const [province] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, provinceSlug));
  if (!province) return { kind: "not-found" };
  const refused = requireReadable(principal, province.id);
  if (refused) return refused;
  const groups = await groupViews(db, province.id);
  if (only === undefined) return { kind: "ok", groups };
  const named = groups.filter((g) => communeGroupKey(g.name) === communeGroupKey(only));
  return named.length > 0 ? { kind: "ok", groups: named } : refusedFor("group-unknown", only.trim());
}

/**
 * Puts communes into groups of the province `provinceId`, making a group the first time its name is
 * seen. Adds only: a membership already there stays as it is. The caller holds the transaction and
 * has checked that the communes are under the province. How many memberships are new.
 */
export async function addToCommuneGroups(
  tx: Tx,
  provinceId: string,
  entries: ReadonlyArray<{ communeId: string; groups: readonly string[] }>,
  now: Date,
): Promise<number> {
  const names = new Map<string, string>();
  for (const entry of entries) {
    for (const name of entry.groups) {
      const key = communeGroupKey(name);
      if (key === "") throw new Error(`not a group name: ${JSON.stringify(name)}`);
      if (!names.has(key)) names.set(key, name.trim());
    }
  }
  if (names.size === 0) return 0;
  await tx
    .insert(communeGroups)
    .values([...names].map(([nameKey, name]) => ({ organizationId: provinceId, name, nameKey, createdAt: now })))
    .onConflictDoNothing();
  const groups = await tx
    .select({ id: communeGroups.id, nameKey: communeGroups.nameKey })
    .from(communeGroups)
    .where(and(eq(communeGroups.organizationId, provinceId), inArray(communeGroups.nameKey, [...names.keys()])));
  const idOf = new Map(groups.map((g) => [g.nameKey, g.id]));
  const members = entries.flatMap((entry) =>
    entry.groups.map((name) => ({
      organizationId: provinceId,
      groupId: idOf.get(communeGroupKey(name)) as string,
      communeId: entry.communeId,
      createdAt: now,
    })),
  );
  const added = await tx
    .insert(communeGroupMembers)
    .values(members)
    .onConflictDoNothing()
    .returning({ communeId: communeGroupMembers.communeId });
  return added.length;
}

export interface CommuneGroupEdit {
  provinceSlug: string;
  /** The group's name as typed ("Các xã biên giới"); an existing group is found by its key. */
  group: string;
  /** Communes by slug, under the province. */
  add: readonly string[];
  remove: readonly string[];
  now: Date;
}

export type CommuneGroupEditResult =
  | Refused<"not-found" | "not-allowed">
  | {
      kind: "edited";
      group: CommuneGroupView;
      /** How many of the named communes went in, and came out (those already so are not counted). */
      added: number;
      removed: number;
      /** True when its last commune came out: the group is gone, and a lead naming it is unknown again. */
      deleted: boolean;
    };

/** The communes `slugs` among those under the province, or the refusal naming the first that is not. */
async function communesNamed(
  db: Database,
  provinceId: string,
  slugs: readonly string[],
): Promise<Refused<"not-found"> | Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const found = await db
    .select({ id: organizations.id, slug: organizations.slug })
    .from(organizations)
    .where(and(eq(organizations.parentId, provinceId), inArray(organizations.slug, [...slugs])));
  const idOf = new Map(found.map((c) => [c.slug, c.id]));
  const missing = slugs.find((slug) => !idOf.has(slug));
  return missing === undefined ? idOf : refusedFor("commune-unknown", missing);
}

/**
 * Adds communes to a group of the province and takes others out; the group is made when first
 * given a commune and goes when its last one leaves. The operator, or the province's coordinators.
 * A slug that is not a commune under the province refuses the whole edit ("commune-unknown").
 */
export async function editCommuneGroup(
  db: Database,
  principal: Principal,
  edit: CommuneGroupEdit,
): Promise<CommuneGroupEditResult> {
  const province = await parentToAddUnder(db, principal, edit.provinceSlug);
  if (province.kind !== "ok") return province;
  const provinceId = province.organizationId;
  const key = communeGroupKey(edit.group);
  if (key === "" || edit.group.trim().length > 100) return refusedFor("group-name-invalid", edit.group.trim());
  const adding = await communesNamed(db, provinceId, edit.add);
  if (!(adding instanceof Map)) return adding;
  const removing = await communesNamed(db, provinceId, edit.remove);
  if (!(removing instanceof Map)) return removing;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: communeGroups.id })
      .from(communeGroups)
      .where(and(eq(communeGroups.organizationId, provinceId), eq(communeGroups.nameKey, key)));
    if (!before && adding.size === 0) return refusedFor("group-unknown", edit.group.trim());
    const added = await addToCommuneGroups(
      tx,
      provinceId,
      [...adding.values()].map((communeId) => ({ communeId, groups: [edit.group] })),
      edit.now,
    );
    const [group] = await tx
      .select({ id: communeGroups.id })
      .from(communeGroups)
      .where(and(eq(communeGroups.organizationId, provinceId), eq(communeGroups.nameKey, key)));
    const groupId = (group as { id: string }).id;
    const removed =
      removing.size === 0
        ? []
        : await tx
            .delete(communeGroupMembers)
            .where(
              and(
                eq(communeGroupMembers.groupId, groupId),
                inArray(communeGroupMembers.communeId, [...removing.values()]),
              ),
            )
            .returning({ communeId: communeGroupMembers.communeId });
    const view = (await groupViews(tx, provinceId)).find((g) => g.id === groupId) as CommuneGroupView;
    const deleted = view.communes.length === 0;
    if (deleted) await tx.delete(communeGroups).where(eq(communeGroups.id, groupId));
    return { kind: "edited" as const, group: view, added, removed: removed.length, deleted };
  });
}

/**
 * Makes the communes `slugs` the group's members, no more (the web's form of ticked communes): the
 * same edit as adding the new ones and taking out the others.
 */
export async function setCommuneGroupMembers(
  db: Database,
  principal: Principal,
  edit: { provinceSlug: string; group: string; slugs: readonly string[]; now: Date },
): Promise<CommuneGroupEditResult> {
  const current = await loadCommuneGroups(db, principal, edit.provinceSlug, edit.group);
  if (current.kind !== "ok" && current.reason !== "group-unknown") return current;
  const members = current.kind === "ok" ? (current.groups[0]?.communes.map((m) => m.slug) ?? []) : [];
  const wanted = new Set(edit.slugs);
  return editCommuneGroup(db, principal, {
    provinceSlug: edit.provinceSlug,
    group: edit.group,
    add: [...wanted].filter((slug) => !members.includes(slug)),
    remove: members.filter((slug) => !wanted.has(slug)),
    now: edit.now,
  });
}
