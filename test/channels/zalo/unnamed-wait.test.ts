import { describe, expect, it } from "vitest";
import { createUnnamedRateLimitWait } from "../../../src/channels/zalo/unnamed-wait.js";

describe("the wait after a 429 that names none", () => {
  const options = { firstMs: 1000, maxMs: 30_000 };

  it("starts at the first wait and doubles with each refusal sent after the last wait ended, up to the longest", () => {
    const wait = createUnnamedRateLimitWait(options);
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const sentAt = now;
      now += 20;
      const ms = wait.refused(sentAt, now);
      waits.push(ms);
      now += ms;
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("gives refusals of requests already on their way what is left of the wait, without doubling it", () => {
    const wait = createUnnamedRateLimitWait(options);
    expect(wait.refused(0, 100)).toBe(1000);
    expect(wait.refused(50, 400)).toBe(700);
    expect(wait.refused(90, 1200)).toBe(0);
    // Sent after the wait: a new refusal, twice as long.
    expect(wait.refused(1100, 1150)).toBe(2000);
  });

  it("starts short again once a request sent after the wait goes through", () => {
    const wait = createUnnamedRateLimitWait(options);
    wait.refused(0, 10);
    wait.refused(1010, 1020);
    expect(wait.refused(3020, 3030)).toBe(4000);
    wait.accepted(7100);
    expect(wait.refused(7200, 7210)).toBe(1000);
  });

  it("is not reset by a send that left during a wait and was answered late", () => {
    const wait = createUnnamedRateLimitWait(options);
    wait.refused(0, 10);
    wait.accepted(5);
    expect(wait.refused(1100, 1110)).toBe(2000);
  });

  it("never waits longer than the longest, even when the first wait is longer", () => {
    const wait = createUnnamedRateLimitWait({ firstMs: 5000, maxMs: 2000 });
    expect(wait.refused(0, 0)).toBe(2000);
  });
});
