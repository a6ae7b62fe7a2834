/**
 * "Cần xử lý" and a member's work on the web through `app.request` (no
 * browser), on real Postgres: who sees what first, the chat's refusals and
 * date answers on the web, the count in the navigation, the Vietnamese 404.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { markDone, requestExtension } from "../../src/services/milestones/milestone-actions.js";
import { productIsDocument } from "../../src/domain/milestones/index.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { needsAttention } from "../../src/services/web/needs-attention.js";
import { loadPlanBoard, type PlanBoardRow } from "../../src/services/web/plan-board.js";
import { chatPlan, TU_PHAP, VAN_PHONG } from "../support/bot-world.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { toTabText } from "../support/plan-files.js";
import { formPost, joinedPerson, signInThroughForm, testWebApp } from "../support/web-requests.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
const clock = { now: new Date("2025-03-05T09:00:00+07:00") };
const TODAY = "2025-03-05";
let coordinator: Viewer;
let chairman: Viewer;
let tuPhap: Viewer;
let vanPhong: Viewer;
let tuPhapWork: PlanBoardRow[];
let vanPhongWork: PlanBoardRow[];

beforeAll(async () => {
  database = await createMigratedDatabase();
  const draft = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(chatPlan))), { year: 2025 });
  const { organizationId } = await importPlan(database.client.db, draft, {
    organizationSlug: "thu-nghiem",
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  });
  const join = (id: number, role: Parameters<typeof joinedPerson>[3], unit?: string) =>
    joinedPerson(database.client.db, organizationId, id, role, { unit, now: clock.now });
  coordinator = await join(1, "coordinator");
  chairman = await join(2, "chairman");
  tuPhap = await join(3, "member", TU_PHAP);
  vanPhong = await join(4, "member", VAN_PHONG);
  const board = await loadPlanBoard(database.client.db, coordinator, TODAY);
  tuPhapWork = board.rows.filter((r) => r.leadUnits.includes(TU_PHAP) && r.due !== null && r.state !== "done");
  expect(tuPhapWork.length).toBeGreaterThanOrEqual(2);
  vanPhongWork = board.rows.filter((r) => r.leadUnits.includes(VAN_PHONG) && r.due !== null && r.state !== "done");
  expect(vanPhongWork.length).toBeGreaterThanOrEqual(1);
});

afterAll(async () => {
  await database.drop();
});

describe("what needs the viewer first", () => {
  it("gives a member his unit's open work soonest first, and the leaders the decisions with who may take them", async () => {
    const db = database.client.db;
    const mine = await needsAttention(db, tuPhap, TODAY);
    expect(mine.kind).toBe("own-work");
    if (mine.kind !== "own-work") throw new Error("a member sees his own work");
    const board = await loadPlanBoard(db, coordinator, TODAY);
    const expected = board.rows
      .filter((r) => r.leadUnits.includes(TU_PHAP) && ["open", "in_progress", "overdue"].includes(r.state))
      .map((r) => r.milestoneId);
    expect(mine.mine.map((r) => r.milestoneId).sort()).toEqual([...expected].sort());
    const dues = mine.mine.map((r) => r.due ?? "9999");
    expect(dues).toEqual([...dues].sort());

    const context = { now: clock.now, source: null };
    // A written product would need its document first: report a task whose product is not one.
    const first = tuPhapWork.find((r) => !productIsDocument(r.product))!;
    const second = tuPhapWork.find((r) => r !== first)!;
    expect((await markDone(db, tuPhap, first.milestoneId, context)).kind).toBe("submitted");
    const asked = await requestExtension(
      db,
      tuPhap,
      second.milestoneId,
      { newDue: "2025-12-30", reason: "Chờ" },
      context,
    );
    expect(asked.kind).toBe("requested");

    const office = await needsAttention(db, coordinator, TODAY);
    const head = await needsAttention(db, chairman, TODAY);
    if (office.kind !== "decisions" || head.kind !== "decisions") throw new Error("leaders see the leader's page");
    expect(office.requests.map((r) => [r.kind, r.row.milestoneId, r.mayDecide])).toEqual([
      ["completion", first.milestoneId, true],
      ["extension", second.milestoneId, true],
    ]);
    // The chairman decides extensions; completions are the office's.
    expect(head.requests.map((r) => [r.kind, r.mayDecide])).toEqual([
      ["completion", false],
      ["extension", true],
    ]);
    const late = office.overdue.map((r) => r.daysLate);
    expect(late).toEqual([...late].sort((a, b) => b - a));
    expect(office.overdue.every((r) => r.state === "overdue")).toBe(true);
    // The chairman reviews no imports: units and dates to confirm are the office's.
    expect(head.newUnits).toEqual([]);
  });
});

describe("a member's work on the web", () => {
  it("refuses another unit's work with the chat's words, asks which day an ambiguous text means, then sends the request", async () => {
    const app = testWebApp(database.client.db, clock);
    const target = vanPhongWork[0]!;
    const other = await signInThroughForm(app, database.client.db, tuPhap, clock.now);
    const refused = await app.request(`/m/${target.milestoneId}/progress`, {
      ...formPost({ _csrf: other.csrf, percent: "50" }),
      headers: { cookie: other.cookie, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Bạn không có quyền với việc này");

    const own = await signInThroughForm(app, database.client.db, vanPhong, clock.now);
    const post = (path: string, fields: Record<string, string>) =>
      app.request(path, {
        ...formPost({ _csrf: own.csrf, ...fields }),
        headers: { cookie: own.cookie, "content-type": "application/x-www-form-urlencoded" },
      });
    const bad = await post(`/m/${target.milestoneId}/progress`, { percent: "120" });
    expect(bad.status).toBe(422);
    const saved = await post(`/m/${target.milestoneId}/progress`, { percent: "40", note: "Đã họp thôn" });
    expect(await saved.text()).toContain("Đã ghi tiến độ 40%");

    // 19/12/2025 is a Friday, not a Thursday: the chat's question, with the days as buttons that keep the reason.
    const ambiguous = await post(`/m/${target.milestoneId}/extend`, {
      date: "19/12 thứ năm",
      reason: "Thiếu kinh phí",
    });
    const page = await ambiguous.text();
    expect(ambiguous.status).toBe(422);
    const choices = [...page.matchAll(/name="chosen" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(choices).toEqual(["Thứ Sáu 19/12/2025", "Thứ Năm 18/12/2025"]);
    // The parser drops the one line break after <textarea>: the reason comes back as typed.
    expect(page).toMatch(/<textarea id="extend-reason"[^>]*>\n?Thiếu kinh phí<\/textarea>/);
    const chosen = await post(`/m/${target.milestoneId}/extend`, {
      date: "19/12 thứ năm",
      chosen: choices.at(-1)!,
      reason: "Thiếu kinh phí",
    });
    const answer = await chosen.text();
    expect(/class="flash[^"]*"[^>]*>([^<]*)/.exec(answer)?.[1]).toContain("Đã gửi đề nghị gia hạn");
    const [event] = await database.client.sql`
      select details from milestone_events where milestone_id = ${target.milestoneId}
        and action = 'extension-requested' order by id desc limit 1`;
    expect((event?.details as { reason: string }).reason).toBe("Thiếu kinh phí");

    const office = await signInThroughForm(app, database.client.db, coordinator, clock.now);
    const landing = await (await app.request("/", { headers: { cookie: office.cookie } })).text();
    expect(landing).toMatch(/href="\/" aria-current="page">Cần xử lý<span class="badge"\s*>3</);

    const missing = await app.request("/khong-co", { headers: { cookie: office.cookie } });
    expect(missing.status).toBe(404);
    const text = await missing.text();
    expect(text).toContain('<html lang="vi">');
    expect(text).toMatch(/<title>Không tìm thấy · nhacviec<\/title>/);
  });

  it("answers a failure with a Vietnamese 500 page, never a stack or English", async () => {
    // A database that is gone: the session lookup itself fails.
    const gone = await createMigratedDatabase();
    const app = testWebApp(gone.client.db, clock);
    await gone.drop();
    const response = await app.request("/", { headers: { cookie: `__Host-nhacviec=${"a".repeat(43)}` } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain('<html lang="vi">');
    expect(text).toMatch(/<title>Lỗi hệ thống · nhacviec<\/title>/);
    expect(text).not.toMatch(/Internal Server Error|at \S+\.ts/);
  });
});
