import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFileSync } from "node:fs";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterEach, describe, expect, it } from "vitest";
import * as schema from "../../db/schema.js";
import { migrateDatabase } from "../../db/migrate.js";
import { createEmptyDatabase, silentLogger, type TestDatabase } from "../support/database.js";

const run = promisify(execFile);
/** Every table db/schema.ts declares: the migrations must create exactly these. */
const expectedTables = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableConfig(table).name)
  .sort();
/** Migrations in the journal drizzle-kit writes: each must be recorded as applied once. */
const journalEntries = (
  JSON.parse(readFileSync(new URL("../../db/migrations/meta/_journal.json", import.meta.url), "utf8")) as {
    entries: unknown[];
  }
).entries.length;

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function tablesOf(db: TestDatabase): Promise<string[]> {
  const client = db.connect({ max: 1 });
  const rows = await client.sql<{ table_name: string }[]>`
    select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
  return rows.map((row) => row.table_name);
}

describe("database migrations", () => {
  it("create every table on a fresh database, and a second run changes nothing", async () => {
    database = await createEmptyDatabase();
    const client = database.connect();
    await migrateDatabase(client.sql, silentLogger);
    await migrateDatabase(client.sql, silentLogger);
    expect(await tablesOf(database)).toEqual(expectedTables);
    const applied = await client.sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(applied[0]?.n).toBe(journalEntries);
  });

  it("let processes that start together migrate without racing", async () => {
    database = await createEmptyDatabase();
    const clients = [database.connect(), database.connect(), database.connect()];
    await Promise.all(clients.map((client) => migrateDatabase(client.sql, silentLogger)));
    const applied = await clients[0]!.sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(applied[0]?.n).toBe(journalEntries);
  });

  it("keep every row inside its organization and the event log append-only", async () => {
    database = await createEmptyDatabase();
    const { sql } = database.connect();
    await migrateDatabase(sql, silentLogger);
    const [a] = await sql`insert into organizations (slug, name) values ('a', 'UBND xã A') returning id`;
    const [b] = await sql`insert into organizations (slug, name) values ('b', 'UBND xã B') returning id`;
    const [plan] = await sql`insert into plans (organization_id, title, year, period_start, period_end, plan_key)
      values (${a!.id}, 'KH CCHC 2025', 2025, '2025-01-01', '2025-12-31', 'kh-2025') returning id`;
    // A task of organization B cannot hang off organization A's plan.
    await expect(
      sql`insert into tasks (organization_id, plan_id, task_key, title, deadline_texts, schedule, position, source)
        values (${b!.id}, ${plan!.id}, 'I|1|', 'x', '[]', '{}', 1, '{}')`,
    ).rejects.toThrow(/foreign key/);
    const [task] =
      await sql`insert into tasks (organization_id, plan_id, task_key, title, deadline_texts, schedule, position, source)
      values (${a!.id}, ${plan!.id}, 'I|1|', 'x', '[]', '{}', 1, '{}') returning id`;
    const [milestone] = await sql`insert into milestones (organization_id, task_id, milestone_key, due)
      values (${a!.id}, ${task!.id}, '0', '2025-03-31') returning id, state, version`;
    expect(milestone).toMatchObject({ state: "open", version: 1 });
    await expect(
      sql`insert into milestones (organization_id, task_id, milestone_key, start, due)
        values (${a!.id}, ${task!.id}, '1', '2025-04-01', '2025-03-31')`,
    ).rejects.toThrow(/milestones_window_ordered/);
    await sql`insert into milestone_events (organization_id, milestone_id, action) values (${a!.id}, ${milestone!.id}, 'imported')`;
    await expect(sql`update milestone_events set action = 'forged'`).rejects.toThrow(/append-only/);
    await expect(sql`delete from milestone_events`).rejects.toThrow(/append-only/);
  });

  it("are applied by `nhacviec migrate` to DATABASE_URL", async () => {
    database = await createEmptyDatabase();
    await run("npx", ["tsx", "src/cli/main.ts", "migrate"], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" },
    });
    expect(await tablesOf(database)).toEqual(expectedTables);
  });
});
