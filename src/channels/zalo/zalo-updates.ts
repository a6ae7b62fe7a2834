/**
 * How updates from Zalo reach the bot: a long-polling loop (no webhook set),
 * or the check a webhook endpoint makes on each post. Handling an update (the
 * typed commands, an invite code) belongs to the bot layer; this file only
 * brings updates in, one at a time and in order.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Logger } from "../../logger.js";
import { type ZaloClient, ZaloApiError, type ZaloUpdate } from "./zalo-client.js";

/**
 * Is the X-Bot-Api-Secret-Token header of a webhook post our secret? Compared
 * in constant time (over digests, so unequal lengths take the same time too).
 */
export function isZaloWebhookSecretValid(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(header), digest(secret));
}

export interface ZaloPolling {
  /** Ends the loop: the long poll under way is aborted, the update being handled finishes. */
  stop(): Promise<void>;
  /** Settles when the loop has ended. */
  done: Promise<void>;
}

/**
 * Long-polls getUpdates until stopped and hands each update to `onUpdate`,
 * awaiting it before the next poll. Zalo forgets an update once handed out,
 * so a handler that throws is logged and the loop goes on; failures of the
 * API wait `backoffMs` (or the wait a 429 names) before polling again.
 */
export function startZaloPolling(options: {
  client: ZaloClient;
  onUpdate: (update: ZaloUpdate) => Promise<void>;
  logger: Logger;
  timeoutSeconds?: number;
  backoffMs?: number;
}): ZaloPolling {
  const controller = new AbortController();
  const backoffMs = options.backoffMs ?? 5000;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        controller.signal.removeEventListener("abort", wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      controller.signal.addEventListener("abort", wake, { once: true });
    });
  const done = (async () => {
    while (!controller.signal.aborted) {
      let updates: ZaloUpdate[];
      try {
        updates = await options.client.getUpdates({
          timeoutSeconds: options.timeoutSeconds ?? 30,
          signal: controller.signal,
        });
      } catch (error) {
        if (controller.signal.aborted) break;
        const failure = error instanceof ZaloApiError ? error.failure : undefined;
        const waitMs = failure?.kind === "rate-limited" ? failure.retryAfterSeconds * 1000 : backoffMs;
        options.logger.warn({ err: error, waitMs }, "zalo getUpdates failed");
        await pause(waitMs);
        continue;
      }
      for (const update of updates) {
        try {
          await options.onUpdate(update);
        } catch (error) {
          options.logger.error(
            { err: error, event: update.event_name, messageId: update.message?.message_id },
            "zalo update handler failed",
          );
        }
      }
    }
  })();
  return {
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
