/**
 * How long to wait after a 429 that names no wait, as Zalo's do. Why not one
 * fixed wait: a long one (Zalo's "quota exceeded" may be a quota longer than
 * a second) stalled a burst over a per-second limit for half a minute each
 * time; a short one would hammer a quota that lasts. So the wait starts short
 * and doubles while refusals go on, up to `maxMs`, and starts short again once
 * a send goes through. Refusals of requests already on their way when a wait
 * began are one episode with it: they get what is left of that wait and do
 * not double it. Times are milliseconds on one clock, given by the caller.
 */
export interface UnnamedRateLimitWait {
  /** The wait for a request sent at `sentAt` and refused at `now`. */
  refused(sentAt: number, now: number): number;
  /** A request sent at `sentAt` went through. */
  accepted(sentAt: number): void;
}

export function createUnnamedRateLimitWait(options: { firstMs: number; maxMs: number }): UnnamedRateLimitWait {
  let refusalsInARow = 0;
  let waitEndsAt = Number.NEGATIVE_INFINITY;
  return {
    refused(sentAt, now) {
      if (sentAt >= waitEndsAt) {
        refusalsInARow++;
        const wait = Math.min(options.firstMs * 2 ** (refusalsInARow - 1), options.maxMs);
        waitEndsAt = now + wait;
      }
      return Math.max(0, waitEndsAt - now);
    },
    accepted(sentAt) {
      // A send that left during a wait, answered late, says nothing about whether the platform takes sends now.
      if (sentAt >= waitEndsAt) refusalsInARow = 0;
    },
  };
}
