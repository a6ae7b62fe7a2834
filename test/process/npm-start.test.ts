/**
 * A supervisor stops `npm start` as `setsid npm start & kill -TERM $!` does:
 * SIGTERM to npm, and then nothing of the service may be left running (npm
 * runs the script through `sh -c`; the script must hand the signal to node).
 * The bot talks to the Bot API emulator; the database is the embedded one.
 * The build is the `prestart` step's; this test runs the start script alone.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotApiEmulator, startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";

let emulator: BotApiEmulator;
let directory: string;

beforeAll(async () => {
  // The built CLI, as `npm start`'s prestart leaves it (built once here if this checkout has none).
  if (!existsSync("dist/src/cli/main.js")) execFileSync("npm", ["run", "--silent", "build"], { stdio: "ignore" });
  emulator = await startBotApiEmulator({ ratePerSecond: 10_000, perChatIntervalMs: 0 });
  directory = mkdtempSync(join(tmpdir(), "nhacviec-npm-start-"));
}, 240_000);

afterAll(async () => {
  await emulator?.close();
  rmSync(directory, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The pids of the processes in a session (ps), the session leader's included. */
const sessionPids = (sid: number): number[] =>
  execFileSync("ps", ["-e", "-o", "pid=,sid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, s]) => s === sid)
    .map(([pid]) => pid as number);

const waitFor = async (check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
};

describe("`npm start` under a supervisor", () => {
  it("stops every process of the service within 10 s of SIGTERM to npm", async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LOG_LEVEL: "silent",
      TELEGRAM_BOT_TOKEN: "123:TEST",
      TELEGRAM_API_ROOT: emulator.apiRoot,
      EMBEDDED_DATABASE_DIR: join(directory, "db"),
      EVIDENCE_DIR: join(directory, "evidence"),
      PORT: String(port),
    };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    // setsid execs npm (a new session, as a supervisor gives it): the pid we signal is npm's, and the session's id.
    const npm = spawn("setsid", ["npm", "start", "--ignore-scripts", "--silent"], { env, stdio: "ignore" });
    const sid = npm.pid as number;
    try {
      const healthy = await waitFor(async () => {
        const answer = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
        return answer?.status === 200;
      }, 60_000);
      expect(healthy).toBe(true);
      expect(sessionPids(sid).length).toBeGreaterThanOrEqual(2);
      process.kill(sid, "SIGTERM");
      const started = Date.now();
      const gone = await waitFor(() => sessionPids(sid).length === 0, 10_000);
      expect({ left: sessionPids(sid), gone }).toEqual({ left: [], gone: true });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => "refused")).toBe("refused");
    } finally {
      for (const pid of sessionPids(sid)) process.kill(pid, "SIGKILL");
    }
  }, 120_000);
});
