import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";

describe("loadConfig", () => {
  it("reads the environment with defaults for what is not set", () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      embeddedDatabaseDir: "./data/db",
      redisUrl: undefined,
      telegramBotToken: undefined,
      logLevel: "info",
      evidenceDir: "./data/evidence",
      telegramApiRoot: undefined,
      telegramBotUsername: undefined,
      webhookUrl: undefined,
      webhookSecret: undefined,
      port: 8080,
      queuePrefix: "nhacviec",
      telegramMessagesPerSecond: 25,
      telegramChatIntervalMs: 1000,
      staleClaimSeconds: 120,
    });
    expect(loadConfig({ DATABASE_URL: "postgres://u@h:5432/db", REDIS_URL: "", LOG_LEVEL: "debug" })).toMatchObject({
      databaseUrl: "postgres://u@h:5432/db",
      redisUrl: undefined,
      logLevel: "debug",
    });
  });

  it("names every variable it refuses", () => {
    const error = (() => {
      try {
        loadConfig({ DATABASE_URL: "not a url", LOG_LEVEL: "loud" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join("\n")).toMatch(
      /DATABASE_URL[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*DATABASE_URL/,
    );
  });
});

describe("createLogger", () => {
  it("never writes the bot token or connection strings", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger("info", sink);
    logger.info({ config: { telegramBotToken: "123:SECRET", databaseUrl: "postgres://u:pw@h/db" } }, "started");
    logger.info({ token: "123:SECRET" }, "calling telegram");
    expect(lines).toHaveLength(2);
    expect(lines.join("")).not.toMatch(/SECRET|pw@/);
    expect(lines.join("")).toContain("[redacted]");
  });

  it("scrubs a bot token out of error messages, stacks and message text, child loggers included", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const token = "7123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    const child = createLogger("info", sink).child({ update_id: 42 });
    child.warn(
      { err: new Error(`GET https://api.telegram.org/file/bot${token}/documents/a.pdf failed`) },
      "download failed",
    );
    child.error(`request to bot${token} failed`);
    expect(lines).toHaveLength(2);
    expect(lines.join("")).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    expect(JSON.parse(lines[0]!)).toMatchObject({
      update_id: 42,
      err: { message: expect.stringContaining("[redacted]") },
    });
  });
});
