import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { organizations } from "../../../db/schema.js";
import { type PlanningContext, planningContextOf } from "../../domain/planning/index.js";
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
