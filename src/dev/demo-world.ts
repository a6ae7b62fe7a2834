/**
 * Everything the demo runs on, with nothing installed: an embedded database holding seed 000 (Gio Sơn 2025),
 * a Bot API emulator and a Zalo API emulator, the bot, the Zalo update handler and the reminder dispatcher,
 * all on the demo's clock. The bot's messages go to the transcript.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "@grammyjs/runner";
import { pino } from "pino";
import { createEmbeddedDatabaseClient, type Database } from "../../db/client.js";
import { type EmbeddedDispatcher, startEmbeddedDispatcher } from "../../jobs/embedded-dispatcher.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createBot } from "../bot/create-bot.js";
import { createZaloUpdateHandler } from "../bot/zalo/zalo-bot.js";
import { createTaskLinkMac } from "../channels/task-link-mac.js";
import { createTelegramNotifier } from "../channels/telegram/telegram-notifier.js";
import { createZaloClient } from "../channels/zalo/zalo-client.js";
import { createZaloNotifier } from "../channels/zalo/zalo-notifier.js";
import { startZaloPolling } from "../channels/zalo/zalo-updates.js";
import { signTaskLink } from "../domain/links/index.js";
import type { Logger } from "../logger.js";
import type { ImportSummary } from "../domain/planning/index.js";
import { interpretDocument } from "../import/interpret/interpret-document.js";
import { readDocument } from "../import/read-document.js";
import type { ZaloChannelDeps } from "../services/delivery/deliver.js";
import { importPlan } from "../services/import-plan.js";
import { syncReminders } from "../services/reminders/sync-reminders.js";
import { type BotApiEmulator, startBotApiEmulator } from "./bot-api-emulator.js";
import type { DemoClock, Transcript } from "./demo-transcript.js";
import { type ZaloApiEmulator, startZaloApiEmulator } from "./zalo-api-emulator.js";

export interface DemoWorld {
  db: Database;
  summary: ImportSummary;
  telegram: BotApiEmulator;
  zalo: ZaloApiEmulator;
  dispatcher: EmbeddedDispatcher;
  /** Names as the transcript prints them, by Telegram chat id and by Zalo user id. */
  names: Map<number | string, { name: string; order: number }>;
  stop(): Promise<void>;
}

const PLAN_FILE = "000_gio_son_2025.txt";

/** The database with the plan imported and its reminders planned at the clock's time. */
async function databaseWithPlan(clock: DemoClock, logger: Logger) {
  const database = await createEmbeddedDatabaseClient("memory", logger);
  await database.migrate();
  const planFile = new URL("./demo-plan.txt", import.meta.url);
  const draft = interpretDocument(await readDocument(PLAN_FILE, readFileSync(planFile)), { year: 2025 });
  const summary = await importPlan(database.db, draft, {
    organizationSlug: "gio-son",
    fileName: PLAN_FILE,
    fileSha256: "0".repeat(64),
  });
  await syncReminders(database.db, summary.organizationId, clock.now);
  return { database, summary };
}

/** The Zalo channel beside Telegram: its own limiter, and signed task links valid two weeks of the demo's clock. */
function zaloChannel(zaloEmulator: ZaloApiEmulator, clock: DemoClock) {
  const client = createZaloClient(zaloEmulator.token, { apiRoot: zaloEmulator.apiRoot });
  const linkMac = createTaskLinkMac("demo-task-link-secret-not-for-production-use");
  const publicUrl = "http://localhost:8080";
  const channel: ZaloChannelDeps = {
    notifier: createZaloNotifier(client),
    limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }),
    publicUrl,
    taskLink: (personId, milestoneId) =>
      `${publicUrl}/t/${signTaskLink(
        { personId, milestoneId, expiresAt: new Date(clock.now.getTime() + 14 * 86_400_000) },
        linkMac,
      )}`,
  };
  return { client, channel };
}

/** Prints what the emulators accept: Telegram messages (and edits that still carry buttons), Zalo messages. */
function printMessages(world: Pick<DemoWorld, "telegram" | "zalo" | "names">, transcript: Transcript) {
  const nameOf = (id: number | string) => world.names.get(id) ?? { name: String(id), order: Number.MAX_SAFE_INTEGER };
  world.telegram.onMessage = (message, kind) => {
    if (kind === "edited" && message.buttons.flat().length === 0) return;
    const { name, order } = nameOf(message.chatId);
    const buttons = message.buttons.flat().map((b) => `[${b.text}]`);
    const footer = buttons.length > 0 ? `${buttons.slice(0, 6).join(" ")}${buttons.length > 6 ? " …" : ""}` : "";
    transcript.message(order, `🤖 → ${name}${kind === "edited" ? " (sửa)" : ""}`, message.text.split("\n"), footer);
  };
  world.zalo.onMessage = (message) => {
    const { name, order } = nameOf(message.chatId);
    transcript.message(order, `🤖 Zalo → ${name}`, message.text.split("\n"));
  };
}

export async function startDemoWorld(clock: DemoClock, transcript: Transcript): Promise<DemoWorld> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? "silent" });
  const evidenceDir = mkdtempSync(join(tmpdir(), "nhacviec-demo-"));
  const { database, summary } = await databaseWithPlan(clock, logger);
  const { db } = database;
  const telegram = await startBotApiEmulator({ ratePerSecond: 1000, perChatIntervalMs: 0 });
  const zaloEmulator = await startZaloApiEmulator({ ratePerSecond: 1000, maxPollSeconds: 1 });
  const names = new Map<number | string, { name: string; order: number }>();
  printMessages({ telegram, zalo: zaloEmulator, names }, transcript);
  const zalo = zaloChannel(zaloEmulator, clock);
  const now = () => clock.now;
  const bot = createBot({
    db,
    logger,
    token: "123:DEMO",
    apiRoot: telegram.apiRoot,
    evidenceDir,
    now,
    botUsername: "nhacviec_bot",
    zalo: zalo.channel,
    zaloBotName: "Nhắc việc CCHC Gio Sơn",
  });
  const runner = run(bot, { runner: { fetch: { timeout: 1 } } });
  // One notifier and one limiter for the notices and the reminders, as in `start`. The dispatcher has no
  // timer: the demo's clock jumps, and a pass must never read the clock before a jump and act after it.
  const dispatcher = startEmbeddedDispatcher({
    db,
    notifier: createTelegramNotifier("123:DEMO", { apiRoot: telegram.apiRoot }),
    limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }),
    zalo: zalo.channel,
    logger,
    now,
    manual: true,
    eventIntervalMs: 30,
  });
  // The first pass at start, as a timer's would be: the week's sends due before anyone joined go to nobody.
  await dispatcher.pass();
  const zaloPolling = startZaloPolling({
    client: zalo.client,
    onUpdate: createZaloUpdateHandler({ db, logger, now, zalo: zalo.channel }).once,
    logger,
    timeoutSeconds: 1,
    backoffMs: 50,
  });
  return {
    db,
    summary,
    telegram,
    zalo: zaloEmulator,
    dispatcher,
    names,
    async stop() {
      await runner.stop();
      await zaloPolling.stop();
      await dispatcher.close();
      await telegram.close();
      await zaloEmulator.close();
      await database.close();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}
