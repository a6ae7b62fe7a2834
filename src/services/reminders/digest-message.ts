import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../../db/client.js";
import type { Translator } from "../../i18n/i18n.js";
import { formatVietnameseDate, type IsoDate } from "../../domain/calendar/index.js";
import { documentSourceName } from "../../domain/planning/index.js";
import { type Principal, type Refused, requireAccess } from "../access.js";
import { buildDigest, type Digest, type DigestMilestone } from "../../domain/reminders/index.js";

/** Every live milestone of the organization as the digest counts it; unguarded, for the weekly send (a person asks through `loadDigestFor`). */
export async function loadDigestMilestones(
  db: Database,
  organizationId: string,
  timeZone: string,
): Promise<DigestMilestone[]> {
  const rows = await queryRows<{
    section: string | null;
    stt: string | null;
    title: string;
    lead_units: string[];
    due: string | null;
    state: DigestMilestone["state"];
    completed_on: string | null;
    ongoing: boolean;
    plan_kind: string | null;
    plan_number: string | null;
    plan_issued_on: string | null;
    plan_issuer: string | null;
  }>(
    db,
    sql`
    select t.section, t.stt, t.title, m.due::text as due, m.state,
           (m.completed_at at time zone ${timeZone})::date::text as completed_on,
           (t.schedule->>'kind') = 'ongoing' as ongoing,
           p.kind as plan_kind, p.number as plan_number, p.issued_on::text as plan_issued_on, p.issuer as plan_issuer,
           array(select u.name from task_units tu join units u on u.id = tu.unit_id
             where tu.task_id = t.id and tu.relation = 'lead' order by u.name) as lead_units
    from milestones m join tasks t on t.id = m.task_id join plans p on p.id = t.plan_id
    where m.organization_id = ${organizationId} and t.removed_at is null`,
  );
  return rows.map(
    ({
      completed_on: completedOn,
      lead_units: leadUnits,
      plan_kind: kind,
      plan_number: number,
      plan_issued_on: issuedOn,
      plan_issuer: issuer,
      ...row
    }) => ({
      ...row,
      completedOn,
      leadUnits,
      source: documentSourceName({ kind, number, issuedOn, issuer }),
    }),
  );
}

/**
 * `/tonghop`: the organization's digest on its local day `today`, for whoever
 * sees the whole organization's work; the weekly send reads
 * `loadDigestMilestones` itself, acting for nobody.
 */
export async function loadDigestFor(
  db: Database,
  viewer: Principal & { organizationId: string; timeZone: string },
  today: IsoDate,
): Promise<Refused<"not-allowed"> | { kind: "ok"; digest: Digest; milestones: DigestMilestone[] }> {
  const refused = requireAccess(viewer, "organization.read", viewer);
  if (refused) return refused;
  const milestones = await loadDigestMilestones(db, viewer.organizationId, viewer.timeZone);
  return { kind: "ok", digest: buildDigest(milestones, today), milestones };
}

/** The digest as the chairman reads it in Telegram. */
export function formatDigest(digest: Digest, { t }: Translator, maxItems = 30): string {
  const c = digest.counts;
  const lines = [t("digest-title", { week: formatVietnameseDate(digest.weekOf) }), t("digest-counts", { ...c })];
  if (c.ongoing > 0) lines.push(t("digest-ongoing", { count: c.ongoing }));
  if (c.noDate > 0) lines.push(t("digest-no-date", { count: c.noDate }));
  let shown = 0;
  // Work from notices and letters beside the annual plan: the late work is told document by document.
  const bySource = digest.overdueBySource.some((group) => group.source !== null);
  const sections = bySource ? digest.overdueBySource : [{ source: null, count: 0, units: digest.overdueByUnit }];
  for (const section of sections) {
    if (shown >= maxItems) break;
    if (bySource) {
      const source = section.source ?? t("digest-source-plan");
      lines.push("", t("digest-source", { source, count: section.count }));
    }
    shown = unitLines(t, section.units, lines, shown, maxItems);
  }
  if (c.overdue > shown) lines.push("", t("digest-more", { count: c.overdue - shown }));
  return lines.join("\n");
}

/** The late items of each unit, up to `maxItems` in all; returns how many are shown now. */
function unitLines(
  t: Translator["t"],
  groups: Digest["overdueByUnit"],
  lines: string[],
  alreadyShown: number,
  maxItems: number,
): number {
  let shown = alreadyShown;
  for (const group of groups) {
    if (shown >= maxItems) break;
    lines.push("", t("digest-unit", { unit: group.unit ?? t("no-unit"), count: group.items.length }));
    for (const item of group.items) {
      if (shown >= maxItems) break;
      shown++;
      lines.push(
        t("digest-item", {
          number: item.task,
          title: item.title,
          due: formatVietnameseDate(item.due),
          days: item.daysOverdue,
        }),
      );
    }
  }
  return shown;
}
