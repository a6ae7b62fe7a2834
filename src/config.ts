/** Configuration from the environment, read and checked once at start. */
import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.url().optional())
  .optional();

export const configSchema = z.object({
  DATABASE_URL: optionalUrl,
  EMBEDDED_DATABASE_DIR: z.string().trim().min(1).default("./data/db"),
  REDIS_URL: optionalUrl,
  // A Redis Cluster instead of one server: "host:port,host:port,…" (a few seed nodes; the rest are discovered).
  REDIS_CLUSTER_NODES: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value.split(/[\s,]+/).filter(Boolean)))
    .pipe(
      z
        .array(z.string().regex(/^[^\s:]+:\d{1,5}$/, "REDIS_CLUSTER_NODES: each node as host:port, comma-separated"))
        .min(1)
        .optional(),
    )
    .optional(),
  // Postgres connections each process opens at most (start, worker); the CLI commands open 2.
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10),
  TELEGRAM_BOT_TOKEN: z.string().trim().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  EVIDENCE_DIR: z.string().trim().min(1).default("./data/evidence"),
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_BOT_USERNAME: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value.replace(/^@/, "")))
    .optional(),
  WEBHOOK_URL: optionalUrl,
  WEBHOOK_SECRET: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/)
        .optional(),
    )
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  PUBLIC_URL: optionalUrl.pipe(
    z
      .string()
      .regex(/^https?:\/\/[^/?#]+\/?$/, "PUBLIC_URL is an origin such as https://nhacviec.example.gov.vn")
      .optional(),
  ),
  // On a Redis Cluster the prefix is a hash tag ("{nhacviec}") so a queue's keys share one slot; a plain
  // prefix is wrapped in braces there.
  QUEUE_PREFIX: z
    .string()
    .trim()
    .regex(/^(\{[a-z0-9-]+\}|[a-z0-9-]+)$/)
    .default("nhacviec"),
  TELEGRAM_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(25),
  TELEGRAM_CHAT_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  // A delivery claim not renewed for this long is a dead worker's (renewed every third of it while sending).
  STALE_CLAIM_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // Zalo is optional: without ZALO_BOT_TOKEN nothing below is read, and a Telegram-only office is unchanged.
  ZALO_BOT_TOKEN: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]+$/, "a Zalo bot token has the form {bot_id}:{secret}")
        .optional(),
    )
    .optional(),
  ZALO_API_ROOT: optionalUrl,
  ZALO_WEBHOOK_URL: optionalUrl,
  ZALO_WEBHOOK_SECRET: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{8,256}$/, "Zalo takes a webhook secret of 8 to 256 letters, digits, _ or -")
        .optional(),
    )
    .optional(),
  ZALO_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(5),
  // Email is optional: SMTP_URL and EMAIL_FROM together turn it on.
  SMTP_URL: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(
      z
        .string()
        .regex(/^smtps?:\/\/[^/?#\s]+/, "SMTP_URL is smtp://user:password@host:587 or smtps://user:password@host:465")
        .optional(),
    )
    .optional(),
  EMAIL_FROM: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(
      z
        .string()
        .regex(
          /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
          "EMAIL_FROM is an address, e.g. Nhắc việc <nhacviec@xa.gov.vn>",
        )
        .optional(),
    )
    .optional(),
  // The mail server hands bounces (delivery status notifications) to POST /email/bounce with this bearer secret.
  EMAIL_BOUNCE_SECRET: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(z.string().min(24, "EMAIL_BOUNCE_SECRET needs at least 24 characters").optional())
    .optional(),
  TASK_LINK_SECRET: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(z.string().min(32, "TASK_LINK_SECRET needs 32 characters or more (e.g. openssl rand -hex 32)").optional())
    .optional(),
});

export interface Config {
  databaseUrl: string | undefined;
  /** Where PGlite keeps the data when there is no DATABASE_URL ("memory" keeps nothing). */
  embeddedDatabaseDir: string;
  redisUrl: string | undefined;
  /** Seed nodes of a Redis Cluster (REDIS_CLUSTER_NODES); set, it is used instead of REDIS_URL. */
  redisClusterNodes: string[] | undefined;
  /** Postgres connections a long-running process (start, worker) opens at most. */
  databasePoolMax: number;
  telegramBotToken: string | undefined;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  evidenceDir: string;
  telegramApiRoot: string | undefined;
  /** For invite links; asked from Telegram (getMe) when not set. */
  telegramBotUsername: string | undefined;
  /** Set: the bot takes updates by webhook on PORT; unset: long polling. */
  webhookUrl: string | undefined;
  /** Telegram sends it back in X-Telegram-Bot-Api-Secret-Token; derived from the token when not set. */
  webhookSecret: string | undefined;
  port: number;
  /**
   * The address people open the web app at (no path); every link the bot sends
   * is built from it. Unset: http://localhost:PORT, for a machine of one's own.
   */
  publicUrl: string;
  queuePrefix: string;
  /** Stays under Telegram's ~30 messages/s per bot, across all worker processes. */
  telegramMessagesPerSecond: number;
  telegramChatIntervalMs: number;
  /** A delivery claimed longer ago than this belongs to a crashed worker and is sent again. */
  staleClaimSeconds: number;
  /** Set: reminders also go to people who bound a Zalo chat; unset: Telegram only. */
  zaloBotToken: string | undefined;
  /** Another Zalo Bot API server (the local emulator in tests and the demo). */
  zaloApiRoot: string | undefined;
  /** Set: Zalo posts updates there (setWebhook); unset: the bot long-polls getUpdates. */
  zaloWebhookUrl: string | undefined;
  /** Zalo sends it back in X-Bot-Api-Secret-Token; required with ZALO_WEBHOOK_URL. */
  zaloWebhookSecret: string | undefined;
  /** Zalo documents no rate, only 429 "Quota exceeded": a cautious pace across all worker processes. */
  zaloMessagesPerSecond: number;
  /**
   * Signs the task links in Zalo messages; derived from ZALO_BOT_TOKEN when
   * unset (whoever holds the bot token can already write as the bot).
   */
  taskLinkSecret: string | undefined;
  /** Set with EMAIL_FROM: reminders, notices and digests also go to confirmed email addresses. */
  smtpUrl: string | undefined;
  /** The From of every email. */
  emailFrom: string | undefined;
  /** Unset: POST /email/bounce answers 404; set: the mail server posts bounces there with it as bearer. */
  emailBounceSecret: string | undefined;
}

/** Raised when the environment does not describe a runnable configuration; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment (process.env in production, a plain object in tests). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema
    .superRefine((values, context) => {
      if (Boolean(values.SMTP_URL) !== Boolean(values.EMAIL_FROM)) {
        context.addIssue({
          code: "custom",
          path: [values.SMTP_URL ? "EMAIL_FROM" : "SMTP_URL"],
          message: "email needs both SMTP_URL and EMAIL_FROM",
        });
      }
      if (values.ZALO_WEBHOOK_URL && !values.ZALO_BOT_TOKEN) {
        context.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_URL"], message: "needs ZALO_BOT_TOKEN" });
      }
      if (values.ZALO_WEBHOOK_URL && !values.ZALO_WEBHOOK_SECRET) {
        context.addIssue({
          code: "custom",
          path: ["ZALO_WEBHOOK_SECRET"],
          message: "Zalo's setWebhook requires a secret: set ZALO_WEBHOOK_SECRET with ZALO_WEBHOOK_URL",
        });
      }
    })
    .safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const values = parsed.data;
  return {
    databaseUrl: values.DATABASE_URL,
    embeddedDatabaseDir: values.EMBEDDED_DATABASE_DIR,
    redisUrl: values.REDIS_URL,
    redisClusterNodes: values.REDIS_CLUSTER_NODES,
    databasePoolMax: values.DATABASE_POOL_MAX,
    telegramBotToken: values.TELEGRAM_BOT_TOKEN === "" ? undefined : values.TELEGRAM_BOT_TOKEN,
    logLevel: values.LOG_LEVEL,
    evidenceDir: values.EVIDENCE_DIR,
    telegramApiRoot: values.TELEGRAM_API_ROOT,
    telegramBotUsername: values.TELEGRAM_BOT_USERNAME,
    webhookUrl: values.WEBHOOK_URL,
    webhookSecret: values.WEBHOOK_SECRET,
    port: values.PORT,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ""),
    queuePrefix:
      values.REDIS_CLUSTER_NODES && !values.QUEUE_PREFIX.startsWith("{")
        ? `{${values.QUEUE_PREFIX}}`
        : values.QUEUE_PREFIX,
    telegramMessagesPerSecond: values.TELEGRAM_MESSAGES_PER_SECOND,
    telegramChatIntervalMs: values.TELEGRAM_CHAT_INTERVAL_MS,
    staleClaimSeconds: values.STALE_CLAIM_SECONDS,
    zaloBotToken: values.ZALO_BOT_TOKEN,
    zaloApiRoot: values.ZALO_API_ROOT,
    zaloWebhookUrl: values.ZALO_WEBHOOK_URL,
    zaloWebhookSecret: values.ZALO_WEBHOOK_SECRET,
    zaloMessagesPerSecond: values.ZALO_MESSAGES_PER_SECOND,
    taskLinkSecret: values.TASK_LINK_SECRET,
    smtpUrl: values.SMTP_URL,
    emailFrom: values.EMAIL_FROM,
    emailBounceSecret: values.EMAIL_BOUNCE_SECRET,
  };
}
