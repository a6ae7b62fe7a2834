/**
 * A task with several deadlines ("Quý II", "Quý IV") has one milestone per
 * deadline; lists show the task once with its milestones. Groups keep the
 * order in which each task first appears, and the milestones their order.
 */
export function groupByTask<T extends { taskId: string }>(rows: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.taskId);
    if (group) group.push(row);
    else groups.set(row.taskId, [row]);
  }
  return [...groups.values()];
}

/** States from the most to the least pressing: what a sort by state and a task's headline state follow. */
export const STATE_URGENCY = ["overdue", "submitted", "in_progress", "open", "done", "cancelled"] as const;

/** The rank of a shown state in STATE_URGENCY (lower is more pressing); unknown states last. */
export function urgencyRank(state: string): number {
  const rank = (STATE_URGENCY as readonly string[]).indexOf(state);
  return rank === -1 ? STATE_URGENCY.length : rank;
}
