/**
 * Network errors on the way to the Bot API: retried with backoff and logged, a
 * bounded number of times, and only where repeating cannot duplicate a message.
 * (@grammyjs/auto-retry, left alone, retries them forever and silently.)
 */
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../logger.js";

/** Error codes that prove the request never reached Telegram: repeating it is always safe. */
const NEVER_LEFT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/**
 * Methods that may run twice without a second visible effect. A send whose
 * answer was lost may already be in the chat: it is not repeated here (the
 * reminder dispatcher has its own once-only rules).
 */
const REPEATABLE = /^(get|set|delete|answer|edit|logOut|close)/;

export interface NetworkRetry {
  transformer: Transformer;
  /** Attempts per request, the first included; raised once the bot is running. */
  attempts: number;
}

function causeCode(error: HttpError): string | null {
  let cause: unknown = error.error;
  for (let depth = 0; depth < 4 && typeof cause === "object" && cause !== null; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string") return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}

export function createNetworkRetry(
  logger: Logger,
  options: { attempts: number; firstDelayMs?: number; maxDelayMs?: number },
): NetworkRetry {
  const firstDelayMs = options.firstDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const retry: NetworkRetry = {
    attempts: options.attempts,
    transformer: async (prev, method, payload, signal) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await prev(method, payload, signal);
        } catch (error) {
          if (!(error instanceof HttpError) || signal?.aborted) throw error;
          const code = causeCode(error);
          const safe = REPEATABLE.test(method) || (code !== null && NEVER_LEFT.has(code));
          if (!safe || attempt >= retry.attempts) {
            logger.warn({ method, attempt, code, err: error }, "Bot API unreachable, giving up");
            throw error;
          }
          const delayMs = Math.min(maxDelayMs, firstDelayMs * 2 ** (attempt - 1));
          logger.warn({ method, attempt, code, delayMs }, "Bot API unreachable, retrying");
          await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
      }
    },
  };
  return retry;
}
