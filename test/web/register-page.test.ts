/** The register of assigned work on the web, through `app.request`: the list, its filters, one document's workbook. */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { redeemInvite } from "../../src/services/people/invites.js";
import { findViewer, type Viewer } from "../../src/services/people/viewer.js";
import { readPlanHere } from "../../src/services/plans/import-plan-file.js";
import { createSignInLink } from "../../src/services/web/sessions.js";
import { createWebApp } from "../../src/web/app.js";
import { chatPlan, TU_PHAP } from "../support/bot-world.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { operatorInvite } from "../support/invites.js";
import { toTabText } from "../support/plan-files.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
const clock = { now: new Date("2026-12-16T09:00:00+07:00") };
let organizationId: string;
let otherPlanId: string;
let noticePlanId: string;

async function importNotice(slug: string): Promise<{ organizationId: string; planId: string }> {
  const notice = await readPlanHere(
    "tb.txt",
    readFileSync("test/fixtures/directives/d01-tb-ket-luan-xa-gio-son.txt"),
    {},
  );
  return importPlan(database.client.db, notice, {
    organizationSlug: slug,
    fileName: "tb.txt",
    fileSha256: "1".repeat(64),
  });
}

async function person(telegramUserId: number, role: Role, unit?: string): Promise<Viewer> {
  const invite = await operatorInvite(database.client.db, {
    organizationId,
    role,
    unitName: unit ?? null,
    now: clock.now,
  });
  await redeemInvite(database.client.db, {
    code: invite.code,
    telegramUserId,
    chatId: telegramUserId,
    fullName: `Người ${telegramUserId}`,
    now: clock.now,
  });
  return (await findViewer(database.client.db, telegramUserId)) as Viewer;
}

const app = () =>
  createWebApp({
    db: database.client.db,
    logger: silentLogger,
    now: () => clock.now,
    publicUrl: "https://nhacviec.test",
    botToken: "123:TEST",
    signInLimit: { max: 1000, windowMs: 60_000 },
  });

async function signIn(web: ReturnType<typeof app>, viewer: Viewer): Promise<string> {
  const token = await createSignInLink(database.client.db, viewer, clock.now);
  const response = await web.request("/signin", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token }).toString(),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
}

beforeAll(async () => {
  database = await createMigratedDatabase();
  const draft = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(chatPlan))), { year: 2025 });
  ({ organizationId } = await importPlan(database.client.db, draft, {
    organizationSlug: "gio-son",
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  }));
  noticePlanId = (await importNotice("gio-son")).planId;
  otherPlanId = (await importNotice("xa-khac")).planId;
}, 60_000);
afterAll(async () => {
  await database.drop();
});

describe("the register page", () => {
  it("lists the documents with their completion, filters them, and gives one document's workbook", async () => {
    const web = app();
    const cookie = await signIn(web, await person(11, "coordinator"));
    const page = await (await web.request("/register", { headers: { cookie } })).text();
    expect(page).toContain("Thông báo số 25/TB-UBND ngày 02/12/2026 của UBND xã Gio Sơn");
    expect(page).toContain("Kế hoạch cải cách hành chính xã Thử Nghiệm năm 2025");
    expect(page).toContain("Hoàn thành 0/3");
    expect(page).toContain('href="/register"');

    const byUnit = await (await web.request("/register?unit=c%C3%B4ng+an", { headers: { cookie } })).text();
    expect(byUnit).toContain("1 văn bản");
    expect(byUnit).toContain("Công an xã");
    expect(byUnit).not.toContain("Công chức Tài chính - Kế toán");
    const overdue = await (await web.request("/register?state=overdue", { headers: { cookie } })).text();
    // On 16/12 the land records review (due 15/12) is late; the security plan (20/12) is not.
    expect(overdue).toContain("Công chức Địa chính - Xây dựng");
    expect(overdue).not.toContain("Công an xã");
    const bySource = await (
      await web.request(`/register?source=${noticePlanId}&from=2026-12-16&to=2026-12-31`, { headers: { cookie } })
    ).text();
    expect(bySource).toContain("1 văn bản");
    expect(bySource).not.toContain("Công chức Địa chính - Xây dựng");

    const download = await web.request(`/register/workbook?source=${noticePlanId}`, { headers: { cookie } });
    expect(download.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download.arrayBuffer());
    const cells: string[] = [];
    workbook.getWorksheet("Kết quả thực hiện")!.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    expect(cells.join("\n")).toContain("Công an xã");
    expect(cells.join("\n")).not.toContain("Xây dựng Kế hoạch tuyên truyền CCHC");
    // Another organization's document is not found.
    expect((await web.request(`/register/workbook?source=${otherPlanId}`, { headers: { cookie } })).status).toBe(404);
  }, 30_000);

  it("is not found for a member", async () => {
    const web = app();
    const cookie = await signIn(web, await person(12, "member", TU_PHAP));
    expect((await web.request("/register", { headers: { cookie } })).status).toBe(404);
  }, 30_000);
});
