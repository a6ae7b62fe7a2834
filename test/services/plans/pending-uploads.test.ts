import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../../db/client.js";
import { organizations } from "../../../db/schema.js";
import { createPendingUploads, type PendingUpload } from "../../../src/services/plans/pending-uploads.js";
import { createMigratedDatabase, type TestDatabase } from "../../support/database.js";
import { joinedPerson } from "../../support/web-requests.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
let organizationId: string;
const people: Record<string, string> = {};
const at = (ms: number) => new Date(Date.UTC(2025, 6, 15) + ms);

beforeAll(async () => {
  database = await createMigratedDatabase();
  const [org] = await database.client.db
    .insert(organizations)
    .values({ slug: "xa-thu", name: "UBND xã Thử" })
    .returning({ id: organizations.id });
  organizationId = org!.id;
  for (const [i, name] of ["a", "b", "c"].entries())
    people[name] = (await joinedPerson(database.client.db, organizationId, 500 + i, "coordinator", { now: at(0) })).personId;
});

afterAll(async () => {
  await database?.drop();
});

const upload = (person: string, size: number): PendingUpload => ({
  personId: people[person]!,
  organizationId,
  fileName: "kh.docx",
  bytes: Buffer.alloc(size, 7),
  sha256: "0".repeat(64),
});

describe("uploads waiting for confirmation", () => {
  it("keeps one per person: a new upload replaces the person's earlier one", async () => {
    const uploads = createPendingUploads(database.client.db, { ttlMs: 60_000, maxBytes: 1000 });
    const first = await uploads.hold(upload("a", 100), at(0));
    const second = await uploads.hold(upload("a", 100), at(1));
    expect(await uploads.peek(first, people.a!, at(2))).toBeUndefined();
    expect((await uploads.peek(second, people.a!, at(2)))?.bytes).toEqual(Buffer.alloc(100, 7));
    expect(await uploads.heldBytes()).toBe(100);
    await uploads.take(second, people.a!, at(3));
  });

  it("holds no more than its byte limit, letting the oldest go first", async () => {
    const uploads = createPendingUploads(database.client.db, { ttlMs: 60_000, maxBytes: 250 });
    const ids: string[] = [];
    for (const [i, person] of ["a", "b", "c"].entries()) ids.push(await uploads.hold(upload(person, 100), at(i)));
    expect(await uploads.peek(ids[0]!, people.a!, at(3))).toBeUndefined();
    expect(await uploads.peek(ids[1]!, people.b!, at(3))).toBeDefined();
    expect(await uploads.peek(ids[2]!, people.c!, at(3))).toBeDefined();
    expect(await uploads.heldBytes()).toBe(200);
    await uploads.take(ids[1]!, people.b!, at(4));
    await uploads.take(ids[2]!, people.c!, at(4));
  });

  it("forgets an upload after 30 minutes, gives it to its owner only, and once", async () => {
    const uploads = createPendingUploads(database.client.db);
    const id = await uploads.hold(upload("a", 10), at(0));
    expect(await uploads.take(id, people.b!, at(1))).toBeUndefined();
    expect(await uploads.take(id, people.a!, at(1))).toBeDefined();
    expect(await uploads.take(id, people.a!, at(2))).toBeUndefined();
    const late = await uploads.hold(upload("a", 10), at(0));
    expect(await uploads.peek(late, people.a!, at(30 * 60 * 1000 - 1))).toBeDefined();
    expect(await uploads.peek(late, people.a!, at(30 * 60 * 1000))).toBeUndefined();
  });

  it("survives a restart: another store over the same database finds the file and the confirmed count", async () => {
    const before = createPendingUploads(database.client.db);
    const id = await before.hold({ ...upload("b", 50), largePlan: { tasks: 2500, confirmed: false } }, at(0));
    await before.confirmLargePlan(id, people.b!);
    const after = createPendingUploads(database.client.db);
    const found = await after.take(id, people.b!, at(60_000));
    expect(found?.bytes).toEqual(Buffer.alloc(50, 7));
    expect(found?.largePlan).toEqual({ tasks: 2500, confirmed: true });
  });
});
