import { openMigratedDatabase } from "../../db/client.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

/** `migrate`: applies the committed migrations to DATABASE_URL, or to the embedded database without one. */
export async function runMigrate(config: Config, logger: Logger): Promise<void> {
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  await client.close();
}
