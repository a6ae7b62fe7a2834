/**
 * Every BullMQ queue nhacviec uses, with the payload of its jobs, in one place so
 * producers and workers cannot drift apart. Job ids are built from database rows
 * and never contain ':' (BullMQ uses it in its Redis keys).
 */
export const QUEUE_NAMES = {
  /** Wakes the dispatcher when a planned reminder row is due. */
  reminders: "nhacviec-reminders",
  /** Repeating jobs: weekly digest, needs-a-date list, reconciler. */
  schedules: "nhacviec-schedules",
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** A reminder row to fire; the worker re-reads the row, so the payload carries only its keys. */
export interface FireReminderJob {
  organizationId: string;
  reminderId: string;
}

export type ScheduledJob =
  | { kind: "weekly-digest"; organizationId: string }
  | { kind: "needs-date-list"; organizationId: string }
  | { kind: "reconcile" };

/** The job id of a reminder row: stable, so enqueueing the same row twice is one job. */
export function reminderJobId(reminderId: string): string {
  return `reminder-${reminderId}`;
}
