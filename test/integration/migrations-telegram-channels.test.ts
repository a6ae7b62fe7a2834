import { rmSync } from "node:fs";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../db/migrate.js";
import { findViewer } from "../../src/services/people/viewer.js";
import { createEmptyDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { migrationsBefore } from "../support/migrations.js";

/** The first migration of the move: everything before it is the schema with people.telegram_chat_id. */
const FIRST_MIGRATION_OF_THE_MOVE = "0020_telegram_person_channels";

let database: TestDatabase | undefined;
let folder: string | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

describe("the migration that moves Telegram chats into person_channels", () => {
  it("moves every chat id of a filled database with its reachability, and touches no other channel", async () => {
    database = await createEmptyDatabase();
    const sql = database.connect().sql;
    folder = migrationsBefore(FIRST_MIGRATION_OF_THE_MOVE);
    await migrate(drizzle(sql), { migrationsFolder: folder });

    const [gio] = await sql`insert into organizations (slug, name) values ('gio-son', 'UBND xã Gio Sơn') returning id`;
    const [cam] = await sql`insert into organizations (slug, name) values ('cam-lo', 'UBND xã Cam Lộ') returning id`;
    const blockedAt = new Date("2025-02-03T04:05:06Z");
    // 120 people on Telegram in one organization, every fifth blocked the bot.
    const people: Array<{ id: string; organization: string; chat: number | null; blocked: Date | null }> = [];
    for (let i = 0; i < 120; i++) {
      const blocked = i % 5 === 0 ? blockedAt : null;
      const [row] =
        await sql`insert into people (organization_id, full_name, telegram_user_id, telegram_chat_id, unreachable_since)
        values (${gio!.id}, ${`Người ${i}`}, ${7_000_000_000 + i}, ${7_000_000_000 + i}, ${blocked?.toISOString() ?? null}::timestamptz) returning id`;
      people.push({ id: row!.id as string, organization: gio!.id as string, chat: 7_000_000_000 + i, blocked });
    }
    // One Telegram account bound in both organizations: the same chat id twice.
    const [twice] = await sql`insert into people (organization_id, full_name, telegram_user_id, telegram_chat_id)
      values (${cam!.id}, 'Người 1 (Cam Lộ)', ${7_000_000_001}, ${7_000_000_001}) returning id`;
    people.push({ id: twice!.id as string, organization: cam!.id as string, chat: 7_000_000_001, blocked: null });
    // Some also on Zalo (one Zalo chat blocked); one on Zalo only; one who left (no chat any more).
    for (const person of people.slice(0, 10))
      await sql`insert into person_channels (organization_id, person_id, channel, chat_id, unreachable_since)
        values (${person.organization}, ${person.id}, 'zalo', ${`z${person.chat}`}, ${person.chat === 7_000_000_003 ? blockedAt.toISOString() : null}::timestamptz)`;
    const [zaloOnly] = await sql`insert into people (organization_id, full_name, unreachable_since)
      values (${gio!.id}, 'Chỉ có Zalo', ${blockedAt.toISOString()}::timestamptz) returning id`;
    await sql`insert into person_channels (organization_id, person_id, channel, chat_id)
      values (${gio!.id}, ${zaloOnly!.id}, 'zalo', 'zalo-only')`;
    await sql`insert into people (organization_id, full_name, deactivated_at) values (${gio!.id}, 'Đã nghỉ', now())`;
    const zaloBefore = await sql`select person_id, chat_id, unreachable_since from person_channels order by chat_id`;

    await migrateDatabase(sql, silentLogger);

    const telegram = await sql<
      Array<{ person_id: string; organization_id: string; chat_id: string; unreachable_since: string | null }>
    >`select person_id, organization_id, chat_id, (extract(epoch from unreachable_since) * 1000)::bigint::text as unreachable_since
      from person_channels where channel = 'telegram'`;
    expect(telegram).toHaveLength(people.length);
    const byPerson = new Map(telegram.map((row) => [row.person_id, row]));
    for (const person of people) {
      expect(byPerson.get(person.id)).toEqual({
        person_id: person.id,
        organization_id: person.organization,
        chat_id: String(person.chat),
        unreachable_since: person.blocked ? String(blockedAt.getTime()) : null,
      });
    }
    expect(telegram.filter((row) => row.unreachable_since !== null)).toHaveLength(24);
    expect(
      await sql`select person_id, chat_id, unreachable_since from person_channels where channel = 'zalo' order by chat_id`,
    ).toEqual(zaloBefore);
    const [columns] = await sql`select count(*)::int as n from information_schema.columns
      where table_name = 'people' and column_name in ('telegram_chat_id', 'unreachable_since')`;
    expect(columns!.n).toBe(0);

    // The bot still finds its people by their Telegram account, a blocked one included.
    const client = database.connect();
    expect(await findViewer(client.db, 7_000_000_005)).toMatchObject({
      personId: people[5]!.id,
      chatId: 7_000_000_005,
    });
    expect(await findViewer(client.db, 7_000_000_007)).toMatchObject({
      personId: people[7]!.id,
      chatId: 7_000_000_007,
    });
  });
});
