import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CallbackAction, decodeCallback, encodeCallback } from "../../src/bot/callback-data.js";

const ID = "0b7c6a0e-58c1-4c55-9d3c-8f2f5c1e2a11";

describe("callback data", () => {
  const actions: CallbackAction[] = [
    { verb: "done", milestoneId: ID },
    { verb: "evidence", milestoneId: ID },
    { verb: "progress", milestoneId: ID },
    { verb: "extend", milestoneId: ID },
    { verb: "pct", milestoneId: ID, percent: 75 },
    { verb: "approve", requestId: ID },
    { verb: "return", requestId: ID },
    { verb: "grant", requestId: ID },
    { verb: "deny", requestId: ID },
    { verb: "page", list: "overdue", page: 3 },
    { verb: "lang", locale: "en" },
    { verb: "invite-role", role: "unit_head" },
    { verb: "invite-unit", role: "unit_head", unitId: ID },
    { verb: "skip" },
    { verb: "cancel" },
    { verb: "import-confirm" },
    { verb: "review-next", index: 12 },
    { verb: "review-date", milestoneId: ID },
    { verb: "review-lead", taskId: ID, unitPrefix: "0b7c6a0e" },
    { verb: "review-merge", unitId: ID, intoPrefix: "0b7c6a0e" },
    { verb: "review-keep", unitId: ID },
    { verb: "review-seen", taskId: ID },
    { verb: "person-deactivate", personId: ID, confirmed: false },
    { verb: "person-deactivate", personId: ID, confirmed: true },
  ];

  it("round-trips every action within Telegram's 64 bytes", () => {
    for (const action of actions) {
      const data = encodeCallback(action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeCallback(data)).toEqual(action);
    }
  });

  it("refuses anything malformed: wrong ids, unknown verbs and roles, out-of-range numbers", () => {
    for (const data of [
      "done:123",
      `done:${ID}x`,
      `delete:${ID}`,
      `pct:${ID}:101`,
      "inv:admin",
      `invu:admin:${ID}`,
      "lang:fr",
      "page:all:1",
      "",
    ]) {
      expect(decodeCallback(data)).toBeNull();
    }
  });

  it("never throws on arbitrary payloads", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (data) => {
        decodeCallback(data);
      }),
    );
  });
});
