import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { createHttpApp, telegramUpdateId, WEBHOOK_BODY_LIMIT_BYTES } from "../../src/runtime/http-server.js";
import { claimUpdate } from "../../src/services/processed-updates.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

const SECRET = "s3cret";

/** A webhook whose updates take `workMs` to process, counting how often each id is processed. */
function slowWebhook(workMs: number) {
  const processed = new Map<number, number>();
  const { app, drain } = createHttpApp({
    logger: silentLogger,
    webhooks: [
      {
        path: "/telegram",
        secretHeader: "x-telegram-bot-api-secret-token",
        secretToken: SECRET,
        updateIdOf: telegramUpdateId,
        claim: (id) => claimUpdate(database.client.db, "telegram", id, new Date()),
        process: async (body) => {
          await new Promise((resolve) => setTimeout(resolve, workMs));
          const id = (body as { update_id: number }).update_id;
          processed.set(id, (processed.get(id) ?? 0) + 1);
        },
      },
    ],
  });
  const post = (body: string, secret = SECRET) =>
    app.request("/telegram", {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body,
    });
  return { processed, drain, post };
}

describe("the Telegram webhook", () => {
  it("answers 400 to a malformed or empty body and to JSON that is not an update", async () => {
    const { post, processed } = slowWebhook(0);
    expect((await post("")).status).toBe(400);
    expect((await post("{not json")).status).toBe(400);
    expect((await post("[1,2]")).status).toBe(400);
    expect((await post('{"update_id":"7"}')).status).toBe(400);
    expect((await post('{"message":{}}')).status).toBe(400);
    expect(processed.size).toBe(0);
  });

  it("refuses a wrong secret with 401 and a body over the limit with 413", async () => {
    const { post, processed } = slowWebhook(0);
    expect((await post('{"update_id":1}', "wrong")).status).toBe(401);
    const padding = "x".repeat(WEBHOOK_BODY_LIMIT_BYTES + 1);
    expect((await post(JSON.stringify({ update_id: 2, padding }))).status).toBe(413);
    expect(processed.size).toBe(0);
  });

  it("acknowledges a slow update at once and processes a redelivered update_id only once", async () => {
    const { post, processed, drain } = slowWebhook(1500);
    const id = 4_000_000 + Math.floor(Math.random() * 1_000_000);
    const started = Date.now();
    const first = await post(JSON.stringify({ update_id: id, message: { text: "/viec" } }));
    const acknowledgedAfterMs = Date.now() - started;
    // Telegram redelivers when it had no answer in time; here it sends again while the first is still working.
    const again = await post(JSON.stringify({ update_id: id, message: { text: "/viec" } }));
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(acknowledgedAfterMs).toBeLessThan(1500);
    await drain();
    expect(processed.get(id)).toBe(1);
  });
});

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe("nhacviec start with Telegram unreachable", () => {
  it("exits 1 after a bounded retry, naming what it could not reach", async () => {
    const directory = mkdtempSync(join(tmpdir(), "nhacviec-unreachable-"));
    const apiRoot = `http://127.0.0.1:${await closedPort()}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LOG_LEVEL: "silent",
      TELEGRAM_BOT_TOKEN: "123:TEST",
      TELEGRAM_API_ROOT: apiRoot,
      EMBEDDED_DATABASE_DIR: join(directory, "db"),
      EVIDENCE_DIR: join(directory, "evidence"),
    };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    const started = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "start"], { env });
    try {
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code).toBe(1);
      expect(stderr).toContain("Telegram");
      expect(stderr).toContain(apiRoot);
      // Four waits of 1, 2, 4 and 8 s between five tries, plus the process's own start (slow on a loaded machine):
      // bounded, where it used to wait forever.
      expect(Date.now() - started).toBeLessThan(75_000);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(directory, { recursive: true, force: true });
    }
  }, 90_000);
});
