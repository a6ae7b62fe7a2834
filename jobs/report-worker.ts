/**
 * Builds the Word and PDF reports asked for on the web (LibreOffice runs here,
 * never in a web request): one BullMQ job per build, the build's row in
 * Postgres holding its state and file. Without Redis the same work runs in the
 * process, after the request has been answered (runReportBuildsInProcess).
 */
import { Queue, UnrecoverableError, Worker } from "bullmq";
import type { Database } from "../db/client.js";
import type { Logger } from "../src/logger.js";
import { type EnqueueReportBuild, runReportBuild } from "../src/services/reports/report-builds.js";
import type { convertToPdf } from "../src/services/reports/pdf.js";
import { QUEUE_NAMES, type RedisConnection } from "./queues.js";

/** The payload of a report job: the build's row. */
export interface ReportJob {
  buildId: string;
}

export interface ReportWorkerDeps {
  db: Database;
  logger: Logger;
  now: () => Date;
  connection: RedisConnection;
  prefix: string;
  /** Queue name (default QUEUE_NAMES.reports); a test gives its own. */
  queueName?: string;
  convert?: typeof convertToPdf;
}

/** The producer side, for the web app. */
export function createReportQueue(deps: {
  connection: RedisConnection;
  prefix: string;
  queueName?: string;
  logger: Logger;
}): {
  enqueue: EnqueueReportBuild;
  close(): Promise<void>;
} {
  const queue = new Queue<ReportJob>(deps.queueName ?? QUEUE_NAMES.reports, {
    connection: deps.connection,
    prefix: deps.prefix,
  });
  queue.on("error", (error) => deps.logger.warn({ err: error.message }, "report queue: Redis error"));
  return {
    enqueue: async (buildId) => {
      await queue.add("build", { buildId }, { jobId: `report-${buildId}`, removeOnComplete: true, removeOnFail: 100 });
    },
    close: () => queue.close(),
  };
}

/** The worker: one build at a time (LibreOffice is heavy on a small server). */
export function startReportWorker(deps: ReportWorkerDeps): Worker<ReportJob> {
  const worker = new Worker<ReportJob>(
    deps.queueName ?? QUEUE_NAMES.reports,
    async (job) => {
      const state = await runReportBuild(deps.db, job.data.buildId, {
        now: deps.now,
        ...(deps.convert ? { convert: deps.convert } : {}),
      });
      if (state === "not-found") throw new UnrecoverableError(`report build ${job.data.buildId} does not exist`);
      return state;
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
  worker.on("error", (error) => deps.logger.warn({ err: error.message }, "report worker: Redis error"));
  worker.on("failed", (job, error) => deps.logger.warn({ jobId: job?.id, err: error.message }, "report build failed"));
  return worker;
}
