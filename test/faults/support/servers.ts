/**
 * Throwaway Postgres and Redis servers that a fault test starts, kills and
 * restarts by itself, on their own ports: the machine's shared servers, which
 * other tests use at the same time, are never touched.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function postgresBin(name: string): string {
  const root = "/usr/lib/postgresql";
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error("no PostgreSQL server under /usr/lib/postgresql");
  return join(root, version, "bin", name);
}

/** initdb refuses root: the cluster belongs to the postgres user when the test runs as root. */
function asPostgresUser(command: string, args: string[]): { command: string; args: string[] } {
  if (process.getuid?.() !== 0) return { command, args };
  return { command: "runuser", args: ["-u", "postgres", "--", command, ...args] };
}

export interface PostgresCluster {
  port: number;
  url: string;
  start(): Promise<void>;
  /** Immediate shutdown: open connections break as in a crash or a restart. */
  stop(): void;
  destroy(): void;
}

export async function createPostgresCluster(): Promise<PostgresCluster> {
  const directory = mkdtempSync(join(tmpdir(), "nhacviec-pg-"));
  const data = join(directory, "data");
  if (process.getuid?.() === 0)
    chownSync(directory, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), 0);
  const init = asPostgresUser(postgresBin("initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  execFileSync(init.command, init.args, { stdio: "ignore" });
  const port = await freePort();
  const ctl = (...args: string[]) => {
    const call = asPostgresUser(postgresBin("pg_ctl"), ["-D", data, ...args]);
    execFileSync(call.command, call.args, { stdio: "ignore" });
  };
  const cluster: PostgresCluster = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      ctl("-o", `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off`, "-w", "start");
      await sleep(100);
    },
    stop() {
      ctl("-m", "immediate", "stop");
    },
    destroy() {
      try {
        if (existsSync(join(data, "postmaster.pid"))) cluster.stop();
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
  await cluster.start();
  return cluster;
}

export interface RedisServer {
  port: number;
  url: string;
  start(): Promise<void>;
  /** Killed without saving: it comes back empty. */
  kill(): Promise<void>;
  destroy(): Promise<void>;
}

export async function createRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        {
          stdio: "ignore",
        },
      );
      for (let i = 0; i < 100; i++) {
        try {
          execFileSync("redis-cli", ["-p", String(port), "ping"], { stdio: "ignore" });
          return;
        } catch {
          await sleep(50);
        }
      }
      throw new Error(`redis-server on ${port} did not answer`);
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
    async destroy() {
      await server.kill();
    },
  };
  await server.start();
  return server;
}
