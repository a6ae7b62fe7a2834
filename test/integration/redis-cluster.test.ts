/**
 * BullMQ on a Redis Cluster: three cluster nodes on loopback ports (started
 * and removed by this file), the reminder side assembled as `nhacviec worker`
 * assembles it from REDIS_CLUSTER_NODES, the queue prefix a hash tag. A batch
 * due now goes out through the cluster, each message once.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import { loadConfig } from "../../src/config.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { startReminders } from "../../src/runtime/reminders.js";
import { freePort } from "../faults/support/servers.js";
import { createMigratedDatabase, silentLogger } from "../support/database.js";
import { countByChat, createReminderWorld, planSend, waitFor } from "../support/reminder-world.js";

const run = promisify(execFile);

let dir: string;
let ports: number[] = [];
const nodes: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nhacviec-cluster-"));
  ports = [await freePort(), await freePort(), await freePort()];
  for (const port of ports) {
    nodes.push(
      spawn(
        "redis-server",
        [
          "--port",
          String(port),
          "--bind",
          "127.0.0.1",
          "--cluster-enabled",
          "yes",
          "--cluster-config-file",
          join(dir, `nodes-${port}.conf`),
          "--dir",
          dir,
          "--dbfilename",
          `dump-${port}.rdb`,
          "--save",
          "",
          "--appendonly",
          "no",
        ],
        { stdio: "ignore" },
      ),
    );
  }
  for (const port of ports)
    await waitFor(
      async () =>
        (await run("redis-cli", ["-p", String(port), "ping"]).catch(() => ({ stdout: "" }))).stdout.includes("PONG"),
      15_000,
      `cluster node ${port}`,
    );
  await run("redis-cli", [
    "--cluster",
    "create",
    ...ports.map((port) => `127.0.0.1:${port}`),
    "--cluster-replicas",
    "0",
    "--cluster-yes",
  ]);
  await waitFor(
    async () =>
      (await run("redis-cli", ["-p", String(ports[0]), "cluster", "info"])).stdout.includes("cluster_state:ok"),
    20_000,
    "the cluster to be ok",
  );
}, 60_000);

afterAll(async () => {
  for (const node of nodes) node.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

describe("the reminder engine on a Redis Cluster", () => {
  it("delivers a batch through a 3-node cluster with a hash-tagged prefix, each message once", async () => {
    const database = await createMigratedDatabase();
    const emulator = await startBotApiEmulator({ ratePerSecond: 5000 });
    const config = loadConfig({
      REDIS_CLUSTER_NODES: ports.map((port) => `127.0.0.1:${port}`).join(","),
      QUEUE_PREFIX: `nhacviec-cluster-${randomBytes(3).toString("hex")}`,
      TELEGRAM_MESSAGES_PER_SECOND: "500",
    });
    // The plain prefix became a hash tag: every key of a queue lands in one slot.
    expect(config.queuePrefix).toMatch(/^\{nhacviec-cluster-[0-9a-f]+\}$/);
    const world = await createReminderWorld(database.client, 300, 60_000);
    await planSend(database.client, world, new Date(Date.now() - 1000));
    const reminders = await startReminders(config, {
      db: database.client.db,
      notifier: createTelegramNotifier("123:CLUSTER", { apiRoot: emulator.apiRoot, timeoutSeconds: 10 }),
      logger: silentLogger,
      now: () => new Date(),
    });
    try {
      expect(reminders.mode).toBe("redis");
      await waitFor(() => emulator.messages.length >= 300, 60_000, "300 messages");
      await new Promise((resolve) => setTimeout(resolve, 500));
      const counts = countByChat(emulator.messages);
      expect(counts.size).toBe(300);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const [row] = await database.client.sql`select count(*)::int as n from reminder_deliveries where state = 'sent'`;
      expect(row?.n).toBe(300);
      // Every key of the engine sits on the one node that owns the tag's slot.
      const taggedPerNode: number[] = [];
      for (const port of ports) {
        const { stdout } = await run("redis-cli", [
          "-p",
          String(port),
          "--scan",
          "--pattern",
          `${config.queuePrefix}*`,
        ]);
        taggedPerNode.push(stdout.split("\n").filter(Boolean).length);
      }
      expect(taggedPerNode.filter((n) => n > 0)).toHaveLength(1);
    } finally {
      await reminders.close();
      await emulator.close();
      await database.drop();
    }
  }, 90_000);
});
