import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/client.js";
import { memberships, organizations, people, personChannels, units } from "../../../db/schema.js";
import type { Actor, Role } from "../../domain/milestones/index.js";

/**
 * The organizations under `organizationId` (children, their children…): what a province's
 * people oversee. Empty for a commune, which has none.
 */
const overseenIdsOf = (organizationId: unknown) => sql<string[]>`coalesce((
  with recursive below(id) as (
    select o.id from organizations o where o.parent_id = ${organizationId}
    union select o.id from organizations o join below b on o.parent_id = b.id)
  select json_agg(id) from below), '[]'::json)`;

const parseJson = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

/** A person bound to a Telegram account (or another channel), with what they may see and do. */
export interface Viewer extends Actor {
  personId: string;
  fullName: string;
  locale: string;
  chatId: number | null;
  organizationName: string;
  /** What the organization's coordinating office calls itself; null until known. */
  officeName: string | null;
  organizationSlug: string;
  timeZone: string;
  roles: Array<{ role: Role; unitId: string | null; unitName: string | null }>;
}

/** The person's Telegram chat (its person_channels row), as the number the Bot API takes; null when they have none. */
function telegramChatOf(personId: typeof people.id) {
  return sql<number | null>`(select pc.chat_id::bigint from ${personChannels} pc
    where pc.person_id = ${personId} and pc.channel = 'telegram')`.mapWith((value) =>
    value === null ? null : Number(value),
  );
}

/**
 * The person behind a Telegram user, or null for a stranger. A Telegram
 * account belongs to one organization; the oldest binding wins if an account
 * was ever bound twice.
 */
export async function findViewer(db: Database, telegramUserId: number): Promise<Viewer | null> {
  // One statement with the roles aggregated: every update starts here.
  const [row] = await db
    .select({
      person: people,
      organization: organizations,
      chatId: telegramChatOf(people.id),
      roles: sql<Array<{ role: Role; unitId: string | null; unitName: string | null }>>`coalesce((
        select json_agg(json_build_object('role', ms.role, 'unitId', ms.unit_id, 'unitName', u.name))
        from memberships ms left join units u on u.id = ms.unit_id
        where ms.person_id = ${people.id}), '[]'::json)`,
      overseen: overseenIdsOf(people.organizationId),
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(and(eq(people.telegramUserId, telegramUserId), sql`${telegramChatOf(people.id)} is not null`))
    .orderBy(people.createdAt)
    .limit(1);
  if (!row) return null;
  return viewerFrom(row.person, row.chatId, row.organization, parseJson(row.roles), parseJson(row.overseen));
}

/** The same view of a person known by id (approvers, requesters). */
export async function findViewerById(db: Database, personId: string): Promise<Viewer | null> {
  const [row] = await db
    .select({ person: people, chatId: telegramChatOf(people.id), organization: organizations })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(eq(people.id, personId));
  return row ? viewerOf(db, row.person, row.chatId, row.organization) : null;
}

async function viewerOf(
  db: Database,
  person: typeof people.$inferSelect,
  chatId: number | null,
  organization: typeof organizations.$inferSelect,
): Promise<Viewer> {
  const roles = await db
    .select({ role: memberships.role, unitId: memberships.unitId, unitName: units.name })
    .from(memberships)
    .leftJoin(units, eq(units.id, memberships.unitId))
    .where(eq(memberships.personId, person.id));
  const [below] = await queryRows<{ overseen: string[] | string }>(
    db,
    sql`select ${overseenIdsOf(organization.id)} as overseen`,
  );
  return viewerFrom(person, chatId, organization, roles, below ? parseJson(below.overseen) : []);
}

function viewerFrom(
  person: typeof people.$inferSelect,
  chatId: number | null,
  organization: typeof organizations.$inferSelect,
  roles: Viewer["roles"],
  overseenOrganizationIds: string[],
): Viewer {
  return {
    personId: person.id,
    organizationId: person.organizationId,
    fullName: person.fullName,
    locale: person.locale,
    chatId,
    organizationName: organization.name,
    officeName: organization.officeName,
    organizationSlug: organization.slug,
    timeZone: organization.timeZone,
    roles,
    overseenOrganizationIds,
  };
}

export async function setLocale(db: Database, personId: string, locale: string): Promise<void> {
  await db.update(people).set({ locale }).where(eq(people.id, personId));
}
