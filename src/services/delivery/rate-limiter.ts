/**
 * Telegram allows about 30 messages a second per bot and one a second per chat.
 * Every sender (the worker's dispatcher, the weekly sends, the bot's
 * notifications) waits for its turn here, so the limits hold for all of them
 * together; a 429 pauses everyone for Telegram's retry_after. The Redis and
 * in-memory implementations live in jobs/. Each channel has a limiter of its
 * own: a 429 from Zalo never holds up Telegram.
 */
/** How early a turn may come: a timer firing a little ahead is not sent back to sleep. */
export const TURN_EARLY_TOLERANCE_MS = 5;

/**
 * When the turn after one taken at `now` is due, turns paced `intervalMs`
 * apart (1/perSecond). A sender woken a little late (under half an interval)
 * keeps the schedule: the next turn is one interval after when this one was
 * due, so timer lateness does not slow the average rate. A turn taken later
 * than that (the channel was idle, paused, or its window was full) starts
 * the schedule afresh from now. Either way the next turn is at least half an
 * interval away: turns never come in pairs or bursts. Why: the platform
 * counts a sliding second, and a pair granted at a window's edge is granted
 * again exactly a second later, when the window lets two old turns go at
 * once; a few milliseconds of jitter between the two then put one message
 * too many in the platform's second, which answers 429 and pauses every
 * sender for a second. The Redis limiter's script (jobs/send-rate-limiter.ts)
 * applies the same rule inside Redis.
 */
export function nextTurnDue(dueAt: number, now: number, intervalMs: number): number {
  return (now - dueAt < intervalMs / 2 ? dueAt : now) + intervalMs;
}

export interface SendRateLimiter {
  /**
   * Resolves when this chat may get its next message. `rank` orders the
   * senders waiting in one process: a lower rank is served first (a
   * dispatch's round: every office's first message before anyone's second).
   * Unranked turns (notices, the bot's answers) come first.
   */
  waitForTurn(chatId: number | string, rank?: number): Promise<void>;
  /** Stops every sender for `ms` (Telegram answered 429). */
  pauseAll(ms: number): Promise<void>;
}

/**
 * The limiter taken in rank order within this process, in the order asked
 * among equal ranks: a few senders at a time ask the shared limiter, the
 * others wait here. Why: a dispatch keeps dozens of messages ready so a slow
 * answer never idles the channel, and in plain arrival order an office whose
 * work was ready a moment later waited behind all of them; ranked by round, its
 * first message goes next. Also, dozens of senders polling Redis at once each
 * won turns at random. A chat's own interval (one message a second) holds the
 * asker while it lasts; a dispatch sends each chat one message, so that wait
 * is rare.
 */
export function inTurnOrder(limiter: SendRateLimiter, abreast = 4): SendRateLimiter {
  type Waiting = {
    chatId: number | string;
    rank: number;
    order: number;
    resolve: () => void;
    reject: (e: unknown) => void;
  };
  const waiting: Waiting[] = [];
  let asking = 0;
  let order = 0;
  const before = (a: Waiting, b: Waiting) => a.rank < b.rank || (a.rank === b.rank && a.order < b.order);
  const takeFirst = (): Waiting | undefined => {
    let best = 0;
    for (let i = 1; i < waiting.length; i++) if (before(waiting[i] as Waiting, waiting[best] as Waiting)) best = i;
    return waiting.splice(best, 1)[0];
  };
  // A few ask abreast, so one Redis round trip per turn does not cap a fast channel's rate.
  const askNext = (): void => {
    while (asking < abreast && waiting.length > 0) {
      const next = takeFirst() as Waiting;
      asking++;
      limiter
        .waitForTurn(next.chatId, next.rank)
        .then(next.resolve, next.reject)
        .finally(() => {
          asking--;
          askNext();
        });
    }
  };
  return {
    waitForTurn(chatId, rank = Number.NEGATIVE_INFINITY) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ chatId, rank, order: order++, resolve, reject });
        askNext();
      });
    },
    pauseAll: (ms) => limiter.pauseAll(ms),
  };
}
