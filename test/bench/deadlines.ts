/**
 * Benchmark: normalizes 100,000 deadline cells (the seed phrases, repeated and
 * mutated) and prints one JSON object with the throughput. `npm run bench:deadlines`.
 */
import { performance } from "node:perf_hooks";
import { createSeededRandom } from "../../src/dev/seeded-random.js";
import { normalizeDeadline } from "../../src/domain/deadline/index.js";
import { readDeadlineFixtures } from "../support/fixtures.js";

const CELLS = Number(process.env.BENCH_CELLS ?? 100_000);

// The same cells on every run.
const random = createSeededRandom(2025);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const mutations: ReadonlyArray<(text: string) => string> = [
  (text) => text,
  (text) => text.normalize("NFD"),
  (text) => `<p>${text}</p>`,
  (text) => text.toUpperCase(),
  (text) => text.replace(/ /g, "  "),
  (text) => text.replace(/2025/g, "2026"),
  (text) => text.replace(/\d+/, (n) => String(Number(n) + 1)),
  (text) => `${text}.`,
  (text) => text.replace(/hàng/gi, "hằng"),
  (text) => text.replace(/ /, "\n"),
];

const seeds = readDeadlineFixtures();
const cells = Array.from({ length: CELLS }, () => {
  const seed = pick(seeds);
  return { text: pick(mutations)(pick(mutations)(seed.text)), context: seed.context };
});

// Warm the JIT on a slice so the figure is the steady state a long import sees.
for (const cell of cells.slice(0, 5_000)) normalizeDeadline(cell.text, cell.context);

let milestones = 0;
let needsReview = 0;
// CPU time as well as wall time: on a machine shared with other jobs the wall clock counts their work too.
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (const cell of cells) {
  const schedule = normalizeDeadline(cell.text, cell.context);
  milestones += schedule.milestones.length;
  if (schedule.needsReview) needsReview++;
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

process.stdout.write(
  `${JSON.stringify({
    benchmark: "deadlines",
    cells: cells.length,
    distinctCells: new Set(cells.map((cell) => cell.text)).size,
    seconds: Number(seconds.toFixed(3)),
    cellsPerSecond: Math.round(cells.length / seconds),
    cpuSeconds: Number(cpuSeconds.toFixed(3)),
    cellsPerCpuSecond: Math.round(cells.length / cpuSeconds),
    milestones,
    needsReview,
    node: process.version,
  })}\n`,
);
