/**
 * A BullMQ queue whose Redis is gone: its errors reach pino once a minute with
 * a count of those left unlogged, never BullMQ's raw stacks on stderr.
 */
import { EventEmitter } from "node:events";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { logRedisErrors } from "../../jobs/queues.js";

type Logged = { details: { err?: string; code?: string; unlogged?: number }; message: string };
const capture = () => {
  const logged: Logged[] = [];
  return {
    logged,
    logger: { warn: (details: Logged["details"], message: string) => logged.push({ details, message }) },
  };
};

describe("logRedisErrors", () => {
  it("logs the first error of each window with how many it left unlogged", () => {
    const emitter = new EventEmitter();
    const { logged, logger } = capture();
    let now = 0;
    logRedisErrors(emitter, "test queue", logger, { windowMs: 60_000, now: () => now });
    // A hundred seconds of one error a second: logged at 0 s and at 60 s.
    for (let i = 0; i < 100; i++) {
      emitter.emit("error", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), { code: "ECONNREFUSED" }));
      now += 1000;
    }
    expect(logged.map((l) => [l.message, l.details.code, l.details.unlogged])).toEqual([
      ["test queue: Redis error", "ECONNREFUSED", 0],
      ["test queue: Redis error", "ECONNREFUSED", 59],
    ]);
  });

  it("keeps a real queue on an unreachable Redis from printing to stderr", async () => {
    const connection = new Redis({ host: "127.0.0.1", port: 1, maxRetriesPerRequest: null, retryStrategy: () => 50 });
    const { logged, logger } = capture();
    logRedisErrors(connection, "Redis connection", logger);
    const queue = new Queue("nhacviec-errors-test", { connection });
    logRedisErrors(queue, "reminder queue", logger);
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string | Uint8Array) => (written.push(String(chunk)), true);
    const errorsSeen = new Promise<void>((resolve) => {
      let count = 0;
      queue.on("error", () => ++count >= 5 && resolve());
    });
    try {
      await errorsSeen;
    } finally {
      process.stderr.write = write;
      await queue.close().catch(() => undefined);
      connection.disconnect();
    }
    expect(written.join("")).not.toContain("ECONNREFUSED");
    expect(logged.filter((l) => l.message === "reminder queue: Redis error")).toHaveLength(1);
    expect(logged.find((l) => l.message === "reminder queue: Redis error")?.details.code).toBe("ECONNREFUSED");
  });
});
