/** Applies the committed drizzle-kit migrations, one process at a time. */
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type postgres from "postgres";
import type { Logger } from "../src/logger.js";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Arbitrary but fixed: every nhacviec process that starts takes this lock before
 * migrating, so a bot and a worker starting together never race on the schema.
 */
export const MIGRATION_LOCK_KEY = 0x6e68_6163; // "nhac"

/** Migrates the database behind `sql`, holding a session advisory lock for the whole run. */
export async function migrateDatabase(sql: postgres.Sql, logger: Logger): Promise<void> {
  const lockHolder = await sql.reserve();
  try {
    await lockHolder`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      const started = Date.now();
      await migrate(drizzle(sql), { migrationsFolder });
      logger.info({ ms: Date.now() - started }, "database migrations applied");
    } finally {
      await lockHolder`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    lockHolder.release();
  }
}

/** The same migrations on PGlite; it has a single connection, so no lock is needed. */
export async function migrateEmbeddedDatabase(pglite: PGlite, logger: Logger): Promise<void> {
  const started = Date.now();
  await migratePglite(drizzlePglite(pglite), { migrationsFolder });
  logger.info({ ms: Date.now() - started }, "embedded database migrations applied");
}
