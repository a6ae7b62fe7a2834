import { rmSync } from "node:fs";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../db/migrate.js";
import { redeemInvite } from "../../src/services/people/invites.js";
import { createEmptyDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { migrationsBefore } from "../support/migrations.js";

const HASHING_MIGRATION = "0015_hashed_invite_codes";

let database: TestDatabase | undefined;
let folder: string | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

describe("the migration that hashes invite codes", () => {
  it("keeps a link sent before it working, and keeps no plain code", async () => {
    database = await createEmptyDatabase();
    const client = database.connect();
    folder = migrationsBefore(HASHING_MIGRATION);
    await migrate(drizzle(client.sql), { migrationsFolder: folder });
    const [organization] =
      await client.sql`insert into organizations (slug, name) values ('cu', 'UBND xã Cũ') returning id`;
    await client.sql`insert into invites (organization_id, code, role, expires_at)
      values (${organization!.id}, 'ma-cu-Tiếng-Việt_123', 'coordinator', '2025-03-10T00:00:00Z')`;

    await migrateDatabase(client.sql, silentLogger);

    const rows = await client.sql`select * from invites`;
    expect(JSON.stringify(rows)).not.toContain("ma-cu");
    const redeemed = await redeemInvite(client.db, {
      code: "ma-cu-Tiếng-Việt_123",
      telegramUserId: 8001,
      chatId: 8001,
      fullName: "Người cũ",
      now: new Date("2025-03-05T00:00:00Z"),
    });
    expect(redeemed).toMatchObject({ kind: "joined", role: "coordinator" });
  });
});
