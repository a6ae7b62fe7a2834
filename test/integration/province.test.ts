/**
 * A province and its communes on one deployment: a province task for every
 * commune reaches each one once, each commune decides on its copy and the
 * province reads the roll-up; a commune never sees a sibling, a province's
 * reviewer reads its communes and changes nothing of theirs.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import {
  domainEvents,
  evidenceFiles,
  milestones,
  organizations,
  plans,
  taskUnits,
  tasks,
  units,
} from "../../db/schema.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { markDone } from "../../src/services/milestones/milestone-actions.js";
import { findViewerById, type Viewer } from "../../src/services/people/viewer.js";
import { loadRegister } from "../../src/services/plans/register.js";
import { fanOutTask } from "../../src/services/province/fan-out.js";
import { addOrganization, childOrganizations } from "../../src/services/province/organizations.js";
import {
  acceptCommuneCompletion,
  loadCommuneWork,
  loadLeague,
  loadTaskRollup,
} from "../../src/services/province/standing.js";
import {
  formatProvinceDigest,
  loadProvinceDigest,
  provinceDigestChart,
} from "../../src/services/province/province-digest.js";
import { translatorFor } from "../../src/i18n/i18n.js";
import { loadReportRows } from "../../src/services/reports/report-rows.js";
import { changeLead } from "../../src/services/review.js";
import { OPERATOR } from "../../src/services/access.js";
import { findEvidenceFile } from "../../src/services/web/plan-board.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { addProvincePlan, addProvinceTask, personWithRole } from "../support/province-tasks.js";
import { formPost, signInThroughForm, TEST_PUBLIC_URL, testWebApp } from "../support/web-requests.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
const NOW = new Date("2025-03-05T09:00:00+07:00");
const LATER = new Date("2025-03-25T09:00:00+07:00");
const TODAY = "2025-03-05";
const COMMUNES = ["gio-son", "gio-linh", "dong-ha"] as const;
let province: string;
let otherProvince: string;
const commune: Record<string, string> = {};
const coordinatorOf: Record<string, Viewer> = {};
let leader: Viewer;
let reviewer: Viewer;
let provinceCoordinator: Viewer;
let strangerLeader: Viewer;
let allCommunesTask: string;
let departmentTask: string;

const db = () => database.client.db;

const person = (organizationId: string, name: string, role: Role, unitId: string | null = null) =>
  personWithRole(db(), organizationId, name, role, unitId);

/** A province task led by `lead`, due on `due`: what the province's import would store. */
const provinceTask = (planId: string, key: string, lead: string, due: string) =>
  addProvinceTask(db(), { provinceId: province, planId, key, lead, due });

async function copyOf(communeSlug: string, sourceTaskId: string) {
  const [row] = await db()
    .select({ taskId: tasks.id, milestoneId: milestones.id, planId: tasks.planId })
    .from(tasks)
    .innerJoin(milestones, eq(milestones.taskId, tasks.id))
    .where(and(eq(tasks.organizationId, commune[communeSlug] as string), eq(tasks.sourceTaskId, sourceTaskId)));
  return row as { taskId: string; milestoneId: string; planId: string };
}

beforeAll(async () => {
  database = await createMigratedDatabase();
  const made = await addOrganization(db(), OPERATOR, {
    slug: "quang-tri",
    name: "UBND tỉnh Quảng Trị",
    kind: "province",
  });
  province = (made as { id: string }).id;
  otherProvince = (
    (await addOrganization(db(), OPERATOR, { slug: "hue", name: "UBND thành phố Huế", kind: "province" })) as {
      id: string;
    }
  ).id;
  provinceCoordinator = await person(province, "Văn phòng tỉnh", "coordinator");
  const names = { "gio-son": "Xã Gio Sơn", "gio-linh": "Xã Gio Linh", "dong-ha": "Phường Đông Hà" };
  for (const slug of COMMUNES) {
    const added = await addOrganization(db(), provinceCoordinator, {
      slug,
      name: names[slug],
      kind: "commune",
      parentSlug: "quang-tri",
    });
    commune[slug] = (added as { id: string }).id;
    coordinatorOf[slug] = await person(commune[slug], `Điều phối ${slug}`, "coordinator");
  }
  // A viewer is read per request: the coordinator's, read again, oversees the communes just added.
  provinceCoordinator = (await findViewerById(db(), provinceCoordinator.personId)) as Viewer;
  leader = await person(province, "Lãnh đạo tỉnh", "province_leader");
  reviewer = await person(province, "Sở Nội vụ", "province_reviewer");
  strangerLeader = await person(otherProvince, "Lãnh đạo Huế", "province_leader");
  const planId = await addProvincePlan(db(), province);
  allCommunesTask = await provinceTask(planId, "1", "UBND các xã, phường", "2025-03-20");
  departmentTask = await provinceTask(planId, "2", "Sở Nội vụ", "2025-03-20");
});

afterAll(async () => {
  await database?.drop();
});

describe("a province's organizations", () => {
  it("knows its communes; a commune's coordinator cannot add under the province", async () => {
    const children = await childOrganizations(db(), leader, province);
    expect(children.kind === "ok" && children.children.map((c) => c.slug).sort()).toEqual([...COMMUNES].sort());
    expect(
      await addOrganization(db(), coordinatorOf["gio-son"] as Viewer, {
        slug: "x",
        name: "X",
        kind: "commune",
        parentSlug: "quang-tri",
      }),
    ).toEqual({ kind: "not-found" });
    expect(
      await addOrganization(db(), reviewer, { slug: "y", name: "Y", kind: "commune", parentSlug: "quang-tri" }),
    ).toEqual({ kind: "not-allowed" });
  });
});

describe("a province task for every commune", () => {
  it("reaches each commune once, with the province's deadline and source and no lead yet", async () => {
    const first = await fanOutTask(db(), provinceCoordinator, allCommunesTask, NOW);
    expect(first.kind === "fanned-out" && first.reached.length).toBe(3);
    const again = await fanOutTask(db(), provinceCoordinator, allCommunesTask, NOW);
    expect(again.kind === "fanned-out" && { reached: again.reached.length, already: again.already.length }).toEqual({
      reached: 0,
      already: 3,
    });
    const copies = await db().select().from(tasks).where(eq(tasks.sourceTaskId, allCommunesTask));
    expect(copies.map((c) => c.organizationId).sort()).toEqual(Object.values(commune).sort());
    for (const slug of COMMUNES) {
      const copy = await copyOf(slug, allCommunesTask);
      const [m] = await db().select().from(milestones).where(eq(milestones.id, copy.milestoneId));
      expect(m?.due).toBe("2025-03-20");
      const [plan] = await db().select().from(plans).where(eq(plans.id, copy.planId));
      expect(plan).toMatchObject({ number: "12/KH-UBND", issuer: "UBND tỉnh Quảng Trị" });
      const leads = await db().select().from(taskUnits).where(eq(taskUnits.taskId, copy.taskId));
      expect(leads).toEqual([]);
    }
    const told = await db()
      .select({ organizationId: domainEvents.organizationId })
      .from(domainEvents)
      .where(eq(domainEvents.type, "province.task-assigned"));
    expect(told.map((e) => e.organizationId).sort()).toEqual(Object.values(commune).sort());
  });

  it("keeps a task the province's department leads at the province", async () => {
    const result = await fanOutTask(db(), provinceCoordinator, departmentTask, NOW);
    expect(result.kind === "fanned-out" && result.reached).toEqual([]);
  });

  it("lets a commune choose its own lead unit for its copy", async () => {
    const coordinator = coordinatorOf["gio-son"] as Viewer;
    const [unit] = await db()
      .insert(units)
      .values({
        organizationId: commune["gio-son"] as string,
        name: "Văn phòng – Thống kê",
        nameKey: "van phong thong ke",
      })
      .returning({ id: units.id });
    const copy = await copyOf("gio-son", allCommunesTask);
    const change = await changeLead(db(), coordinator, copy.taskId, (unit as { id: string }).id, NOW);
    expect("changed" in change && change.changed).toBe(true);
  });

  it("rolls up the communes' own decisions: 2/3 done, the late one named, each reported up", async () => {
    await markDone(db(), coordinatorOf["gio-son"] as Viewer, (await copyOf("gio-son", allCommunesTask)).milestoneId, {
      now: NOW,
    });
    await markDone(db(), coordinatorOf["gio-linh"] as Viewer, (await copyOf("gio-linh", allCommunesTask)).milestoneId, {
      now: LATER,
    });
    const rollup = await loadTaskRollup(db(), leader, allCommunesTask, "2025-03-26");
    if (rollup.kind !== "ok") throw new Error(rollup.kind);
    expect({ done: rollup.done, total: rollup.total }).toEqual({ done: 2, total: 3 });
    expect(rollup.late.map((c) => [c.organizationName, c.status, c.daysLate])).toEqual([
      ["Phường Đông Hà", "overdue", 6],
      ["Xã Gio Linh", "done", 5],
    ]);
    const reported = await db()
      .select({ organizationId: domainEvents.organizationId, payload: domainEvents.payload })
      .from(domainEvents)
      .where(eq(domainEvents.type, "province.task-reported"));
    expect(reported.map((e) => e.organizationId)).toEqual([province, province]);
  });

  it("counts a copy done only after the province's own approval when the province asks for it", async () => {
    await db().update(organizations).set({ approvesChildCompletions: true }).where(eq(organizations.id, province));
    const before = await loadTaskRollup(db(), reviewer, allCommunesTask, "2025-03-26");
    expect(before.kind === "ok" && [before.done, before.awaitingProvince]).toEqual([0, 2]);
    const gioSon = await copyOf("gio-son", allCommunesTask);
    expect(await acceptCommuneCompletion(db(), reviewer, gioSon.taskId, LATER)).toEqual({ kind: "accepted" });
    const dongHa = await copyOf("dong-ha", allCommunesTask);
    expect(await acceptCommuneCompletion(db(), reviewer, dongHa.taskId, LATER)).toEqual({ kind: "stale" });
    const after = await loadTaskRollup(db(), reviewer, allCommunesTask, "2025-03-26");
    expect(after.kind === "ok" && [after.done, after.awaitingProvince]).toEqual([1, 1]);
    const accepted = await db().select().from(tasks).where(isNotNull(tasks.upstreamAcceptedAt));
    expect(accepted.map((t) => t.id)).toEqual([gioSon.taskId]);
  });

  it("ranks the communes: on time first, then fewer overdue, then fewer days late", async () => {
    const league = await loadLeague(db(), leader, province, "2025-03-26");
    if (league.kind !== "ok") throw new Error(league.kind);
    expect(league.rows.map((r) => [r.rank, r.organizationName, r.onTimeShare, r.overdue])).toEqual([
      [1, "Xã Gio Sơn", 1, 0],
      [2, "Phường Đông Hà", 0, 1],
      [3, "Xã Gio Linh", null, 0],
    ]);
    expect(league.fields).toEqual(["Cải cách thủ tục hành chính"]);
    const drill = await loadCommuneWork(db(), leader, province, commune["dong-ha"] as string, "2025-03-26");
    expect(drill.kind === "ok" && drill.tasks.map((t) => t.status)).toEqual(["overdue"]);
  });
});

describe("who sees what", () => {
  it("refuses a commune a sibling's register, roll-up and drill-down as not found", async () => {
    const gioSon = coordinatorOf["gio-son"] as Viewer;
    expect(await loadRegister(db(), gioSon, "gio-linh", {}, TODAY)).toEqual({ kind: "not-found" });
    expect(await loadTaskRollup(db(), gioSon, allCommunesTask, TODAY)).toEqual({ kind: "not-found" });
    expect(await loadLeague(db(), gioSon, province, TODAY)).toEqual({ kind: "not-found" });
    expect(await loadCommuneWork(db(), gioSon, province, commune["gio-linh"] as string, TODAY)).toEqual({
      kind: "not-found",
    });
    const sibling = await copyOf("gio-linh", allCommunesTask);
    expect(await acceptCommuneCompletion(db(), gioSon, sibling.taskId, NOW)).toEqual({ kind: "not-found" });
    expect(await loadRegister(db(), strangerLeader, "gio-son", {}, TODAY)).toEqual({ kind: "not-found" });
  });

  it("lets a province reviewer read a commune's register and report, and change nothing of it", async () => {
    const register = await loadRegister(db(), reviewer, "dong-ha", {}, TODAY);
    expect(register.kind === "ok" && register.documents.map((d) => d.tasks.length)).toEqual([1]);
    const report = await loadReportRows(db(), reviewer, "dong-ha", { today: TODAY });
    expect(report.kind === "ok" && report.rows.length).toBe(1);
    const copy = await copyOf("dong-ha", allCommunesTask);
    const done = await markDone(db(), reviewer, copy.milestoneId, { now: NOW });
    expect(done.kind).toBe("not-allowed");
    const [m] = await db().select().from(milestones).where(eq(milestones.id, copy.milestoneId));
    expect(m?.state).toBe("open");
    expect(await changeLead(db(), reviewer, copy.taskId, copy.taskId, NOW)).toMatchObject({ kind: "not-allowed" });
  });
});

describe("the province digest and workbook", () => {
  it("tells the leaders each task's roll-up and the communes behind, with the chart of communes", async () => {
    const digest = await loadProvinceDigest(db(), leader, province, "2025-03-26", "Asia/Ho_Chi_Minh");
    if (digest.kind !== "ok") throw new Error(digest.kind);
    const text = formatProvinceDigest(digest, translatorFor("vi"));
    expect(text).toContain("Rà soát thủ tục hành chính 1: 1/3 xã đã hoàn thành, 2 xã trễ hạn");
    expect(text).toContain("• Phường Đông Hà: 1 việc quá hạn, 6 ngày trễ");
    expect(digest.progress.map((p) => [p.unit, p.onTime, p.late, p.overdue])).toEqual([
      ["Phường Đông Hà", 0, 0, 1],
      ["Xã Gio Sơn", 1, 0, 0],
    ]);
    const chart = await provinceDigestChart(digest, translatorFor("vi"));
    expect(chart?.png.subarray(1, 4).toString()).toBe("PNG");
    expect(await loadProvinceDigest(db(), coordinatorOf["gio-son"] as Viewer, province, TODAY, "UTC")).toEqual({
      kind: "not-found",
    });
  });
});

describe("the province on the web", () => {
  it("shows the league, a commune and a task to the province; 404 to a commune on a sibling's ids", async () => {
    const clock = { now: LATER };
    const app = testWebApp(db(), clock);
    const province = await signInThroughForm(app, db(), reviewer, LATER);
    const league = await app.request("/province", { headers: { cookie: province.cookie } });
    expect(league.status).toBe(200);
    const page = await league.text();
    expect(page).toContain("Xã Gio Sơn");
    expect(page).toContain("1/3 xã đã hoàn thành, 2 xã trễ hạn");
    const dongHa = await app.request(`/province/communes/${commune["dong-ha"]}`, {
      headers: { cookie: province.cookie },
    });
    expect(dongHa.status).toBe(200);
    const task = await app.request(`/province/tasks/${allCommunesTask}`, { headers: { cookie: province.cookie } });
    expect(await task.text()).toContain("Chờ tỉnh duyệt");
    const workbook = await app.request("/province/workbook", { headers: { cookie: province.cookie } });
    expect(workbook.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await workbook.arrayBuffer());
    const communes = book.worksheets[0]?.getColumn(2).values.slice(4);
    expect(communes).toEqual(["Xã Gio Sơn", "Phường Đông Hà", "Xã Gio Linh"]);

    const gioSon = await signInThroughForm(app, db(), coordinatorOf["gio-son"] as Viewer, LATER);
    for (const path of [
      "/province",
      "/province/workbook",
      `/province/communes/${commune["gio-linh"]}`,
      `/province/tasks/${allCommunesTask}`,
    ]) {
      expect((await app.request(path, { headers: { cookie: gioSon.cookie } })).status, path).toBe(404);
    }
    const sibling = await copyOf("gio-linh", allCommunesTask);
    const accept = await app.request(`/province/copies/${sibling.taskId}/accept`, {
      ...formPost({ _csrf: gioSon.csrf }),
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: gioSon.cookie, origin: TEST_PUBLIC_URL },
    });
    expect(accept.status).toBe(404);
  });

  it("opens a commune's milestone page to the province read-only, and to a sibling commune not at all", async () => {
    const clock = { now: LATER };
    const app = testWebApp(db(), clock);
    const copy = await copyOf("dong-ha", allCommunesTask);
    const [file] = await db()
      .insert(evidenceFiles)
      .values({
        organizationId: commune["dong-ha"] as string,
        milestoneId: copy.milestoneId,
        fileName: "bien-ban-ra-soat.pdf",
        mimeType: "application/pdf",
        sizeBytes: 10,
        sha256: "0".repeat(64),
        storagePath: "/nonexistent/bien-ban-ra-soat.pdf",
      })
      .returning({ id: evidenceFiles.id });
    const fileId = (file as { id: string }).id;

    const drill = await loadCommuneWork(db(), reviewer, province, commune["dong-ha"] as string, "2025-03-26");
    expect(drill.kind === "ok" && drill.tasks.map((t) => t.milestoneId)).toEqual([copy.milestoneId]);
    const signedIn = await signInThroughForm(app, db(), reviewer, LATER);
    const page = await app.request(`/m/${copy.milestoneId}`, { headers: { cookie: signedIn.cookie } });
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain("Rà soát thủ tục hành chính 1");
    expect(body).toContain("Việc của Phường Đông Hà: tỉnh chỉ xem");
    expect(body).toContain(`href="/province/communes/${commune["dong-ha"]}"`);
    expect(body).toContain("bien-ban-ra-soat.pdf");
    for (const verb of ["done", "evidence", "reference", "progress", "extend", "decide", "date", "lead"]) {
      expect(body, verb).not.toContain(`action="/m/${copy.milestoneId}/${verb}"`);
    }
    const done = await app.request(`/m/${copy.milestoneId}/done`, {
      ...formPost({ _csrf: signedIn.csrf }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: signedIn.cookie,
        origin: TEST_PUBLIC_URL,
      },
    });
    expect(done.status).toBe(403);
    const [m] = await db().select().from(milestones).where(eq(milestones.id, copy.milestoneId));
    expect(m?.state).not.toBe("done");
    expect(await findEvidenceFile(db(), reviewer, copy.milestoneId, fileId)).toMatchObject({
      fileName: "bien-ban-ra-soat.pdf",
    });

    const sibling = await signInThroughForm(app, db(), coordinatorOf["gio-son"] as Viewer, LATER);
    expect((await app.request(`/m/${copy.milestoneId}`, { headers: { cookie: sibling.cookie } })).status).toBe(404);
    const stranger = await signInThroughForm(app, db(), strangerLeader, LATER);
    expect((await app.request(`/m/${copy.milestoneId}`, { headers: { cookie: stranger.cookie } })).status).toBe(404);
    expect(await findEvidenceFile(db(), coordinatorOf["gio-son"] as Viewer, copy.milestoneId, fileId)).toBeNull();
    expect(await findEvidenceFile(db(), strangerLeader, copy.milestoneId, fileId)).toBeNull();
  });
});
