/**
 * A commune decides on its copy of a province task itself (its coordinators
 * approve the completion, grant the extension); the decision is then told to
 * the province through the province's outbox, in the same transaction.
 */
import { and, eq, ne } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { milestones, tasks } from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import { recordEvent } from "../events/outbox.js";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Records "province.task-reported" for the province when the milestone's task
 * is a commune's copy: "completed" once every live milestone of it is done,
 * "extended" with the new due day. Nothing for the commune's own tasks.
 */
export async function reportUpstream(
  tx: Tx,
  milestoneId: string,
  outcome: { kind: "completed" } | { kind: "extended"; due: IsoDate },
  now: Date,
): Promise<void> {
  const [row] = await tx
    .select({ taskId: tasks.id, organizationId: tasks.organizationId, sourceTaskId: tasks.sourceTaskId })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .where(eq(milestones.id, milestoneId));
  if (!row?.sourceTaskId) return;
  const [source] = await tx
    .select({ organizationId: tasks.organizationId })
    .from(tasks)
    .where(eq(tasks.id, row.sourceTaskId));
  if (!source) return;
  if (outcome.kind === "completed") {
    const [unfinished] = await tx
      .select({ id: milestones.id })
      .from(milestones)
      .where(and(eq(milestones.taskId, row.taskId), ne(milestones.state, "done"), ne(milestones.state, "cancelled")))
      .limit(1);
    if (unfinished) return;
  }
  await recordEvent(
    tx,
    source.organizationId,
    {
      type: "province.task-reported",
      communeOrganizationId: row.organizationId,
      communeTaskId: row.taskId,
      sourceTaskId: row.sourceTaskId,
      outcome: outcome.kind,
      due: outcome.kind === "extended" ? outcome.due : null,
    },
    now,
  );
}
