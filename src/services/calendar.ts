/**
 * The working calendar of an organization as stored: the national days (the
 * published arrangement or the law), the deployment's additions
 * (calendar_days) and the organization's own days (its extra_days_off /
 * extra_working_days). Every planner, preview and report builds it here.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { calendarDays, calendarNotices, organizations } from "../../db/schema.js";
import {
  type CalendarAddition,
  type CalendarYear,
  createWorkingCalendar,
  type IsoDate,
  isArrangementPublished,
  parseIsoDate,
  type WorkingCalendar,
} from "../domain/calendar/index.js";
import { type Refused, refusedFor } from "./access.js";

type Organization = Pick<typeof organizations.$inferSelect, "extraDaysOff" | "extraWorkingDays">;

/** The deployment-wide additions, as the domain calendar takes them. */
export async function deploymentAdditions(db: Database): Promise<CalendarAddition[]> {
  const rows = await db.select().from(calendarDays).orderBy(calendarDays.date);
  return rows.map((row) => ({ date: row.date, kind: row.kind, name: row.name, scope: "deployment" }));
}

/** The calendar an organization plans with. */
export async function loadWorkingCalendar(db: Database, organization: Organization): Promise<WorkingCalendar> {
  return createWorkingCalendar({
    additions: await deploymentAdditions(db),
    extraDaysOff: organization.extraDaysOff,
    extraWorkingDays: organization.extraWorkingDays,
  });
}

/** The calendar of an organization known by id (typed dates count "ngày làm việc" on it); the national one when it is gone. */
export async function loadOrganizationCalendar(db: Database, organizationId: string): Promise<WorkingCalendar> {
  const [organization] = await db
    .select({ extraDaysOff: organizations.extraDaysOff, extraWorkingDays: organizations.extraWorkingDays })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return loadWorkingCalendar(db, organization ?? { extraDaysOff: [], extraWorkingDays: [] });
}

/** A day the caller should have checked (the command line reads and checks it first): a programming error. */
export class CalendarDayError extends Error {
  override readonly name = "CalendarDayError";
  constructor(
    readonly date: string,
    reason: string,
  ) {
    super(`${date}: ${reason}`);
  }
}

type CalendarResult = Refused<"not-found"> | { kind: "ok"; year: CalendarYear };

async function organizationBySlug(db: Database, slug: string): Promise<typeof organizations.$inferSelect | null> {
  const [organization] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  return organization ?? null;
}

/** One year as an organization (or, without a slug, the deployment) sees it. */
export async function calendarYearFor(db: Database, year: number, slug?: string): Promise<CalendarResult> {
  const additions = await deploymentAdditions(db);
  const organization = slug === undefined ? null : await organizationBySlug(db, slug);
  if (slug !== undefined && !organization) return refusedFor("organization-unknown", slug);
  const calendar = createWorkingCalendar({
    additions,
    extraDaysOff: organization?.extraDaysOff ?? [],
    extraWorkingDays: organization?.extraWorkingDays ?? [],
  });
  return { kind: "ok", year: calendar.year(year) };
}

/**
 * Adds a day off or a working day: for the whole deployment (a name is
 * required, it is shown to everyone) or, with a slug, for one organization.
 * Adding the opposite kind on the same day replaces it. Returns the year as it now stands.
 */
export async function addCalendarDay(
  db: Database,
  day: { date: string; kind: CalendarAddition["kind"]; name: string | null; slug?: string },
): Promise<CalendarResult> {
  const parts = parseIsoDate(day.date);
  if (!parts) throw new CalendarDayError(day.date, "not a YYYY-MM-DD date");
  if (day.slug === undefined) {
    const name = day.name?.trim();
    if (!name) throw new CalendarDayError(day.date, "a day added for the whole deployment needs a name");
    await db
      .insert(calendarDays)
      .values({ date: day.date, kind: day.kind, name })
      .onConflictDoUpdate({ target: calendarDays.date, set: { kind: day.kind, name } });
    return calendarYearFor(db, parts.year);
  }
  const organization = await organizationBySlug(db, day.slug);
  if (!organization) return refusedFor("organization-unknown", day.slug);
  const without = (dates: string[]): string[] => dates.filter((d) => d !== day.date);
  const extraDaysOff = without(organization.extraDaysOff);
  const extraWorkingDays = without(organization.extraWorkingDays);
  if (day.kind === "day-off") extraDaysOff.push(day.date);
  else extraWorkingDays.push(day.date);
  await db
    .update(organizations)
    .set({ extraDaysOff: extraDaysOff.sort(), extraWorkingDays: extraWorkingDays.sort() })
    .where(eq(organizations.id, organization.id));
  return calendarYearFor(db, parts.year, day.slug);
}

/**
 * The years between `from` and `to` whose arrangement is not published and
 * whose one-time notice the organization's coordinators have not had yet.
 */
export async function yearsNeedingCalendarNotice(
  db: Database,
  organizationId: string,
  span: { from: IsoDate; to: IsoDate },
): Promise<number[]> {
  const first = Number(span.from.slice(0, 4));
  const last = Number(span.to.slice(0, 4));
  const unpublished: number[] = [];
  for (let year = first; year <= last; year++) if (!isArrangementPublished(year)) unpublished.push(year);
  if (unpublished.length === 0) return [];
  const told = await db
    .select({ year: calendarNotices.year })
    .from(calendarNotices)
    .where(and(eq(calendarNotices.organizationId, organizationId), inArray(calendarNotices.year, unpublished)));
  const toldYears = new Set(told.map((row) => row.year));
  return unpublished.filter((year) => !toldYears.has(year));
}

/**
 * Claims the notice for `year` before it is sent, and records it: false when
 * another process claimed it first, so the notice never goes out twice.
 */
export async function claimCalendarNotice(
  db: Database,
  organizationId: string,
  year: number,
  sentAt: Date,
): Promise<boolean> {
  const inserted = await db
    .insert(calendarNotices)
    .values({ organizationId, year, sentAt })
    .onConflictDoNothing()
    .returning({ year: calendarNotices.year });
  return inserted.length > 0;
}
