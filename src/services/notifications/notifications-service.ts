/**
 * The one notifications service: turns each recorded event into notices. Who
 * must hear it is the domain's rule (audienceOf), the words are noticeOf's,
 * and the sending is the delivery service's (limiters, once per event, person
 * and channel, unreachable marking). Front ends and use cases never tell
 * anyone themselves.
 */
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/client.js";
import type { Role } from "../../domain/milestones/index.js";
import { documentSourceName } from "../../domain/planning/index.js";
import {
  audienceOf,
  type DomainEvent,
  type OrganizationMember,
  withStandIns,
} from "../../domain/notifications/index.js";
import type { DeliveryDeps } from "../delivery/deliver.js";
import { deliverNotices, NoticesPendingError } from "../delivery/notices.js";
import { reachableChats } from "../delivery/reachable.js";
import { claimNextEvent, markHandled, releaseEvent, renewClaim, type StoredEvent } from "../events/outbox.js";
import { loadMilestone } from "../milestones/milestone-view.js";
import { type EventFacts, noticeOf } from "./notice-words.js";

/**
 * After this many passes an event that still fails is given up (its error
 * stays on the row). Passes wait 2, 4, 8 … seconds, at most 10 minutes, apart:
 * about an hour in all.
 */
export const MAX_EVENT_ATTEMPTS = 12;

const retryDelayMs = (attempts: number) => Math.min(1000 * 2 ** attempts, 10 * 60_000);

/** The organization's active people with their roles, as the audience rules see them. */
async function membersOf(db: Database, organizationId: string): Promise<OrganizationMember[]> {
  const rows = await queryRows<{ person_id: string; role: Role; unit_id: string | null }>(
    db,
    sql`select ms.person_id, ms.role, ms.unit_id from memberships ms join people p on p.id = ms.person_id
        where ms.organization_id = ${organizationId} and p.deactivated_at is null`,
  );
  const members = new Map<string, OrganizationMember>();
  for (const row of rows) {
    const member = members.get(row.person_id) ?? { personId: row.person_id, roles: [] };
    member.roles.push({ role: row.role, unitId: row.unit_id });
    members.set(row.person_id, member);
  }
  return [...members.values()];
}

const subjectOf = (event: DomainEvent): string | null =>
  "requesterPersonId" in event
    ? event.requesterPersonId
    : event.type === "person.joined" || event.type === "person.unreachable"
      ? event.personId
      : event.type === "plan.applied"
        ? event.byPersonId
        : null;

const unitsOf = (event: DomainEvent): string[] =>
  event.type === "lead.changed"
    ? [event.unitId, ...event.previousUnitIds]
    : event.type === "person.joined" && event.unitId
      ? [event.unitId]
      : event.type === "deadline.moved"
        ? event.unitIds
        : [];

/** The task an event is about by id (a lead change, a province's task reaching or reported by a commune). */
const taskOf = (event: DomainEvent): string | null =>
  event.type === "lead.changed" || event.type === "province.task-assigned"
    ? event.taskId
    : event.type === "province.task-reported"
      ? event.communeTaskId
      : null;

async function factsOf(db: Database, organizationId: string, event: DomainEvent) {
  const [organization] = await queryRows<{ name: string; office_name: string | null; time_zone: string }>(
    db,
    sql`select name, office_name, time_zone from organizations where id = ${organizationId}`,
  );
  const subjectId = subjectOf(event);
  const [subject] = subjectId
    ? await queryRows<{ full_name: string; unit_name: string | null }>(
        db,
        sql`select p.full_name, (select u.name from memberships ms join units u on u.id = ms.unit_id
              where ms.person_id = p.id order by u.name limit 1) as unit_name
            from people p where p.id = ${subjectId}`,
      )
    : [];
  const unitIds = unitsOf(event);
  const units =
    unitIds.length === 0
      ? []
      : await queryRows<{ id: string; name: string }>(
          db,
          sql`select id, name from units where organization_id = ${organizationId}
              and id in (${sql.join(
                unitIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`,
        );
  const taskId = taskOf(event);
  const [task] =
    taskId !== null
      ? await queryRows<{ title: string; organization_name: string }>(
          db,
          sql`select t.title, o.name as organization_name from tasks t join organizations o on o.id = t.organization_id
              where t.id = ${taskId}`,
        )
      : [];
  const milestone =
    "milestoneId" in event ? await loadMilestone(db, event.milestoneId, organization?.time_zone ?? "UTC") : null;
  const [appliedPlan] =
    event.type === "plan.applied"
      ? await queryRows<{ title: string }>(db, sql`select title from plans where id = ${event.planId}`)
      : [];
  const milestoneId = "milestoneId" in event ? event.milestoneId : null;
  const [plan] =
    taskId !== null || milestoneId !== null
      ? await queryRows<{
          kind: string | null;
          number: string | null;
          issued_on: string | null;
          issuer: string | null;
        }>(
          db,
          sql`select p.kind, p.number, p.issued_on::text as issued_on, p.issuer
              from plans p join tasks t on t.plan_id = p.id
              where ${taskId !== null ? sql`t.id = ${taskId}` : sql`t.id = (select task_id from milestones where id = ${milestoneId})`}`,
        )
      : [];
  const facts: EventFacts = {
    source: plan
      ? documentSourceName({ kind: plan.kind, number: plan.number, issuedOn: plan.issued_on, issuer: plan.issuer })
      : null,
    milestone,
    subjectName: subject?.full_name ?? "",
    subjectUnit: subject?.unit_name ?? organization?.name ?? "",
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    taskTitle: task?.title ?? "",
    planTitle: appliedPlan?.title ?? "",
    taskOrganizationName: task?.organization_name ?? "",
  };
  return { facts, officeName: organization?.office_name ?? null };
}

/** Tells everyone who must hear of one stored event; returns how many notices went. */
export async function notifyEvent(deps: DeliveryDeps & { now: () => Date }, stored: StoredEvent): Promise<number> {
  const { event } = stored;
  const members = await membersOf(deps.db, stored.organizationId);
  const addressed = audienceOf(event, members);
  const reachable = new Set(
    (
      await reachableChats(
        deps.db,
        stored.organizationId,
        addressed.map((a) => a.personId),
      )
    ).map((c) => c.personId),
  );
  const audience = withStandIns(event, addressed, members, reachable);
  if (audience.length === 0) return 0;
  const { facts, officeName } = await factsOf(deps.db, stored.organizationId, event);
  // A milestone deleted since (a plan re-imported without it) leaves nothing to tell.
  if ("milestoneId" in event && !facts.milestone) return 0;
  const byId = new Map(members.map((m) => [m.personId, m]));
  return deliverNotices(
    deps,
    { eventId: stored.id, organizationId: stored.organizationId, officeName },
    audience.map((addressee) => ({
      personId: addressee.personId,
      compose: (translator) =>
        noticeOf(translator, event, facts, addressee, byId.get(addressee.personId) as OrganizationMember),
    })),
    () => renewClaim(deps.db, stored.id, deps.now()),
  );
}

export interface ProcessEventsDeps extends DeliveryDeps {
  now: () => Date;
  /** A claim older than this belonged to a worker that died (default 120 s). */
  staleClaimSeconds?: number;
}

/**
 * Handles unhandled events, oldest first, until none is left (or `max`).
 * An event whose notices partly wait is released and tried again later, with
 * a growing wait (its sent notices are not sent again); after
 * MAX_EVENT_ATTEMPTS it is given up.
 */
export async function processEvents(deps: ProcessEventsDeps, options: { max?: number } = {}): Promise<number> {
  let handled = 0;
  const max = options.max ?? 100;
  const staleClaimSeconds = deps.staleClaimSeconds ?? 120;
  while (handled < max) {
    const stored = await claimNextEvent(deps.db, deps.now(), staleClaimSeconds);
    if (!stored) break;
    handled++;
    try {
      const sent = await notifyEvent(deps, stored);
      await markHandled(deps.db, stored.id, deps.now());
      deps.logger.info({ eventId: stored.id, type: stored.event.type, sent }, "event notified");
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      if (stored.attempts >= MAX_EVENT_ATTEMPTS) {
        await markHandled(deps.db, stored.id, deps.now(), failure);
        deps.logger.error({ err: failure, eventId: stored.id }, "event given up after repeated failures");
      } else {
        const retryAt = new Date(deps.now().getTime() + retryDelayMs(stored.attempts));
        await releaseEvent(deps.db, stored.id, failure, retryAt, staleClaimSeconds);
        if (!(error instanceof NoticesPendingError))
          deps.logger.error({ err: failure, eventId: stored.id }, "event notice failed; tried again later");
        // The events after it go on: their people need not wait for this one's.
      }
    }
  }
  return handled;
}
