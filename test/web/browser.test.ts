/**
 * The web app in a real browser (Debian's chromium through puppeteer-core):
 * both ways of signing in, the plan of seed 000, a decision that reaches the
 * member in Telegram, a date typed in Vietnamese, organization isolation,
 * CSRF, and axe-core on the main pages. One browser for the whole file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createFileEvidenceStore } from "../../src/services/evidence/evidence-store.js";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { colourOf } from "../../src/domain/milestones/index.js";
import { attachEvidence, markDone } from "../../src/services/milestones/milestone-actions.js";
import { milestoneStatuses } from "../../src/services/milestones/milestone-status.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { loadPlanBoard } from "../../src/services/web/plan-board.js";
import { createSignInLink } from "../../src/services/web/sessions.js";
import { signInitData } from "../../src/web/telegram-init-data.js";
import { readSeed } from "../support/seeds.js";
import { BOT_TOKEN, startWebWorld, type WebWorld } from "../support/web-world.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Set to a folder to keep screenshots of the main pages at both sizes. */
const SCREENSHOTS = process.env.NHACVIEC_SCREENSHOTS;
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TODAY = "2025-07-15";
const VP_TK = "Văn phòng – Thống kê";

/** The browser's globals, for code that runs in the page (the project's TypeScript has no DOM library). */
interface PageGlobals {
  location: { pathname: string };
  document: { getElementById(id: string): { textContent: string | null } | null };
  getComputedStyle(element: unknown): { backgroundColor: string };
  axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
}

/** An element as the page code below uses it. */
interface PageElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): unknown;
}

let world: WebWorld;
let browser: Browser;
let coordinator: Viewer;
let member: Viewer;

beforeAll(async () => {
  world = await startWebWorld({ today: TODAY });
  coordinator = await world.person(1001, "coordinator", { name: "Trần Điều Phối" });
  member = await world.person(1002, "member", { unit: VP_TK, name: "Lê Thành Viên" });
  await world.person(2001, "coordinator", { other: true, name: "Người Xã Khác" });
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

/** A fresh browser profile (no cookies) signed in through a link the bot sent on /web. */
async function signInByChat(telegramUserId: number): Promise<Page> {
  const user = world.emulator.user(telegramUserId);
  const before = user.inbox().length;
  user.send("/web");
  const message = await user.waitForMessage((m) => m.text.includes("/signin/"), { after: before });
  const link = /https?:\/\/\S+\/signin\/[A-Za-z0-9_-]+/.exec(message.text)?.[0] as string;
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(link);
  const [response] = await Promise.all([page.waitForNavigation(), page.click("form[action='/signin'] button")]);
  if (response?.status() !== 200)
    throw new Error(`sign-in answered ${response?.status()}: ${await page.$eval("main", (m) => m.textContent)}`);
  return page;
}

async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string; nodes: number }>> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays on.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (globalThis as unknown as PageGlobals).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

async function screenshots(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [width, height] of [
    [400, 600],
    [1366, 768],
  ] as const) {
    await page.setViewport({ width, height });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}x${height}.png` });
  }
  await page.setViewport({ width: 1366, height: 768 });
}

describe("the web app in a browser", () => {
  it("signs in through Telegram's signed Mini App data, and refuses forged data", async () => {
    const initData = signInitData(
      {
        auth_date: String(Math.floor(world.clock.now.getTime() / 1000)),
        query_id: "AAH",
        user: JSON.stringify({ id: 1001, first_name: "Trần" }),
      },
      BOT_TOKEN,
    );
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await Promise.all([
      page.waitForNavigation({ waitUntil: "load" }),
      page.goto(`${world.baseUrl}/app#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0`),
    ]);
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).location.pathname === "/");
    expect(await page.$eval("header .muted", (el) => el.textContent)).toBe("Trần Điều Phối");

    const forged = await browser.createBrowserContext();
    const forgedPage = await forged.newPage();
    const tampered = initData.replace(encodeURIComponent('"id":1001'), encodeURIComponent('"id":1002'));
    await forgedPage.goto(`${world.baseUrl}/app#tgWebAppData=${encodeURIComponent(tampered)}`);
    await forgedPage.waitForFunction(() =>
      (globalThis as unknown as PageGlobals).document.getElementById("mini-app-status")?.textContent?.includes("Không"),
    );
    expect(forgedPage.url()).toContain("/app");
    await context.close();
    await forged.close();
  });

  it("signs in through a /web link once; the reused link and an expired one are refused", async () => {
    const page = await signInByChat(1001);
    expect(new URL(page.url()).pathname).toBe("/");
    const cookies = await page.browserContext().cookies();
    const session = cookies.find((c) => c.name === "nhacviec");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");

    const user = world.emulator.user(1001);
    const link = /https?:\/\/\S+\/signin\/[A-Za-z0-9_-]+/.exec(
      user
        .inbox()
        .filter((m) => m.text.includes("/signin/"))
        .at(-1)!.text,
    )![0];
    const again = await (await browser.createBrowserContext()).newPage();
    await again.goto(link);
    const [reused] = await Promise.all([again.waitForNavigation(), again.click("form[action='/signin'] button")]);
    expect(reused?.status()).toBe(401);
    expect(await again.$eval("main", (el) => el.textContent)).toContain("đã được dùng hoặc đã hết hạn");

    const token = await createSignInLink(world.database.client.db, coordinator, world.clock.now);
    world.clock.now = new Date(world.clock.now.getTime() + 11 * 60 * 1000);
    try {
      await again.goto(`${world.baseUrl}/signin/${token}`);
      const [expired] = await Promise.all([again.waitForNavigation(), again.click("form[action='/signin'] button")]);
      expect(expired?.status()).toBe(401);
    } finally {
      world.clock.now = new Date(`${TODAY}T09:00:00+07:00`);
    }
    await page.browserContext().close();
    await again.browserContext().close();
  });

  it("shows seed 000's 39 tasks with the states of `status` and their colours; filters by unit", async () => {
    const page = await signInByChat(1001);
    // Finished work too, so every milestone is there; a task with two deadlines is one row with both.
    await page.goto(`${world.baseUrl}/plan?done=1`);
    const tasks = await page.$$eval("table.plan tbody tr[data-task]", (trs: PageElement[]) =>
      trs.map((tr) => tr.getAttribute("data-task")),
    );
    const rows = await page.$$eval("table.plan tbody [data-milestone]", (els: PageElement[]) =>
      els.map((el) => ({
        state: el.getAttribute("data-state"),
        colour: el.getAttribute("data-colour"),
        dot: el.querySelector(".dot")
          ? (globalThis as unknown as PageGlobals).getComputedStyle(el.querySelector(".dot")).backgroundColor
          : null,
      })),
    );
    expect(new Set(tasks).size).toBe(39);
    expect(tasks.length).toBe(39);
    const statuses = (await milestoneStatuses(world.database.client.db, "gio-son", { today: TODAY }))!;
    expect(rows.map((r) => r.state)).toEqual(statuses.map((s) => s.state));
    expect(rows.map((r) => r.colour)).toEqual(statuses.map((s) => colourOf(s.lateness)));
    // A colour is a colour on screen, not only an attribute: red rows are drawn red, blue ones blue.
    expect(rows.find((r) => r.colour === "red" && r.dot)?.dot).toBe("rgb(179, 38, 30)");
    expect(rows.find((r) => r.colour === "blue" && r.dot)?.dot).toBe("rgb(31, 95, 174)");
    expect(
      await axeViolations(page).then((v) => v.filter((x) => x.impact === "serious" || x.impact === "critical")),
    ).toEqual([]);
    await screenshots(page, "plan");

    const board = await loadPlanBoard(world.database.client.db, coordinator, TODAY);
    const unit = board.units.find((u) => u.name === VP_TK)!;
    await page.goto(`${world.baseUrl}/plan`);
    await Promise.all([page.waitForNavigation(), page.select("#f-unit", unit.id)]);
    const filtered = await page.$$eval("table.plan tbody [data-milestone]", (els: PageElement[]) =>
      els.map((el) => el.getAttribute("data-milestone")),
    );
    // Unfinished work by default.
    const expected = board.rows
      .filter((r) => r.leadUnitIds.includes(unit.id) && r.state !== "done" && r.state !== "cancelled")
      .map((r) => r.milestoneId);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(board.rows.length);
    expect(filtered).toEqual(expected);
    await page.browserContext().close();
  });

  it("approves a submission with evidence on the web, and the member is told in the chat", async () => {
    const db = world.database.client.db;
    const board = await loadPlanBoard(db, coordinator, TODAY);
    const target = board.rows.find((r) => r.leadUnits.includes(VP_TK) && r.state === "open" && r.due !== null)!;
    const context = { now: world.clock.now, source: null };
    const saved = await attachEvidence(
      db,
      member,
      target.milestoneId,
      {
        fileName: "bao-cao.pdf",
        mimeType: "application/pdf",
        bytes: Buffer.from("%PDF-1.4 minh chứng"),
        telegramFileId: null,
        telegramFileUniqueId: null,
      },
      { ...context, evidence: createFileEvidenceStore(world.evidenceDir) },
    );
    expect(saved.kind).toBe("saved");
    expect((await markDone(db, member, target.milestoneId, context)).kind).toBe("submitted");

    const page = await signInByChat(1001);
    await page.goto(`${world.baseUrl}/m/${target.milestoneId}`);
    const fileHref = await page.$eval("#evidence-h + ul a", (a: PageElement) => a.getAttribute("href"));
    const download = await page.evaluate(async (href) => {
      const r = await fetch(href as string);
      return { status: r.status, text: await r.text(), disposition: r.headers.get("content-disposition") };
    }, fileHref);
    expect(download).toMatchObject({ status: 200, text: "%PDF-1.4 minh chứng" });
    expect(download.disposition).toContain("bao-cao.pdf");
    expect(
      await axeViolations(page).then((v) => v.filter((x) => x.impact === "serious" || x.impact === "critical")),
    ).toEqual([]);
    await screenshots(page, "milestone");

    const inboxBefore = world.emulator.user(1002).inbox().length;
    await Promise.all([page.waitForNavigation(), page.click("input[value='approve'] ~ button")]);
    expect(await page.$eval(".flash.ok", (el) => el.textContent)).toContain("Đã duyệt");
    expect(await page.$eval("table, .card .state", (el) => el.textContent)).toContain("Hoàn thành");
    const told = await world.emulator
      .user(1002)
      .waitForMessage((m) => m.text.includes("đã được duyệt hoàn thành"), { after: inboxBefore });
    expect(told.text).toContain(target.title);
    const [event] = await world.database.client.sql`
      select action from milestone_events where milestone_id = ${target.milestoneId} order by id desc limit 1`;
    expect(event?.action).toBe("completion-approved");
    await page.browserContext().close();
  });

  it("sets a date typed as “cuối quý 3”", async () => {
    const board = await loadPlanBoard(world.database.client.db, coordinator, TODAY);
    const dateless = board.rows.find((r) => r.due === null && r.state !== "done")!;
    const page = await signInByChat(1001);
    await page.goto(`${world.baseUrl}/m/${dateless.milestoneId}`);
    await page.type("#date-text", "cuối quý 3");
    await Promise.all([page.waitForNavigation(), page.click("form[action$='/date'] button")]);
    expect(await page.$eval("#due", (el) => el.textContent)).toBe("30/09/2025");
    const [event] = await world.database.client.sql`
      select action, details from milestone_events where milestone_id = ${dateless.milestoneId} order by id desc limit 1`;
    expect(event?.action).toBe("deadline-moved");
    expect(event?.details.to.due).toBe("2025-09-30");
    await page.browserContext().close();
  });

  it("answers 404 to another organization's milestone, refuses a change without the CSRF token; the overview passes axe", async () => {
    const board = await loadPlanBoard(world.database.client.db, coordinator, TODAY);
    const foreign = await signInByChat(2001);
    const response = await foreign.goto(`${world.baseUrl}/m/${board.rows[0]!.milestoneId}`);
    expect(response?.status()).toBe(404);
    await foreign.browserContext().close();

    const page = await signInByChat(1001);
    const open = board.rows.find((r) => r.state !== "done" && r.due !== null)!;
    const status = await page.evaluate(async (id) => {
      const r = await fetch(`/m/${id}/date`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "text=31%2F12%2F2025",
      });
      return r.status;
    }, open.milestoneId);
    expect(status).toBe(403);
    const [moved] = await world.database.client.sql`select due::text from milestones where id = ${open.milestoneId}`;
    expect(moved?.due).toBe(open.due);

    const overview = await page.goto(`${world.baseUrl}/overview`);
    expect(overview?.headers()["content-security-policy"]).toContain("script-src 'self'");
    expect(await page.$$eval("ul.unit-bars svg.bar rect", (rects) => rects.length)).toBeGreaterThan(0);
    expect(
      await axeViolations(page).then((v) => v.filter((x) => x.impact === "serious" || x.impact === "critical")),
    ).toEqual([]);
    await screenshots(page, "overview");
    await page.browserContext().close();
  });

  it("uploads an edited plan, shows its changes before anything is stored, then applies it on confirmation", async () => {
    const seed = readSeed("000");
    const edited = seed.text
      .split("\n")
      .filter((line) => !line.startsWith("4\t4\t"))
      .map((line) => (line.startsWith("3\t3\t") ? line.replace(/Năm 2025$/, "Quý II/2025") : line))
      .map((line) =>
        line.startsWith("6\t39\t")
          ? `${line}\n7\t40\tThêm một nhiệm vụ mới\tTriển khai\tBáo cáo\tVăn phòng – Thống kê\tCác ban ngành chuyên môn\tQuý IV/2025`
          : line,
      )
      .join("\n");
    expect(edited).not.toBe(seed.text);
    const directory = mkdtempSync(join(tmpdir(), "nhacviec-upload-"));
    const file = join(directory, seed.fileName);
    writeFileSync(file, edited);
    const liveTasks = async () =>
      Number(
        (
          await world.database.client
            .sql`select count(*)::int as n from tasks where removed_at is null and organization_id = ${world.organizationId}`
        )[0]?.n,
      );
    expect(await liveTasks()).toBe(39);

    const page = await signInByChat(1001);
    await page.goto(`${world.baseUrl}/import`);
    const input = await page.$("#plan-file");
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    await Promise.all([page.waitForNavigation(), page.click("form[action='/import'] button")]);
    const preview = await page.$$eval("ul.import-preview li", (items: Array<{ textContent: string | null }>) =>
      items.map((li) => li.textContent ?? ""),
    );
    expect(preview.some((line) => line === "Thêm 1: VII.7")).toBe(true);
    expect(preview.some((line) => line === "Bỏ 1: I.4")).toBe(true);
    expect(preview.some((line) => line.startsWith("Đổi hạn") && line.includes("Quý II/2025"))).toBe(true);
    expect(await liveTasks()).toBe(39);

    await Promise.all([page.waitForNavigation(), page.click("form[action^='/import/'] button")]);
    expect(await page.$eval(".flash.ok", (el: { textContent: string | null }) => el.textContent)).toContain(
      "39 nhiệm vụ",
    );
    const [added] = await world.database.client
      .sql`select title from tasks where title = 'Thêm một nhiệm vụ mới' and removed_at is null`;
    expect(added?.title).toBe("Thêm một nhiệm vụ mới");
    rmSync(directory, { recursive: true, force: true });
    await page.browserContext().close();
  });
});
