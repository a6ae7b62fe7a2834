/**
 * The coordinator's pages in a real browser (Debian's chromium through
 * puppeteer-core): units and people (invite, deactivate, merge, split), the
 * change of a task's lead unit with the units told in Telegram, and the
 * reports to download; each new route refuses another organization's ids
 * (404) and changes without the CSRF token (403); axe-core on every page.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteCodeHash } from "../../src/services/people/invites.js";
import { findViewer, type Viewer } from "../../src/services/people/viewer.js";
import { loadPlanBoard } from "../../src/services/web/plan-board.js";
import { unitsOf } from "../support/units.js";
import { startWebWorld, type WebWorld } from "../support/web-world.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Screenshots of the new pages at both sizes land here, to be looked at. */
const SHOTS = process.env.NHACVIEC_SCREENSHOTS ?? "/tmp/shots";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TODAY = "2025-07-15";
const VP_TK = "Văn phòng – Thống kê";
const KT_TC = "Kế toán – Tài chính";

interface PageGlobals {
  axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
}

/** An element as the page code below reads it (the project's TypeScript has no DOM library). */
interface Linked {
  getAttribute(name: string): string | null;
}

let world: WebWorld;
let browser: Browser;
let coordinator: Viewer;
let member: Viewer;
let financeMember: Viewer;

beforeAll(async () => {
  world = await startWebWorld({ today: TODAY });
  coordinator = await world.person(1101, "coordinator", { name: "Trần Điều Phối" });
  member = await world.person(1102, "member", { unit: VP_TK, name: "Lê Thành Viên" });
  financeMember = await world.person(1103, "member", { unit: KT_TC, name: "Phạm Kế Toán" });
  await world.person(2101, "coordinator", { other: true, name: "Người Xã Khác" });
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

async function signInByChat(telegramUserId: number): Promise<Page> {
  const user = world.emulator.user(telegramUserId);
  const before = user.inbox().length;
  user.send("/web");
  const message = await user.waitForMessage((m) => m.text.includes("/signin/"), { after: before });
  const link = /https?:\/\/\S+\/signin\/[A-Za-z0-9_-]+/.exec(message.text)?.[0] as string;
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  await page.goto(link);
  const [response] = await Promise.all([page.waitForNavigation(), page.click("form[action='/signin'] button")]);
  expect(response?.status()).toBe(200);
  return page;
}

async function seriousViolations(page: Page): Promise<Array<{ id: string; impact: string; nodes: number }>> {
  await page.evaluate(axeSource);
  const all = await page.evaluate(async () => {
    const result = await (globalThis as unknown as PageGlobals).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return all.filter((v) => v.impact === "serious" || v.impact === "critical");
}

async function screenshots(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [
    [400, 600],
    [1366, 768],
  ] as const) {
    await page.setViewport({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png`, fullPage: options.fullPage ?? false });
  }
  await page.setViewport({ width: 1366, height: 768 });
}

/** A form POST from inside the page (same origin, the session's cookie), with or without the CSRF token. */
async function post(page: Page, path: string, fields: Record<string, string>, withCsrf = true): Promise<number> {
  return page.evaluate(
    async (target, body, csrf) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } })
        .document;
      const form = new URLSearchParams(body);
      if (csrf) form.set("_csrf", doc.querySelector("input[name=_csrf]")?.value ?? "");
      const response = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
      return response.status;
    },
    path,
    fields,
    withCsrf,
  );
}

/** A download through the browser's session cookie, read in Node. */
async function download(page: Page, path: string) {
  const cookies = await page.browserContext().cookies();
  const response = await fetch(`${world.baseUrl}${path}`, {
    headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
  });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    disposition: response.headers.get("content-disposition") ?? "",
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** A Word or PDF report: asked for, built by the job, then downloaded once its page offers the file. */
async function downloadBuilt(page: Page, path: string) {
  const cookies = await page.browserContext().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const asked = await fetch(`${world.baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  const build = asked.headers.get("location");
  if (asked.status !== 303 || !build)
    return { status: asked.status, type: null, disposition: "", bytes: Buffer.from("") };
  for (let tries = 0; tries < 600; tries++) {
    const file = await download(page, `${build}/file`);
    if (file.disposition !== "") return file;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`report ${build} was not built`);
}

const unitIdOf = async (name: string) =>
  (await unitsOf(world.database.client.db, "gio-son")).find((u) => u.name === name)?.id as string;

describe("units and people on the web", () => {
  it("lists units with their people, passes axe, and invites a person with a link to the bot", async () => {
    const page = await signInByChat(1101);
    await page.goto(`${world.baseUrl}/people`);
    expect(await page.$$eval("header nav a", (as: Linked[]) => as.map((a) => a.getAttribute("href")))).toEqual(
      expect.arrayContaining(["/plan", "/overview", "/people", "/reports"]),
    );
    expect(await page.$eval('header nav a[aria-current="page"]', (a: Linked) => a.getAttribute("href"))).toBe(
      "/people",
    );
    const vptk = await unitIdOf(VP_TK);
    expect(await page.$eval(`section.unit[data-unit="${vptk}"]`, (el) => el.textContent)).toContain("Lê Thành Viên");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, "people", { fullPage: true });

    await page.select("#invite-role", "member");
    await page.select("#invite-unit", vptk);
    await page.type("#invite-name", "Đỗ Người Mới");
    await Promise.all([page.waitForNavigation(), page.click("form[action='/people/invite'] button")]);
    const link = await page.$eval("#invite-link", (a: Linked) => a.getAttribute("href"));
    const code = /\?start=([A-Za-z0-9_-]+)$/.exec(link ?? "")?.[1];
    expect(link).toMatch(/^https:\/\/t\.me\/nhacviec_bot\?start=/);
    const [invite] = await world.database.client.sql`
      select i.role, i.full_name, u.name as unit, i.created_by_person_id from invites i join units u on u.id = i.unit_id
      where i.code_hash = ${inviteCodeHash(code ?? "")}`;
    expect(invite).toMatchObject({ role: "member", full_name: "Đỗ Người Mới", unit: VP_TK });
    expect(invite?.created_by_person_id).toBe(coordinator.personId);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, "people-invited");

    // The code works in the chat like one from /moi.
    const newcomer = world.emulator.user(1104);
    newcomer.send(`/start ${code}`);
    await newcomer.waitForMessage(() => true);
    const [joined] = await world.database.client.sql`select full_name from people where telegram_user_id = 1104`;
    expect(joined?.full_name).toBe("Đỗ Người Mới");

    // A member needs a unit: said in words, nothing created.
    const before = (await world.database.client.sql`select count(*)::int as n from invites`)[0]?.n;
    expect(await post(page, "/people/invite", { role: "member", unit: "" })).toBe(422);
    expect((await world.database.client.sql`select count(*)::int as n from invites`)[0]?.n).toBe(before);
    await page.browserContext().close();
  });

  it("deactivates a person: asked first, then their open browser is signed out", async () => {
    const target = await world.person(1105, "member", { unit: KT_TC, name: "Hoàng Sẽ Nghỉ" });
    const theirs = await signInByChat(1105);
    expect((await theirs.goto(`${world.baseUrl}/plan`))?.status()).toBe(200);

    const page = await signInByChat(1101);
    await page.goto(`${world.baseUrl}/people`);
    await Promise.all([page.waitForNavigation(), page.click(`li[data-person="${target.personId}"] a`)]);
    expect(await page.$eval("h1", (el) => el.textContent)).toContain("Hoàng Sẽ Nghỉ");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, "deactivate");
    await Promise.all([page.waitForNavigation(), page.click(`form[action$='/deactivate'] button`)]);
    expect(await page.$eval(".flash.ok", (el) => el.textContent)).toContain("Hoàng Sẽ Nghỉ");
    expect(await page.$(`li[data-person="${target.personId}"]`)).toBeNull();

    const [session] = await world.database.client.sql`
      select count(*) filter (where revoked_at is null)::int as open from web_sessions where person_id = ${target.personId}`;
    expect(session?.open).toBe(0);
    const after = await theirs.goto(`${world.baseUrl}/plan`);
    expect(after?.status()).toBe(401);
    expect(await theirs.$eval("main", (el) => el.textContent)).toContain("/web");
    await page.browserContext().close();
    await theirs.browserContext().close();
  });

  it("merges two units: tasks and name move, the old name becomes an alias", async () => {
    const from = await unitIdOf("Văn thư");
    const into = await unitIdOf(VP_TK);
    const tasksOf = async (unitId: string) =>
      (await world.database.client.sql`select task_id from task_units where unit_id = ${unitId}`).map((r) => r.task_id);
    const moving = await tasksOf(from);
    expect(moving.length).toBeGreaterThan(0);

    const page = await signInByChat(1101);
    await page.goto(`${world.baseUrl}/people`);
    await page.select("#merge-from", from);
    await page.select("#merge-into", into);
    await Promise.all([page.waitForNavigation(), page.click("form[action='/units/merge'] button")]);
    expect(await page.$eval(".flash.ok", (el) => el.textContent)).toContain("Văn thư");
    const units = await unitsOf(world.database.client.db, "gio-son");
    expect(units.map((u) => u.name)).not.toContain("Văn thư");
    expect(units.find((u) => u.id === into)?.aliases).toContain("Văn thư");
    expect(await tasksOf(into)).toEqual(expect.arrayContaining(moving));
    await page.browserContext().close();
  });

  it("splits a cell that named two units into those units", async () => {
    // Seed 000's support cell "Đảng uỷ, UBMT, các bộ phận liên quan" became one unit at import.
    const compound = "Đảng uỷ, UBMT, các bộ phận liên quan";
    const cell = await unitIdOf(compound);
    const [linked] = await world.database.client.sql`select task_id, relation from task_units where unit_id = ${cell}`;
    expect(linked).toBeDefined();

    const page = await signInByChat(1101);
    await page.goto(`${world.baseUrl}/people`);
    expect(await page.$eval(`#split-${cell}`, (el) => (el as unknown as { value: string }).value)).toBe(
      "Đảng uỷ\nUBMT\ncác bộ phận liên quan",
    );
    await page.$eval(`#split-${cell}`, (el) => {
      (el as unknown as { value: string }).value = "Đảng uỷ\nUBMT\n";
    });
    await Promise.all([page.waitForNavigation(), page.click(`form[action='/units/${cell}/split'] button`)]);
    expect(await page.$eval(".flash.ok", (el) => el.textContent)).toContain(compound);
    const leads = await world.database.client.sql`
      select u.name from task_units tu join units u on u.id = tu.unit_id
      where tu.task_id = ${linked?.task_id} and tu.relation = ${linked?.relation} order by u.name`;
    expect(linked?.relation).toBe("support");
    expect(leads.map((r) => r.name)).toEqual(expect.arrayContaining(["Đảng uỷ", "UBMT"]));
    expect(leads.map((r) => r.name)).not.toContain(compound);
    expect((await unitsOf(world.database.client.db, "gio-son")).map((u) => u.name)).not.toContain(compound);

    // A split of one name is refused in words, the text kept for fixing.
    const another = (await unitsOf(world.database.client.db, "gio-son")).find((u) => u.name.includes(","))!;
    await page.goto(`${world.baseUrl}/people`);
    await page.$eval(`#split-${another.id}`, (el) => {
      (el as unknown as { value: string }).value = "Chỉ một tên";
    });
    await Promise.all([page.waitForNavigation(), page.click(`form[action='/units/${another.id}/split'] button`)]);
    expect(await page.$eval(".flash.error", (el) => el.textContent)).toContain("ít nhất hai");
    await page.browserContext().close();
  });
});

describe("the lead unit of a task, changed on the milestone page", () => {
  it("writes the event, replans, and tells the old and the new lead units in Telegram", async () => {
    const db = world.database.client.db;
    const board = await loadPlanBoard(db, coordinator, TODAY);
    const row = board.rows.find(
      (r) => r.leadUnits.length === 1 && r.leadUnits[0] === VP_TK && r.state !== "done" && r.due !== null,
    )!;
    const finance = await unitIdOf(KT_TC);
    const page = await signInByChat(1101);
    await page.goto(`${world.baseUrl}/m/${row.milestoneId}`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, "milestone-lead", { fullPage: true });

    const lostBefore = world.emulator.user(1102).inbox().length;
    const gainedBefore = world.emulator.user(1103).inbox().length;
    await page.select("#lead-unit", finance);
    await Promise.all([page.waitForNavigation(), page.click("form[action$='/lead'] button")]);
    expect(await page.$eval(".flash.ok", (el) => el.textContent)).toContain("Đã đổi đơn vị chủ trì");
    expect(await page.$eval("dl.facts", (el) => el.textContent)).toContain(KT_TC);

    const [event] = await world.database.client.sql`
      select action, details, actor_person_id from milestone_events
      where milestone_id = ${row.milestoneId} order by id desc limit 1`;
    expect(event).toMatchObject({ action: "lead-assigned", details: { unit: KT_TC, previous: [VP_TK] } });
    expect(event?.actor_person_id).toBe(coordinator.personId);
    const [planned] = await world.database.client.sql`
      select count(*) filter (where audience_unit_id = ${finance})::int as new_lead,
             count(*) filter (where audience_unit_id <> ${finance})::int as old_lead
      from reminders where milestone_id = ${row.milestoneId} and state = 'planned' and audience_role = 'member'`;
    expect(planned?.old_lead).toBe(0);
    expect(planned?.new_lead).toBeGreaterThan(0);

    const gained = await world.emulator
      .user(1103)
      .waitForMessage((m) => m.text.includes("được giao chủ trì"), { after: gainedBefore });
    expect(gained.text).toContain(row.title);
    const lost = await world.emulator
      .user(1102)
      .waitForMessage((m) => m.text.includes("không còn chủ trì"), { after: lostBefore });
    expect(lost.text).toContain(row.title);
    await page.browserContext().close();
  });
});

describe("reports to download", () => {
  it("serves the workbook, the CCHC report and its PDF under the chat's file names", async () => {
    const page = await signInByChat(1101);
    await page.goto(`${world.baseUrl}/reports`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, "reports");

    const workbook = await download(page, "/reports/workbook?format=xlsx");
    expect(workbook.status).toBe(200);
    expect(workbook.disposition).toContain(`filename="bao-cao-cchc-gio-son-${TODAY}.xlsx"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const text = sheet.getSheetValues().flat().map(String).join(" ");
    expect(sheet.rowCount).toBeGreaterThan(39);
    expect(text).toContain(VP_TK);

    const docx = await downloadBuilt(page, "/reports/cchc?period=2025-Q3&format=docx");
    expect(docx.status).toBe(200);
    expect(docx.disposition).toContain('filename="bao-cao-cchc-gio-son-2025-Q3.docx"');
    expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");

    const pdf = await downloadBuilt(page, "/reports/cchc?period=2025-Q3&format=pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    expect(pdf.disposition).toContain('filename="bao-cao-cchc-gio-son-2025-Q3.pdf"');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");

    const bad = await downloadBuilt(page, "/reports/cchc?period=quy-3&format=docx");
    expect(bad.status).toBe(400);
    await page.browserContext().close();

    // A member of a unit is no reader of the whole organization's report.
    const memberPage = await signInByChat(1102);
    expect((await download(memberPage, "/reports/workbook?format=xlsx")).status).toBe(404);
    expect((await memberPage.goto(`${world.baseUrl}/people`))?.status()).toBe(404);
    await memberPage.browserContext().close();
  }, 120_000);
});

describe("isolation and CSRF on the new routes", () => {
  it("answers 404 to another organization's ids on every new route", async () => {
    const db = world.database.client.db;
    const board = await loadPlanBoard(db, coordinator, TODAY);
    const milestoneA = board.rows.find((r) => r.state !== "done")!.milestoneId;
    const unitA = await unitIdOf(KT_TC);
    const otherUnitA = await unitIdOf(VP_TK);
    const cellA = (await unitsOf(db, "gio-son")).find((u) => u.name.includes(","))!.id;

    const foreign = await signInByChat(2101);
    await foreign.goto(`${world.baseUrl}/people`);
    expect((await foreign.goto(`${world.baseUrl}/people/${member.personId}/deactivate`))?.status()).toBe(404);
    await foreign.goto(`${world.baseUrl}/people`);
    const unitsB = await unitsOf(db, "xa-khac");
    expect(await post(foreign, `/people/${member.personId}/deactivate`, {})).toBe(404);
    expect(await post(foreign, "/people/invite", { role: "member", unit: unitA })).toBe(404);
    expect(await post(foreign, "/units/merge", { from: unitA, into: otherUnitA })).toBe(404);
    expect(await post(foreign, "/units/merge", { from: unitA, into: unitsB[0]!.id })).toBe(404);
    expect(await post(foreign, `/units/${cellA}/split`, { parts: "A\nB" })).toBe(404);
    expect(await post(foreign, `/m/${milestoneA}/lead`, { unit: unitsB[0]!.id })).toBe(404);
    const boardB = await loadPlanBoard(db, (await findViewer(db, 2101))!, TODAY);
    expect(await post(foreign, `/m/${boardB.rows[0]!.milestoneId}/lead`, { unit: unitA })).toBe(404);
    await foreign.browserContext().close();

    const [still] = await world.database.client.sql`select deactivated_at from people where id = ${member.personId}`;
    expect(still?.deactivated_at).toBeNull();
    expect((await unitsOf(db, "gio-son")).some((u) => u.id === cellA)).toBe(true);
  });

  it("refuses every new change without the CSRF token", async () => {
    const db = world.database.client.db;
    const board = await loadPlanBoard(db, coordinator, TODAY);
    const row = board.rows.find((r) => r.state !== "done")!;
    const page = await signInByChat(1101);
    await page.goto(`${world.baseUrl}/people`);
    const vptk = await unitIdOf(VP_TK);
    const finance = await unitIdOf(KT_TC);
    const cell = (await unitsOf(db, "gio-son")).find((u) => u.name.includes(","))!.id;
    const invitesBefore = (await world.database.client.sql`select count(*)::int as n from invites`)[0]?.n;
    expect(await post(page, "/people/invite", { role: "member", unit: vptk }, false)).toBe(403);
    expect(await post(page, `/people/${financeMember.personId}/deactivate`, {}, false)).toBe(403);
    expect(await post(page, "/units/merge", { from: finance, into: vptk }, false)).toBe(403);
    expect(await post(page, `/units/${cell}/split`, { parts: "A\nB" }, false)).toBe(403);
    expect(await post(page, `/m/${row.milestoneId}/lead`, { unit: finance }, false)).toBe(403);
    expect((await world.database.client.sql`select count(*)::int as n from invites`)[0]?.n).toBe(invitesBefore);
    const [person] = await world.database.client
      .sql`select deactivated_at from people where id = ${financeMember.personId}`;
    expect(person?.deactivated_at).toBeNull();
    expect((await unitsOf(db, "gio-son")).map((u) => u.id)).toEqual(expect.arrayContaining([finance, vptk, cell]));
    await page.browserContext().close();
  });
});
