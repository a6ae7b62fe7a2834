/**
 * Connections to the database: a postgres-js pool on a real server, or PGlite
 * (Postgres compiled to WebAssembly) in-process when no server is configured,
 * so one process can run nhacviec with nothing else installed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgDialect, PgQueryResultHKT } from "drizzle-orm/pg-core";
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

/**
 * `queryRows` for a statement run many times a second with the same text (a
 * dispatch's claim and record, once per message): on a Postgres server it is
 * prepared once per connection, so each run is one round trip with only its
 * parameters, where an unprepared statement with parameters costs two (postgres-js
 * asks the server for their types first) and its whole text each time. Only for
 * fixed text: a statement whose text varies (an IN list of its own length)
 * would pile up prepared statements on every connection. PGlite runs it as
 * `queryRows` does.
 */
export async function queryRowsPrepared<Row>(db: Database, query: SQL): Promise<Row[]> {
  const client = (db as { $client?: unknown }).$client;
  if (!isPostgresJs(client)) return queryRows<Row>(db, query);
  const { sql: text, params } = (db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(query);
  return (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
    prepare: true,
  })) as unknown as Row[];
}

const isPostgresJs = (client: unknown): client is postgres.Sql =>
  typeof client === "function" && typeof (client as { unsafe?: unknown }).unsafe === "function";

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
/** Two processes on one PGlite directory corrupt it; this is raised instead. */
export class EmbeddedDatabaseBusyError extends Error {
  override readonly name = "EmbeddedDatabaseBusyError";
  constructor(
    readonly directory: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database in ${directory} is open in process ${pid} (nhacviec start?): ` +
        "stop that process first, or set DATABASE_URL to share a Postgres server",
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the directory for this process; a lock left by a process that died is taken over. */
function lockDirectory(directory: string): () => void {
  // Beside the directory, not in it: PGlite initializes an empty directory as its own.
  const lockFile = `${directory.replace(/[/\\]+$/, "")}.lock`;
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8"));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new EmbeddedDatabaseBusyError(directory, holder);
      }
      rmSync(lockFile, { force: true });
    }
  }
}

export async function createEmbeddedDatabaseClient(directory: string, logger: Logger): Promise<EmbeddedDatabaseClient> {
  let unlock = () => {};
  if (directory !== "memory") {
    mkdirSync(directory, { recursive: true });
    unlock = lockDirectory(directory);
  }
  const pglite = directory === "memory" ? new PGlite() : new PGlite(directory);
  try {
    await pglite.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  logger.debug({ directory }, "embedded database opened");
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return {
    kind: "embedded",
    db,
    location: directory,
    migrate: () => migrateEmbeddedDatabase(pglite, logger),
    close: async () => {
      await pglite.close();
      unlock();
    },
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
