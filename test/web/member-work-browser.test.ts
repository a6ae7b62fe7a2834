/**
 * A member's work on the web and in the Mini App, and the coordinator's
 * "Cần xử lý", in a real browser (Debian's chromium through puppeteer-core):
 * completing with evidence and asking for an extension both ways, the same
 * events and chat notices as the chat's buttons, then approving from the
 * landing page; axe-core on each page touched and on the Vietnamese 404.
 * One browser for the file. NHACVIEC_SCREENSHOTS=<folder> keeps full-page
 * screenshots at 390×844 and 1366×768.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../src/services/people/viewer.js";
import { loadPlanBoard, type PlanBoardRow } from "../../src/services/web/plan-board.js";
import { signInitData } from "../../src/web/telegram-init-data.js";
import { BOT_TOKEN, startWebWorld, type WebWorld } from "../support/web-world.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SCREENSHOTS = process.env.NHACVIEC_SCREENSHOTS;
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TODAY = "2025-07-15";
const VP_TK = "Văn phòng – Thống kê";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

/** An element as the page code below reads it (the project's TypeScript has no DOM library). */
interface PageElement {
  getAttribute(name: string): string | null;
}

interface PageGlobals {
  location: { pathname: string };
  axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
}

let world: WebWorld;
let browser: Browser;
let files: string;
let member: Viewer;
/** The member's milestones this file works on: two completed, two extended. */
let targets: { miniDone: PlanBoardRow; miniExtend: PlanBoardRow; webDone: PlanBoardRow; webExtend: PlanBoardRow };

beforeAll(async () => {
  world = await startWebWorld({ today: TODAY });
  await world.person(1001, "coordinator", { name: "Trần Điều Phối" });
  member = await world.person(1002, "member", { unit: VP_TK, name: "Lê Thành Viên" });
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
  files = mkdtempSync(join(tmpdir(), "nhacviec-upload-"));
  const board = await loadPlanBoard(world.database.client.db, member, TODAY);
  const mine = board.rows.filter((r) => r.leadUnits.includes(VP_TK) && r.state !== "done" && r.due !== null);
  // Extensions go to overdue work (any later day will do); completions to work still open on time.
  const late = mine.filter((r) => r.state === "overdue");
  const onTime = mine.filter((r) => r.state === "open");
  expect(late.length).toBeGreaterThanOrEqual(2);
  expect(onTime.length).toBeGreaterThanOrEqual(2);
  targets = { miniDone: onTime[0]!, webDone: onTime[1]!, miniExtend: late[0]!, webExtend: late[1]! };
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

async function seriousAxe(page: Page): Promise<Array<{ id: string; impact: string; nodes: number }>> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays on.
  await page.evaluate(axeSource);
  const all = await page.evaluate(async () => {
    const result = await (globalThis as unknown as PageGlobals).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return all.filter((v) => v.impact === "serious" || v.impact === "critical");
}

async function screenshots(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewport();
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewport(size);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${size.width}x${size.height}.png`, fullPage: true });
    // The first screen as the person sees it, to look at at full size.
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${size.width}x${size.height}-first.png` });
  }
  if (before) await page.setViewport(before);
}

/** The member in Telegram's Mini App: the same pages, signed in by the WebApp's signed data, on a phone. */
async function openMiniApp(telegramUserId: number): Promise<Page> {
  const initData = signInitData(
    {
      auth_date: String(Math.floor(world.clock.now.getTime() / 1000)),
      query_id: "AAH",
      user: JSON.stringify({ id: telegramUserId, first_name: "Lê" }),
    },
    BOT_TOKEN,
  );
  const page = await (await browser.createBrowserContext()).newPage();
  await page.setViewport(PHONE);
  await page.goto(`${world.baseUrl}/app#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0`);
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).location.pathname === "/");
  await page.waitForSelector("h1");
  return page;
}

/** A fresh browser signed in through the link the bot sends on /web, on a desktop. */
async function openWeb(telegramUserId: number): Promise<Page> {
  const user = world.emulator.user(telegramUserId);
  const before = user.inbox().length;
  user.send("/web");
  const message = await user.waitForMessage((m) => m.text.includes("/signin/"), { after: before });
  const link = /https?:\/\/\S+\/signin\/[A-Za-z0-9_-]+/.exec(message.text)?.[0] as string;
  const page = await (await browser.createBrowserContext()).newPage();
  await page.setViewport(DESKTOP);
  await page.goto(link);
  await Promise.all([page.waitForNavigation(), page.click("form[action='/signin'] button")]);
  return page;
}

const flashOf = (page: Page) => page.$eval(".flash", (el) => el.textContent ?? "");

/** Sends files as evidence and reports the work done in the same form. */
async function completeWithEvidence(page: Page, row: PlanBoardRow, paths: string[]): Promise<string> {
  await page.goto(`${world.baseUrl}/m/${row.milestoneId}`);
  const input = await page.$("#evidence-files");
  await input!.uploadFile(...paths);
  await page.click("input[name='then']");
  await Promise.all([page.waitForNavigation(), page.click("form[action$='/evidence'] button[type='submit']")]);
  return flashOf(page);
}

/** Asks for more time, the day typed as in the chat. */
async function askExtension(page: Page, row: PlanBoardRow, date: string, reason: string): Promise<string> {
  await page.goto(`${world.baseUrl}/m/${row.milestoneId}`);
  await page.type("#extend-date", date);
  await page.type("#extend-reason", reason);
  await Promise.all([page.waitForNavigation(), page.click("form[action$='/extend'] p button")]);
  return flashOf(page);
}

async function eventsOf(milestoneId: string): Promise<string[]> {
  const rows = await world.database.client.sql`
    select action from milestone_events where milestone_id = ${milestoneId} order by id`;
  return rows.map((r) => r.action as string);
}

describe("a member's work on the web and in the Mini App, decided from “Cần xử lý”", () => {
  it("completes with evidence and asks for an extension in the Mini App", async () => {
    const page = await openMiniApp(1002);
    expect(await page.$eval("h1", (el) => el.textContent)).toBe("Việc của tôi");
    const listed = await page.$$eval("ul.worklist a", (links: PageElement[]) =>
      links.map((a) => a.getAttribute("href")),
    );
    expect(listed).toContain(`/m/${targets.miniDone.milestoneId}`);
    expect(await seriousAxe(page)).toEqual([]);
    await screenshots(page, "mine");

    // A picture of the page itself stands in for a photo of the signed document.
    const photo = join(files, "bien-ban.png");
    writeFileSync(photo, await page.screenshot({ clip: { x: 0, y: 0, width: 390, height: 300 } }));
    const coordinatorInbox = world.emulator.user(1001).inbox().length;
    const done = await completeWithEvidence(page, targets.miniDone, [photo]);
    expect(done).toContain("Đã lưu minh chứng “bien-ban.png”");
    expect(done).toContain("gửi");
    expect(await eventsOf(targets.miniDone.milestoneId)).toEqual(
      expect.arrayContaining(["evidence-attached", "completion-submitted"]),
    );
    // The coordinator hears of it in the chat exactly as after the chat's button.
    await world.emulator
      .user(1001)
      .waitForMessage((m) => m.text.includes("báo hoàn thành") && m.text.includes(targets.miniDone.title), {
        after: coordinatorInbox,
      });

    await page.goto(`${world.baseUrl}/m/${targets.miniExtend.milestoneId}`);
    expect(await seriousAxe(page)).toEqual([]);
    await screenshots(page, "milestone-member");
    // The chat's answer to a day already past, then the request.
    expect(await askExtension(page, targets.miniExtend, "1/7/2025", "Chờ số liệu")).toContain("ngày đã qua");
    const asked = await askExtension(page, targets.miniExtend, "thứ 6 tuần sau", "Chờ số liệu của thôn");
    expect(asked).toContain("Đã gửi đề nghị gia hạn");
    expect(asked).toContain("25/07/2025");
    await world.emulator
      .user(1001)
      .waitForMessage((m) => m.text.includes("xin gia hạn") && m.text.includes(targets.miniExtend.title), {
        after: coordinatorInbox,
      });
    await page.browserContext().close();
  });

  it("completes with a PDF and asks for an extension on the web", async () => {
    const page = await openWeb(1002);
    const pdf = join(files, "bao-cao.pdf");
    writeFileSync(pdf, await page.pdf({ width: "595px", height: "842px" }));
    const done = await completeWithEvidence(page, targets.webDone, [pdf]);
    expect(done).toContain("Đã lưu minh chứng “bao-cao.pdf”");
    const asked = await askExtension(page, targets.webExtend, "cuối tháng 8", "Thiếu kinh phí");
    expect(asked).toContain("31/08/2025");
    expect(await eventsOf(targets.webExtend.milestoneId)).toContain("extension-requested");
    await page.browserContext().close();
  });

  it("shows the coordinator what waits, with its evidence, and approves from there; the member is told", async () => {
    const page = await openWeb(1001);
    expect(await page.$eval("h1", (el) => el.textContent)).toBe("Cần xử lý");
    expect(await page.$eval("header nav a[href='/'] .badge", (el) => el.textContent)).toMatch(/^4/);
    const card = `article:has(a[href='/m/${targets.miniDone.milestoneId}'])`;
    // The photo is there to look at before deciding, and actually drawn.
    const width = await page.$eval(`${card} img`, (img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(width).toBe(390);
    expect(
      await page.$eval(`article:has(a[href='/m/${targets.webExtend.milestoneId}'])`, (a) => a.textContent),
    ).toContain("Thiếu kinh phí");
    expect(await seriousAxe(page)).toEqual([]);
    await screenshots(page, "attention");

    const memberInbox = world.emulator.user(1002).inbox().length;
    await Promise.all([page.waitForNavigation(), page.click(`${card} input[value='approve'] ~ button`)]);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await flashOf(page)).toContain("Đã duyệt hoàn thành");
    expect(await page.$(card)).toBeNull();
    await world.emulator
      .user(1002)
      .waitForMessage((m) => m.text.includes("đã được duyệt hoàn thành") && m.text.includes(targets.miniDone.title), {
        after: memberInbox,
      });
    expect(await eventsOf(targets.miniDone.milestoneId)).toContain("completion-approved");

    // The decision page of the PDF: the evidence beside the buttons.
    await page.goto(`${world.baseUrl}/m/${targets.webDone.milestoneId}`);
    expect(await page.$eval("#approve-h + .decision-body iframe", (f: PageElement) => f.getAttribute("src"))).toContain(
      "inline=1",
    );
    expect(await seriousAxe(page)).toEqual([]);
    await screenshots(page, "milestone-decision");

    // A tab of its own: leaving a page whose iframe shows a PDF now and then never fired the next page's load.
    const notFound = await page.browserContext().newPage();
    const missing = await notFound.goto(`${world.baseUrl}/khong-co-trang-nay`, { waitUntil: "domcontentloaded" });
    expect(missing?.status()).toBe(404);
    expect(await notFound.$eval("html", (el: PageElement) => el.getAttribute("lang"))).toBe("vi");
    expect(await notFound.title()).toContain("Không tìm thấy");
    expect(await seriousAxe(notFound)).toEqual([]);
    await screenshots(notFound, "not-found");
    await page.browserContext().close();
  });
});
