import { Cluster, Redis } from "ioredis";

/**
 * Every BullMQ queue nhacviec uses, with the payload of its jobs, in one place so
 * producers and workers cannot drift apart. Job ids are built from database rows
 * and never contain ':' (BullMQ uses it in its Redis keys).
 */
export const QUEUE_NAMES = {
  /** Wakes the dispatcher when planned reminder rows of an organization are due, and for the weekly sends. */
  reminders: "nhacviec-reminders",
  /** Repeating jobs: the reconciler. */
  schedules: "nhacviec-schedules",
  /** A repeating job that hands the outbox's unhandled events to the notifications service. */
  events: "nhacviec-events",
  /** One job per Word or PDF report asked for on the web (report_builds rows). */
  reports: "nhacviec-reports",
} as const;

export type QueueNames = { readonly [K in keyof typeof QUEUE_NAMES]: string };

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/**
 * On the reminders queue. "dispatch": send what an organization has due (the
 * rows of one minute, and any earlier ones left unsent). "weekly": its digest
 * and needs-date list, if this week's are due and unsent.
 */
export interface DispatchJob {
  /**
   * Only this organization (weekly sends, and dispatch jobs queued by older
   * versions). A dispatch without it sends what every organization has due,
   * their messages in turns.
   */
  organizationId?: string;
  /** The slot the job was created for (ISO); the services send what is due by their own clock. */
  fireAt: string;
}

export type DispatchJobName = "dispatch" | "weekly";

export type ScheduledJob =
  /** Left by versions that ran the weekly sends as BullMQ cron schedulers; now removed at start. */
  | { kind: "weekly-digest"; organizationId: string }
  | { kind: "needs-date-list"; organizationId: string }
  | { kind: "reconcile" };

/**
 * One job per send time for every organization: the same minute enqueued twice
 * (or by two organizations) is one job, which sends all that is due then.
 */
export function slotJobId(fireAt: Date): string {
  return `slot-${fireAt.getTime()}`;
}

/** One job per organization and weekly send instant. */
export function weeklyJobId(organizationId: string, fireAt: Date): string {
  return `weekly-${organizationId}-${fireAt.getTime()}`;
}

/**
 * A catch-up job for what is past due, one per reconciler run (for every
 * organization; `scope` names one for a weekly catch-up). Never reused: a job
 * left active by a killed worker would swallow a new one with the same id
 * until BullMQ noticed it stalled.
 */
export function catchUpJobId(scope: string, now: Date): string {
  return `catchup-${scope}-${now.getTime()}-${process.pid}`;
}

/** Anything BullMQ lets fail with an "error" event: a Queue, a Worker. */
interface ErrorEmitter {
  on(event: "error", listener: (error: Error) => void): unknown;
}

/**
 * Logs a queue's or a worker's Redis errors through pino, once per window:
 * without a listener BullMQ prints each raw stack to stderr, dozens while Redis
 * restarts. The first error of a window is logged with how many were left
 * unlogged since the last one.
 */
export function logRedisErrors(
  emitter: ErrorEmitter,
  what: string,
  logger: { warn(details: object, message: string): void },
  options: { windowMs?: number; now?: () => number } = {},
): void {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  let loggedAt = Number.NEGATIVE_INFINITY;
  let unlogged = 0;
  emitter.on("error", (error) => {
    const at = now();
    if (at - loggedAt < windowMs) {
      unlogged += 1;
      return;
    }
    logger.warn({ err: error.message, code: (error as NodeJS.ErrnoException).code, unlogged }, `${what}: Redis error`);
    loggedAt = at;
    unlogged = 0;
  });
}

/** One Redis server or a Redis Cluster: BullMQ, the limiters and the sent markers take either. */
export type RedisConnection = Redis | Cluster;

/**
 * The connection of a worker process: a Redis Cluster when seed nodes are
 * given (the queue prefix must then be a hash tag, "{nhacviec}", so each
 * queue's keys and the limiter's share one slot), else one server.
 * BullMQ needs maxRetriesPerRequest null: its workers block on Redis and must
 * not give up.
 */
export function connectRedis(target: {
  redisUrl?: string | undefined;
  redisClusterNodes?: string[] | undefined;
}): RedisConnection {
  if (target.redisClusterNodes && target.redisClusterNodes.length > 0) {
    return new Cluster(
      target.redisClusterNodes.map((node) => {
        const at = node.lastIndexOf(":");
        return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
      }),
      { redisOptions: { maxRetriesPerRequest: null } },
    );
  }
  if (!target.redisUrl) throw new Error("no Redis: set REDIS_URL or REDIS_CLUSTER_NODES");
  return new Redis(target.redisUrl, { maxRetriesPerRequest: null });
}
