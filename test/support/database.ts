/** Fresh, real Postgres databases for integration tests: one per call, dropped afterwards. */
import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import postgres from "postgres";
import { pino } from "pino";
import { createDatabaseClient, type PostgresDatabaseClient } from "../../db/client.js";
import { migrateDatabase, migrationsFolder } from "../../db/migrate.js";

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

/** A fresh database: empty, or a copy of `template`. */
export async function createEmptyDatabase(options: { template?: string } = {}): Promise<TestDatabase> {
  const name = `nhacviec_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminDatabaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"${options.template ? ` template "${options.template}"` : ""}`);
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

/** Serializes making the template across the test workers (any fixed number; scoped to the admin database). */
const TEMPLATE_LOCK_KEY = 0x6e68_7470; // "nhtp"

/** The template's name: a digest of the committed migrations, so a changed migration gets a new template. */
async function templateName(): Promise<string> {
  const digest = createHash("sha256");
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else digest.update(entry.name).update(await readFile(path));
    }
  };
  await walk(migrationsFolder);
  return `nhacviec_test_template_${digest.digest("hex").slice(0, 16)}`;
}

let template: Promise<string> | undefined;

/**
 * A database with every migration applied, made once per set of migrations
 * and copied for each test file. Why: migrating took half a second per file,
 * a copy a fifth of that. Made under a lock so two workers do not both make
 * it, migrated under another name and renamed, so a run killed half-way
 * never leaves a half-migrated template; nothing connects to it afterwards
 * (Postgres copies a template only while nobody is connected to it).
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = await templateName();
    const admin = postgres(adminDatabaseUrl, { max: 1, onnotice: () => {} });
    try {
      await admin`select pg_advisory_lock(${TEMPLATE_LOCK_KEY})`;
      const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
      if (!exists) {
        const building = `${name}_${randomBytes(3).toString("hex")}`;
        await admin.unsafe(`create database "${building}"`);
        const url = new URL(adminDatabaseUrl);
        url.pathname = `/${building}`;
        const client = createDatabaseClient(url.toString(), silentLogger);
        try {
          await migrateDatabase(client.sql, silentLogger);
        } finally {
          await client.close();
        }
        await admin.unsafe(`alter database "${building}" rename to "${name}"`);
        // Templates of earlier migrations, and any a killed run left half-made, are of no more use.
        const stale = await admin`select datname from pg_database
          where datname like 'nhacviec\_test\_template\_%' and datname <> ${name}`;
        for (const { datname } of stale) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      }
      return name;
    } finally {
      await admin`select pg_advisory_unlock(${TEMPLATE_LOCK_KEY})`.catch(() => {});
      await admin.end();
    }
  })();
  return template;
}

/** A fresh database with every migration applied. */
export async function createMigratedDatabase(): Promise<TestDatabase & { client: PostgresDatabaseClient }> {
  const database = await createEmptyDatabase({ template: await migratedTemplate() });
  const client = database.connect();
  return { ...database, client };
}
