import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { organizations } from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import { DEFAULT_TIME_ZONE, localDay, type PlanningContext, planningContextOf } from "../../domain/planning/index.js";
import { loadWorkingCalendar } from "../calendar.js";

/**
 * An organization's planning context (policy, stored working calendar, time
 * zone), or null when there is no such organization. Built here once for
 * every planner, job and preview.
 */
export async function loadPlanningContext(db: Database, organizationId: string): Promise<PlanningContext | null> {
  const [organization] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  return organization ? planningContextOf(organization, await loadWorkingCalendar(db, organization)) : null;
}

/**
 * The office's today at `now`, in its own time zone: for a front end that knows
 * the organization by its slug only (the CLI). An unknown slug gets the default
 * zone's day, and the use case it is for refuses the organization itself.
 */
export async function organizationToday(db: Database, organizationSlug: string, now: Date): Promise<IsoDate> {
  const [organization] = await db
    .select({ timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.slug, organizationSlug));
  return localDay(now, organization?.timeZone ?? DEFAULT_TIME_ZONE);
}
