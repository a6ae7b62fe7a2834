/**
 * The web app on a real port over real Postgres, with the bot running against
 * the Bot API emulator: seed 000 in one organization, the chat plan in another,
 * and people bound through invites as in the chat.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { startEmbeddedEventProcessor } from "../../jobs/event-processor.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { operatorInvite } from "./invites.js";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { run, type RunnerHandle } from "@grammyjs/runner";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { createBot } from "../../src/bot/create-bot.js";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import { type BotApiEmulator, startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { createHttpApp } from "../../src/runtime/http-server.js";
import { importPlan } from "../../src/services/import-plan.js";
import { redeemInvite } from "../../src/services/people/invites.js";
import { findViewer, type Viewer } from "../../src/services/people/viewer.js";
import { createWebApp } from "../../src/web/app.js";
import { chatPlan } from "./bot-world.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "./database.js";
import { toTabText } from "./plan-files.js";
import { readSeed } from "./seeds.js";

export const BOT_TOKEN = "123:TEST";

export interface WebWorld {
  database: TestDatabase & { client: PostgresDatabaseClient };
  emulator: BotApiEmulator;
  baseUrl: string;
  clock: { now: Date };
  evidenceDir: string;
  organizationId: string;
  otherOrganizationId: string;
  /** Binds a Telegram account to a role (and unit) as `/start <invite>` does. */
  person(
    telegramUserId: number,
    role: Role,
    options?: { unit?: string; other?: boolean; name?: string },
  ): Promise<Viewer>;
  stop(): Promise<void>;
}

export async function startWebWorld(options: { today?: string } = {}): Promise<WebWorld> {
  const database = await createMigratedDatabase();
  const seed = readSeed("000");
  const draft = interpretDocument(await readDocument(seed.fileName, Buffer.from(seed.text)), { year: 2025 });
  const { organizationId } = await importPlan(database.client.db, draft, {
    organizationSlug: "gio-son",
    fileName: seed.fileName,
    fileSha256: "0".repeat(64),
  });
  const other = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(chatPlan))), { year: 2025 });
  const { organizationId: otherOrganizationId } = await importPlan(database.client.db, other, {
    organizationSlug: "xa-khac",
    fileName: "kh.txt",
    fileSha256: "1".repeat(64),
  });
  const emulator = await startBotApiEmulator({ ratePerSecond: 10_000, perChatIntervalMs: 0 });
  const evidenceDir = mkdtempSync(join(tmpdir(), "nhacviec-web-"));
  const clock = { now: new Date(`${options.today ?? "2025-07-15"}T09:00:00+07:00`) };
  const now = () => clock.now;

  let baseUrl = "";
  const web = () =>
    createWebApp({
      db: database.client.db,
      logger: silentLogger,
      now,
      publicUrl: baseUrl,
      botToken: BOT_TOKEN,
      signInLimit: { max: 1000, windowMs: 60_000 },
      botUsername: "nhacviec_bot",
      evidenceDir,
    });
  // The port is known once listening; the app (which checks Origin against it) is made on the first request.
  let app: ReturnType<typeof createHttpApp>["app"] | null = null;
  const server: ServerType = await new Promise((resolve) => {
    const started = serve(
      {
        fetch: (request, env) => {
          app ??= createHttpApp({ logger: silentLogger, webhooks: [], web: web() }).app;
          return app.fetch(request, env);
        },
        port: 0,
        hostname: "127.0.0.1",
      },
      () => resolve(started),
    );
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const runner: RunnerHandle = run(
    createBot({
      db: database.client.db,
      logger: silentLogger,
      token: BOT_TOKEN,
      apiRoot: emulator.apiRoot,
      evidenceDir,
      now,
      botUsername: "nhacviec_bot",
      publicUrl: baseUrl,
    }),
    { runner: { fetch: { timeout: 1 } } },
  );

  // What the web decides reaches people as the chat's decisions do: through the outbox.
  const events = startEmbeddedEventProcessor({
    db: database.client.db,
    logger: silentLogger,
    now,
    notifier: createTelegramNotifier(BOT_TOKEN, { apiRoot: emulator.apiRoot }),
    limiter: createMemoryRateLimiter({ perSecond: 10_000, perChatIntervalMs: 0 }),
    intervalMs: 50,
  });
  return {
    database,
    emulator,
    baseUrl,
    clock,
    evidenceDir,
    organizationId,
    otherOrganizationId,
    async person(telegramUserId, role, personOptions = {}) {
      const invite = await operatorInvite(database.client.db, {
        organizationId: personOptions.other ? otherOrganizationId : organizationId,
        role,
        unitName: personOptions.unit ?? null,
        fullName: personOptions.name ?? null,
        now: clock.now,
      });
      const redeemed = await redeemInvite(database.client.db, {
        code: invite.code,
        telegramUserId,
        chatId: telegramUserId,
        fullName: personOptions.name ?? `Người ${telegramUserId}`,
        now: clock.now,
      });
      if (redeemed.kind !== "joined") throw new Error(`invite refused: ${redeemed.reason}`);
      return (await findViewer(database.client.db, telegramUserId)) as Viewer;
    },
    async stop() {
      if (runner.isRunning()) await runner.stop();
      await events.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await emulator.close();
      await database.drop();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}
