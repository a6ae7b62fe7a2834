import type { Database } from "../db/client.js";
import type { Logger } from "../src/logger.js";
import { DeliveriesPendingError, dispatchDueAcross } from "../src/services/delivery/dispatch-due.js";
import { organizationsWithDueSends, planAllReminders, releaseStaleClaims } from "../src/services/delivery/reconcile.js";
import { organizationsWithWeeklySends, sendWeeklyIfDue } from "../src/services/delivery/weekly-sends.js";
import type { DeliveryChannel } from "../src/channels/channel.js";
import type { ZaloChannelDeps } from "../src/services/delivery/deliver.js";
import type { Notifier } from "../src/services/notifier.js";
import { startEmbeddedEventProcessor } from "./event-processor.js";
import { createMemorySentMarkers } from "./memory-sent-markers.js";
import type { SendRateLimiter } from "./send-rate-limiter.js";

export interface EmbeddedDispatcherDeps {
  db: Database;
  notifier: Notifier;
  limiter: SendRateLimiter;
  /** The channels to deliver on, as the registry lists them from config (the runtime passes them). */
  channels?: readonly DeliveryChannel[] | undefined;
  /** Without `channels` (tests): the Zalo channel's parts, when the office turned it on. */
  zalo?: ZaloChannelDeps | undefined;
  /** Without `channels` (tests): the email channel, when SMTP_URL and EMAIL_FROM are set. */
  email?: DeliveryChannel | undefined;
  logger: Logger;
  now: () => Date;
  /** How often the timer looks for due rows (default 20 s). */
  intervalMs?: number;
  /**
   * No timer: passes run only when `pass()` is called. For a simulated clock (the demo), whose time moves only
   * when the dispatcher is idle, so no pass reads the clock before a jump and acts after it.
   */
  manual?: boolean;
  /** How often the outbox is read for events to tell (default every second, or intervalMs when shorter). */
  eventIntervalMs?: number;
  staleClaimSeconds?: number;
}

export interface EmbeddedDispatcher {
  /** One pass: plan, release stale claims, send what is due, tell the events recorded since. */
  tick(): Promise<void>;
  /**
   * Waits for the timer's pass in progress, then makes one whole pass at the clock's current time, weekly
   * sends included: what is due now has gone out when it resolves (the demo's clock moves only after it).
   */
  pass(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The dispatcher without Redis: an in-process timer over the same rows. For a
 * single process (one commune's office PC); with several processes use Redis.
 */
export function startEmbeddedDispatcher(deps: EmbeddedDispatcherDeps): EmbeddedDispatcher {
  const sentMarkers = createMemorySentMarkers();
  const sendDeps = { ...deps, sentMarkers };
  let lastPlanning = 0;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  // Notices of decisions go out within a second, not at the reminders' pace.
  const events = startEmbeddedEventProcessor({
    ...deps,
    intervalMs: deps.eventIntervalMs ?? Math.min(deps.intervalMs ?? 20_000, 1000),
  });

  const tick = async (): Promise<void> => {
    const now = deps.now();
    // Planning every 5 minutes is what the reconciler does in the Redis mode.
    if (now.getTime() - lastPlanning >= 5 * 60_000) {
      await planAllReminders(deps.db, now);
      lastPlanning = now.getTime();
    }
    await releaseStaleClaims(deps.db, deps.staleClaimSeconds, sentMarkers);
    const due = await organizationsWithDueSends(deps.db, now);
    for (const organizationId of await organizationsWithWeeklySends(deps.db)) {
      await sendWeeklyIfDue(deps, organizationId).catch((error: unknown) =>
        deps.logger.error({ err: error, organizationId }, "weekly sends failed"),
      );
    }
    // One dispatch for every organization due: their messages go out in turns.
    if (due.length > 0) {
      try {
        const result = await dispatchDueAcross(sendDeps, due);
        deps.logger.info({ organizations: due.length, ...result }, "reminders dispatched");
      } catch (error) {
        // Transient failures stay pending for the next tick; anything else is logged and retried too.
        if (!(error instanceof DeliveriesPendingError)) deps.logger.error({ err: error }, "dispatch failed");
      }
    }
    await events.tick();
  };

  /** Passes run one after another, never two at once: each starts when the one before has ended. */
  const pass = (): Promise<void> => {
    running = running
      .then(tick)
      .catch((error: unknown) => deps.logger.error({ err: error }, "embedded dispatcher pass failed"));
    return running;
  };
  const schedule = (): void => {
    if (stopped || deps.manual) return;
    timer = setTimeout(() => void pass().finally(schedule), deps.intervalMs ?? 20_000);
  };
  if (!deps.manual) void pass().finally(schedule);

  return {
    tick,
    pass,
    async close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await events.close();
    },
  };
}
