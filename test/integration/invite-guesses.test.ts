import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { organizations } from "../../db/schema.js";
import { INVITE_GUESS_LIMIT, inviteChatKey, redeemInvite } from "../../src/services/people/invites.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { operatorInvite } from "../support/invites.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
let organizationId: string;
beforeAll(async () => {
  database = await createMigratedDatabase();
  const [organization] = await database.client.db
    .insert(organizations)
    .values({ slug: "doan", name: "UBND xã Đoán" })
    .returning({ id: organizations.id });
  organizationId = organization!.id;
});
afterAll(async () => {
  await database.drop();
});

const minutes = (start: Date, n: number) => new Date(start.getTime() + n * 60_000);

function guess(code: string, chat: number, now: Date, chatKey?: string) {
  return redeemInvite(database.client.db, {
    code,
    telegramUserId: chat,
    chatId: chat,
    ...(chatKey ? { chatKey } : {}),
    fullName: `Người ${chat}`,
    now,
  });
}

describe("guessing invite codes", () => {
  it("refuses a chat after five wrong codes in fifteen minutes, until the oldest leaves the window", async () => {
    const start = new Date("2025-03-05T02:00:00Z");
    // Wrong codes at 0, 1, 2, 3 and 4 minutes: the fifth fills the window.
    for (let i = 0; i < INVITE_GUESS_LIMIT.attempts; i++) {
      expect(await guess(`sai-${i}`, 7001, minutes(start, i))).toEqual({ kind: "not-found", reason: "code-unknown" });
    }
    const invite = await operatorInvite(database.client.db, { organizationId, role: "coordinator", now: start });
    expect(await guess(invite.code, 7001, minutes(start, 5))).toEqual({
      kind: "not-allowed",
      reason: "too-many-attempts",
      retryAt: minutes(start, 15),
    });
    // Refused tries do not count, so the wait does not grow while the chat keeps trying.
    expect(await guess("sai-nua", 7001, minutes(start, 14))).toMatchObject({ retryAt: minutes(start, 15) });
    // Another chat is not held back by this one.
    expect(await guess("sai-khac", 7002, minutes(start, 5))).toEqual({ kind: "not-found", reason: "code-unknown" });
    expect(await guess(invite.code, 7001, minutes(start, 15))).toMatchObject({ kind: "joined" });
  });

  it("counts twenty wrong codes sent at once from one chat one by one: five answered, fifteen refused", async () => {
    const now = new Date("2025-03-06T02:00:00Z");
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(`x-${i}`, 7003, now)));
    expect(outcomes.filter((o) => o.kind !== "joined" && o.reason === "code-unknown")).toHaveLength(
      INVITE_GUESS_LIMIT.attempts,
    );
    expect(outcomes.filter((o) => o.kind !== "joined" && o.reason === "too-many-attempts")).toHaveLength(15);
  });

  it("keys the limit by channel and chat, so a Zalo chat and a Telegram chat with the same number are apart", async () => {
    const now = new Date("2025-03-07T02:00:00Z");
    const zalo = inviteChatKey("zalo", 7004);
    for (let i = 0; i < INVITE_GUESS_LIMIT.attempts; i++) await guess(`z-${i}`, 7004, now, zalo);
    expect(await guess("z-6", 7004, now, zalo)).toMatchObject({ reason: "too-many-attempts" });
    expect(await guess("t-1", 7004, now)).toEqual({ kind: "not-found", reason: "code-unknown" });
  });

  it("stores only the code's hash", async () => {
    const invite = await operatorInvite(database.client.db, { organizationId, role: "coordinator", now: new Date() });
    const rows = await database.client.sql`select * from invites`;
    expect(JSON.stringify(rows)).not.toContain(invite.code);
  });
});
