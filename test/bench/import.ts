/**
 * Benchmark: parses the five seeds together, and a synthetic plan of 10,000
 * tasks as text, .csv and .docx (and of BENCH_PDF_TASKS as .pdf), then writes
 * that plan into a fresh database. When the CLI is built (`npm run build`), it
 * also times `nhacviec import` of a 40-task .docx (--dry-run, process start
 * included) and of ten plans in one run into the database.
 * Prints one JSON object. `npm run bench:import` (needs the test Postgres).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { createMigratedDatabase } from "../support/database.js";
import { largePlan, toCsv, toDocx, toPdf, toTabText } from "../support/plan-files.js";
import { readSeed, seedFiles } from "../support/seeds.js";

const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const PDF_TASKS = Number(process.env.BENCH_PDF_TASKS ?? 400);
const CLI_PLANS = 10;

async function parse(fileName: string, bytes: Buffer) {
  return interpretDocument(await readDocument(fileName, bytes), { year: 2025 });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const seeds = seedFiles.map((f) => readSeed(f.slice(0, 3))).map((s) => ({ ...s, bytes: Buffer.from(s.text) }));
const parseSeeds = () => Promise.all(seeds.map((s) => parse(s.fileName, s.bytes)));
const seedsCold = await timed(parseSeeds);
const warmRuns: number[] = [];
for (let i = 0; i < 10; i++) warmRuns.push((await timed(parseSeeds)).ms);
warmRuns.sort((a, b) => a - b);

const plan = largePlan(TASKS);
const text = Buffer.from(toTabText(plan));
const textParse = await timed(() => parse("large.txt", text));
const csv = Buffer.from(toCsv(plan));
const csvParse = await timed(() => parse("large.csv", csv));
const docx = await toDocx(plan);
const docxParse = await timed(() => parse("large.docx", docx));
const pdf = await toPdf(largePlan(PDF_TASKS));
const pdfParse = await timed(() => parse("large.pdf", pdf));

const run = promisify(execFile);
const cliEntry = new URL("../../bin/nhacviec.js", import.meta.url);
const cliBuilt = existsSync(new URL("../../dist/src/cli/main.js", import.meta.url));
const cliDir = mkdtempSync(join(tmpdir(), "nhacviec-bench-"));
const cliFiles: string[] = [];
for (let i = 0; i < CLI_PLANS; i++) {
  const file = join(cliDir, `ke-hoach-${i + 1}.docx`);
  // Each plan its own heading, so the ten are ten plans, not one imported ten times.
  const heading = `Cải cách hành chính xã Thử Nghiệm ${i + 1} năm 2025`;
  writeFileSync(file, await toDocx({ ...largePlan(40), heading }));
  cliFiles.push(file);
}
async function cliDryRunMs(): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await run(process.execPath, [cliEntry.pathname, "import", cliFiles[0] as string, "--org", "bench", "--dry-run"]);
    runs.push(performance.now() - started);
  }
  return runs.sort((a, b) => a - b);
}
const cliDryRun = cliBuilt ? await cliDryRunMs() : null;

const database = await createMigratedDatabase();
let write: { ms: number; tasks: number; milestones: number };
let rewrite: { ms: number };
let cliMany: { plans: number; ms: number } | null = null;
try {
  const target = { organizationSlug: "bench", fileName: "large.txt", fileSha256: "0".repeat(64) };
  const first = await timed(() => importPlan(database.client.db, textParse.value, target));
  write = { ms: first.ms, tasks: first.value.tasks, milestones: first.value.milestones };
  rewrite = await timed(() => importPlan(database.client.db, textParse.value, target));
  if (cliBuilt) {
    const env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" };
    const started = performance.now();
    await run(process.execPath, [cliEntry.pathname, "import", ...cliFiles, "--org", "bench-cli"], { env });
    cliMany = { plans: CLI_PLANS, ms: performance.now() - started };
  }
} finally {
  await database.drop();
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
process.stdout.write(
  `${JSON.stringify({
    benchmark: "import",
    seeds: {
      files: seeds.length,
      tasks: seedsCold.value.reduce((sum, d) => sum + d.tasks.length, 0),
      coldMs: Math.round(seedsCold.ms),
      warmMedianMs: Number((warmRuns[5] ?? 0).toFixed(1)),
    },
    text: {
      tasks: textParse.value.tasks.length,
      bytes: text.length,
      parseMs: Math.round(textParse.ms),
      parseTasksPerSecond: perSecond(TASKS, textParse.ms),
    },
    csv: {
      tasks: csvParse.value.tasks.length,
      bytes: csv.length,
      parseMs: Math.round(csvParse.ms),
      parseTasksPerSecond: perSecond(TASKS, csvParse.ms),
    },
    pdf: {
      tasks: pdfParse.value.tasks.length,
      bytes: pdf.length,
      parseMs: Math.round(pdfParse.ms),
      parseTasksPerSecond: perSecond(PDF_TASKS, pdfParse.ms),
    },
    cli: cliDryRun
      ? {
          dryRun40TaskDocxMedianMs: Math.round(cliDryRun[2] ?? 0),
          dryRun40TaskDocxBestMs: Math.round(cliDryRun[0] ?? 0),
          importedInOneRun: cliMany
            ? { plans: cliMany.plans, ms: Math.round(cliMany.ms), msPerPlan: Math.round(cliMany.ms / cliMany.plans) }
            : null,
        }
      : "not built (npm run build)",
    docx: {
      tasks: docxParse.value.tasks.length,
      bytes: docx.length,
      parseMs: Math.round(docxParse.ms),
      parseTasksPerSecond: perSecond(TASKS, docxParse.ms),
    },
    write: {
      tasks: write.tasks,
      milestones: write.milestones,
      ms: Math.round(write.ms),
      tasksPerSecond: perSecond(write.tasks, write.ms),
      reimportUnchangedMs: Math.round(rewrite.ms),
      reimportTasksPerSecond: perSecond(write.tasks, rewrite.ms),
    },
    loadAverage: (await import("node:os")).loadavg().map((l) => Number(l.toFixed(1))),
    node: process.version,
  })}\n`,
);
