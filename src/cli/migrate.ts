import { createDatabaseClient } from "../../db/client.js";
import { migrateDatabase } from "../../db/migrate.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { UsageError } from "./usage-error.js";

/** `migrate`: applies the committed migrations to DATABASE_URL. */
export async function runMigrate(config: Config, logger: Logger): Promise<void> {
  if (!config.databaseUrl) throw new UsageError("migrate needs DATABASE_URL, e.g. postgres://user@host:5432/nhacviec");
  const client = createDatabaseClient(config.databaseUrl, logger, { max: 2 });
  try {
    await migrateDatabase(client.sql, logger);
  } finally {
    await client.close();
  }
}
