import type { Milestone, Schedule } from "./schedule.js";

/**
 * One Schedule for a task whose rows carry several deadline cells (the numbered
 * row and its activities): every milestone of every cell, merged by due date. A
 * task is dated when any cell names dates, recurring when a repetition is the
 * only schedule, ongoing when every readable cell is "Thường xuyên"; it needs
 * review when any cell does.
 */
export function combineSchedules(schedules: Schedule[]): Schedule {
  const text = schedules.map((s) => s.text).join("\n");
  if (schedules.length === 0) {
    return { text, kind: "unscheduled", milestones: [], recurrence: null, needsReview: true };
  }
  if (schedules.length === 1) return schedules[0] as Schedule;
  const byDue = new Map<string, Milestone>();
  for (const schedule of schedules) {
    for (const milestone of schedule.milestones) {
      const existing = byDue.get(milestone.due);
      if (!existing) byDue.set(milestone.due, { ...milestone });
      else if (existing.start === null || (milestone.start !== null && milestone.start < existing.start)) {
        existing.start = milestone.start ?? existing.start;
      }
    }
  }
  const milestones = [...byDue.values()].sort((a, b) => (a.due < b.due ? -1 : 1));
  const needsReview = schedules.some((s) => s.needsReview);
  const recurring = schedules.find((s) => s.kind === "recurring");
  const anyDated = schedules.some((s) => s.kind === "dated");
  if (anyDated || (milestones.length > 0 && !recurring)) {
    return { text, kind: "dated", milestones, recurrence: null, needsReview };
  }
  if (recurring) return { text, kind: "recurring", milestones, recurrence: recurring.recurrence, needsReview };
  if (schedules.some((s) => s.kind === "ongoing")) {
    return { text, kind: "ongoing", milestones: [], recurrence: null, needsReview };
  }
  return { text, kind: "unscheduled", milestones: [], recurrence: null, needsReview: true };
}
