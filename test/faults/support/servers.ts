/**
 * Throwaway Postgres and Redis servers for the fault tier: the shared ones on
 * 5432/6379 cannot be restarted under other tests, so each fault file starts
 * its own on free ports, restarts them at will, and removes them afterwards.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chmod, chown, mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";

const run = promisify(execFile);

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function postgresBin(): Promise<string> {
  const versions = (await readdir("/usr/lib/postgresql")).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error("no Postgres under /usr/lib/postgresql");
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

export interface ThrowawayPostgres {
  port: number;
  /** The `postgres` superuser's database, for creating test databases. */
  adminUrl: string;
  /** Kills the server as a crash would (no checkpoint), waits `downMs`, starts it again. */
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

/** A fresh cluster owned by `postgres` (initdb refuses root) in a temporary directory. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = await postgresBin();
  const dir = await mkdtemp(join(tmpdir(), "nhacviec-faults-pg-"));
  await chown(dir, ...(await postgresIds()));
  await chmod(dir, 0o700);
  const data = join(dir, "data");
  await run("runuser", ["-u", "postgres", "--", `${bin}/initdb`, "-D", data, "-A", "trust", "-U", "postgres"]);
  const port = await freePort();
  const pgCtl = (...args: string[]) => run("runuser", ["-u", "postgres", "--", `${bin}/pg_ctl`, "-D", data, ...args]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = async () => {
    await pgCtl("-o", options, "-l", join(dir, "log"), "-w", "start");
  };
  const stop = async () => {
    await pgCtl("-m", "immediate", "-w", "stop");
  };
  await start();
  return {
    port,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async restart(downMs) {
      await stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
    async remove() {
      await stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run("id", ["postgres"]);
  const uid = /uid=(\d+)/.exec(stdout)?.[1];
  const gid = /gid=(\d+)/.exec(stdout)?.[1];
  if (!uid || !gid) throw new Error(`cannot read the postgres user's ids: ${stdout}`);
  return [Number(uid), Number(gid)];
}

export interface ThrowawayRedis {
  port: number;
  url: string;
  /** SIGKILLs the server, waits `downMs`, starts it again with nothing in it. */
  restartEmpty(downMs: number): Promise<void>;
  remove(): Promise<void>;
}

/** A redis-server that keeps nothing on disk, so a restart comes back empty. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    const probe = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
    probe.on("error", () => {});
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await probe.connect().catch(() => {});
        if ((await probe.ping()) === "PONG") break;
      } catch {
        if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    probe.disconnect();
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async restartEmpty(downMs) {
      await kill();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
    remove: kill,
  };
}
