/**
 * The notifications service over a real database: a transient failure waits
 * and is retried with the sent notices kept, an unknown event type is set
 * aside, and each event is handled once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../../db/client.js";
import { domainEvents } from "../../../db/schema.js";
import { createMemoryRateLimiter } from "../../../jobs/memory-rate-limiter.js";
import { recordEvent, unhandledEventCount } from "../../../src/services/events/outbox.js";
import { processEvents } from "../../../src/services/notifications/notifications-service.js";
import { type Notifier, NotifierError, type OutgoingMessage } from "../../../src/services/notifier.js";
import { createInvite, organizationBySlug, redeemInvite } from "../../../src/services/people/invites.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../../support/database.js";
import { joinAs } from "../../support/invites.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

/** Telegram answering 5xx to the first `failures` sends, then accepting; what it accepted is kept. */
function flakyTelegram(failures: number): Notifier & { sent: OutgoingMessage[] } {
  let calls = 0;
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    send(message) {
      calls++;
      if (calls <= failures) return Promise.reject(new NotifierError({ kind: "transient" }, "502 Bad Gateway"));
      sent.push(message);
      return Promise.resolve({ messageId: sent.length });
    },
  };
}

describe("processEvents", () => {
  it("waits out a failing Telegram with a growing delay and then tells the person once", async () => {
    const { db } = database.client;
    const clock = { now: new Date("2025-03-05T09:00:00+07:00") };
    const organization = await organizationBySlug(db, "thu-lai", "UBND xã Thử Lại");
    const coordinator = await joinAs(db, {
      userId: 501,
      role: "coordinator",
      organizationId: organization.id,
      now: clock.now,
    });
    await db.update(domainEvents).set({ handledAt: clock.now });
    const invite = await createInvite(db, coordinator, {
      organizationId: organization.id,
      role: "chairman",
      fullName: "Chủ Tịch Mới",
      now: clock.now,
    });
    if (invite.kind !== "created") throw new Error(invite.kind);
    await redeemInvite(db, { code: invite.code, telegramUserId: 502, chatId: 502, fullName: "x", now: clock.now });

    // The retry loop tries 4 times per pass; the first pass fails all of them.
    const telegram = flakyTelegram(4);
    const deps = {
      db,
      logger: silentLogger,
      now: () => clock.now,
      notifier: telegram,
      limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }),
    };
    expect(await processEvents(deps)).toBe(1);
    expect(telegram.sent).toEqual([]);
    expect(await unhandledEventCount(db)).toBe(1);
    // Not again at once: the event waits its delay (2 s after a first failure).
    expect(await processEvents(deps)).toBe(0);
    clock.now = new Date(clock.now.getTime() + 2500);
    expect(await processEvents(deps)).toBe(1);
    expect(telegram.sent.map((m) => [m.chatId, m.text])).toEqual([
      [501, expect.stringContaining("Chủ Tịch Mới đã tham gia")],
    ]);
    expect(await unhandledEventCount(db)).toBe(0);
    clock.now = new Date(clock.now.getTime() + 600_000);
    expect(await processEvents(deps)).toBe(0);
    expect(telegram.sent.length).toBe(1);
  });

  it("sets aside an event this version does not know, and goes on with the next", async () => {
    const { db, sql } = database.client;
    const organization = await organizationBySlug(db, "thu-lai", "UBND xã Thử Lại");
    const now = new Date("2025-03-05T09:00:00+07:00");
    await db
      .insert(domainEvents)
      .values({ organizationId: organization.id, type: "plan.exploded", payload: {}, occurredAt: now });
    await recordEvent(
      db,
      organization.id,
      {
        type: "person.joined",
        personId: "00000000-0000-0000-0000-000000000000",
        role: "member",
        unitId: null,
        invitedByPersonId: null,
      },
      now,
    );
    const telegram = flakyTelegram(0);
    const handled = await processEvents({
      db,
      logger: silentLogger,
      now: () => now,
      notifier: telegram,
      limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }),
    });
    expect(handled).toBe(1);
    const rows =
      await sql`select type, handled_at is not null as handled, last_error from domain_events where type <> 'person.joined' or payload->>'personId' like '0000%'`;
    expect(rows.map((r) => [r.type, r.handled, r.last_error])).toEqual([
      ["plan.exploded", true, "unknown event type plan.exploded"],
      ["person.joined", true, null],
    ]);
    expect(telegram.sent).toEqual([]);
  });
});
