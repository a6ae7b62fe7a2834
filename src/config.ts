/** Configuration from the environment, read and checked once at start. */
import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.url().optional())
  .optional();

const configSchema = z.object({
  DATABASE_URL: optionalUrl,
  EMBEDDED_DATABASE_DIR: z.string().trim().min(1).default("./data/db"),
  REDIS_URL: optionalUrl,
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
  QUEUE_PREFIX: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]+$/)
    .default("nhacviec"),
  TELEGRAM_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(25),
  TELEGRAM_CHAT_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  STALE_CLAIM_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
});

export interface Config {
  databaseUrl: string | undefined;
  /** Where PGlite keeps the data when there is no DATABASE_URL ("memory" keeps nothing). */
  embeddedDatabaseDir: string;
  redisUrl: string | undefined;
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
  queuePrefix: string;
  /** Stays under Telegram's ~30 messages/s per bot, across all worker processes. */
  telegramMessagesPerSecond: number;
  telegramChatIntervalMs: number;
  /** A delivery claimed longer ago than this belongs to a crashed worker and is sent again. */
  staleClaimSeconds: number;
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
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const values = parsed.data;
  return {
    databaseUrl: values.DATABASE_URL,
    embeddedDatabaseDir: values.EMBEDDED_DATABASE_DIR,
    redisUrl: values.REDIS_URL,
    telegramBotToken: values.TELEGRAM_BOT_TOKEN === "" ? undefined : values.TELEGRAM_BOT_TOKEN,
    logLevel: values.LOG_LEVEL,
    evidenceDir: values.EVIDENCE_DIR,
    telegramApiRoot: values.TELEGRAM_API_ROOT,
    telegramBotUsername: values.TELEGRAM_BOT_USERNAME,
    webhookUrl: values.WEBHOOK_URL,
    webhookSecret: values.WEBHOOK_SECRET,
    port: values.PORT,
    queuePrefix: values.QUEUE_PREFIX,
    telegramMessagesPerSecond: values.TELEGRAM_MESSAGES_PER_SECOND,
    telegramChatIntervalMs: values.TELEGRAM_CHAT_INTERVAL_MS,
    staleClaimSeconds: values.STALE_CLAIM_SECONDS,
  };
}
