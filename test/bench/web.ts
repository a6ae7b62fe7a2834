/**
 * Benchmark: the plan page of a 200-task plan, 1,000 times through
 * `app.request` (real Postgres, a signed-in coordinator), so the time is the
 * server's: session lookup, the services' queries, the HTML and its compression.
 * The page is the default view (unfinished work, a task once, in plan order).
 * `npm run bench:web` prints one JSON object; the aim is p99 under 50 ms.
 */
import os from "node:os";
import { operatorInvite } from "../support/invites.js";
import { performance } from "node:perf_hooks";
import { brotliDecompressSync } from "node:zlib";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { redeemInvite } from "../../src/services/people/invites.js";
import { findViewer } from "../../src/services/people/viewer.js";
import { createSignInLink } from "../../src/services/web/sessions.js";
import { createWebApp } from "../../src/web/app.js";
import { createMigratedDatabase, silentLogger } from "../support/database.js";
import { largePlan, toTabText } from "../support/plan-files.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const TASKS = 200;
const now = new Date("2025-07-15T09:00:00+07:00");

const database = await createMigratedDatabase();
try {
  const { db } = database.client;
  const draft = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(largePlan(TASKS)))), {
    year: 2025,
  });
  const { organizationId, tasks } = await importPlan(db, draft, {
    organizationSlug: "bench",
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  });
  const invite = await operatorInvite(db, { organizationId, role: "coordinator", now });
  await redeemInvite(db, { code: invite.code, telegramUserId: 1, chatId: 1, fullName: "Điều phối", now });
  const viewer = (await findViewer(db, 1))!;
  const app = createWebApp({
    db,
    logger: silentLogger,
    now: () => now,
    publicUrl: "http://localhost:8080",
    botToken: "1:BENCH",
  });
  const token = await createSignInLink(db, viewer, now);
  const signIn = await app.request("/signin", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token }).toString(),
  });
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;

  let bytes = 0;
  let wireBytes = 0;
  let rows = 0;
  const timeOne = async (): Promise<number> => {
    const started = performance.now();
    // As a browser asks: compressed, so the time includes brotli.
    const response = await app.request("/plan", { headers: { cookie, "accept-encoding": "br, gzip" } });
    const wire = Buffer.from(await response.arrayBuffer());
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`plan page answered ${response.status}`);
    const body =
      response.headers.get("content-encoding") === "br" ? brotliDecompressSync(wire).toString() : wire.toString();
    bytes = body.length;
    wireBytes = wire.length;
    rows = (body.match(/data-milestone=/g) ?? []).length;
    return elapsed;
  };
  for (let i = 0; i < 20; i++) await timeOne(); // warm-up: JIT, pool, plan caches
  const times: number[] = [];
  // CPU time too: on a shared machine wall time includes waiting for a core, CPU time does not.
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) times.push(await timeOne());
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2));
  console.log(
    JSON.stringify({
      benchmark: "web plan page",
      tasks,
      milestoneRows: rows,
      htmlBytes: bytes,
      /** What travels: the page brotli-compressed. */
      compressedBytes: wireBytes,
      requests: REQUESTS,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: Number((times.at(-1) ?? 0).toFixed(2)),
      /** This process's CPU (the app, the driver, the HTML) per request, Postgres not included. */
      cpuMsPerRequest: Number(((cpu.user + cpu.system) / 1000 / REQUESTS).toFixed(2)),
      loadAverage: Number(os.loadavg()[0]!.toFixed(1)),
      aimP99Ms: 50,
    }),
  );
} finally {
  await database.drop();
}
