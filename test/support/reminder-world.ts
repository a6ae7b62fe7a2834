/** An organization with one unit of many people and one milestone, for reminder-engine tests. */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { createSendRateLimiter } from "../../jobs/send-rate-limiter.js";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import { silentLogger } from "./database.js";

export interface ReminderWorld {
  organizationId: string;
  unitId: string;
  milestoneId: string;
  chatIds: number[];
}

export async function createReminderWorld(
  client: PostgresDatabaseClient,
  people: number,
  firstChatId: number,
): Promise<ReminderWorld> {
  const { sql } = client;
  const slug = `org-${randomBytes(4).toString("hex")}`;
  const [organization] = await sql`insert into organizations (slug, name) values (${slug}, 'UBND xã Thử') returning id`;
  const organizationId = organization!.id as string;
  const [unit] = await sql`insert into units (organization_id, name, name_key)
    values (${organizationId}, 'Văn phòng – Thống kê', 'van phong thong ke') returning id`;
  const unitId = unit!.id as string;
  const [plan] = await sql`insert into plans (organization_id, title, year, period_start, period_end, plan_key)
    values (${organizationId}, 'KH', 2025, '2025-01-01', '2025-12-31', 'kh') returning id`;
  const [task] =
    await sql`insert into tasks (organization_id, plan_id, task_key, section, stt, title, deadline_texts, schedule, position, source)
    values (${organizationId}, ${plan!.id}, 'I|1|0', 'I', '1', 'Xây dựng Kế hoạch CCHC', '["Quý III/2025"]',
            '{"kind":"dated"}', 0, '{}') returning id`;
  await sql`insert into task_units (organization_id, task_id, unit_id, relation, name_in_plan)
    values (${organizationId}, ${task!.id}, ${unitId}, 'lead', 'Văn phòng – Thống kê')`;
  const [milestone] = await sql`insert into milestones (organization_id, task_id, milestone_key, start, due)
    values (${organizationId}, ${task!.id}, 'm0', '2025-07-01', '2025-09-30') returning id`;
  const chatIds = Array.from({ length: people }, (_, i) => firstChatId + i);
  const rows = chatIds.map((chatId, i) => ({
    organization_id: organizationId,
    full_name: `Công chức ${i + 1}`,
    telegram_user_id: chatId,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    const created = await sql`insert into people ${sql(rows.slice(i, i + 500))} returning id`;
    await sql`insert into person_channels ${sql(
      created.map((person, j) => ({
        organization_id: organizationId,
        person_id: person.id as string,
        channel: "telegram",
        chat_id: String(chatIds[i + j]),
      })),
    )}`;
    await sql`insert into memberships ${sql(
      created.map((person) => ({
        organization_id: organizationId,
        person_id: person.id as string,
        role: "member",
        unit_id: unitId,
      })),
    )}`;
  }
  return { organizationId, unitId, milestoneId: milestone!.id as string, chatIds };
}

/** A planned send to the unit at `fireAt`, for the milestone's current version. */
export async function planSend(
  client: PostgresDatabaseClient,
  world: ReminderWorld,
  fireAt: Date,
  kind = "reminder",
): Promise<void> {
  await client.sql`insert into reminders (organization_id, milestone_id, milestone_version, kind, audience_role, audience_unit_id, fire_at)
    select ${world.organizationId}, id, version, ${kind}, 'member', ${world.unitId}, ${fireAt.toISOString()}::timestamptz from milestones where id = ${world.milestoneId}`;
}

/** What an engine needs besides the database: Redis, the limiter and a notifier aimed at the emulator. */
export function engineDeps(
  client: PostgresDatabaseClient,
  redisUrl: string,
  prefix: string,
  apiRoot: string,
  perSecond = 1000,
) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  return {
    db: client.db,
    connection,
    notifier: createTelegramNotifier("123:TEST", { apiRoot, timeoutSeconds: 10 }),
    limiter: createSendRateLimiter(connection, { prefix, perSecond, perChatIntervalMs: 1000 }),
    logger: silentLogger,
    now: () => new Date(),
    prefix,
    staleClaimSeconds: 2,
    // Tests run the reconcile pass themselves; a periodic one at a 5-minute mark would plan the world's real reminders.
    reconcilePattern: null,
  };
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Messages per chat at the emulator: every chat must appear exactly `expected` times. */
export function countByChat(messages: Array<{ chatId: number }>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of messages) counts.set(m.chatId, (counts.get(m.chatId) ?? 0) + 1);
  return counts;
}
