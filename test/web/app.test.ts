/**
 * The web app through `app.request` (no browser): cookies, CSRF, sign-in
 * limits, organization isolation and sign-out on deactivation, on real Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { listOpenMilestones } from "../../src/services/milestones/milestone-view.js";
import { deactivatePerson } from "../../src/services/people/roster.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { createSignInLink } from "../../src/services/web/sessions.js";
import { ASSET_VERSION } from "../../src/web/assets.js";
import { html } from "../../src/web/html.js";
import { filterRows } from "../../src/web/pages/plan-page.js";
import { chatPlan, TU_PHAP, VAN_PHONG } from "../support/bot-world.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { formPost, joinedPerson, signInThroughForm, TEST_PUBLIC_URL, testWebApp } from "../support/web-requests.js";
import { largePlan, toTabText } from "../support/plan-files.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
const clock = { now: new Date("2025-03-05T09:00:00+07:00") };
let organizationId: string;
let otherOrganizationId: string;

async function importInto(slug: string): Promise<string> {
  const draft = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(chatPlan))), { year: 2025 });
  const summary = await importPlan(database.client.db, draft, {
    organizationSlug: slug,
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  });
  return summary.organizationId;
}

async function person(telegramUserId: number, role: Role, options: { unit?: string; other?: boolean } = {}) {
  const organization = options.other ? otherOrganizationId : organizationId;
  return joinedPerson(database.client.db, organization, telegramUserId, role, { unit: options.unit, now: clock.now });
}

const webApp = (limit?: { max: number; windowMs: number }) => testWebApp(database.client.db, clock, limit);
const form = formPost;
const signIn = (app: ReturnType<typeof webApp>, viewer: Viewer) =>
  signInThroughForm(app, database.client.db, viewer, clock.now);

beforeAll(async () => {
  database = await createMigratedDatabase();
  organizationId = await importInto("thu-nghiem");
  otherOrganizationId = await importInto("xa-khac");
});

afterAll(async () => {
  await database.drop();
});

describe("signing in to the web app", () => {
  it("turns a one-time link into a Secure, HttpOnly, SameSite=Lax session cookie; opening the link spends nothing", async () => {
    const app = webApp();
    const coordinator = await person(11, "coordinator");
    const token = await createSignInLink(database.client.db, coordinator, clock.now);
    const opened = await app.request(`/signin/${token}`);
    expect(opened.status).toBe(200);
    const response = await app.request("/signin", form({ token }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-nhacviec=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");
    expect((await app.request("/signin", form({ token }))).status).toBe(401);
  });

  it("refuses a link after ten minutes", async () => {
    const app = webApp();
    const coordinator = await person(12, "coordinator");
    const token = await createSignInLink(database.client.db, coordinator, clock.now);
    const later = clock.now;
    clock.now = new Date(later.getTime() + 10 * 60 * 1000 + 1);
    try {
      expect((await app.request("/signin", form({ token }))).status).toBe(401);
    } finally {
      clock.now = later;
    }
  });

  it("limits sign-in attempts per client", async () => {
    const app = webApp({ max: 3, windowMs: 60_000 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await app.request("/signin", form({ token: "x".repeat(43) }))).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("signs a person out everywhere when a coordinator deactivates them", async () => {
    const app = webApp();
    const coordinator = await person(13, "coordinator");
    const member = await person(14, "member", { unit: TU_PHAP });
    const { cookie } = await signIn(app, member);
    expect((await app.request("/plan", { headers: { cookie } })).status).toBe(200);
    await deactivatePerson(database.client.db, coordinator, member.personId, clock.now);
    expect((await app.request("/plan", { headers: { cookie } })).status).toBe(401);
  });
});

describe("pages and changes", () => {
  it("sends every page with a strict Content-Security-Policy and no inline script", async () => {
    const app = webApp();
    const { cookie } = await signIn(app, await person(21, "coordinator"));
    for (const path of ["/", "/plan", "/overview"]) {
      const response = await app.request(path, { headers: { cookie } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(response.headers.get("content-security-policy")).not.toContain("unsafe-inline");
      const body = await response.text();
      expect(body.match(/<script[^>]*>/g)).toEqual([`<script src="/static/app.js?v=${ASSET_VERSION}" defer>`]);
    }
    expect((await app.request("/plan")).status).toBe(401);
  });

  it("shows a coordinator, and only a coordinator, the units whose open work reaches nobody", async () => {
    const app = webApp();
    const page = async (viewer: Viewer) => {
      const { cookie } = await signIn(app, viewer);
      return (await app.request("/overview", { headers: { cookie } })).text();
    };
    // Nobody has joined Văn phòng: its reminders go to the coordinators, in the words of the reminders' mark.
    const coordinatorPage = await page(await person(25, "coordinator"));
    expect(coordinatorPage).toContain("Cần xử lý");
    expect(coordinatorPage).toContain(`⚠️ Chưa có người nhận ở ${VAN_PHONG}, hãy mời người nhận (/moi).`);
    const chairmanPage = await page(await person(26, "chairman"));
    expect(chairmanPage).not.toContain("Chưa có người nhận");
  });

  it("refuses a change without the session's CSRF token or from another site, and makes it with the token", async () => {
    const app = webApp();
    const coordinator = await person(22, "coordinator");
    const { cookie, csrf } = await signIn(app, coordinator);
    const [milestone] = await listOpenMilestones(database.client.db, coordinator, { today: "2025-03-05" });
    const path = `/m/${milestone!.id}/date`;
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) => {
      const request = form(fields);
      return app.request(path, { ...request, headers: { ...request.headers, cookie, ...headers } });
    };
    expect((await post({ text: "30/4/2025" })).status).toBe(403);
    expect((await post({ text: "30/4/2025", _csrf: "x".repeat(43) })).status).toBe(403);
    expect((await post({ text: "30/4/2025", _csrf: csrf }, { origin: "https://evil.example" })).status).toBe(403);
    const [before] = await database.client.sql`select due::text from milestones where id = ${milestone!.id}`;
    expect(before?.due).toBe(milestone!.due);
    const made = await post({ text: "30/4/2025", _csrf: csrf }, { origin: TEST_PUBLIC_URL });
    expect(made.status).toBe(303);
    const [after] = await database.client.sql`select due::text from milestones where id = ${milestone!.id}`;
    expect(after?.due).toBe("2025-04-30");
    // A weekday that contradicts its date sets nothing: the page names both days and why.
    const contradiction = await post({ text: "thứ năm 28/3/2025", _csrf: csrf }, { origin: TEST_PUBLIC_URL });
    expect(contradiction.status).toBe(422);
    const page = await contradiction.text();
    expect(page).toContain("Thứ Sáu 28/03/2025, không phải Thứ Năm");
    expect(page).toContain("Thứ Sáu 28/03/2025 / Thứ Năm 27/03/2025");
    const [kept] = await database.client.sql`select due::text from milestones where id = ${milestone!.id}`;
    expect(kept?.due).toBe("2025-04-30");
  });

  it("answers 404 to a milestone of another organization, as to one that does not exist", async () => {
    const app = webApp();
    const coordinator = await person(23, "coordinator");
    const stranger = await person(24, "coordinator", { other: true });
    const [milestone] = await listOpenMilestones(database.client.db, coordinator, { today: "2025-03-05" });
    const { cookie } = await signIn(app, stranger);
    expect((await app.request(`/m/${milestone!.id}`, { headers: { cookie } })).status).toBe(404);
    expect((await app.request(`/m/00000000-0000-4000-8000-000000000000`, { headers: { cookie } })).status).toBe(404);
    const own = await signIn(app, coordinator);
    expect((await app.request(`/m/${milestone!.id}`, { headers: { cookie: own.cookie } })).status).toBe(200);
  });
});

describe("the plan filters and the page templates", () => {
  const row = (over: Record<string, unknown>) =>
    ({
      milestoneId: "m",
      taskId: "t",
      title: "Rà soát thủ tục hành chính",
      label: null,
      product: null,
      leadUnits: ["Tư pháp – Hộ tịch"],
      leadUnitIds: ["u1"],
      supportUnits: [],
      section: "I",
      due: "2025-03-10",
      state: "open",
      ...over,
    }) as never;

  it("keeps rows by unit, state, section, due range and accent-free search", () => {
    const rows = [
      row({ milestoneId: "a" }),
      row({
        milestoneId: "b",
        leadUnitIds: ["u2"],
        state: "overdue",
        section: "II",
        due: "2025-05-01",
        title: "Báo cáo",
      }),
    ];
    const none = { unit: "", state: "", section: "", from: "", to: "", q: "" };
    const ids = (filters: Partial<typeof none>) => filterRows(rows, { ...none, ...filters }).map((r) => r.milestoneId);
    expect(ids({})).toEqual(["a", "b"]);
    expect(ids({ unit: "u2" })).toEqual(["b"]);
    expect(ids({ state: "overdue" })).toEqual(["b"]);
    expect(ids({ section: "I" })).toEqual(["a"]);
    expect(ids({ from: "2025-04-01" })).toEqual(["b"]);
    expect(ids({ to: "2025-04-01" })).toEqual(["a"]);
    expect(ids({ q: "ra soat thu tuc" })).toEqual(["a"]);
  });

  it("escapes what it interpolates", () => {
    expect(html`<td>${'<script>alert("x")</script>'}</td>`.value).toBe(
      "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>",
    );
    expect(html`<p>${html`<b>${"&"}</b>`}</p>`.value).toBe("<p><b>&amp;</b></p>");
  });
});

describe("uploading a plan", () => {
  it("asks to confirm the count of a plan of more than 2,000 tasks before its preview, and stores nothing before", async () => {
    const app = webApp();
    const coordinator = await person(61, "coordinator");
    const { cookie, csrf } = await signIn(app, coordinator);
    const tasksStored = async () => (await database.client.sql`select count(*)::int as n from tasks`)[0]?.n;
    const before = await tasksStored();
    const upload = async () => {
      const body = new FormData();
      body.set("_csrf", csrf);
      body.set("file", new File([toTabText(largePlan(2001))], "rat-lon.txt"));
      // As a browser sends it: encoded, with its length, which the upload's size limit reads.
      const encoded = new Response(body);
      const bytes = Buffer.from(await encoded.arrayBuffer());
      return app.request("/import", {
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
    const post = (path: string) =>
      app.request(path, {
        ...form({ _csrf: csrf }),
        headers: { ...form({}).headers, cookie, origin: TEST_PUBLIC_URL },
      });

    const asked = await upload();
    const question = await asked.text();
    expect(asked.status).toBe(200);
    expect(question).toContain("Kế hoạch này có 2.001 nhiệm vụ, nhiều hơn giới hạn 2.000 nhiệm vụ");
    expect(question).toContain("Xác nhận nhập 2.001 nhiệm vụ?");
    expect(question).toContain("Nhập 2.001 nhiệm vụ");
    const skipping = /action="(\/import\/[0-9a-f]+)\/preview"/.exec(question)?.[1] as string;
    // Posting the final confirmation without confirming the count is refused like the first upload.
    const refused = await post(skipping);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("2.001 nhiệm vụ");
    expect(await tasksStored()).toBe(before);

    const again = await (await upload()).text();
    const confirmCount = /action="(\/import\/[0-9a-f]+\/preview)"/.exec(again)?.[1] as string;
    const preview = await post(confirmCount);
    const previewPage = await preview.text();
    expect(preview.status).toBe(200);
    expect(previewPage).toContain('class="import-preview"');
    expect(previewPage).toMatch(/2\.?001 nhiệm vụ/);
    expect(await tasksStored()).toBe(before);
  }, 120_000);
});
