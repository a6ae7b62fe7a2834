/**
 * Benchmark: 10,000 button presses through the real bot (`bot.handleUpdate`,
 * real Postgres), with the Bot API stubbed at the transport so only our
 * handling is timed. Presses mix list pages, progress prompts, progress
 * reports (a write) and evidence prompts (a session write) from 200 people.
 * `npm run bench:bot` prints one JSON object; the aim is p99 under 50 ms.
 */
import { performance } from "node:perf_hooks";
import type { Update } from "grammy/types";
import { createBot } from "../../src/bot/create-bot.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { listOpenMilestones } from "../../src/services/milestones/milestone-view.js";
import { redeemInvite } from "../../src/services/people/invites.js";
import { operatorInvite } from "../support/invites.js";
import { findViewer } from "../../src/services/people/viewer.js";
import { chatPlan, TU_PHAP } from "../support/bot-world.js";
import { createMigratedDatabase, silentLogger } from "../support/database.js";
import { toTabText } from "../support/plan-files.js";

const PRESSES = Number(process.env.BENCH_PRESSES ?? 10_000);
const PEOPLE = 200;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const now = new Date("2025-03-05T09:00:00+07:00");

const database = await createMigratedDatabase();
try {
  const { db } = database.client;
  const draft = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(chatPlan))), { year: 2025 });
  const { organizationId } = await importPlan(db, draft, {
    organizationSlug: "bench",
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  });
  for (let i = 0; i < PEOPLE; i++) {
    const invite = await operatorInvite(db, { organizationId, role: "member", unitName: TU_PHAP, now });
    await redeemInvite(db, {
      code: invite.code,
      telegramUserId: 10_000 + i,
      chatId: 10_000 + i,
      fullName: `CC ${i}`,
      now,
    });
  }
  const viewer = (await findViewer(db, 10_000))!;
  const milestoneIds = (await listOpenMilestones(db, viewer, { today: "2025-03-05" })).map((m) => m.id);

  const bot = createBot(
    {
      db,
      logger: silentLogger,
      token: "1:BENCH",
      apiRoot: "http://127.0.0.1:1",
      evidenceDir: "/tmp",
      now: () => now,
    },
    {
      botInfo: {
        id: 1,
        is_bot: true,
        first_name: "nhacviec",
        username: "nhacviec_bot",
        can_join_groups: false,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
        can_connect_to_business: false,
        has_main_web_app: false,
        has_topics_enabled: false,
      } as never,
    },
  );
  let messageId = 1;
  bot.api.config.use((_previous, method, payload) => {
    const chatId = (payload as { chat_id?: number }).chat_id ?? 0;
    const result =
      method === "sendMessage"
        ? { message_id: messageId++, date: 0, chat: { id: chatId, type: "private" }, text: "" }
        : true;
    return Promise.resolve({ ok: true, result } as never);
  });

  const verbs = ["page:open:1", "progress", "pct", "evidence", "page:open:1", "progress", "pct", "extend"];
  const updateFor = (i: number): Update => {
    const userId = 10_000 + (i % PEOPLE);
    const milestoneId = milestoneIds[i % milestoneIds.length]!;
    const verb = verbs[i % verbs.length]!;
    const data = verb.startsWith("page")
      ? verb
      : verb === "pct"
        ? `pct:${milestoneId}:${(i % 10) * 10}`
        : `${verb}:${milestoneId}`;
    return {
      update_id: i + 1,
      callback_query: {
        id: String(i),
        from: { id: userId, is_bot: false, first_name: "CC" },
        chat_instance: String(userId),
        data,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: userId, type: "private", first_name: "CC" },
          text: "",
        },
      },
    };
  };

  // Warm-up: prepared statements, JIT, pools.
  for (let i = 0; i < 200; i++) await bot.handleUpdate(updateFor(i));
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < PRESSES; i = next++) {
        const t0 = performance.now();
        await bot.handleUpdate(updateFor(i));
        durations.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  durations.sort((a, b) => a - b);
  const quantile = (q: number) =>
    Math.round(durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]! * 100) / 100;
  process.stdout.write(
    `${JSON.stringify({
      benchmark: "bot",
      presses: PRESSES,
      people: PEOPLE,
      concurrency: CONCURRENCY,
      updatesPerSecond: Math.round((PRESSES / elapsed) * 1000),
      p50Ms: quantile(0.5),
      p99Ms: quantile(0.99),
      maxMs: quantile(1),
      aimP99Ms: 50,
      node: process.version,
    })}\n`,
  );
} finally {
  await database.drop();
}
