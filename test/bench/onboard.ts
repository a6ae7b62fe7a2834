/**
 * Benchmark: a province onboarded on one deployment, through the command line
 * run in process. Adds the province, then 100 communes with their
 * coordinators' invites from one CSV (`org import`), imports 100 plans of 40
 * tasks (.docx) in one `import` run, and fans one plan's commune tasks out to
 * every commune. Prints one JSON object with the seconds of each step.
 * `npm run bench:onboard` (needs the test Postgres). BENCH_COMMUNES and
 * BENCH_PLANS change the counts.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { organizations, plans } from "../../db/schema.js";
import { OPERATOR } from "../../src/services/access.js";
import { fanOutPlan } from "../../src/services/province/fan-out.js";
import { cli } from "../support/cli.js";
import { createMigratedDatabase } from "../support/database.js";
import { largePlan, toDocx } from "../support/plan-files.js";

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 100);
const PLANS = Number(process.env.BENCH_PLANS ?? 100);
const TASKS_PER_PLAN = 40;

const seconds = (ms: number) => Number((ms / 1000).toFixed(2));
const dir = mkdtempSync(join(tmpdir(), "nhacviec-onboard-"));

// The communes' list as a province keeps it: number, name, coordinator.
const csvPath = join(dir, "xa-phuong.csv");
const csvLines = ["STT,Tên xã/phường,Họ và tên người điều phối"];
for (let i = 1; i <= COMMUNES; i++) csvLines.push(`${i},Xã Thử Nghiệm ${i},Cán bộ ${i}`);
writeFileSync(csvPath, `${csvLines.join("\n")}\n`);

// Each plan its own heading (a plan, not one re-imported); a quarter of the tasks are the communes'.
const planFiles: string[] = [];
for (let i = 0; i < PLANS; i++) {
  const plan = largePlan(TASKS_PER_PLAN);
  for (const [s, section] of plan.sections.entries()) {
    for (const [t, task] of section.tasks.entries()) {
      if ((s * 10 + t) % 4 === 0) for (const row of task.rows) row.lead = "UBND các xã, phường";
    }
  }
  const file = join(dir, `ke-hoach-${i + 1}.docx`);
  writeFileSync(file, await toDocx({ ...plan, heading: `Cải cách hành chính tỉnh Thử Nghiệm số ${i + 1} năm 2025` }));
  planFiles.push(file);
}

const database = await createMigratedDatabase();
const env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent", TELEGRAM_BOT_USERNAME: "nhacviec_bot" };
// The built command (`npm run build`) as operators run it, process start included; else in process under tsx,
// where each plan's reader child also starts through tsx (seconds more per plan).
const cliBuilt = existsSync(new URL("../../dist/src/cli/main.js", import.meta.url));
const cliEntry = new URL("../../bin/nhacviec.js", import.meta.url).pathname;
async function step(argv: string[]): Promise<number> {
  const started = performance.now();
  if (cliBuilt) await promisify(execFile)(process.execPath, [cliEntry, ...argv], { env, maxBuffer: 64 << 20 });
  else {
    const result = await cli(argv, env);
    if (result.code !== 0) throw new Error(`${argv.slice(0, 2).join(" ")} failed: ${result.stderr}`);
  }
  return performance.now() - started;
}
try {
  await step(["org", "add", "tinh-thu-nghiem", "--name", "UBND tỉnh Thử Nghiệm", "--kind", "province"]);
  const onboardMs = await step([
    "org",
    "import",
    csvPath,
    "--parent",
    "tinh-thu-nghiem",
    "--out",
    join(dir, "links.csv"),
  ]);
  const importMs = await step(["import", ...planFiles, "--org", "tinh-thu-nghiem", "--year", "2025"]);
  const db = database.client.db;
  const [province] = await db.select().from(organizations).where(eq(organizations.slug, "tinh-thu-nghiem"));
  const [firstPlan] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(eq(plans.organizationId, (province as { id: string }).id))
    .limit(1);
  const fanStarted = performance.now();
  const fanned = await fanOutPlan(
    db,
    OPERATOR,
    (firstPlan as { id: string }).id,
    new Date("2025-01-06T08:00:00+07:00"),
  );
  const fanOutMs = performance.now() - fanStarted;
  const communes = await db
    .select()
    .from(organizations)
    .where(eq(organizations.parentId, (province as { id: string }).id));
  process.stdout.write(
    `${JSON.stringify({
      benchmark: "onboard",
      cli: cliBuilt ? "built" : "in-process (tsx)",
      communes: communes.length,
      onboardSeconds: seconds(onboardMs),
      plans: PLANS,
      tasksPerPlan: TASKS_PER_PLAN,
      importSeconds: seconds(importMs),
      importSecondsPerPlan: Number((importMs / 1000 / PLANS).toFixed(3)),
      totalSeconds: seconds(onboardMs + importMs),
      fanOut: {
        tasks: fanned.kind === "fanned-out" ? fanned.tasks : 0,
        copies: fanned.kind === "fanned-out" ? fanned.reached.length : 0,
        seconds: seconds(fanOutMs),
      },
    })}\n`,
  );
} finally {
  await database.drop();
}
