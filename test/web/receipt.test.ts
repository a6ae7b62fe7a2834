/**
 * A document's day of receipt on the web, through `app.request`: shown and set
 * on the plan and register pages, refused with words naming the field, and
 * given with an upload as the CLI and the chat give it.
 */
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { milestones, plans, tasks } from "../../db/schema.js";
import { OPERATOR } from "../../src/services/access.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { importPlanFile, readPlanHere } from "../../src/services/plans/import-plan-file.js";
import type { SendSlot } from "../../src/services/reminders/sync-reminders.js";
import { createWebApp } from "../../src/web/app.js";
import { TU_PHAP } from "../support/bot-world.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { RECEIPT_NOTICE, RECEIPT_NOTICE_NUMBER } from "../support/receipt-notice.js";
import { formPost, joinedPerson, signInThroughForm, TEST_PUBLIC_URL } from "../support/web-requests.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
// Thursday 10/12/2026.
const clock = { now: new Date("2026-12-10T09:00:00+07:00") };
let planId: string;
let organizationId: string;
let otherOrganizationId: string;
const scheduled: SendSlot[] = [];
const DOCUMENT = `Thông báo số ${RECEIPT_NOTICE_NUMBER} ngày 02/12/2026 của UBND xã Gio Sơn`;

const app = () =>
  createWebApp({
    db: database.client.db,
    logger: silentLogger,
    now: () => clock.now,
    publicUrl: TEST_PUBLIC_URL,
    botToken: "123:TEST",
    signInLimit: { max: 1000, windowMs: 60_000 },
    planReader: readPlanHere,
    scheduleSlots: (slots) => {
      scheduled.push(...slots);
      return Promise.resolve();
    },
  });

async function signedIn(viewer: Viewer) {
  const web = app();
  const { cookie, csrf } = await signInThroughForm(web, database.client.db, viewer, clock.now);
  const get = (path: string) => web.request(path, { headers: { cookie } });
  const post = (path: string, fields: Record<string, string>) =>
    web.request(path, {
      ...formPost({ _csrf: csrf, ...fields }),
      headers: { ...formPost({}).headers, cookie, origin: TEST_PUBLIC_URL },
    });
  const upload = async (fileName: string, text: string, receivedOn: string) => {
    const body = new FormData();
    body.set("_csrf", csrf);
    body.set("file", new File([text], fileName));
    body.set("receivedOn", receivedOn);
    const encoded = new Response(body);
    const bytes = Buffer.from(await encoded.arrayBuffer());
    return web.request("/import", {
      method: "POST",
      body: bytes,
      headers: {
        cookie,
        origin: TEST_PUBLIC_URL,
        "content-type": encoded.headers.get("content-type") as string,
        "content-length": String(bytes.length),
      },
    });
  };
  return { get, post, upload };
}

const person = (telegramUserId: number, role: "coordinator" | "chairman" | "member", other = false) =>
  joinedPerson(database.client.db, other ? otherOrganizationId : organizationId, telegramUserId, role, {
    unit: role === "member" ? TU_PHAP : undefined,
    now: clock.now,
  });

const receivedOn = async (number = RECEIPT_NOTICE_NUMBER) =>
  (await database.client.db.select({ on: plans.receivedOn }).from(plans).where(eq(plans.number, number)))[0]?.on;

/** The due days of a document's milestones, in task order. */
async function dues(number: string) {
  const rows = await database.client.db
    .select({ due: milestones.due, position: tasks.position })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(eq(plans.number, number));
  return rows.sort((a, b) => a.position - b.position).map((r) => r.due);
}

beforeAll(async () => {
  database = await createMigratedDatabase();
  const apply = (slug: string, bytes: Buffer) =>
    importPlanFile(database.client.db, OPERATOR, {
      fileName: "tb.txt",
      bytes,
      mode: "apply",
      organizationSlug: slug,
      now: clock.now,
    });
  const applied = await apply("gio-son", Buffer.from(RECEIPT_NOTICE));
  const other = await apply("xa-khac", readFileSync("test/fixtures/directives/d01-tb-ket-luan-xa-gio-son.txt"));
  if (applied.kind !== "applied" || other.kind !== "applied") throw new Error("not applied");
  ({ planId, organizationId } = applied.summary);
  otherOrganizationId = other.summary.organizationId;
}, 60_000);
afterAll(async () => {
  await database?.drop();
});

describe("the day of receipt on the web", () => {
  it("is asked for on the plan page and shown on the register for a document whose tasks wait for it", async () => {
    const coordinator = await signedIn(await person(901, "coordinator"));
    const plan = await (await coordinator.get("/plan")).text();
    expect(plan).toContain("Văn bản chờ ngày nhận (1)");
    expect(plan).toContain(DOCUMENT);
    expect(plan).toContain("2 nhiệm vụ tính hạn kể từ ngày nhận văn bản đang chờ ngày này");
    expect(plan).toContain(`action="/register/${planId}/received-on"`);
    expect(plan).toMatch(/<label for="received-[0-9a-f-]+">Ngày nhận văn bản<\/label>/);
    // "Cần xử lý" lists it among the decisions waiting, linked to the document.
    const attention = await (await coordinator.get("/")).text();
    expect(attention).toContain("Văn bản chờ ngày nhận (1)");
    expect(attention).toContain(`href="/register?source=${planId}#doc-${planId}"`);
    const register = await (await coordinator.get("/register")).text();
    expect(register).toContain("<strong>Ngày nhận văn bản:</strong>");
    expect(register).toContain("chưa nhập");
    expect(register).toContain('name="receivedOn"');
    expect(register).toContain("Lưu ngày nhận");

    // The chairman reads the day but does not set it; a member is not asked.
    const chairman = await signedIn(await person(902, "chairman"));
    const read = await (await chairman.get("/register")).text();
    expect(read).toContain("<strong>Ngày nhận văn bản:</strong>");
    expect(read).not.toContain('name="receivedOn"');
    const member = await signedIn(await person(903, "member"));
    expect(await (await member.get("/plan")).text()).not.toContain("Văn bản chờ ngày nhận");
  });

  it("refuses a day before the document, not come, or missing, naming the field and keeping what was typed", async () => {
    const coordinator = await signedIn(await person(904, "coordinator"));
    const early = await coordinator.post(`/register/${planId}/received-on`, { receivedOn: "2026-12-01" });
    expect(early.status).toBe(422);
    const earlyPage = await early.text();
    expect(earlyPage).toContain("Ngày nhận văn bản không được trước ngày ban hành văn bản (02/12/2026)");
    expect(earlyPage).toContain('value="2026-12-01"');
    const future = await coordinator.post(`/register/${planId}/received-on`, { receivedOn: "2026-12-12" });
    expect(future.status).toBe(422);
    expect(await future.text()).toContain("Ngày nhận văn bản “2026-12-12” là Thứ Bảy 12/12/2026, ngày chưa đến.");
    const empty = await coordinator.post(`/register/${planId}/received-on`, { receivedOn: "" });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Ngày nhận văn bản: hãy chọn một ngày.");
    expect(await receivedOn()).toBeNull();
    expect(await dues(RECEIPT_NOTICE_NUMBER)).toEqual([null, null, "2026-12-25"]);
  });

  it("is refused to the chairman, and another commune's coordinator finds no such document", async () => {
    const chairman = await signedIn(await person(905, "chairman"));
    expect((await chairman.post(`/register/${planId}/received-on`, { receivedOn: "2026-12-04" })).status).toBe(403);
    const stranger = await signedIn(await person(906, "coordinator", true));
    expect((await stranger.post(`/register/${planId}/received-on`, { receivedOn: "2026-12-04" })).status).toBe(404);
    expect(await receivedOn()).toBeNull();
  });

  it("dates the tasks counted from it when set, and moves them when corrected", async () => {
    const coordinator = await signedIn(await person(907, "coordinator"));
    scheduled.length = 0;
    const set = await coordinator.post(`/register/${planId}/received-on`, { receivedOn: "2026-12-04" });
    expect(set.status).toBe(303);
    expect(set.headers.get("location")).toBe(`/register?source=${planId}&saved=receipt#doc-${planId}`);
    expect(scheduled.length).toBeGreaterThan(0);
    expect(await dues(RECEIPT_NOTICE_NUMBER)).toEqual(["2026-12-11", "2026-12-14", "2026-12-25"]);
    const page = await (await coordinator.get(`/register?source=${planId}&saved=receipt`)).text();
    expect(page).toContain("Đã lưu ngày nhận văn bản");
    expect(page).toMatch(/<strong>Ngày nhận văn bản:<\/strong>\s*04\/12\/2026/);
    expect(page).toContain("11/12/2026");
    expect(page).toContain("Sửa ngày nhận");
    expect(await (await coordinator.get("/plan")).text()).not.toContain("Văn bản chờ ngày nhận");

    // Typed as the chat types it: Monday 07/12 moves both.
    expect((await coordinator.post(`/register/${planId}/received-on`, { receivedOn: "7/12" })).status).toBe(303);
    expect(await receivedOn()).toBe("2026-12-07");
    expect(await dues(RECEIPT_NOTICE_NUMBER)).toEqual(["2026-12-14", "2026-12-17", "2026-12-25"]);
  });

  it("is taken with an upload, used like the command line's --received-on, and refused there before the document", async () => {
    const coordinator = await signedIn(await person(908, "coordinator"));
    const notice = RECEIPT_NOTICE.replace(RECEIPT_NOTICE_NUMBER, "34/TB-UBND");
    const form = await (await coordinator.get("/import")).text();
    expect(form).toContain('<label for="received-on">Ngày nhận văn bản');
    expect(form).toContain('name="receivedOn"');

    const early = await coordinator.upload("tb-34.txt", notice, "2026-11-30");
    const earlyPage = await early.text();
    expect(early.status).toBe(422);
    expect(earlyPage).toContain("Ngày nhận văn bản không được trước ngày ban hành văn bản (02/12/2026)");
    expect(earlyPage).toContain('value="2026-11-30"');
    const garbled = await coordinator.upload("tb-34.txt", notice, "đã nhận rồi");
    expect(garbled.status).toBe(422);
    expect(await garbled.text()).toContain("Chưa hiểu ngày nhận văn bản “đã nhận rồi”");

    const preview = await (await coordinator.upload("tb-34.txt", notice, "2026-12-04")).text();
    expect(preview).toContain("Ngày nhận văn bản: 04/12/2026");
    const confirm = /<form method="post" action="(\/import\/[0-9a-f]+)"/.exec(preview)?.[1] as string;
    const applied = await coordinator.post(confirm, {});
    expect(applied.status).toBe(200);
    expect(await receivedOn("34/TB-UBND")).toBe("2026-12-04");
    expect(await dues("34/TB-UBND")).toEqual(["2026-12-11", "2026-12-14", "2026-12-25"]);
  });
});
