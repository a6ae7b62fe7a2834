import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";

describe("loadConfig", () => {
  it("reads a Redis Cluster's nodes and makes the queue prefix a hash tag there", () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: "10.0.0.1:7000, 10.0.0.2:7001", DATABASE_POOL_MAX: "20" });
    expect(config).toMatchObject({
      redisClusterNodes: ["10.0.0.1:7000", "10.0.0.2:7001"],
      queuePrefix: "{nhacviec}",
      databasePoolMax: 20,
    });
    expect(loadConfig({ REDIS_CLUSTER_NODES: "h:1", QUEUE_PREFIX: "{tinh}" }).queuePrefix).toBe("{tinh}");
    expect(loadConfig({ QUEUE_PREFIX: "tinh" }).queuePrefix).toBe("tinh");
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: "no-port" })).toThrow(/REDIS_CLUSTER_NODES/);
  });

  it("reads the environment with defaults for what is not set", () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      embeddedDatabaseDir: "./data/db",
      redisClusterNodes: undefined,
      databasePoolMax: 10,
      redisUrl: undefined,
      telegramBotToken: undefined,
      logLevel: "info",
      evidenceDir: "./data/evidence",
      telegramApiRoot: undefined,
      telegramBotUsername: undefined,
      webhookUrl: undefined,
      webhookSecret: undefined,
      port: 8080,
      publicUrl: "http://localhost:8080",
      queuePrefix: "nhacviec",
      telegramMessagesPerSecond: 25,
      telegramChatIntervalMs: 1000,
      staleClaimSeconds: 30,
      zaloBotToken: undefined,
      zaloApiRoot: undefined,
      zaloWebhookUrl: undefined,
      zaloWebhookSecret: undefined,
      zaloMessagesPerSecond: 5,
    });
    expect(loadConfig({ DATABASE_URL: "postgres://u@h:5432/db", REDIS_URL: "", LOG_LEVEL: "debug" })).toMatchObject({
      databaseUrl: "postgres://u@h:5432/db",
      redisUrl: undefined,
      logLevel: "debug",
    });
  });

  it("takes PUBLIC_URL as an origin, without a trailing slash, and refuses one with a path", () => {
    expect(loadConfig({ PUBLIC_URL: "https://nhacviec.example.gov.vn/" }).publicUrl).toBe(
      "https://nhacviec.example.gov.vn",
    );
    expect(loadConfig({ PORT: "3000" }).publicUrl).toBe("http://localhost:3000");
    expect(() => loadConfig({ PUBLIC_URL: "https://example.gov.vn/app?x=1" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: "not a url" })).toThrow(/PUBLIC_URL/);
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

describe("loadConfig for Zalo", () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (caught) {
      if (caught instanceof ConfigError) return caught.problems.join("\n");
      throw caught;
    }
    return "";
  };
  const token = "3190358309365122943:hCYFHLRIkeKUjgFZHcWvNstmMqmXunnCyYHDVFCcpxEU";

  it("changes nothing for a Telegram-only office", () => {
    const telegramOnly = { TELEGRAM_BOT_TOKEN: "123:abc", WEBHOOK_URL: "https://office.example/tg" };
    expect(loadConfig({ ...telegramOnly, ZALO_BOT_TOKEN: "", ZALO_API_ROOT: "" })).toEqual(loadConfig(telegramOnly));
    expect(loadConfig(telegramOnly)).toMatchObject({ zaloBotToken: undefined, zaloWebhookUrl: undefined });
  });

  it("reads the Zalo bot, its API server and its webhook", () => {
    expect(
      loadConfig({
        ZALO_BOT_TOKEN: ` ${token} `,
        ZALO_API_ROOT: "http://127.0.0.1:8081",
        ZALO_WEBHOOK_URL: "https://office.example/zalo",
        ZALO_WEBHOOK_SECRET: "s3cret-of-8",
        ZALO_MESSAGES_PER_SECOND: "3",
      }),
    ).toMatchObject({
      zaloBotToken: token,
      zaloApiRoot: "http://127.0.0.1:8081",
      zaloWebhookUrl: "https://office.example/zalo",
      zaloWebhookSecret: "s3cret-of-8",
      zaloMessagesPerSecond: 3,
    });
    expect(loadConfig({ ZALO_BOT_TOKEN: token })).toMatchObject({ zaloBotToken: token, zaloWebhookUrl: undefined });
  });

  it("refuses a token not of the form {bot_id}:{secret}, naming the variable", () => {
    expect(problemsOf({ ZALO_BOT_TOKEN: "not-a-token" })).toMatch(/ZALO_BOT_TOKEN: .*\{bot_id\}:\{secret\}/);
    expect(problemsOf({ ZALO_BOT_TOKEN: "abc:def" })).toMatch(/ZALO_BOT_TOKEN/);
  });

  it("wants a token and a secret of 8 to 256 characters with a webhook", () => {
    expect(problemsOf({ ZALO_BOT_TOKEN: token, ZALO_WEBHOOK_URL: "https://office.example/zalo" })).toMatch(
      /ZALO_WEBHOOK_SECRET: .*requires a secret/,
    );
    expect(problemsOf({ ZALO_WEBHOOK_URL: "https://office.example/zalo", ZALO_WEBHOOK_SECRET: "s3cret-of-8" })).toMatch(
      /ZALO_WEBHOOK_URL: needs ZALO_BOT_TOKEN/,
    );
    expect(problemsOf({ ZALO_BOT_TOKEN: token, ZALO_WEBHOOK_SECRET: "short" })).toMatch(/ZALO_WEBHOOK_SECRET/);
    expect(problemsOf({ ZALO_BOT_TOKEN: token, ZALO_WEBHOOK_SECRET: "x".repeat(257) })).toMatch(/ZALO_WEBHOOK_SECRET/);
    expect(problemsOf({ ZALO_API_ROOT: "nowhere" })).toMatch(/ZALO_API_ROOT/);
  });
});

describe("loadConfig for email", () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return "";
    } catch (caught) {
      if (caught instanceof ConfigError) return caught.problems.join("\n");
      throw caught;
    }
  };

  it("turns email on with SMTP_URL and EMAIL_FROM together, and off without them", () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined, emailFrom: undefined });
    expect(
      loadConfig({ SMTP_URL: "smtps://nv:pw@mail.xa.gov.vn:465", EMAIL_FROM: "Nhắc việc <nhacviec@xa.gov.vn>" }),
    ).toMatchObject({ smtpUrl: "smtps://nv:pw@mail.xa.gov.vn:465", emailFrom: "Nhắc việc <nhacviec@xa.gov.vn>" });
    expect(loadConfig({ SMTP_URL: "smtp://mail:587", EMAIL_FROM: "nv@xa.gov.vn" })).toMatchObject({
      emailFrom: "nv@xa.gov.vn",
    });
  });

  it("names the missing or malformed variable", () => {
    expect(problemsOf({ SMTP_URL: "smtp://mail:587" })).toMatch(/EMAIL_FROM: email needs both/);
    expect(problemsOf({ EMAIL_FROM: "nv@xa.gov.vn" })).toMatch(/SMTP_URL: email needs both/);
    expect(problemsOf({ SMTP_URL: "http://mail", EMAIL_FROM: "nv@xa.gov.vn" })).toMatch(/SMTP_URL: SMTP_URL is smtp:/);
    expect(problemsOf({ SMTP_URL: "smtp://mail", EMAIL_FROM: "not an address" })).toMatch(/EMAIL_FROM/);
  });

  it("takes the bounce route's secret only when long enough to be one", () => {
    expect(loadConfig({}).emailBounceSecret).toBeUndefined();
    expect(loadConfig({ EMAIL_BOUNCE_SECRET: "x".repeat(24) }).emailBounceSecret).toBe("x".repeat(24));
    expect(problemsOf({ EMAIL_BOUNCE_SECRET: "short" })).toMatch(
      /EMAIL_BOUNCE_SECRET: EMAIL_BOUNCE_SECRET needs at least 24/,
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
    logger.info({ config: { zaloBotToken: "456:SECRET", zaloWebhookSecret: "SECRET-hook" } }, "zalo on");
    expect(lines).toHaveLength(3);
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
