/**
 * Benchmark: pushes 20,000 sends through a local Bot API emulator that caps
 * the bot's rate (BENCH_RATE_CAP messages/s, default 1,000) and one message a
 * second per chat, answering 429 beyond that. Reports delivered/s as a
 * fraction of the cap, and lost and duplicate counts. `npm run bench:deliver`.
 *
 * Paired: after measuring this code it measures a peer, the code of another
 * commit (BENCH_PEER, default 244821d: the last before the sent markers),
 * extracted with `git archive` into a temporary directory and run the same way
 * in the same session, so both figures share the machine's load (printed with
 * os.loadavg()). BENCH_PEER=none measures this code alone.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { enqueueSlots, startReminderEngine } from "../../jobs/reminder-worker.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { createMigratedDatabase } from "../support/database.js";
import { removeQueueKeys } from "../support/queues.js";
import { countByChat, createReminderWorld, engineDeps, planSend, waitFor } from "../support/reminder-world.js";

const SENDS = Number(process.env.BENCH_SENDS ?? 20_000);
const CAP = Number(process.env.BENCH_RATE_CAP ?? 1000);
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const database = await createMigratedDatabase();
const emulator = await startBotApiEmulator({ ratePerSecond: CAP, perChatIntervalMs: 1000 });
const world = await createReminderWorld(database.client, SENDS, 1_000_000);
await planSend(database.client, world, new Date(Date.now() - 1000));
// The limiter aims a little under the cap: Redis's clock and the server's are not the same clock.
const deps = {
  ...engineDeps(
    database.client,
    redisUrl,
    `nhacviec-bench-${randomBytes(4).toString("hex")}`,
    emulator.apiRoot,
    Math.floor(CAP * 0.97),
  ),
};
const engine = await startReminderEngine(deps);
try {
  const started = performance.now();
  await enqueueSlots(engine.queue, [{ organizationId: world.organizationId, fireAt: new Date() }], new Date());
  await waitFor(() => emulator.messages.length >= SENDS, 600_000, `${SENDS} messages`);
  const seconds = (performance.now() - started) / 1000;
  const startedAt = Date.now() - seconds * 1000;
  // Before the first message: the dispatch preparing 20,000 deliveries; after it, the sending itself.
  const firstMessageSeconds = ((emulator.messages[0]?.at ?? startedAt) - startedAt) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const counts = countByChat(emulator.messages);
  const delivered = counts.size;
  const duplicates = [...counts.values()].reduce((sum, n) => sum + (n - 1), 0);
  const perSecond = emulator.messages.length / seconds;
  process.stdout.write(
    `${JSON.stringify({
      benchmark: "deliver",
      code: process.env.BENCH_CODE ?? "current",
      sends: SENDS,
      rateCap: CAP,
      seconds: Number(seconds.toFixed(2)),
      deliveredPerSecond: Math.round(perSecond),
      firstMessageSeconds: Number(firstMessageSeconds.toFixed(2)),
      sendingPerSecond: Math.round(emulator.messages.length / (seconds - firstMessageSeconds)),
      fractionOfCap: Number((perSecond / CAP).toFixed(3)),
      lost: SENDS - delivered,
      duplicates,
      tooManyRequests: emulator.stats.tooManyRequests,
      node: process.version,
      loadavg: loadavg().map((n) => Number(n.toFixed(2))),
    })}\n`,
  );
} finally {
  await engine.close();
  await removeQueueKeys(deps.prefix, deps.connection);
  await deps.connection.quit();
  await emulator.close();
  await database.drop();
}

const peer = process.env.BENCH_PEER ?? "244821d";
if (!process.env.BENCH_CODE && peer !== "none") {
  const root = resolve(import.meta.dirname, "../..");
  const dir = mkdtempSync(join(tmpdir(), "nhacviec-bench-peer-"));
  try {
    execFileSync("sh", ["-c", `git -C "${root}" archive ${peer} | tar -x -C "${dir}"`]);
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    const run = spawnSync(process.execPath, ["--import", "tsx", "test/bench/deliver.ts"], {
      cwd: dir,
      env: { ...process.env, BENCH_CODE: `peer ${peer}` },
      encoding: "utf8",
    });
    const line = run.stdout.trim().split("\n").at(-1) ?? "";
    // The peer's bench prints its own line; tagged here in case an older bench does not name its code.
    process.stdout.write(
      line.startsWith("{")
        ? `${JSON.stringify({ code: `peer ${peer}`, ...JSON.parse(line), loadavg: loadavg().map((n) => Number(n.toFixed(2))) })}\n`
        : `peer ${peer} failed: ${run.stderr.slice(-2000)}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
