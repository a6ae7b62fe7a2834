import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { memberships, organizations, people, personChannels } from "../../db/schema.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { sendCalendarNotices, sendNeedsDateList } from "../../src/services/delivery/weekly-sends.js";
import { isWorkingDay } from "../../src/domain/calendar/index.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import type { Notifier, OutgoingMessage } from "../../src/services/notifier.js";
import {
  addCalendarDay,
  CalendarDayError,
  calendarYearFor,
  claimCalendarNotice,
  loadWorkingCalendar,
  yearsNeedingCalendarNotice,
} from "../../src/services/calendar.js";
import { importPlan } from "../../src/services/import-plan.js";
import { cliOk } from "../support/cli.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function organization(slug: string): Promise<typeof organizations.$inferSelect> {
  const [row] = await database.client.db
    .insert(organizations)
    .values({ slug, name: `UBND ${slug}` })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  const [existing] = await database.client.db.select().from(organizations).where(eq(organizations.slug, slug));
  return existing as typeof organizations.$inferSelect;
}

describe("calendar additions", () => {
  it("adds a deployment-wide day for everyone and an organization's day for it alone", async () => {
    const db = database.client.db;
    const a = await organization("xa-a");
    const b = await organization("xa-b");
    const added = await addCalendarDay(db, {
      date: "2027-03-08",
      kind: "day-off",
      name: "Nghỉ theo quyết định của tỉnh",
    });
    if (added.kind !== "ok") throw new Error(`refused: ${added.kind}`);
    const { year } = added;
    expect(year.daysOff.get("2027-03-08")).toEqual({ name: "Nghỉ theo quyết định của tỉnh", scope: "deployment" });
    await addCalendarDay(db, { date: "2027-02-10", kind: "working-day", name: null, slug: "xa-a" });
    await addCalendarDay(db, { date: "2027-03-09", kind: "day-off", name: null, slug: "xa-a" });
    const [storedA] = await db.select().from(organizations).where(eq(organizations.id, a.id));
    expect(storedA?.extraWorkingDays).toEqual(["2027-02-10"]);
    expect(storedA?.extraDaysOff).toEqual(["2027-03-09"]);
    const calendarA = await loadWorkingCalendar(db, storedA as typeof organizations.$inferSelect);
    const calendarB = await loadWorkingCalendar(db, b);
    expect([isWorkingDay(calendarA, "2027-03-08"), isWorkingDay(calendarB, "2027-03-08")]).toEqual([false, false]);
    expect([isWorkingDay(calendarA, "2027-02-10"), isWorkingDay(calendarB, "2027-02-10")]).toEqual([true, false]);
    expect([isWorkingDay(calendarA, "2027-03-09"), isWorkingDay(calendarB, "2027-03-09")]).toEqual([false, true]);
    // The opposite kind on the same day replaces the first.
    await addCalendarDay(db, { date: "2027-03-09", kind: "working-day", name: null, slug: "xa-a" });
    expect(await calendarYearFor(db, 2027, "xa-a")).toMatchObject({ kind: "ok" });
    const after = await calendarYearFor(db, 2027, "xa-a");
    expect(after.kind === "ok" && after.year.daysOff.has("2027-03-09")).toBe(false);
    expect(after.kind === "ok" && after.year.daysOff.has("2027-03-08")).toBe(true);
  });

  it("refuses a bad date, a nameless deployment day and an unknown organization", async () => {
    const db = database.client.db;
    await expect(addCalendarDay(db, { date: "2027-02-30", kind: "day-off", name: "x" })).rejects.toThrow(
      CalendarDayError,
    );
    await expect(addCalendarDay(db, { date: "2027-02-03", kind: "day-off", name: " " })).rejects.toThrow(
      /needs a name/,
    );
    expect(await addCalendarDay(db, { date: "2027-02-03", kind: "day-off", name: null, slug: "khong-co" })).toEqual({
      kind: "not-found",
      reason: "organization-unknown",
      subject: "khong-co",
    });
    expect(await calendarYearFor(db, 2027, "khong-co")).toMatchObject({ reason: "organization-unknown" });
  });
});

describe("`nhacviec calendar`", () => {
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "error" });
  const cli = (...args: string[]) => cliOk(["calendar", ...args], { env: env() });

  it("shows 2027 by rule with the Tết break, 24/11 and the organization's days", async () => {
    await organization("xa-cli");
    await cli("add-working-day", "2027-02-06", "--name", "Trực Tết", "--org", "xa-cli");
    const { stdout } = await cli("show", "2027", "--org", "xa-cli");
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe("Năm 2027: lịch nghỉ chưa được công bố, tính theo luật");
    expect(lines).toContain("  Thứ Tư 10/02/2027  Nghỉ bù Tết Nguyên đán (06/02 là ngày nghỉ hằng tuần)");
    expect(lines).toContain("  Thứ Tư 24/11/2027  Ngày Văn hóa Việt Nam");
    expect(lines).toContain("  Thứ Bảy 06/02/2027  Ngày làm việc riêng [riêng đơn vị]");
  });

  it("adds a deployment-wide day off and shows 2026 as published, as JSON", async () => {
    const added = await cli("add-day-off", "2026-12-31", "--name", "Nghỉ cuối năm của tỉnh");
    expect(added.stdout).toContain("Đã thêm ngày nghỉ 31/12/2026 cho cả hệ thống.");
    const { stdout } = await cli("show", "2026", "--json");
    const year = JSON.parse(stdout) as {
      basis: string;
      sources: string[];
      daysOff: Array<{ date: string; scope: string }>;
    };
    expect(year.basis).toBe("published");
    expect(year.sources[0]).toMatch(/2026/);
    expect(year.daysOff.find((d) => d.date === "2026-12-31")?.scope).toBe("deployment");
    expect(year.daysOff.some((d) => d.date === "2026-02-16")).toBe(true);
  });

  it("refuses a deployment-wide day without a name, with the usage", async () => {
    const failure = await cli("add-day-off", "2027-01-04").catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/cần --name/);
  });
});

describe("the one-time notice about an unpublished year", () => {
  it("tells the coordinators once, when the plans reach 2027, and never again", async () => {
    const db = database.client.db;
    const text = await readFile("test/fixtures/calendar/plan-2027.csv");
    const draft = interpretDocument(await readDocument("plan-2027.csv", text));
    const summary = await importPlan(db, draft, {
      organizationSlug: "xa-2027",
      fileName: "plan-2027.csv",
      fileSha256: "1".repeat(64),
    });
    expect(summary.tasks).toBe(4);
    const [org] = await db.select().from(organizations).where(eq(organizations.slug, "xa-2027"));
    const organizationId = (org as typeof organizations.$inferSelect).id;
    const [coordinator] = await db
      .insert(people)
      .values({ organizationId, fullName: "Điều phối", telegramUserId: 501 })
      .returning();
    await db
      .insert(personChannels)
      .values({ organizationId, personId: coordinator!.id, channel: "telegram", chatId: "501" });
    await db.insert(memberships).values({ organizationId, personId: coordinator!.id, role: "coordinator" });

    expect(await yearsNeedingCalendarNotice(db, organizationId, { from: "2026-12-07", to: "2028-01-31" })).toEqual([
      2027, 2028,
    ]);
    const sent: OutgoingMessage[] = [];
    const notifier: Notifier = {
      send: (message) => {
        sent.push(message);
        return Promise.resolve({ messageId: sent.length });
      },
    };
    const deps = {
      db,
      notifier,
      limiter: createMemoryRateLimiter({ perSecond: 100, perChatIntervalMs: 0 }),
      logger: silentLogger,
      now: () => new Date("2026-12-07T01:00:00Z"),
    };
    await sendNeedsDateList(deps, organizationId);
    const notices = sent.filter((m) => m.text.includes("chưa được công bố"));
    expect(notices.map((m) => [m.chatId, m.text])).toEqual([
      [
        501,
        "📅 Lịch nghỉ Tết 2027 chưa được công bố; nhắc việc đang tính theo luật (nghỉ Tết từ 05/02/2027 đến 11/02/2027, các ngày lễ theo Bộ luật Lao động).",
      ],
    ]);
    expect(await sendCalendarNotices(deps, organizationId)).toBe(0);
    expect(await claimCalendarNotice(db, organizationId, 2027, new Date())).toBe(false);
    expect(sent.filter((m) => m.text.includes("chưa được công bố"))).toHaveLength(1);
  });
});
