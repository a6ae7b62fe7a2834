/**
 * Connections to the database: a postgres-js pool on a real server, or PGlite
 * (Postgres compiled to WebAssembly) in-process when no server is configured,
 * so one process can run nhacviec with nothing else installed.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Logger } from "../src/logger.js";
import { migrateEmbeddedDatabase, migrateDatabase } from "./migrate.js";
import * as schema from "./schema.js";

/** The drizzle handle, whichever driver is under it. Raw statements go through `queryRows`. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Anything raw SQL can run on: the database or a transaction. */
export interface Queryable {
  execute(query: SQL): PromiseLike<unknown>;
}

/**
 * Runs a raw statement and returns its rows. postgres-js answers with an array,
 * PGlite with `{ rows }`; callers should not care which. Timestamps come back as
 * text from both, as drizzle configures them.
 */
export async function queryRows<Row>(db: Queryable, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

export interface PostgresDatabaseClient {
  kind: "postgres";
  db: Database;
  sql: postgres.Sql;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface EmbeddedDatabaseClient {
  kind: "embedded";
  db: Database;
  /** Where the data lives, or "memory" when nothing is kept. */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseClient = PostgresDatabaseClient | EmbeddedDatabaseClient;

/** Opens a pool on `url`; Postgres notices go to the logger at debug level instead of the console. */
export function createDatabaseClient(
  url: string,
  logger: Logger,
  options: { max?: number } = {},
): PostgresDatabaseClient {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: (notice) => logger.debug({ notice: notice.message }, "postgres notice"),
  });
  return {
    kind: "postgres",
    db: drizzlePostgres(sql, { schema }),
    sql,
    migrate: () => migrateDatabase(sql, logger),
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * Opens PGlite on `directory` (created if missing), or in memory for "memory".
 * Only one process may hold a directory at a time: the embedded mode is for a
 * single `nhacviec start`, a demo or a trial, not for a bot and a worker side by side.
 */
export async function createEmbeddedDatabaseClient(directory: string, logger: Logger): Promise<EmbeddedDatabaseClient> {
  if (directory !== "memory") mkdirSync(directory, { recursive: true });
  const pglite = directory === "memory" ? new PGlite() : new PGlite(directory);
  await pglite.waitReady;
  logger.debug({ directory }, "embedded database opened");
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return {
    kind: "embedded",
    db,
    location: directory,
    migrate: () => migrateEmbeddedDatabase(pglite, logger),
    close: () => pglite.close(),
  };
}

/** The configured database: Postgres at `databaseUrl`, or PGlite in `embeddedDirectory` when there is none. */
export async function openDatabase(
  config: { databaseUrl: string | undefined; embeddedDatabaseDir: string },
  logger: Logger,
  options: { max?: number } = {},
): Promise<DatabaseClient> {
  if (config.databaseUrl) return createDatabaseClient(config.databaseUrl, logger, options);
  return createEmbeddedDatabaseClient(config.embeddedDatabaseDir, logger);
}

/** `openDatabase`, then the migrations: what every command that touches data starts with. */
export async function openMigratedDatabase(
  config: { databaseUrl: string | undefined; embeddedDatabaseDir: string },
  logger: Logger,
  options: { max?: number } = {},
): Promise<DatabaseClient> {
  const client = await openDatabase(config, logger, options);
  try {
    await client.migrate();
  } catch (error) {
    await client.close();
    throw error;
  }
  return client;
}
