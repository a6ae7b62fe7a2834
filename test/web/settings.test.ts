/** The web settings page over HTTP (`app.request`): coordinators only, CSRF, a refusal naming the field, preview then apply. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { organizations, reminders, settingsChanges } from "../../db/schema.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import type { SendSlot } from "../../src/services/reminders/sync-reminders.js";
import { syncReminders } from "../../src/services/reminders/sync-reminders.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { createSignInLink } from "../../src/services/web/sessions.js";
import { createWebApp } from "../../src/web/app.js";
import { chatPlan, TU_PHAP } from "../support/bot-world.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { joinAs } from "../support/invites.js";
import { toTabText } from "../support/plan-files.js";

const PUBLIC_URL = "https://nhacviec.test";
const now = new Date("2025-03-05T09:00:00+07:00");
let database: TestDatabase & { client: PostgresDatabaseClient };
let organizationId: string;
const queued: SendSlot[] = [];

beforeAll(async () => {
  database = await createMigratedDatabase();
  const draft = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(chatPlan))), { year: 2025 });
  ({ organizationId } = await importPlan(database.client.db, draft, {
    organizationSlug: "thu-nghiem",
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  }));
  await syncReminders(database.client.db, organizationId, now);
});
afterAll(async () => {
  await database.drop();
});

const app = () =>
  createWebApp({
    db: database.client.db,
    logger: silentLogger,
    now: () => now,
    publicUrl: PUBLIC_URL,
    botToken: "123:TEST",
    scheduleSlots: (slots) => {
      queued.push(...slots);
      return Promise.resolve();
    },
  });

const form = (cookie: string, fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", cookie },
  body: new URLSearchParams(fields).toString(),
});

async function signIn(web: ReturnType<typeof app>, viewer: Viewer): Promise<{ cookie: string; csrf: string }> {
  const token = await createSignInLink(database.client.db, viewer, now);
  const response = await web.request("/signin", form("", { token }));
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const page = await web.request("/plan", { headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] as string;
  return { cookie, csrf };
}

describe("the web settings page", () => {
  it("is not there for a member", async () => {
    const web = app();
    const member = await joinAs(database.client.db, {
      userId: 801,
      role: "member",
      organizationId,
      unit: TU_PHAP,
      now,
    });
    const { cookie, csrf } = await signIn(web, member);
    expect((await web.request("/settings", { headers: { cookie } })).status).toBe(404);
    const post = await web.request("/settings/apply", form(cookie, { _csrf: csrf, field: "sendTime", value: "07:00" }));
    expect(post.status).toBe(404);
  });

  it("shows the settings to a coordinator, refuses a change without the CSRF token or with a bad value, previews, applies", async () => {
    const web = app();
    const coordinator = await joinAs(database.client.db, { userId: 802, role: "coordinator", organizationId, now });
    const { cookie, csrf } = await signIn(web, coordinator);
    const page = await (await web.request("/settings", { headers: { cookie } })).text();
    expect(page).toContain("Cài đặt nhắc việc của Văn phòng – Thống kê");
    expect(page).toContain("Giờ gửi: 08:00");
    expect(page).toContain('<a href="/settings" aria-current="page">Cài đặt</a>');

    const forged = await web.request("/settings/apply", form(cookie, { field: "sendTime", value: "07:00" }));
    expect(forged.status).toBe(403);

    const bad = await web.request(
      "/settings/preview",
      form(cookie, { _csrf: csrf, field: "sendTime", value: "7 giờ sáng" }),
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Giờ gửi phải có dạng HH:MM, ví dụ 07:30");

    const preview = await web.request(
      "/settings/preview",
      form(cookie, { _csrf: csrf, field: "sendTime", value: "07:00" }),
    );
    expect(preview.status).toBe(200);
    const previewText = await preview.text();
    expect(previewText).toContain("Giờ gửi: 08:00 → 07:00");
    expect(previewText).toMatch(/\d+ lần nhắc sắp tới đổi giờ 08:00 → 07:00; lần gần nhất: Thứ \S+ \d\d\/\d\d 07:00/);
    expect(previewText).toContain('action="/settings/apply"');
    const planned = () =>
      database.client.db
        .select({ fireAt: reminders.fireAt })
        .from(reminders)
        .where(and(eq(reminders.organizationId, organizationId), eq(reminders.state, "planned")));
    expect(new Set((await planned()).map((row) => row.fireAt.toISOString().slice(11, 16)))).toEqual(new Set(["01:00"]));

    const applied = await web.request(
      "/settings/apply",
      form(cookie, { _csrf: csrf, field: "sendTime", value: "07:00" }),
    );
    expect(applied.status).toBe(303);
    expect(applied.headers.get("location")).toBe("/settings?done=1");
    expect(new Set((await planned()).map((row) => row.fireAt.toISOString().slice(11, 16)))).toEqual(new Set(["00:00"]));
    expect(queued.length).toBeGreaterThan(0);
    const [log] = await database.client.db
      .select()
      .from(settingsChanges)
      .where(eq(settingsChanges.organizationId, organizationId));
    expect(log).toMatchObject({
      field: "sendTime",
      before: "08:00",
      after: "07:00",
      actorPersonId: coordinator.personId,
    });
    const after = await (await web.request("/settings?done=1", { headers: { cookie } })).text();
    expect(after).toContain("Đã lưu.");
    expect(after).toContain("Giờ gửi: 07:00");

    // 13/03/2025 has a send (an escalation): a day off of the office's own moves it.
    expect((await planned()).some((row) => row.fireAt.toISOString().startsWith("2025-03-13"))).toBe(true);
    const dayOff = await web.request(
      "/settings/apply",
      form(cookie, { _csrf: csrf, field: "dayOff", value: "13/03/2025" }),
    );
    expect(dayOff.status).toBe(303);
    const [organization] = await database.client.db
      .select({ extraDaysOff: organizations.extraDaysOff })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    expect(organization?.extraDaysOff).toEqual(["2025-03-13"]);
    const moved = await planned();
    expect(moved.some((row) => row.fireAt.toISOString().startsWith("2025-03-13"))).toBe(false);
  });
});
