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
  "databaseUrl",
  "*.databaseUrl",
  "redisUrl",
  "*.redisUrl",
];

/** Builds the root logger; logs go to stderr so that CLI stdout stays machine-readable. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    { level, base: { app: "nhacviec" }, redact: { paths: redactedPaths, censor: "[redacted]" } },
    destination,
  );
}
