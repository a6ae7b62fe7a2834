/**
 * Every BullMQ queue nhacviec uses, with the payload of its jobs, in one place so
 * producers and workers cannot drift apart. Job ids are built from database rows
 * and never contain ':' (BullMQ uses it in its Redis keys).
 */
export const QUEUE_NAMES = {
  /** Wakes the dispatcher when planned reminder rows of an organization are due. */
  reminders: "nhacviec-reminders",
  /** Repeating jobs: the reconciler, weekly digest, needs-a-date list. */
  schedules: "nhacviec-schedules",
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Send what an organization has due: the rows of one minute, and any earlier ones left unsent. */
export interface DispatchJob {
  organizationId: string;
  /** The slot the job was created for (ISO); the dispatcher sends everything due by its own clock. */
  fireAt: string;
}

export type ScheduledJob =
  | { kind: "weekly-digest"; organizationId: string }
  | { kind: "needs-date-list"; organizationId: string }
  | { kind: "reconcile" };

/** One job per organization and send time: the same slot enqueued twice is one job. */
export function slotJobId(organizationId: string, fireAt: Date): string {
  return `slot-${organizationId}-${fireAt.getTime()}`;
}

/**
 * A catch-up job for what is past due, one per organization and reconciler run.
 * Never reused: a job left active by a killed worker would swallow a new one
 * with the same id until BullMQ noticed it stalled.
 */
export function catchUpJobId(organizationId: string, now: Date): string {
  return `catchup-${organizationId}-${now.getTime()}-${process.pid}`;
}
