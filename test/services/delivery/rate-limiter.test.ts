import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inTurnOrder, nextTurnDue, type SendRateLimiter } from "../../../src/services/delivery/rate-limiter.js";

describe("nextTurnDue", () => {
  it("paces turns one interval after the previous turn's due time", () => {
    expect(nextTurnDue(1000, 1000, 40)).toBe(1040);
    // Taken a little early (within the tolerance): still one interval after when it was due.
    expect(nextTurnDue(1040, 1036, 40)).toBe(1080);
  });

  it("keeps the schedule for a sender a little late, so timer lateness does not slow the rate", () => {
    // 10 ms late: the next turn is due 30 ms from now, not 40.
    expect(nextTurnDue(1000, 1010, 40)).toBe(1040);
  });

  it("starts afresh from now after a longer wait (idle, a pause, a full window): no pair, no burst", () => {
    expect(nextTurnDue(1000, 1300, 40)).toBe(1340);
    expect(nextTurnDue(1000, 1020, 40)).toBe(1060);
    expect(nextTurnDue(0, 1_000_000, 40)).toBe(1_000_040);
  });

  it("never makes the next turn due sooner than half an interval from now", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: -5, max: 10_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (dueAt, lateBy, intervalMs) => {
          const now = dueAt + lateBy;
          expect(nextTurnDue(dueAt, now, intervalMs) - now).toBeGreaterThanOrEqual(intervalMs / 2);
        },
      ),
    );
  });
});

/** A limiter that grants a turn only when the test says so, recording who asked in which order. */
function manualLimiter() {
  const asked: Array<{ chatId: number | string; grant: () => void }> = [];
  const limiter: SendRateLimiter = {
    waitForTurn: (chatId) => new Promise<void>((resolve) => asked.push({ chatId, grant: resolve })),
    pauseAll: () => Promise.resolve(),
  };
  return { limiter, asked };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("inTurnOrder", () => {
  it("serves the lowest rank first, in the order asked among equal ranks", async () => {
    const { limiter, asked } = manualLimiter();
    const ordered = inTurnOrder(limiter, 1);
    const served: string[] = [];
    const ask = (chat: string, rank?: number) =>
      ordered.waitForTurn(chat, rank).then(() => {
        served.push(chat);
      });
    // "a" is asking the shared limiter already; the rest wait here.
    const all = [ask("a", 3), ask("b", 2), ask("c", 0), ask("d", 2), ask("e", 1), ask("notice")];
    for (let i = 0; i < 6; i++) {
      await flush();
      asked[i]?.grant();
    }
    await Promise.all(all);
    // The unranked notice goes before every dispatch round; then rounds 0, 1, 2 (b before d), 3 was first in.
    expect(served).toEqual(["a", "notice", "c", "e", "b", "d"]);
  });

  it("keeps only `abreast` senders asking the shared limiter at once", async () => {
    const { limiter, asked } = manualLimiter();
    const ordered = inTurnOrder(limiter, 3);
    const turns = Array.from({ length: 10 }, (_, i) => ordered.waitForTurn(i, i));
    await flush();
    expect(asked.map((a) => a.chatId)).toEqual([0, 1, 2]);
    asked[1]?.grant();
    await flush();
    expect(asked.map((a) => a.chatId)).toEqual([0, 1, 2, 3]);
    for (let i = 0; i < 10; i++) {
      asked[i]?.grant();
      await flush();
    }
    await Promise.all(turns);
    expect(asked).toHaveLength(10);
  });

  it("passes a failed turn on to its sender and goes on with the others", async () => {
    let calls = 0;
    const failing: SendRateLimiter = {
      waitForTurn: () => (++calls === 1 ? Promise.reject(new Error("redis down")) : Promise.resolve()),
      pauseAll: () => Promise.resolve(),
    };
    const ordered = inTurnOrder(failing, 1);
    await expect(ordered.waitForTurn(1)).rejects.toThrow("redis down");
    await expect(ordered.waitForTurn(2)).resolves.toBeUndefined();
  });
});
