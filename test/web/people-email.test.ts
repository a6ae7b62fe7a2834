/**
 * The people page with the email channel on (through `app.request`, real
 * Postgres, a real SMTP server): a coordinator gives a person's address, the
 * confirmation mail arrives, the page shows it waiting, then confirmed; a
 * member is refused, and a POST without CSRF changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createEmailSide, type EmailSide } from "../../src/runtime/email.js";
import { organizationBySlug } from "../../src/services/people/invites.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { createSignInLink } from "../../src/services/web/sessions.js";
import { createWebApp } from "../../src/web/app.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { joinAs } from "../support/invites.js";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";

const PUBLIC_URL = "https://nhacviec.test";
const clock = { now: new Date("2025-03-05T09:00:00+07:00") };
let database: TestDatabase & { client: PostgresDatabaseClient };
let smtp: TestSmtpServer;
let email: EmailSide;
let coordinator: Viewer;
let member: Viewer;

beforeAll(async () => {
  database = await createMigratedDatabase();
  smtp = await startTestSmtpServer();
  const side = createEmailSide(
    { smtpUrl: smtp.url, emailFrom: "nhacviec@xa.example", publicUrl: PUBLIC_URL, taskLinkSecret: "s".repeat(40) },
    { limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }), now: () => clock.now },
  );
  if (!side) throw new Error("no email side");
  email = side;
  const { db, sql } = database.client;
  const organization = await organizationBySlug(db, "thu-web", "UBND xã Thử Web");
  await sql`insert into units (organization_id, name, name_key) values (${organization.id}, 'Văn phòng', 'van phong')`;
  coordinator = await joinAs(db, { userId: 901, role: "coordinator", organizationId: organization.id, now: clock.now });
  member = await joinAs(db, {
    userId: 902,
    role: "member",
    organizationId: organization.id,
    unit: "Văn phòng",
    now: clock.now,
  });
});

afterAll(async () => {
  email.channel.close();
  await smtp.close();
  await database.drop();
});

const app = () =>
  createWebApp({
    db: database.client.db,
    logger: silentLogger,
    now: () => clock.now,
    publicUrl: PUBLIC_URL,
    botToken: "123:TEST",
    email,
  });

const form = (fields: Record<string, string>, cookie: string) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: PUBLIC_URL },
  body: new URLSearchParams(fields).toString(),
});

async function signIn(web: ReturnType<typeof app>, viewer: Viewer): Promise<{ cookie: string; csrf: string }> {
  const token = await createSignInLink(database.client.db, viewer, clock.now);
  const response = await web.request("/signin", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token }).toString(),
  });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const page = await web.request("/plan", { headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] as string;
  return { cookie, csrf };
}

describe("a person's email on the people page", () => {
  it("is set by a coordinator, confirmed by its owner from the mail, and shown as it stands", async () => {
    const web = app();
    const { cookie, csrf } = await signIn(web, coordinator);
    const page = await web.request(`/people/${member.personId}/email`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`action="/people/${member.personId}/email"`);

    expect((await web.request(`/people/${member.personId}/email`, form({ email: "a@b.vn" }, cookie))).status).toBe(403);
    const bad = await web.request(
      `/people/${member.personId}/email`,
      form({ email: "khong-phai", _csrf: csrf }, cookie),
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("không phải địa chỉ email hợp lệ");

    const set = await web.request(
      `/people/${member.personId}/email`,
      form({ email: "Thanh.Vien@XA.example", _csrf: csrf }, cookie),
    );
    expect(set.status).toBe(200);
    expect(await set.text()).toContain("Đã gửi thư xác nhận tới thanh.vien@xa.example");
    const people = await (await web.request("/people", { headers: { cookie } })).text();
    expect(people).toContain("thanh.vien@xa.example");
    expect(people).toContain("chờ xác nhận");

    const link = /https:\/\/\S+\/email\/xac-nhan\/\S+/.exec(smtp.mailsTo("thanh.vien@xa.example")[0]?.text ?? "")?.[0];
    const confirmed = await web.request(new URL(link as string).pathname, { method: "POST" });
    expect(confirmed.status).toBe(200);
    const after = await (await web.request("/people", { headers: { cookie } })).text();
    expect(after).toContain("thanh.vien@xa.example");
    expect(after).not.toContain("chờ xác nhận");
  });

  it("refuses a member", async () => {
    const web = app();
    const { cookie, csrf } = await signIn(web, member);
    const refused = await web.request(
      `/people/${coordinator.personId}/email`,
      form({ email: "dp@xa.example", _csrf: csrf }, cookie),
    );
    expect(refused.status).toBe(404);
    expect(smtp.mailsTo("dp@xa.example")).toEqual([]);
  });
});
