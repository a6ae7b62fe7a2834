/**
 * Benchmark: parses the five seeds together, and a synthetic plan of 10,000
 * tasks as text and as .docx, then writes that plan into a fresh database.
 * Prints one JSON object. `npm run bench:import` (needs the test Postgres).
 */
import { performance } from "node:perf_hooks";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { createMigratedDatabase } from "../support/database.js";
import { largePlan, toDocx, toTabText } from "../support/plan-files.js";
import { readSeed, seedFiles } from "../support/seeds.js";

const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);

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
const docx = await toDocx(plan);
const docxParse = await timed(() => parse("large.docx", docx));

const database = await createMigratedDatabase();
let write: { ms: number; tasks: number; milestones: number };
let rewrite: { ms: number };
try {
  const target = { organizationSlug: "bench", fileName: "large.txt", fileSha256: "0".repeat(64) };
  const first = await timed(() => importPlan(database.client.db, textParse.value, target));
  write = { ms: first.ms, tasks: first.value.tasks, milestones: first.value.milestones };
  rewrite = await timed(() => importPlan(database.client.db, textParse.value, target));
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
    node: process.version,
  })}\n`,
);
