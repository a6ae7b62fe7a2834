/** Connections to Postgres: one postgres-js pool and the drizzle handle over it. */
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Logger } from "../src/logger.js";
import * as schema from "./schema.js";

/** The drizzle handle, with the postgres-js client under it for the few bulk statements drizzle cannot write. */
export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };

export interface DatabaseClient {
  db: Database;
  sql: postgres.Sql;
  close(): Promise<void>;
}

/** Opens a pool on `url`; Postgres notices go to the logger at debug level instead of the console. */
export function createDatabaseClient(url: string, logger: Logger, options: { max?: number } = {}): DatabaseClient {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: (notice) => logger.debug({ notice: notice.message }, "postgres notice"),
  });
  return {
    db: drizzle(sql, { schema }),
    sql,
    close: () => sql.end({ timeout: 5 }),
  };
}
