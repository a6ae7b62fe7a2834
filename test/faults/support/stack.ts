/** The servers of one fault file and the reminder engine as production assembles it, aimed at them. */
import { pino } from "pino";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDatabaseClient, type PostgresDatabaseClient } from "../../../db/client.js";
import { migrateDatabase } from "../../../db/migrate.js";
import { type RunningReminders, startReminders } from "../../../src/runtime/reminders.js";
import { silentLogger } from "../../support/database.js";
import type { RunningChannel } from "./channel.js";
import { startThrowawayPostgres, startThrowawayRedis, type ThrowawayPostgres, type ThrowawayRedis } from "./servers.js";

export interface FaultStack {
  postgres: ThrowawayPostgres;
  redis: ThrowawayRedis;
  /** A fresh migrated database on the throwaway server (one per scenario). */
  database(): Promise<{ url: string; client: PostgresDatabaseClient }>;
  remove(): Promise<void>;
}

export async function startFaultStack(): Promise<FaultStack> {
  const [pg, redis] = await Promise.all([startThrowawayPostgres(), startThrowawayRedis()]);
  const clients: PostgresDatabaseClient[] = [];
  return {
    postgres: pg,
    redis,
    async database() {
      const name = `faults_${randomBytes(4).toString("hex")}`;
      const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      await admin.end();
      const url = `postgres://postgres@127.0.0.1:${pg.port}/${name}`;
      const client = createDatabaseClient(url, silentLogger);
      await migrateDatabase(client.sql, silentLogger);
      clients.push(client);
      return { url, client };
    },
    async remove() {
      await Promise.all(clients.map((client) => client.close().catch(() => {})));
      await Promise.all([pg.remove(), redis.remove()]);
    },
  };
}

/**
 * The reminder side of `nhacviec worker` (BullMQ engine, Redis limiter) in this
 * process, sending through `channel` (Telegram) and, when given, `zalo`.
 */
export async function startEngine(
  stack: FaultStack,
  client: PostgresDatabaseClient,
  channel: RunningChannel,
  options: { timeoutSeconds?: number; staleClaimSeconds?: number; zalo?: RunningChannel } = {},
): Promise<RunningReminders> {
  return startReminders(
    {
      ...options.zalo?.reminderConfig,
      redisUrl: stack.redis.url,
      queuePrefix: `faults-${randomBytes(3).toString("hex")}`,
      telegramMessagesPerSecond: 1000,
      telegramChatIntervalMs: 1000,
      staleClaimSeconds: options.staleClaimSeconds ?? 5,
    },
    {
      db: client.db,
      notifier: channel.notifier({ timeoutSeconds: options.timeoutSeconds ?? 10 }),
      // FAULT_LOG=/tmp/faults.log keeps the engine's log of a scenario, to see where its time went.
      logger: process.env.FAULT_LOG ? pino({ level: "debug" }, pino.destination(process.env.FAULT_LOG)) : silentLogger,
      now: () => new Date(),
    },
  );
}
