/** The one rule of who is reachable, over a real database: each channel that has not refused a person. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type PostgresDatabaseClient } from "../../../db/client.js";
import { isReachable, reachableChannelsOf } from "../../../src/services/delivery/reachable.js";
import { createMigratedDatabase, type TestDatabase } from "../../support/database.js";
import { insertTelegramPerson } from "../../support/people.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createMigratedDatabase();
  const { sql: raw } = database.client;
  const [organization] =
    await raw`insert into organizations (slug, name) values ('thu-dat', 'UBND xã Thử Đạt') returning id`;
  const org = organization!.id as string;
  const person = async (name: string, chat: number | null, unreachable: boolean) => {
    ids[name] = await insertTelegramPerson(raw, {
      organizationId: org,
      fullName: name,
      chatId: chat,
      unreachableSince: unreachable ? new Date() : null,
    });
  };
  await person("telegram", 1, false);
  await person("blocked", 2, true);
  await person("email", null, false);
  await person("bounced", null, false);
  await person("both", 3, false);
  await person("nobody", null, false);
  const channel = async (name: string, kind: string, address: string, unreachable: boolean) =>
    raw`insert into person_channels (organization_id, person_id, channel, chat_id, unreachable_since)
      values (${org}, ${ids[name]!}, ${kind}, ${address}, ${unreachable ? new Date().toISOString() : null}::timestamptz)`;
  await channel("email", "email", "a@x.vn", false);
  await channel("bounced", "email", "b@x.vn", true);
  await channel("both", "zalo", "z1", false);
});
afterAll(async () => {
  await database.drop();
});

const reachableNames = async (channels?: Array<"telegram" | "zalo" | "email">) =>
  (
    await queryRows<{ full_name: string }>(
      database.client.db,
      sql`select full_name from people p where ${isReachable("p", channels)} order by full_name`,
    )
  ).map((r) => r.full_name);

describe("who is reachable", () => {
  it("counts Telegram not blocked and each other channel not refused", async () => {
    expect(await reachableNames()).toEqual(["both", "email", "telegram"]);
  });

  it("lists each reachable channel, only those this process runs when asked", async () => {
    const rows = await queryRows<{ channel: string }>(
      database.client.db,
      sql`select c.channel from people p join lateral ${reachableChannelsOf("p")} c on true
          where p.id = ${ids.both!} order by c.channel`,
    );
    expect(rows.map((r) => r.channel)).toEqual(["telegram", "zalo"]);
    expect(await reachableNames(["telegram"])).toEqual(["both", "telegram"]);
    expect(await reachableNames(["telegram", "email"])).toEqual(["both", "email", "telegram"]);
  });
});
