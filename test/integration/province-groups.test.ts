/**
 * A province's groups of communes: set from the onboarding file, the command
 * line and the /province page; a task whose lead names a group reaches
 * exactly its communes, once; a group the province has not defined refuses the
 * fan-out, naming the task and the group, with nothing written.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import {
  communeGroupMembers,
  communeGroups,
  domainEvents,
  memberships,
  milestones,
  organizations,
  people,
  plans,
  taskUnits,
  tasks,
  units,
} from "../../db/schema.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { OPERATOR } from "../../src/services/access.js";
import { findViewerById, type Viewer } from "../../src/services/people/viewer.js";
import { editCommuneGroup, loadCommuneGroups } from "../../src/services/province/commune-groups.js";
import { fanOutPlan, fanOutTask } from "../../src/services/province/fan-out.js";
import { onboardCommunes } from "../../src/services/province/onboarding.js";
import { addOrganization } from "../../src/services/province/organizations.js";
import { cli } from "../support/cli.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { formPost, signInThroughForm, TEST_PUBLIC_URL, testWebApp } from "../support/web-requests.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
const NOW = new Date("2025-03-05T09:00:00+07:00");
let province: string;
let coordinator: Viewer;
let reviewer: Viewer;
const commune: Record<string, string> = {};
const db = () => database.client.db;

const COMMUNES_CSV =
  "Tên xã/phường;Nhóm;Người điều phối\n" +
  "Xã Gio Sơn;Biên giới;Nguyễn Văn A\n" +
  'Xã Trọng Hóa;"Biên giới, Cụm 2";Trần Thị B\n' +
  "Phường Đông Hà;Cụm 2;Lê Văn C\n" +
  "Xã Gio Linh;;Phạm Thị D\n";

async function person(organizationId: string, name: string, role: Role): Promise<Viewer> {
  const [row] = await db().insert(people).values({ organizationId, fullName: name }).returning({ id: people.id });
  const personId = (row as { id: string }).id;
  await db().insert(memberships).values({ organizationId, personId, role, unitId: null });
  return (await findViewerById(db(), personId)) as Viewer;
}

async function provincePlan(key: string, number: string): Promise<string> {
  const [plan] = await db()
    .insert(plans)
    .values({
      organizationId: province,
      title: `Kế hoạch ${number}`,
      issuer: "UBND tỉnh Quảng Trị",
      year: 2025,
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      planKey: key,
      kind: "Kế hoạch",
      number,
    })
    .returning({ id: plans.id });
  return (plan as { id: string }).id;
}

/** A province task of `planId` led by `lead`: what the province's import would store. */
async function provinceTask(planId: string, stt: number, lead: string): Promise<string> {
  const [unit] = await db()
    .insert(units)
    .values({ organizationId: province, name: lead, nameKey: `${lead} ${planId} ${stt}` })
    .returning({ id: units.id });
  const [task] = await db()
    .insert(tasks)
    .values({
      organizationId: province,
      planId,
      taskKey: `II|${stt}`,
      section: "II",
      stt: String(stt),
      title: `Kiểm tra công vụ ${stt}`,
      deadlineTexts: ["Tháng 6/2025"],
      schedule: { kind: "once", milestones: [], needsReview: false } as never,
      position: stt,
      source: { row: stt },
    })
    .returning({ id: tasks.id });
  const taskId = (task as { id: string }).id;
  await db()
    .insert(taskUnits)
    .values({
      organizationId: province,
      taskId,
      unitId: (unit as { id: string }).id,
      relation: "lead",
      nameInPlan: lead,
    });
  await db()
    .insert(milestones)
    .values({ organizationId: province, taskId, milestoneKey: "1", due: "2025-06-30", planDue: "2025-06-30" });
  return taskId;
}

async function copiesOf(taskId: string): Promise<string[]> {
  const rows = await db()
    .select({ organizationId: tasks.organizationId })
    .from(tasks)
    .where(eq(tasks.sourceTaskId, taskId));
  return rows.map((r) => r.organizationId).sort();
}

const ids = (...slugs: string[]) => slugs.map((slug) => commune[slug] as string).sort();

beforeAll(async () => {
  database = await createMigratedDatabase();
  const made = await addOrganization(db(), OPERATOR, {
    slug: "quang-tri",
    name: "UBND tỉnh Quảng Trị",
    kind: "province",
  });
  province = (made as { id: string }).id;
  await addOrganization(db(), OPERATOR, { slug: "hue", name: "UBND thành phố Huế", kind: "province" });
  await addOrganization(db(), OPERATOR, {
    slug: "phu-hoi",
    name: "Phường Phú Hội",
    kind: "commune",
    parentSlug: "hue",
  });
});

afterAll(async () => {
  await database?.drop();
});

describe("groups from the onboarding file", () => {
  it("puts each commune in the groups its row names, several to a cell; the same file again adds nothing", async () => {
    const request = { parentSlug: "quang-tri", fileName: "xa.csv", bytes: Buffer.from(COMMUNES_CSV), now: NOW };
    const first = await onboardCommunes(db(), OPERATOR, request);
    if (first.kind !== "onboarded") throw new Error(first.kind);
    expect(first.groupMemberships).toBe(4);
    for (const c of first.communes) {
      const [row] = await db().select().from(organizations).where(eq(organizations.slug, c.slug));
      commune[c.slug] = (row as { id: string }).id;
    }
    const groups = await loadCommuneGroups(db(), OPERATOR, "quang-tri");
    expect(groups.kind === "ok" && groups.groups.map((g) => [g.name, g.communes.map((c) => c.slug)])).toEqual([
      ["Biên giới", ["gio-son", "trong-hoa"]],
      ["Cụm 2", ["dong-ha", "trong-hoa"]],
    ]);

    const again = await onboardCommunes(db(), OPERATOR, request);
    expect(again.kind === "onboarded" && again.groupMemberships).toBe(0);
    expect(await db().select().from(communeGroups)).toHaveLength(2);
    expect(await db().select().from(communeGroupMembers)).toHaveLength(4);

    coordinator = await person(province, "Văn phòng tỉnh", "coordinator");
    reviewer = await person(province, "Sở Nội vụ", "province_reviewer");
  });
});

describe("a task led by a group", () => {
  it("reaches exactly the group's communes, once, however the lead spells the group", async () => {
    const planId = await provincePlan("nhom", "20/KH-UBND");
    const border = await provinceTask(planId, 1, "UBND các xã biên giới");
    const cluster = await provinceTask(planId, 2, "Các xã thuộc Cụm 2");
    const first = await fanOutTask(db(), coordinator, border, NOW);
    if (first.kind !== "fanned-out") throw new Error(first.kind);
    expect([...first.reached].sort()).toEqual(ids("gio-son", "trong-hoa"));
    expect(await copiesOf(border)).toEqual(ids("gio-son", "trong-hoa"));

    const plan = await fanOutPlan(db(), coordinator, planId, NOW);
    if (plan.kind !== "fanned-out") throw new Error(plan.kind);
    expect(plan.perTask.map((t) => [t.task.number, t.reached.length, t.already.length])).toEqual([
      ["II.1", 0, 2],
      ["II.2", 2, 0],
    ]);
    expect(await copiesOf(cluster)).toEqual(ids("dong-ha", "trong-hoa"));
    const again = await fanOutPlan(db(), coordinator, planId, NOW);
    expect(again.kind === "fanned-out" && [again.reached.length, again.already.length]).toEqual([0, 4]);
    expect(await copiesOf(border)).toEqual(ids("gio-son", "trong-hoa"));
  });

  it("refuses a plan naming a group the province has not defined, naming task and group, and writes nothing", async () => {
    const planId = await provincePlan("nhom-la", "21/KH-UBND");
    const everyone = await provinceTask(planId, 1, "UBND các xã, phường");
    await provinceTask(planId, 2, "UBND các xã thuộc Cụm 9");
    const result = await fanOutPlan(db(), coordinator, planId, NOW);
    expect(result).toMatchObject({
      kind: "not-found",
      reason: "group-unknown",
      subject: "UBND các xã thuộc Cụm 9",
      task: { number: "II.2", title: "Kiểm tra công vụ 2" },
    });
    expect(await copiesOf(everyone)).toEqual([]);
    const communePlans = await db()
      .select()
      .from(plans)
      .where(eq(plans.planKey, `province:${planId}`));
    expect(communePlans).toEqual([]);
    const told = await db()
      .select()
      .from(domainEvents)
      .where(
        and(eq(domainEvents.type, "province.task-assigned"), inArray(domainEvents.organizationId, ids("gio-linh"))),
      );
    expect(told).toEqual([]);
    await db().delete(plans).where(eq(plans.id, planId));
  });
});

describe("editing a group", () => {
  it("adds under another spelling of the name, refuses a commune not under the province, and drops an emptied group", async () => {
    const added = await editCommuneGroup(db(), coordinator, {
      provinceSlug: "quang-tri",
      group: "Các xã biên giới",
      add: ["gio-linh", "gio-son"],
      remove: [],
      now: NOW,
    });
    expect(added).toMatchObject({ kind: "edited", added: 1, removed: 0, deleted: false });
    expect(added.kind === "edited" && [added.group.name, added.group.communes.length]).toEqual(["Biên giới", 3]);

    expect(
      await editCommuneGroup(db(), coordinator, {
        provinceSlug: "quang-tri",
        group: "Biên giới",
        add: ["phu-hoi"],
        remove: [],
        now: NOW,
      }),
    ).toEqual({ kind: "not-found", reason: "commune-unknown", subject: "phu-hoi" });
    const edit = { provinceSlug: "quang-tri", group: "Ven biển", add: [], remove: ["gio-son"], now: NOW };
    expect(await editCommuneGroup(db(), coordinator, edit)).toEqual({
      kind: "not-found",
      reason: "group-unknown",
      subject: "Ven biển",
    });
    expect(await editCommuneGroup(db(), reviewer, { ...edit, add: ["gio-son"] })).toEqual({ kind: "not-allowed" });

    const emptied = await editCommuneGroup(db(), coordinator, {
      provinceSlug: "quang-tri",
      group: "cụm 2",
      add: [],
      remove: ["dong-ha", "trong-hoa"],
      now: NOW,
    });
    expect(emptied).toMatchObject({ kind: "edited", removed: 2, deleted: true });
    expect(await loadCommuneGroups(db(), reviewer, "quang-tri", "Cụm 2")).toEqual({
      kind: "not-found",
      reason: "group-unknown",
      subject: "Cụm 2",
    });
    await editCommuneGroup(db(), coordinator, { ...edit, group: "Cụm 2", add: ["dong-ha", "trong-hoa"], remove: [] });
  });
});

describe("the command line", () => {
  const env = () => ({ DATABASE_URL: database.url });

  it("lists the groups and adds communes to one, naming a slug that is not the province's", async () => {
    const added = await cli(["org", "group", "quang-tri", "Ven biển", "--add", "gio-linh", "dong-ha"], env());
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("Nhóm “Ven biển”: thêm 2 xã, bớt 0 xã; nay có 2 xã.");
    const listed = await cli(["org", "group", "quang-tri"], env());
    expect(listed.stdout).toContain("Ven biển (2 xã): Phường Đông Hà (dong-ha), Xã Gio Linh (gio-linh)");
    expect(listed.stdout).toContain("Biên giới (3 xã)");
    const stranger = await cli(["org", "group", "quang-tri", "Ven biển", "--add", "phu-hoi"], env());
    expect(stranger).toMatchObject({ code: 1, stderr: 'nhacviec: "phu-hoi" không phải xã, phường thuộc tỉnh\n' });
    const unknown = await cli(["org", "group", "quang-tri", "Miền núi"], env());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('tỉnh chưa có nhóm xã, phường "Miền núi"');
  });

  it("fans a plan out by its number: a dry run writes nothing, then each task's count, then only 'already'", async () => {
    const planId = await provincePlan("ven-bien", "15/KH-UBND");
    const coast = await provinceTask(planId, 1, "UBND các xã ven biển");
    await provinceTask(planId, 2, "Sở Nội vụ");
    await provinceTask(planId, 3, "UBND xã Gio Sơn, xã Hải Lăng");
    const dry = await cli(["fanout", "--org", "quang-tri", "--plan", "15/KH-UBND", "--dry-run"], env());
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      "nhiệm vụ II.1 “Kiểm tra công vụ 1”: 2 xã sẽ nhận bản giao, 0 xã đã có, 0 tên không khớp xã nào\n",
    );
    expect(dry.stdout).toContain(
      "Chạy thử, chưa ghi gì: 2 nhiệm vụ; 3 bản giao sẽ tạo, 0 bản đã có, 1 tên không khớp.",
    );
    expect(dry.stdout).not.toContain("II.2");
    expect(await copiesOf(coast)).toEqual([]);

    const run = await cli(["fanout", "--org", "quang-tri", "--plan", "15/KH-UBND"], env());
    expect(run.stdout).toContain("nhiệm vụ II.1 “Kiểm tra công vụ 1”: 2 xã nhận bản giao mới, 0 xã đã có");
    expect(run.stdout).toContain(
      "nhiệm vụ II.3 “Kiểm tra công vụ 3”: 1 xã nhận bản giao mới, 0 xã đã có, 1 tên không khớp xã nào (xã Hải Lăng)",
    );
    expect(await copiesOf(coast)).toEqual(ids("dong-ha", "gio-linh"));
    const again = await cli(["fanout", "--org", "quang-tri", "--task", coast, "--json"], env());
    expect(JSON.parse(again.stdout)).toMatchObject({
      dryRun: false,
      perTask: [{ task: { number: "II.1" }, reached: [], already: expect.any(Array) }],
    });
    expect(JSON.parse(again.stdout).perTask[0].already).toHaveLength(2);
    expect(await copiesOf(coast)).toEqual(ids("dong-ha", "gio-linh"));
  });

  it("refuses a group the province has not defined in Vietnamese, naming the task and the group, writing nothing", async () => {
    const planId = await provincePlan("nui", "16/KH-UBND");
    const everyone = await provinceTask(planId, 1, "UBND các xã, phường");
    await provinceTask(planId, 2, "Các xã miền núi");
    for (const argv of [
      ["fanout", "--org", "quang-tri", "--plan", "16/KH-UBND"],
      ["fanout", "--org", "quang-tri"],
    ]) {
      const refused = await cli(argv, env());
      expect(refused).toMatchObject({
        code: 1,
        stderr:
          'nhacviec: nhiệm vụ II.2 “Kiểm tra công vụ 2”: tỉnh chưa có nhóm xã, phường "Các xã miền núi"; ' +
          'hãy tạo nhóm (cột "Nhóm" khi thêm xã, phường) rồi giao lại\n',
      });
    }
    expect(await copiesOf(everyone)).toEqual([]);
    const otherTask = await cli(["fanout", "--org", "hue", "--task", everyone], env());
    expect(otherTask).toMatchObject({ code: 1, stderr: `nhacviec: nhiệm vụ "${everyone}": không tìm thấy\n` });
    expect((await cli(["fanout", "--plan", "16/KH-UBND"], env())).code).toBe(2);
  });
});

describe("the /province page", () => {
  it("shows the groups to the province's coordinator and saves the communes ticked; a group fan-out refusal is said", async () => {
    const app = testWebApp(db(), { now: NOW });
    const signedIn = await signInThroughForm(app, db(), coordinator, NOW);
    const page = await (await app.request("/province", { headers: { cookie: signedIn.cookie } })).text();
    expect(page).toContain("Nhóm xã, phường");
    expect(page).toContain("Ven biển");
    const post = (path: string, fields: string) =>
      app.request(path, {
        method: "POST",
        body: fields,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: signedIn.cookie,
          origin: TEST_PUBLIC_URL,
        },
      });
    const csrf = `_csrf=${encodeURIComponent(signedIn.csrf)}`;
    const saved = await post(
      "/province/groups",
      `${csrf}&group=${encodeURIComponent("Miền núi")}&commune=gio-son&commune=trong-hoa`,
    );
    expect(saved.status).toBe(303);
    const groups = await loadCommuneGroups(db(), coordinator, "quang-tri", "các xã miền núi");
    expect(groups.kind === "ok" && groups.groups[0]?.communes.map((c) => c.slug)).toEqual(["gio-son", "trong-hoa"]);
    const narrowed = await post("/province/groups", `${csrf}&group=${encodeURIComponent("Miền núi")}&commune=gio-son`);
    expect(narrowed.status).toBe(303);
    const after = await loadCommuneGroups(db(), coordinator, "quang-tri", "Miền núi");
    expect(after.kind === "ok" && after.groups[0]?.communes.map((c) => c.slug)).toEqual(["gio-son"]);
    const bad = await post("/province/groups", `${csrf}&group=Cao%20nguy%C3%AAn&commune=phu-hoi`);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("không phải xã, phường thuộc tỉnh");

    const planId = await provincePlan("dao", "17/KH-UBND");
    await provinceTask(planId, 1, "Các xã hải đảo");
    const fanned = await app.request(`/province/plans/${planId}/fan-out`, {
      ...formPost({ _csrf: signedIn.csrf }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: signedIn.cookie,
        origin: TEST_PUBLIC_URL,
      },
    });
    expect(fanned.status).toBe(422);
    expect(await fanned.text()).toContain("tỉnh chưa có nhóm xã, phường &quot;Các xã hải đảo&quot;");
  });
});
