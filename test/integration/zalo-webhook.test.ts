/** The Zalo bot in webhook mode: setWebhook with the secret, updates posted to the process's one HTTP server. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import { startZaloApiEmulator } from "../../src/dev/zalo-api-emulator.js";
import { startHttpServer } from "../../src/runtime/http-server.js";
import { createZaloChannel, startZaloBot } from "../../src/runtime/zalo.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("the Zalo bot by webhook", () => {
  it("answers a stranger through the webhook and refuses a post without the secret", async () => {
    const zalo = await startZaloApiEmulator();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const config = {
      zaloBotToken: zalo.token,
      zaloApiRoot: zalo.apiRoot,
      publicUrl: `http://127.0.0.1:${port}`,
      taskLinkSecret: undefined,
      zaloWebhookUrl: `http://127.0.0.1:${port}/zalo-webhook`,
      zaloWebhookSecret: "webhook-secret-123",
    };
    const now = () => new Date();
    const channel = createZaloChannel(config, {
      limiter: createMemoryRateLimiter({ perSecond: 100, perChatIntervalMs: 0 }),
      now,
    });
    expect(channel).not.toBeNull();
    const bot = await startZaloBot(config, {
      db: database.client.db,
      logger: silentLogger,
      now,
      notifier: createTelegramNotifier("123:TEST", { apiRoot: "http://127.0.0.1:9" }),
      limiter: createMemoryRateLimiter({ perSecond: 100, perChatIntervalMs: 0 }),
      zalo: channel!,
    });
    const server = await startHttpServer({ port, logger: silentLogger, webhooks: [bot.webhook!] });
    try {
      expect(bot.mode).toBe("webhook");
      expect(zalo.webhook?.secretToken).toBe("webhook-secret-123");
      const stranger = zalo.user("b0000000000000000001");
      stranger.send("việc");
      expect((await stranger.waitForMessage()).text).toContain("Zalo của bạn chưa được kết nối");
      const forged = await fetch(`http://127.0.0.1:${port}/zalo-webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-bot-api-secret-token": "wrong" },
        body: "{}",
      });
      expect(forged.status).toBe(401);
    } finally {
      await server.close();
      await bot.close();
      await zalo.close();
    }
  });
});
