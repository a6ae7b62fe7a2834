/** Fresh, real Postgres databases for integration tests: one per call, dropped afterwards. */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { pino } from "pino";
import { createDatabaseClient, type PostgresDatabaseClient } from "../../db/client.js";
import { migrateDatabase } from "../../db/migrate.js";

/** The server tests create their databases on; CI's Postgres trusts the `postgres` role on loopback. */
export const adminDatabaseUrl = process.env.TEST_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const silentLogger = pino({ level: "silent" });

export interface TestDatabase {
  name: string;
  url: string;
  /** Opens a pool on the database; closed by drop(). */
  connect(options?: { max?: number }): PostgresDatabaseClient;
  drop(): Promise<void>;
}

export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `nhacviec_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminDatabaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  const clients: PostgresDatabaseClient[] = [];
  return {
    name,
    url: url.toString(),
    connect(options) {
      const client = createDatabaseClient(url.toString(), silentLogger, options);
      clients.push(client);
      return client;
    },
    async drop() {
      await Promise.all(clients.map((client) => client.close()));
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** A fresh database with every migration applied. */
export async function createMigratedDatabase(): Promise<TestDatabase & { client: PostgresDatabaseClient }> {
  const database = await createEmptyDatabase();
  const client = database.connect();
  await migrateDatabase(client.sql, silentLogger);
  return { ...database, client };
}
