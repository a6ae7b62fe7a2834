/**
 * Benchmark: plans and enqueues the sends of 100,000 milestones (planReminders,
 * rows in Postgres, delayed slot jobs in Redis) and compares the rate with
 * BullMQ's own addBulk of as many bare delayed jobs on the same Redis.
 * `npm run bench:schedule` prints one JSON object.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { createDispatchQueue, enqueueSlots } from "../../jobs/reminder-worker.js";
import { syncReminders } from "../../src/services/reminders/sync-reminders.js";
import { createMigratedDatabase } from "../support/database.js";

const MILESTONES = Number(process.env.BENCH_MILESTONES ?? 100_000);
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const database = await createMigratedDatabase();
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
const prefix = `nhacviec-bench-${randomBytes(4).toString("hex")}`;
try {
  const { sql } = database.client;
  const [organization] =
    await sql`insert into organizations (slug, name) values ('bench', 'UBND xã Bench') returning id`;
  const organizationId = organization!.id as string;
  const [unit] =
    await sql`insert into units (organization_id, name, name_key) values (${organizationId}, 'Văn phòng', 'van phong') returning id`;
  const [plan] = await sql`insert into plans (organization_id, title, year, period_start, period_end, plan_key)
    values (${organizationId}, 'KH', 2026, '2026-01-01', '2026-12-31', 'kh') returning id`;
  // Milestones spread over the plan year, each with a quarter-like window before its due day.
  await sql`
    with t as (
      insert into tasks (organization_id, plan_id, task_key, section, stt, title, deadline_texts, schedule, position, source)
      select ${organizationId}, ${plan!.id}, 'I|' || g || '|0', 'I', g::text, 'Nhiệm vụ ' || g, '[]', '{"kind":"dated"}', g, '{}'
      from generate_series(1, ${MILESTONES}) g
      returning id, position
    ), u as (
      insert into task_units (organization_id, task_id, unit_id, relation, name_in_plan)
      select ${organizationId}, id, ${unit!.id}, 'lead', 'Văn phòng' from t
    )
    insert into milestones (organization_id, task_id, milestone_key, start, due)
    select ${organizationId}, id, 'm0', date '2026-01-01' + (position % 300), date '2026-01-01' + (position % 300) + 60 from t`;

  const ours = createDispatchQueue(connection, prefix);
  const planningStarted = performance.now();
  const now = new Date("2026-01-01T00:00:00+07:00");
  const slots = await syncReminders(database.client.db, organizationId, now);
  const plannedMs = performance.now() - planningStarted;
  await enqueueSlots(ours, slots, now);
  const oursMs = performance.now() - planningStarted;
  const [rows] = await sql`select count(*)::int as n from reminders`;
  const sends = rows!.n as number;

  const bare = new Queue("bench-bare", { connection, prefix });
  const bareStarted = performance.now();
  for (let i = 0; i < sends; i += 1000) {
    await bare.addBulk(
      Array.from({ length: Math.min(1000, sends - i) }, (_, k) => ({
        name: "bare",
        data: { i: i + k },
        opts: { delay: 86_400_000 + ((i + k) % 1000) * 1000 },
      })),
    );
  }
  const bareMs = performance.now() - bareStarted;
  const oursPerSecond = Math.round((sends / oursMs) * 1000);
  const barePerSecond = Math.round((sends / bareMs) * 1000);
  process.stdout.write(
    `${JSON.stringify({
      benchmark: "schedule",
      milestones: MILESTONES,
      sends,
      delayedJobs: slots.length,
      planAndInsertMs: Math.round(plannedMs),
      totalMs: Math.round(oursMs),
      sendsPerSecond: oursPerSecond,
      bullmqAddBulkJobsPerSecond: barePerSecond,
      ratioToAddBulk: Number((oursPerSecond / barePerSecond).toFixed(2)),
      node: process.version,
    })}\n`,
  );
  await ours.obliterate({ force: true });
  await bare.obliterate({ force: true });
  await Promise.all([ours.close(), bare.close()]);
} finally {
  await connection.quit();
  await database.drop();
}
