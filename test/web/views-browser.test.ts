/**
 * The views that answer "what is late", in a real browser (Debian's chromium
 * through puppeteer-core) over seed 000: sorting and grouping the plan, the
 * overview's unit chart at a phone's width. One browser for the file; axe-core
 * on each page. Set NHACVIEC_SCREENSHOTS to a folder to keep screenshots.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Worker } from "bullmq";
import { Redis } from "ioredis";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { createReportQueue, startReportWorker } from "../../jobs/report-worker.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { readPlanHere } from "../../src/services/plans/import-plan-file.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { loadPlanBoard, overviewOf } from "../../src/services/web/plan-board.js";
import { createSignInLink } from "../../src/services/web/sessions.js";
import { createWebApp } from "../../src/web/app.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { readSeed } from "../support/seeds.js";
import { newQueuePrefix, removeQueueKeys, testRedisUrl } from "../support/queues.js";
import { joinedPerson } from "../support/web-requests.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SCREENSHOTS = process.env.NHACVIEC_SCREENSHOTS;
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TODAY = "2025-07-15";

interface AxeGlobal {
  axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
}
interface Element {
  getAttribute(name: string): string | null;
  textContent: string | null;
  getBoundingClientRect(): { left: number; right: number; width: number };
}

let database: TestDatabase & { client: PostgresDatabaseClient };
let redis: Redis;
let reportQueue: ReturnType<typeof createReportQueue>;
let reportWorker: Worker;
const prefix = newQueuePrefix();
/** The app behind the port; set to null to start a new instance (a restart) on the same database. */
let app: ReturnType<typeof createWebApp> | null = null;
let server: ServerType;
let baseUrl = "";
let browser: Browser;
let coordinator: Viewer;
let page: Page;
const clock = { now: new Date(`${TODAY}T09:00:00+07:00`) };

beforeAll(async () => {
  database = await createMigratedDatabase();
  const seed = readSeed("000");
  const draft = interpretDocument(await readDocument(seed.fileName, Buffer.from(seed.text)), { year: 2025 });
  const { organizationId } = await importPlan(database.client.db, draft, {
    organizationSlug: "gio-son",
    fileName: seed.fileName,
    fileSha256: "0".repeat(64),
  });
  coordinator = await joinedPerson(database.client.db, organizationId, 1001, "coordinator", { now: clock.now });
  redis = new Redis(testRedisUrl, { maxRetriesPerRequest: null });
  reportQueue = createReportQueue({ connection: redis, prefix, logger: silentLogger });
  reportWorker = startReportWorker({
    db: database.client.db,
    logger: silentLogger,
    now: () => clock.now,
    connection: redis,
    prefix,
  });
  server = await new Promise((resolve) => {
    const started = serve(
      {
        fetch: (request, env) => {
          app ??= createWebApp({
            db: database.client.db,
            logger: silentLogger,
            now: () => clock.now,
            publicUrl: baseUrl,
            botToken: "123:TEST",
            enqueueReportBuild: reportQueue.enqueue,
            // Read in this process: the child-process reader is tested with the importer.
            planReader: readPlanHere,
          });
          return app.fetch(request, env);
        },
        port: 0,
        hostname: "127.0.0.1",
      },
      () => resolve(started),
    );
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
  page = await browser.newPage();
  await page.goto(`${baseUrl}/signin/${await createSignInLink(database.client.db, coordinator, clock.now)}`);
  await Promise.all([page.waitForNavigation(), page.click("form[action='/signin'] button")]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await reportWorker?.close();
  await reportQueue?.close();
  if (redis) {
    await removeQueueKeys(prefix, redis);
    await redis.quit();
  }
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await database?.drop();
});

async function seriousAxe(): Promise<Array<{ id: string; impact: string; nodes: number }>> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as AxeGlobal).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The first screen at both sizes; with `anchor`, the screen that starts at that element. */
async function screenshots(name: string, anchor?: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [width, height] of [
    [390, 844],
    [1366, 768],
  ] as const) {
    await page.setViewport({ width, height });
    await page.reload(); // the page's script decides by width (the filters fold on a phone)
    if (anchor) await page.$eval(anchor, (el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}x${height}.png` });
  }
  await page.setViewport({ width: 1366, height: 768 });
}

describe("the plan table answers what is late", () => {
  it("sorts by days late, groups by unit, hides finished work and shows a task once", async () => {
    await page.setViewport({ width: 1366, height: 768 });
    await page.goto(`${baseUrl}/plan?sort=late&group=none`);
    const late = await page.$$eval("table.plan tbody tr[data-task] td.days", (cells: Element[]) =>
      cells.map((c) => Math.max(0, ...(c.textContent ?? "").split(/\s+/).filter(Boolean).map(Number))),
    );
    expect(late.length).toBeGreaterThan(3);
    expect(late.some((d) => d > 0)).toBe(true);
    expect(late).toEqual([...late].sort((a, b) => b - a));

    const board = await loadPlanBoard(database.client.db, coordinator, TODAY);
    const tasks = await page.$$eval("table.plan tbody tr[data-task]", (trs: Element[]) =>
      trs.map((tr) => tr.getAttribute("data-task")),
    );
    // Each unfinished task once, however many deadlines it has; finished work is hidden.
    const open = board.rows.filter((r) => r.state !== "done" && r.state !== "cancelled");
    expect(tasks.length).toBe(new Set(tasks).size);
    expect(new Set(tasks)).toEqual(new Set(open.map((r) => r.taskId)));
    expect(await page.$$eval("[data-milestone]", (els: Element[]) => els.length)).toBe(open.length);
    expect(await seriousAxe()).toEqual([]);
    await screenshots("plan-late");

    await page.goto(`${baseUrl}/plan?group=unit&sort=due`);
    const headings = await page.$$eval("table.plan tr.section-row th", (ths: Element[]) =>
      ths.map((th) => (th.textContent ?? "").replace(/\s+/g, " ").split(" · ")[0]!.trim()),
    );
    const units = [...new Set(open.flatMap((r) => (r.leadUnits.length > 0 ? r.leadUnits : ["chưa giao đơn vị"])))];
    expect(new Set(headings)).toEqual(new Set(units));
    expect(headings).toEqual([...headings].sort((a, b) => a.localeCompare(b, "vi")));
    await screenshots("plan-by-unit");
  });

  it("folds the filters behind one button on a phone, and titles carry no plan bullets", async () => {
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/plan`);
    expect(await page.$eval("details.filters-box", (d) => (d as unknown as { open: boolean }).open)).toBe(false);
    const titles = await page.$$eval("table.plan tbody tr[data-task] td:nth-child(2) > a", (as: Element[]) =>
      as.map((a) => a.textContent ?? ""),
    );
    expect(titles.filter((title) => /^\s*[-+•]/.test(title))).toEqual([]);
    await page.setViewport({ width: 1366, height: 768 });
  });
});

describe("the overview at a phone's width", () => {
  it("shows every unit's overdue count inside 390 px, and links each count to the table", async () => {
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/overview`);
    const overview = overviewOf(await loadPlanBoard(database.client.db, coordinator, TODAY));
    const shown = await page.$$eval(".unit-bars li", (lis: Element[]) =>
      lis.map((li) => {
        const red = (li as unknown as { querySelector(s: string): Element | null }).querySelector(".n-red");
        const box = red?.getBoundingClientRect();
        return {
          unit: (li as unknown as { querySelector(s: string): Element }).querySelector(".unit-name").textContent,
          overdue: red ? Number(red.textContent) : 0,
          inside: box ? box.left >= 0 && box.right <= 390 : true,
        };
      }),
    );
    expect(shown.map((u) => ({ unit: u.unit, overdue: u.overdue }))).toEqual(
      overview.perUnit.map((u) => ({ unit: u.unit, overdue: u.counts.red })),
    );
    expect(shown.every((u) => u.inside)).toBe(true);
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
          .scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    const links = await page.$$eval(".counts a, .unit-bars a", (as: Element[]) =>
      as.map((a) => a.getAttribute("href")),
    );
    expect(links.length).toBeGreaterThan(overview.perUnit.length);
    expect(links.every((href) => href?.startsWith("/plan?"))).toBe(true);
    expect(await seriousAxe()).toEqual([]);
    await screenshots("overview");
    await screenshots("overview-charts", "ul.unit-bars");
  });
});

describe("work off the request path", () => {
  it("builds the CCHC report in the job while the page says 'đang tạo…', then downloads it", async () => {
    await page.goto(`${baseUrl}/reports`);
    await Promise.all([page.waitForNavigation(), page.click("a[href*='/reports/cchc?period=2025-Q3'][href*='docx']")]);
    expect(page.url()).toMatch(/\/reports\/builds\/[0-9a-f-]{36}$/);
    // The page reloads itself until the job has stored the file.
    await page.waitForSelector("#report-file", { timeout: 30_000 });
    expect(await seriousAxe()).toEqual([]);
    await screenshots("report-ready");
    const href = await page.$eval("#report-file", (a) => (a as unknown as Element).getAttribute("href"));
    const cookies = await page.browserContext().cookies();
    const file = await fetch(`${baseUrl}${href}`, {
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain('filename="bao-cao-cchc-gio-son-2025-Q3.docx"');
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    // The request only recorded the build: the worker made it.
    const [build] = await database.client.sql`select state, finished_at from report_builds`;
    expect(build).toMatchObject({ state: "ready" });
  });

  it("keeps an uploaded plan waiting across a restart, names its new units and merges a likely spelling in one press", async () => {
    await page.goto(`${baseUrl}/import`);
    const seed = readSeed("000");
    const input = await page.$("input[type=file]");
    const path = `${tmpdir()}/${seed.fileName}`;
    // The office written "VP-TK": a new name, likely the office "Văn phòng – Thống kê".
    writeFileSync(path, seed.text.replaceAll("Văn phòng – Thống kê", "VP-TK"));
    await input!.uploadFile(path);
    await Promise.all([page.waitForNavigation(), page.click("form[action='/import'] button[type=submit]")]);
    await page.waitForSelector("ul.import-preview");
    const newUnits = await page.$eval("ul.new-units", (ul) => (ul as unknown as Element).textContent ?? "");
    expect(newUnits).toContain("VP-TK");
    expect(newUnits).toContain("≈ Gộp vào Văn phòng – Thống kê");
    expect(await seriousAxe()).toEqual([]);
    await screenshots("import-preview", "ul.new-units");

    app = null; // a new instance of the web app: nothing of the upload is left in memory
    await Promise.all([page.waitForNavigation(), page.click("ul.new-units form button")]);
    expect(await page.$eval(".flash.ok", (p) => (p as unknown as Element).textContent)).toContain("VP-TK");
    expect(await page.$("ul.new-units")).toBeNull();
    app = null;
    await Promise.all([page.waitForNavigation(), page.click("form[action^='/import/'] button[type=submit]")]);
    expect(await page.$eval("main", (m) => (m as unknown as Element).textContent)).toContain("Đã lưu kế hoạch");
  });
});

describe("settings as typed fields", () => {
  it("previews a send time picked in a time field and steps typed in number fields, with the chat's checks", async () => {
    await page.goto(`${baseUrl}/settings`);
    expect(await page.$eval("#set-sendTime", (el) => (el as unknown as Element).getAttribute("type"))).toBe("time");
    expect(await page.$$eval("form.setting", (forms: unknown[]) => forms.length)).toBe(10);
    expect(await seriousAxe()).toEqual([]);
    await screenshots("settings");
    await page.$eval("#set-sendTime", (el) => ((el as unknown as { value: string }).value = "07:15"));
    await Promise.all([page.waitForNavigation(), page.click("form.setting:has(#set-sendTime) button")]);
    expect(await page.$eval("main", (m) => (m as unknown as Element).textContent)).toContain("→ 07:15");

    await page.goto(`${baseUrl}/settings`);
    // Steps that go down are refused with the chat's sentence, naming the field.
    const steps = await page.$$("form.setting:has(#set-overdueSteps) input[name=part]");
    for (const [i, value] of ["5", "3", "7"].entries()) {
      await steps[i]!.click({ clickCount: 3 });
      await steps[i]!.type(value);
    }
    const [refused] = await Promise.all([
      page.waitForNavigation(),
      page.click("form.setting:has(#set-overdueSteps) button"),
    ]);
    expect(refused?.status()).toBe(422);
    expect(await page.$eval(".flash.error", (p) => (p as unknown as Element).textContent)).toContain(
      "Các bước báo quá hạn phải là 3 số ngày làm việc",
    );
  });
});
