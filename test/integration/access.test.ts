/**
 * Every use case a person runs refuses them itself, whoever the front end:
 * these call the services directly, with no bot in between.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { memberships, organizations, people, units } from "../../db/schema.js";
import { OPERATOR } from "../../src/services/access.js";
import { createInvite, inviteCodeHash, listInviteUnits } from "../../src/services/people/invites.js";
import { deactivatePerson, loadRoster } from "../../src/services/people/roster.js";
import { findViewerById, type Viewer } from "../../src/services/people/viewer.js";
import { loadDigestFor } from "../../src/services/reminders/digest-message.js";
import { loadReportRows } from "../../src/services/reports/report-rows.js";
import { acknowledgeWarnings, listReviewItems, unitChoices } from "../../src/services/review.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
const NOW = new Date("2025-03-05T09:00:00+07:00");
const TODAY = "2025-03-05";
let home: { id: string; slug: string };
let away: { id: string; slug: string };
let homeUnit: string;
let awayUnit: string;
let member: Viewer;
let chairman: Viewer;
let coordinator: Viewer;
let awayCoordinator: Viewer;

async function person(organizationId: string, name: string, role: Role, unitId: string | null): Promise<Viewer> {
  const db = database.client.db;
  const [row] = await db.insert(people).values({ organizationId, fullName: name }).returning({ id: people.id });
  const personId = (row as { id: string }).id;
  await db.insert(memberships).values({ organizationId, personId, role, unitId });
  return (await findViewerById(db, personId)) as Viewer;
}

beforeAll(async () => {
  database = await createMigratedDatabase();
  const db = database.client.db;
  const created = await db
    .insert(organizations)
    .values([
      { slug: "nha", name: "UBND xã Nhà" },
      { slug: "xa", name: "UBND xã Xa" },
    ])
    .returning({ id: organizations.id, slug: organizations.slug });
  [home, away] = created as [{ id: string; slug: string }, { id: string; slug: string }];
  const madeUnits = await db
    .insert(units)
    .values([
      { organizationId: home.id, name: "Tư pháp", nameKey: "tu phap" },
      { organizationId: away.id, name: "Địa chính", nameKey: "dia chinh" },
    ])
    .returning({ id: units.id });
  [homeUnit, awayUnit] = madeUnits.map((u) => u.id) as [string, string];
  member = await person(home.id, "Phạm Thành Viên", "member", homeUnit);
  chairman = await person(home.id, "Lê Chủ Tịch", "chairman", null);
  coordinator = await person(home.id, "Nguyễn Văn Phòng", "coordinator", null);
  awayCoordinator = await person(away.id, "Trần Xa", "coordinator", null);
});

afterAll(async () => {
  await database?.drop();
});

describe("the digest on demand (/tonghop)", () => {
  it("is refused to a member in the service, and reads only the viewer's own organization", async () => {
    const db = database.client.db;
    expect(await loadDigestFor(db, member, TODAY)).toEqual({ kind: "not-allowed" });
    for (const viewer of [chairman, coordinator, awayCoordinator]) {
      expect(await loadDigestFor(db, viewer, TODAY)).toMatchObject({ kind: "ok", milestones: [] });
    }
  });
});

describe("the roster", () => {
  it("is refused to a member, a chairman and another organization's coordinator", async () => {
    const db = database.client.db;
    for (const viewer of [member, chairman, awayCoordinator]) {
      expect(await loadRoster(db, viewer, home.id, NOW)).toEqual({ kind: "not-allowed" });
    }
    const allowed = await loadRoster(db, coordinator, home.id, NOW);
    expect(allowed.kind).toBe("ok");
  });

  it("refuses to stop someone's access for a member, for oneself, and across organizations", async () => {
    const db = database.client.db;
    expect(await deactivatePerson(db, member, chairman.personId, NOW)).toEqual({ kind: "not-allowed" });
    expect(await deactivatePerson(db, coordinator, coordinator.personId, NOW)).toEqual({ kind: "self" });
    expect(await deactivatePerson(db, awayCoordinator, member.personId, NOW)).toEqual({ kind: "not-found" });
  });
});

describe("invites", () => {
  it("are refused to anyone but the organization's coordinators, and allowed to the operator", async () => {
    const db = database.client.db;
    const request = { organizationId: home.id, role: "member" as const, unitId: homeUnit, now: NOW };
    for (const viewer of [member, chairman, awayCoordinator]) {
      expect(await createInvite(db, viewer, request)).toEqual({ kind: "not-allowed" });
      expect(await listInviteUnits(db, viewer, home.id)).toEqual({ kind: "not-allowed" });
    }
    expect((await createInvite(db, coordinator, request)).kind).toBe("created");
    expect((await createInvite(db, OPERATOR, { ...request, organizationId: away.id, unitId: awayUnit })).kind).toBe(
      "created",
    );
    expect(await listInviteUnits(db, coordinator, home.id)).toEqual({
      kind: "ok",
      units: [{ id: homeUnit, name: "Tư pháp" }],
    });
  });

  it("do not reach a unit of another organization by its id", async () => {
    const db = database.client.db;
    expect(
      await createInvite(db, coordinator, { organizationId: home.id, role: "member", unitId: awayUnit, now: NOW }),
    ).toEqual({ kind: "not-found" });
  });

  it("record who invited: the coordinator, or nobody for the operator", async () => {
    const db = database.client.db;
    const mine = await createInvite(db, coordinator, { organizationId: home.id, role: "chairman", now: NOW });
    const operators = await createInvite(db, OPERATOR, { organizationId: home.id, role: "chairman", now: NOW });
    if (mine.kind !== "created" || operators.kind !== "created") throw new Error("invites refused");
    const [mineHash, operatorsHash] = [inviteCodeHash(mine.code), inviteCodeHash(operators.code)];
    const rows = await database.client.sql<Array<{ code_hash: string; created_by_person_id: string | null }>>`
      select code_hash, created_by_person_id from invites where code_hash in (${mineHash}, ${operatorsHash})`;
    expect(Object.fromEntries(rows.map((r) => [r.code_hash, r.created_by_person_id]))).toEqual({
      [mineHash]: coordinator.personId,
      [operatorsHash]: null,
    });
  });
});

describe("the review", () => {
  it("is refused to a member, the chairman and another organization's coordinator", async () => {
    const db = database.client.db;
    for (const viewer of [member, chairman, awayCoordinator]) {
      expect(await listReviewItems(db, viewer, home.id)).toEqual({ kind: "not-allowed" });
      expect(await unitChoices(db, viewer, home.id)).toEqual({ kind: "not-allowed" });
    }
    expect(await listReviewItems(db, coordinator, home.id)).toEqual({ kind: "ok", items: [] });
  });

  it("refuses a member's decision in the service", async () => {
    expect(await acknowledgeWarnings(database.client.db, member, "00000000-0000-0000-0000-000000000000", NOW)).toEqual({
      kind: "not-allowed",
    });
  });
});

describe("the report", () => {
  it("is refused to a member, not found by another organization's coordinator; the chairman reads it", async () => {
    const db = database.client.db;
    expect(await loadReportRows(db, member, home.slug, { today: TODAY })).toEqual({ kind: "not-allowed" });
    // Another commune does not learn that this one exists.
    expect(await loadReportRows(db, awayCoordinator, home.slug, { today: TODAY })).toEqual({ kind: "not-found" });
    expect(await loadReportRows(db, chairman, home.slug, { today: TODAY })).toEqual({
      kind: "ok",
      organizationName: "UBND xã Nhà",
      today: TODAY,
      rows: [],
    });
  });

  it("is not found for an organization nobody has", async () => {
    expect(await loadReportRows(database.client.db, OPERATOR, "khong-co", { today: TODAY })).toEqual({
      kind: "not-found",
    });
  });
});
