import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportError } from "../../src/import/import-error.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import type { PlanDraft } from "../../src/import/plan-draft.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { largePlan, toTabText } from "../support/plan-files.js";
import { readSeed, seedPath } from "../support/seeds.js";
import type { PostgresDatabaseClient } from "../../db/client.js";

const run = promisify(execFile);
let database: TestDatabase & { client: PostgresDatabaseClient };
beforeAll(async () => {
  database = await createMigratedDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function draftOf(fileName: string, text: string): Promise<PlanDraft> {
  return interpretDocument(await readDocument(fileName, Buffer.from(text)), { year: 2025 });
}

async function counts(): Promise<Record<string, number>> {
  const { sql } = database.client;
  const [row] = await sql<Array<Record<string, number>>>`
    select (select count(*)::int from organizations) as organizations, (select count(*)::int from plans) as plans,
           (select count(*)::int from tasks) as tasks, (select count(*)::int from units) as units,
           (select count(*)::int from milestones) as milestones, (select count(*)::int from milestone_events) as events`;
  return row as Record<string, number>;
}

const target = (slug: string) => ({ organizationSlug: slug, fileName: "plan.txt", fileSha256: "0".repeat(64) });

describe("importing a plan into the database", () => {
  it("writes the plan, its tasks, units and milestones, creating the organization from the issuer", async () => {
    const seed = readSeed("000");
    const summary = await importPlan(database.client.db, await draftOf(seed.fileName, seed.text), target("gio-son"));
    expect(summary).toMatchObject({ organizationCreated: true, planCreated: true, tasks: 39, added: [] });
    expect(summary.milestones).toBeGreaterThanOrEqual(39);
    expect(summary.needsDate).toBe(2);
    const { sql } = database.client;
    const [organization] = await sql`select name from organizations where slug = 'gio-son'`;
    expect(organization?.name).toBe("UBND xã Gio Sơn");
    // Spellings that differ only in case and dashes are one unit; the others are listed as new.
    const vpTk = await sql`select name from units where name_key = 'van phong thong ke'`;
    expect(vpTk).toHaveLength(1);
    expect(summary.newUnits).toContain("Văn phòng – Thống kê");
    expect(summary.newUnits).not.toContain("Văn phòng – thống kê");
    const [task] = await sql`select title, deadline_texts from tasks where task_key = 'I|2|0'`;
    expect(task?.deadline_texts).toEqual(["Quý I/2025", "Cả năm 2025"]);
  });

  it("updates an edited plan in place, reports exactly the edits and keeps a done milestone done", async () => {
    const seed = readSeed("000");
    const { sql } = database.client;
    await sql`update milestones set state = 'done', completed_at = now()
      where task_id = (select id from tasks where task_key = 'I|1|0')`;
    const lines = seed.text.split("\n");
    const edited = lines
      .filter((line) => !line.startsWith("4\t4\t"))
      .map((line) => (line.startsWith("3\t3\t") ? line.replace(/Năm 2025$/, "Quý II/2025") : line))
      .map((line) =>
        line.startsWith("6\t39\t")
          ? `${line}\n7\t40\tThêm một nhiệm vụ mới\tTriển khai\tBáo cáo\tVăn phòng – Thống kê\tCác ban ngành chuyên môn\tQuý IV/2025`
          : line,
      )
      .join("\n");
    expect(edited).not.toBe(seed.text);
    const before = await counts();
    const summary = await importPlan(database.client.db, await draftOf(seed.fileName, edited), target("gio-son"));
    expect(summary.planCreated).toBe(false);
    expect(summary.added).toEqual(["VII.7"]);
    expect(summary.removed).toEqual(["I.4"]);
    expect(summary.deadlineMoved).toEqual([{ task: "I.3", from: ["Năm 2025"], to: ["Quý II/2025"] }]);
    expect(summary.changed).toEqual([]);
    expect(summary.newUnits).toEqual([]);
    const after = await counts();
    expect(after.plans).toBe(before.plans);
    expect(after.tasks).toBe((before.tasks ?? 0) + 1);
    const [done] =
      await sql`select m.state from milestones m join tasks t on t.id = m.task_id where t.task_key = 'I|1|0'`;
    expect(done?.state).toBe("done");
    const [moved] = await sql`select m.start, m.due, m.version from milestones m join tasks t on t.id = m.task_id
      where t.task_key = 'I|3|0'`;
    expect(moved).toMatchObject({ start: "2025-04-01", due: "2025-06-30", version: 2 });
    const [removed] = await sql`select t.removed_at, m.state from tasks t join milestones m on m.task_id = t.id
      where t.task_key = 'I|4|0'`;
    expect(removed?.removed_at).not.toBeNull();
    expect(removed?.state).toBe("cancelled");
    const events = await sql`select e.action from milestone_events e join milestones m on m.id = e.milestone_id
      join tasks t on t.id = m.task_id where t.task_key in ('I|3|0', 'I|4|0') order by e.id`;
    expect(events.map((e) => e.action)).toEqual(["imported", "imported", "deadline-moved", "cancelled"]);

    const again = await importPlan(database.client.db, await draftOf(seed.fileName, edited), target("gio-son"));
    expect([again.added, again.removed, again.deadlineMoved, again.changed]).toEqual([[], [], [], []]);
  });

  it("writes nothing when the transaction fails half way", async () => {
    const seed = readSeed("002");
    const draft = await draftOf(seed.fileName, seed.text);
    const broken = structuredClone(draft);
    // A window that ends before it starts violates a constraint on the last task's milestones.
    const last = broken.tasks[broken.tasks.length - 1]!;
    last.schedule = {
      ...last.schedule,
      kind: "dated",
      milestones: [{ start: "2025-12-31", due: "2025-01-01", label: null, appliesTo: null }],
    };
    const before = await counts();
    await expect(importPlan(database.client.db, broken, target("cam-nhuong"))).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["empty.txt", Buffer.from(""), /tệp rỗng/],
    ["garbage.txt", Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x42]), /không phải văn bản/],
    ["garbage.docx", Buffer.from("PK\u0003\u0004 this is not a zip archive at all"), /bị hỏng/],
    ["notes.txt", Buffer.from("Biên bản họp\n\nKhông có bảng nào ở đây.\n"), /không tìm thấy bảng/],
    [
      "no-deadline.csv",
      Buffer.from("STT,Nội dung,Chủ trì\n1,Việc một,Văn phòng\n2,Việc hai,Tư pháp\n"),
      /không có cột thời gian/,
    ],
  ])("refuses %s with a clear error naming the file, and writes nothing", async (fileName, bytes, message) => {
    const before = await counts();
    const failure = await readDocument(fileName, bytes)
      .then((document) => interpretDocument(document, { year: 2025 }))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as ImportError).message).toContain(fileName);
    expect((failure as ImportError).message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it("runs as `nhacviec import` with a Vietnamese summary, and fails with a non-zero exit on a bad file", async () => {
    const seed = readSeed("004");
    const env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" };
    const { stdout } = await run(
      "npx",
      ["tsx", "src/cli/main.ts", "import", seedPath(seed.fileName), "--org", "tay-xuan"],
      {
        env,
      },
    );
    expect(stdout).toContain("Đã nhập kế hoạch");
    expect(stdout).toContain("35 nhiệm vụ");
    expect(stdout).toContain("35 nhiệm vụ chưa có đơn vị chủ trì");
    // Reminders are planned at import: the 2025 plan is past, so what remains are weekly overdue notices,
    // which go to the coordinators because no task of seed 004 has a lead unit.
    const planned = await database.client.sql`select distinct r.kind, r.audience_role from reminders r
      join organizations o on o.id = r.organization_id where o.slug = 'tay-xuan' order by 1, 2`;
    expect(planned.map((r) => `${r.kind}/${r.audience_role}`).sort()).toEqual([
      "escalation/chairman",
      "escalation/coordinator",
    ]);
    const dir = mkdtempSync(join(tmpdir(), "nhacviec-"));
    writeFileSync(join(dir, "hong.docx"), "not a word file");
    const before = await counts();
    const failure = await run(
      "npx",
      ["tsx", "src/cli/main.ts", "import", join(dir, "hong.docx"), "--org", "tay-xuan"],
      {
        env,
      },
    ).catch((error: unknown) => error as { code: number; stderr: string; stdout: string });
    expect(failure).toMatchObject({ code: 1, stdout: "" });
    expect((failure as { stderr: string }).stderr).toContain("hong.docx");
    expect(await counts()).toEqual(before);
  });

  it("refuses a plan of more than 2,000 tasks by `nhacviec import`, naming the count, the limit and --max-tasks", async () => {
    const env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" };
    const dir = mkdtempSync(join(tmpdir(), "nhacviec-"));
    const file = join(dir, "rat-lon.txt");
    writeFileSync(file, toTabText(largePlan(2345)));
    const before = await counts();
    const refused = await run("npx", ["tsx", "src/cli/main.ts", "import", file, "--org", "rat-lon"], { env }).catch(
      (error: unknown) => error as { code: number; stderr: string; stdout: string },
    );
    expect(refused).toMatchObject({ code: 1, stdout: "" });
    const stderr = (refused as { stderr: string }).stderr;
    expect(stderr).toContain("rat-lon.txt: kế hoạch có 2.345 nhiệm vụ, quá giới hạn 2.000 nhiệm vụ");
    expect(stderr).toContain("--max-tasks 2345");
    expect(await counts()).toEqual(before);

    // --max-tasks sets the limit: a plan over a lower one is refused, naming that limit.
    const seed = readSeed("004");
    const lower = await run(
      "npx",
      ["tsx", "src/cli/main.ts", "import", seedPath(seed.fileName), "--org", "tay-xuan", "--max-tasks", "10"],
      { env },
    ).catch((error: unknown) => error as { code: number; stderr: string });
    expect((lower as { stderr: string }).stderr).toContain("có 35 nhiệm vụ, quá giới hạn 10 nhiệm vụ");
    expect(await counts()).toEqual(before);
  }, 120_000);
});
