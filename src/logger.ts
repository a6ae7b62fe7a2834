/** The one pino root logger; everything else gets a child of it. */
import { pino, type Logger } from "pino";

export type { Logger };

/** Secrets never reach a log line, wherever they appear in a logged object. */
const redactedPaths = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "telegramBotToken",
  "*.telegramBotToken",
  "config.telegramBotToken",
  "zaloBotToken",
  "*.zaloBotToken",
  "zaloWebhookSecret",
  "*.zaloWebhookSecret",
  "databaseUrl",
  "*.databaseUrl",
  "redisUrl",
  "*.redisUrl",
];

/** A Telegram bot token ("123456:ABC…") inside any text, such as a URL in an error message. */
const BOT_TOKEN = /\d{5,}:[A-Za-z0-9_-]{30,}/g;

function scrub(value: unknown): unknown {
  if (typeof value === "string") return value.replace(BOT_TOKEN, "[redacted]");
  if (Array.isArray(value)) return value.map(scrub);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner)]));
  }
  return value;
}

/** Builds the root logger; logs go to stderr so that CLI stdout stays machine-readable. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: { app: "nhacviec" },
      redact: { paths: redactedPaths, censor: "[redacted]" },
      // Errors from HTTP clients may quote the request URL, and the Bot API puts the token in it.
      serializers: { err: (error: Error) => scrub(pino.stdSerializers.err(error)) },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === "string" ? arg.replace(BOT_TOKEN, "[redacted]") : arg)) as typeof args,
          );
        },
      },
    },
    destination,
  );
}
