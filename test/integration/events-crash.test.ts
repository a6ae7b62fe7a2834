/**
 * An event survives a crash and is told once: the change commits with its
 * event while no worker runs, the first worker is killed (SIGKILL) with the
 * notice in flight and unanswered, and the next worker tells it exactly once.
 * The event is a join (the coordinator who invited hears it): an organization
 * without a plan has no reminders or digests that would share the chat.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { createInvite, organizationBySlug, redeemInvite } from "../../src/services/people/invites.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { joinAs } from "../support/invites.js";
import { newQueuePrefix, removeQueueKeys, testRedisUrl } from "../support/queues.js";
import { waitFor } from "../support/reminder-world.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

function startWorker(env: Record<string, string>): ChildProcess {
  // node itself, not npx: the signal must reach the worker, not a wrapper around it.
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

describe("a worker killed between a change's commit and its notice", () => {
  it("leaves the event to the next worker, which tells the coordinator once", async () => {
    const { db, sql } = database.client;
    const now = new Date();
    const organization = await organizationBySlug(db, "khong-ke-hoach", "UBND xã Không Kế Hoạch");
    const coordinator = await joinAs(db, { userId: 901, role: "coordinator", organizationId: organization.id, now });
    const invite = await createInvite(db, coordinator, {
      organizationId: organization.id,
      role: "chairman",
      fullName: "Trần Văn Mới",
      now,
    });
    if (invite.kind !== "created") throw new Error(invite.kind);
    await sql`update domain_events set handled_at = now()`;

    let first: ChildProcess | undefined;
    let second: ChildProcess | undefined;
    const emulator = await startBotApiEmulator({
      ratePerSecond: 1000,
      // The first notice is held unanswered, and its worker killed then: nothing reached the coordinator.
      holdAfter: 0,
      onHold: () => setTimeout(() => first?.kill("SIGKILL"), 200),
    });
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl,
      TELEGRAM_BOT_TOKEN: "123:TEST",
      TELEGRAM_API_ROOT: emulator.apiRoot,
      QUEUE_PREFIX: newQueuePrefix(),
      STALE_CLAIM_SECONDS: "1",
      LOG_LEVEL: "silent",
    };
    try {
      // The join commits with its event while no worker runs: nobody is told yet.
      const joined = await redeemInvite(db, {
        code: invite.code,
        telegramUserId: 902,
        chatId: 902,
        fullName: "x",
        now,
      });
      expect(joined.kind).toBe("joined");
      const unhandled = async () =>
        (await sql`select count(*)::int as n from domain_events where handled_at is null`)[0]?.n as number;
      expect(await unhandled()).toBe(1);

      first = startWorker(env);
      expect((await exited(first)).signal).toBe("SIGKILL");
      expect(emulator.messages.filter((m) => m.chatId === 901)).toEqual([]);
      expect(await unhandled()).toBe(1);

      // The dead worker's claim goes stale after a second; the next worker takes the event over.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      emulator.resume();
      second = startWorker(env);
      await waitFor(() => emulator.messages.some((m) => m.chatId === 901), 60_000, "the coordinator's notice");
      // Further passes of the repeating job send nothing more.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const told = emulator.messages.filter((m) => m.chatId === 901);
      expect(told.map((m) => m.text)).toEqual([expect.stringContaining("Trần Văn Mới đã tham gia")]);
      expect(await unhandled()).toBe(0);
      const notices = await sql`select channel, state from event_notices`;
      expect(notices.map((n) => `${n.channel}:${n.state}`)).toEqual(["telegram:sent"]);
      second.kill("SIGTERM");
      expect(await exited(second)).toEqual({ code: 0, signal: null });
    } finally {
      first?.kill("SIGKILL");
      second?.kill("SIGKILL");
      await emulator.close();
      await removeQueueKeys(env.QUEUE_PREFIX, env.REDIS_URL);
    }
  }, 120_000);
});
