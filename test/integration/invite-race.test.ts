import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { organizations } from "../../db/schema.js";
import { redeemInvite } from "../../src/services/people/invites.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { operatorInvite } from "../support/invites.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
let organizationId: string;
beforeAll(async () => {
  database = await createMigratedDatabase();
  const [organization] = await database.client.db
    .insert(organizations)
    .values({ slug: "dua", name: "UBND xã Đua" })
    .returning({ id: organizations.id });
  organizationId = organization!.id;
});
afterAll(async () => {
  await database.drop();
});

describe("twenty people opening one invite link at once", () => {
  it("binds exactly one; the other nineteen are told the link was used, not that it expired", async () => {
    const now = new Date("2025-03-05T02:00:00Z");
    const invite = await operatorInvite(database.client.db, { organizationId, role: "coordinator", now });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        redeemInvite(database.client.db, {
          code: invite.code,
          telegramUserId: 9000 + i,
          chatId: 9000 + i,
          fullName: `Người ${i}`,
          now,
        }),
      ),
    );
    expect(outcomes.filter((o) => o.kind === "joined")).toHaveLength(1);
    const refused = outcomes.filter((o) => o.kind !== "joined");
    expect(refused).toHaveLength(19);
    expect(refused.every((o) => o.kind === "closed" && o.reason === "code-used")).toBe(true);
  });
});
