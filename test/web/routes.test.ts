/**
 * Every route the web app registers, read from `app.routes`: each one that is
 * not the public sub-app's refuses a request without a session (401), and each
 * unsafe one refuses a signed-in request without the CSRF token or from another
 * site (403). Then a 150 MB POST by a signed-in member, streamed to the real
 * server: refused before it is buffered, `/healthz` answering throughout and
 * the process's memory barely moving.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignInLink } from "../../src/services/web/sessions.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { createWebApp, type WebDeps } from "../../src/web/app.js";
import { publicRoutes } from "../../src/web/public-routes.js";
import { sessionCookie } from "../../src/web/session-cookie.js";
import { silentLogger } from "../support/database.js";
import { startWebWorld, type WebWorld } from "../support/web-world.js";

const MB = 1024 * 1024;
const SOME_ID = "00000000-0000-4000-8000-000000000000";

let world: WebWorld;
let member: Viewer;
let deps: WebDeps;

beforeAll(async () => {
  world = await startWebWorld();
  member = await world.person(3101, "member", { unit: "Văn phòng – Thống kê" });
  deps = {
    db: world.database.client.db,
    logger: silentLogger,
    now: () => world.clock.now,
    publicUrl: world.baseUrl,
    botToken: "123:TEST",
  };
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

/** A session for the viewer through the sign-in form, as a browser gets one; its cookie and CSRF token. */
async function signIn(viewer: Viewer, baseUrl = world.baseUrl): Promise<{ cookie: string; csrf: string }> {
  const token = await createSignInLink(world.database.client.db, viewer, world.clock.now);
  const response = await fetch(`${baseUrl}/signin`, {
    method: "POST",
    body: new URLSearchParams({ token }),
    redirect: "manual",
  });
  expect(response.status).toBe(303);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const page = await (await fetch(`${baseUrl}/plan`, { headers: { cookie } })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] as string };
}

type Route = { method: string; path: string };
const key = (r: Route) => `${r.method} ${r.path}`;
const concrete = (path: string) => path.replace(/:[a-z]+/gi, SOME_ID);
const UNSAFE = ["POST", "PUT", "PATCH", "DELETE"];

/** The app's routes (handlers, not middleware), and those of the public sub-app. */
function routesOf(): { all: Route[]; public: Set<string> } {
  const app = createWebApp(deps);
  const all = app.routes.filter((r) => r.method !== "ALL").map((r) => ({ method: r.method, path: r.path }));
  const open = publicRoutes(deps, sessionCookie(deps.publicUrl))
    .routes.filter((r) => r.method !== "ALL")
    .map(key);
  return { all: [...new Map(all.map((r) => [key(r), r])).values()], public: new Set(open) };
}

describe("every registered route", () => {
  it("is private unless the public sub-app holds it: no session, 401", async () => {
    const { all, public: open } = routesOf();
    const app = createWebApp(deps);
    const privateRoutes = all.filter((r) => !open.has(key(r)));
    // The subjects' pages are all there (a routes file left unmounted would show here).
    expect(privateRoutes.map(key)).toEqual(
      expect.arrayContaining([
        "GET /plan",
        "POST /m/:id/decide",
        "POST /import",
        "POST /people/invite",
        "GET /reports",
        "GET /par",
      ]),
    );
    expect([...open].sort()).toEqual([
      "GET /app",
      "GET /app-signed-out",
      "GET /email/huy-tong-hop/:token",
      "GET /email/xac-nhan/:token",
      "GET /signin/:token",
      "GET /static/app.css",
      "GET /static/app.js",
      "GET /t/:token",
      "POST /auth/telegram",
      "POST /email/bounce",
      "POST /email/huy-tong-hop/:token",
      "POST /email/xac-nhan/:token",
      "POST /signin",
    ]);
    const statuses = await Promise.all(
      privateRoutes.map(async (r) => {
        const init: RequestInit = { method: r.method };
        if (UNSAFE.includes(r.method)) init.body = new URLSearchParams({ _csrf: "x" });
        return [key(r), (await app.request(concrete(r.path), init)).status] as const;
      }),
    );
    expect(statuses.filter(([, status]) => status !== 401)).toEqual([]);
    // A path nobody registered is private too: the signed-in sub-app answers it.
    expect((await app.request("/nothing-here")).status).toBe(401);
  });

  it("refuses every unsafe private route a signed-in change without the CSRF token or from another site: 403", async () => {
    const { all, public: open } = routesOf();
    const { cookie, csrf } = await signIn(member);
    const unsafe = all.filter((r) => !open.has(key(r)) && UNSAFE.includes(r.method));
    expect(unsafe.length).toBeGreaterThan(8);
    for (const r of unsafe) {
      const url = `${world.baseUrl}${concrete(r.path)}`;
      const without = await fetch(url, { method: r.method, headers: { cookie }, body: new URLSearchParams({}) });
      const foreign = await fetch(url, {
        method: r.method,
        headers: { cookie, origin: "https://evil.example" },
        body: new URLSearchParams({ _csrf: csrf }),
      });
      expect([key(r), without.status, foreign.status]).toEqual([key(r), 403, 403]);
    }
  });
});

/** The web app in a process of its own, on the test's database: its address, pid, and how to stop it. */
async function startServerProcess(): Promise<{ baseUrl: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/web-server-child.ts"], {
    env: { ...process.env, DATABASE_URL: world.database.url, NOW: world.clock.now.toISOString() },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(child.stdout, "data")) as [Buffer];
  const exited = once(child, "exit");
  return {
    baseUrl: `http://127.0.0.1:${line.toString().trim()}`,
    pid: child.pid as number,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The resident memory of a process, in bytes (Linux). */
const rssOf = (pid: number): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;

/** Sends `total` bytes to `url` in 64 KB chunks, with or without a Content-Length; the status, if one came. */
function stream(
  url: string,
  headers: Record<string, string>,
  total: number,
  declareLength: boolean,
): Promise<{ status: number | null; sent: number }> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  return new Promise((resolve) => {
    let status: number | null = null;
    let sent = 0;
    const req = httpRequest(url, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "multipart/form-data; boundary=x",
        ...(declareLength ? { "content-length": String(total) } : {}),
      },
    });
    const finish = () => resolve({ status, sent });
    req.on("response", (res) => {
      status = res.statusCode ?? null;
      res.resume();
      // Refused: the rest is not worth sending.
      req.destroy();
      finish();
    });
    req.on("error", finish);
    const pump = () => {
      while (sent < total && status === null) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (status === null) req.end();
    };
    pump();
  });
}

describe("a 150 MB POST by a signed-in member, to the server in its own process", () => {
  it("is refused before it is buffered, on every route that takes a body, while /healthz answers within 200 ms", async () => {
    const { all } = routesOf();
    const posts = all.filter((r) => UNSAFE.includes(r.method));
    const server = await startServerProcess();
    try {
      const { cookie } = await signIn(member, server.baseUrl);
      const headers = { cookie, origin: server.baseUrl };
      // Warm: every page's code loaded and the pool open before the baseline.
      for (let i = 0; i < 5; i++) await fetch(`${server.baseUrl}/plan`, { headers: { cookie } });
      const rssBefore = rssOf(server.pid);
      let peakRss = rssBefore;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(server.pid))), 5);
      let slowest = 0;
      let polling = true;
      const poller = (async () => {
        while (polling) {
          const started = performance.now();
          const health = await fetch(`${server.baseUrl}/healthz`);
          expect(await health.text()).toBe("ok");
          slowest = Math.max(slowest, performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      try {
        // Declared: refused on the header, before a byte of the body is read.
        for (const r of posts) {
          const result = await stream(`${server.baseUrl}${concrete(r.path)}`, headers, 150 * MB, true);
          expect([key(r), result.status]).toEqual([key(r), 413]);
          expect(result.sent).toBeLessThan(150 * MB);
        }
        // Undeclared (chunked): counted as it arrives and refused at the route's limit, the upload's the largest.
        for (const path of ["/import", "/people/invite", "/signin"]) {
          const result = await stream(`${server.baseUrl}${path}`, headers, 150 * MB, false);
          expect([path, result.status]).toEqual([path, 413]);
          expect(result.sent).toBeLessThan(150 * MB);
        }
      } finally {
        polling = false;
        clearInterval(sampler);
        await poller;
      }
      const grew = (peakRss - rssBefore) / MB;
      process.stdout.write(
        `150 MB POSTs to ${posts.length} routes: server RSS +${grew.toFixed(1)} MB, slowest /healthz ${slowest.toFixed(0)} ms\n`,
      );
      expect(grew).toBeLessThan(50);
      expect(slowest).toBeLessThan(200);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
