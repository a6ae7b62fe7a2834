import { describe, expect, it } from "vitest";
import { createRoundRobin } from "../../../src/services/delivery/round-robin.js";

async function drain<T>(work: { next(): Promise<T | undefined> }): Promise<T[]> {
  const taken: T[] = [];
  for (let item = await work.next(); item !== undefined; item = await work.next()) taken.push(item);
  return taken;
}

describe("the organizations' turns in a dispatch", () => {
  it("hands out one item of each organization in rotation, whatever one's burst", async () => {
    const work = createRoundRobin<string>();
    work.add("a", ["a1", "a2", "a3", "a4"]);
    work.add("b", ["b1"]);
    work.add("c", ["c1", "c2"]);
    work.close();
    expect(await drain(work)).toEqual(["a1", "b1", "c1", "a2", "c2", "a3", "a4"]);
  });

  it("serves an organization that joins mid-round next, then keeps it in the rotation", async () => {
    const work = createRoundRobin<string>();
    work.add("a", ["a1", "a2", "a3"]);
    work.add("b", ["b1", "b2", "b3"]);
    expect([await work.next(), await work.next(), await work.next()]).toEqual(["a1", "b1", "a2"]);
    work.add("c", ["c1", "c2"]);
    work.add("d", ["d1"]);
    work.close();
    expect(await drain(work)).toEqual(["c1", "d1", "b2", "a3", "c2", "b3"]);
  });

  it("makes a sender wait while organizations are still being prepared, and ends when closed", async () => {
    const work = createRoundRobin<string>();
    const waiting = work.next();
    const empty = work.next();
    work.add("a", ["a1"]);
    expect(await waiting).toBe("a1");
    work.close();
    expect(await empty).toBeUndefined();
    expect(await work.next()).toBeUndefined();
  });

  it("serves senders already waiting from a whole batch, not from its first organization alone", async () => {
    const work = createRoundRobin<string>();
    const waiting = [work.next(), work.next(), work.next(), work.next()];
    work.addAll([
      ["a", ["a1", "a2", "a3"]],
      ["b", ["b1", "b2"]],
      ["c", ["c1"]],
    ]);
    expect(await Promise.all(waiting)).toEqual(["a1", "b1", "c1", "a2"]);
    work.close();
    expect(await drain(work)).toEqual(["b2", "a3"]);
  });
});
