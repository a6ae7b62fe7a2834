/**
 * Telegram allows about 30 messages a second per bot and one a second per chat.
 * Every sender (the worker's dispatcher, the weekly sends, the bot's
 * notifications) waits for its turn here, so the limits hold for all of them
 * together; a 429 pauses everyone for Telegram's retry_after. The Redis and
 * in-memory implementations live in jobs/. Each channel has a limiter of its
 * own: a 429 from Zalo never holds up Telegram.
 */
export interface SendRateLimiter {
  /** Resolves when this chat may get its next message. */
  waitForTurn(chatId: number | string): Promise<void>;
  /** Stops every sender for `ms` (Telegram answered 429). */
  pauseAll(ms: number): Promise<void>;
}
