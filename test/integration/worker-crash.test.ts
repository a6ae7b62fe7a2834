import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { countQueueKeys, removeQueueKeys } from "../support/queues.js";
import { countByChat, createReminderWorld, planSend, waitFor } from "../support/reminder-world.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

function startWorker(env: Record<string, string>): ChildProcess {
  // node itself, not npx: a signal must reach the worker, not a wrapper around it.
  return spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "worker"], {
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });

describe("a worker killed in the middle of a batch", () => {
  it("is restarted and every one of 1,000 sends arrives, none twice; SIGTERM then drains and exits 0", async () => {
    let first: ChildProcess | undefined;
    const emulator = await startBotApiEmulator({
      ratePerSecond: 5000,
      holdAfter: 300,
      // Killed while requests are in flight: the emulator answers none of them, so none was delivered.
      onHold: () => setTimeout(() => first?.kill("SIGKILL"), 300),
    });
    const world = await createReminderWorld(database.client, 1000, 100_000);
    await planSend(database.client, world, new Date(Date.now() - 1000));
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      TELEGRAM_BOT_TOKEN: "123:TEST",
      TELEGRAM_API_ROOT: emulator.apiRoot,
      QUEUE_PREFIX: `nhacviec-test-${randomBytes(4).toString("hex")}`,
      TELEGRAM_MESSAGES_PER_SECOND: "1000",
      STALE_CLAIM_SECONDS: "1",
      LOG_LEVEL: "silent",
    };
    let second: ChildProcess | undefined;
    try {
      first = startWorker(env);
      const killed = await exited(first);
      expect(killed.signal).toBe("SIGKILL");
      expect(emulator.messages.length).toBe(300);
      const [left] = await database.client
        .sql`select count(*)::int as n from reminder_deliveries where state <> 'sent'`;
      expect(left?.n).toBeGreaterThan(0);
      // Claims of the dead worker go stale after a second; the new worker's reconciler releases and resends them.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      emulator.resume();
      second = startWorker(env);
      await waitFor(() => emulator.messages.length >= 1000, 60_000, "1,000 messages");
      await new Promise((resolve) => setTimeout(resolve, 500));
      const counts = countByChat(emulator.messages);
      expect(counts.size).toBe(1000);
      expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
      const [sent] = await database.client.sql`select count(*)::int as n from reminder_deliveries where state = 'sent'`;
      expect(sent?.n).toBe(1000);
      second.kill("SIGTERM");
      expect(await exited(second)).toEqual({ code: 0, signal: null });
    } finally {
      first?.kill("SIGKILL");
      second?.kill("SIGKILL");
      await emulator.close();
      await removeQueueKeys(env.QUEUE_PREFIX, env.REDIS_URL);
    }
    expect(await countQueueKeys(env.QUEUE_PREFIX, env.REDIS_URL)).toBe(0);
  }, 120_000);
});
