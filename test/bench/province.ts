/**
 * Benchmark: a province on one deployment. 100 organizations × 60 tasks × 10
 * people, every reminder due at the same minute (08:00), through the
 * rate-capped Bot API emulator (BENCH_RATE_CAP messages/s, default 25, and one
 * message a second per chat). The reminder side starts as `nhacviec worker`
 * assembles it (startReminders: Redis limiter, BullMQ engine, the start-up
 * reconcile) at the very minute everything is due, so start-up counts as
 * lateness. Prints one JSON line:
 *   seconds            the span from the first send to the last;
 *   ratioToCap         messages / seconds / capPerSecond;
 *   firstSendP99s      per organization, how late its first message went (p99);
 *   lastSendLatenessS  how late the last message went (messages / cap is the floor);
 *   lost, duplicated   per chat, against one message each.
 * `npm run bench:province` (BENCH_ORGS, BENCH_TASKS, BENCH_PEOPLE to shrink it).
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { Redis } from "ioredis";
import { pino } from "pino";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import { startReminders } from "../../src/runtime/reminders.js";
import { createMigratedDatabase, silentLogger } from "../support/database.js";
import { createProvinceWorld } from "../support/province-world.js";
import { removeQueueKeys, testRedisUrl } from "../support/queues.js";
import { countByChat, waitFor } from "../support/reminder-world.js";

const ORGS = Number(process.env.BENCH_ORGS ?? 100);
const TASKS = Number(process.env.BENCH_TASKS ?? 60);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10);
const CAP = Number(process.env.BENCH_RATE_CAP ?? 25);

const database = await createMigratedDatabase();
const emulator = await startBotApiEmulator({ ratePerSecond: CAP, perChatIntervalMs: 1000 });
const loadBefore = loadavg();
const setUpStarted = Date.now();
// Due at the minute the worker starts: a worker (re)started at 08:00 is the worst case for the first send.
const dueAt = new Date(Date.now() + 60_000);
const organizations = await createProvinceWorld(database.client, {
  organizations: ORGS,
  tasks: TASKS,
  units: 5,
  peoplePerUnit: PEOPLE / 5,
  firstChatId: 5_000_000,
  fireAt: dueAt,
});
const setUpSeconds = (Date.now() - setUpStarted) / 1000;
const fireAt = new Date();
await database.client
  .sql`update reminders set fire_at = ${fireAt.toISOString()}::timestamptz where state = 'planned' and fire_at = ${dueAt.toISOString()}::timestamptz`;
const prefix = `nhacviec-bench-${randomBytes(4).toString("hex")}`;
const messages = organizations.reduce((n, o) => n + o.chatIds.length, 0);
const reminders = await startReminders(
  {
    redisUrl: testRedisUrl,
    queuePrefix: prefix,
    // The limiter aims a little under the cap: Redis's clock and the emulator's are not the same clock.
    telegramMessagesPerSecond: Math.max(1, Math.floor(CAP * Number(process.env.BENCH_RATE_FACTOR ?? 0.97))),
    telegramChatIntervalMs: 1000,
    staleClaimSeconds: 30,
  },
  {
    db: database.client.db,
    notifier: createTelegramNotifier("123:BENCH", { apiRoot: emulator.apiRoot }),
    // BENCH_LOG=info shows the worker's own log on stderr (when each step ran).
    logger: process.env.BENCH_LOG ? pino({ level: process.env.BENCH_LOG }, process.stderr) : silentLogger,
    now: () => new Date(),
  },
);
const startedInSeconds = (Date.now() - fireAt.getTime()) / 1000;
try {
  // Every message, or nothing new for 60 s (then what is missing counts as lost).
  let seen = 0;
  let lastProgress = Date.now();
  await waitFor(
    () => {
      if (emulator.messages.length > seen) [seen, lastProgress] = [emulator.messages.length, Date.now()];
      return seen >= messages || Date.now() - lastProgress > 60_000;
    },
    900_000,
    `${messages} messages`,
  );
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const counts = countByChat(emulator.messages);
  const firstAt = new Map<number, number>();
  for (const message of emulator.messages) if (!firstAt.has(message.chatId)) firstAt.set(message.chatId, message.at);
  const lateness = (at: number) => (at - fireAt.getTime()) / 1000;
  const firstPerOrganization = organizations
    .map((o) => Math.min(...o.chatIds.map((chat) => firstAt.get(chat) ?? Number.POSITIVE_INFINITY)))
    .map(lateness)
    .sort((a, b) => a - b);
  const arrivals = emulator.messages.map((m) => m.at);
  const first = Math.min(...arrivals);
  const last = Math.max(...arrivals);
  const seconds = (last - first) / 1000;
  const p99 =
    firstPerOrganization[Math.min(firstPerOrganization.length - 1, Math.ceil(0.99 * firstPerOrganization.length) - 1)];
  const delivered = organizations.reduce((n, o) => n + o.chatIds.filter((chat) => counts.has(chat)).length, 0);
  process.stdout.write(
    `${JSON.stringify({
      benchmark: "province",
      orgs: ORGS,
      tasksPerOrg: TASKS,
      peoplePerOrg: PEOPLE,
      messages,
      capPerSecond: CAP,
      seconds: Number(seconds.toFixed(2)),
      ratioToCap: Number((messages / seconds / CAP).toFixed(3)),
      lost: messages - delivered,
      duplicated: [...counts.values()].reduce((sum, n) => sum + (n - 1), 0),
      firstSendP99s: Number((p99 ?? 0).toFixed(2)),
      firstSendMaxS: Number((firstPerOrganization.at(-1) ?? 0).toFixed(2)),
      lastSendLatenessS: Number(lateness(last).toFixed(2)),
      floorSeconds: Number((messages / CAP).toFixed(2)),
      workerStartSeconds: Number(startedInSeconds.toFixed(2)),
      setUpSeconds: Number(setUpSeconds.toFixed(2)),
      tooManyRequests: emulator.stats.tooManyRequests,
      tooManyRequestsAtS: emulator.stats.tooManyRequestsAt.map((at) => Number(lateness(at).toFixed(1))),
      rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
      loadavgBefore: loadBefore.map((n) => Number(n.toFixed(2))),
      loadavgAfter: loadavg().map((n) => Number(n.toFixed(2))),
      node: process.version,
    })}\n`,
  );
} finally {
  await reminders.close();
  const connection = new Redis(testRedisUrl, { maxRetriesPerRequest: null });
  await removeQueueKeys(prefix, connection);
  await connection.quit();
  await emulator.close();
  await database.drop();
}
