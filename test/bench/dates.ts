/**
 * Benchmark: the typed-date parser against chrono-node's Vietnamese parser, in
 * one run, on Duckling's Vietnamese time corpus (day to year items, compared at
 * each item's grain), on our own typed-date set and on the dates of issue 24's
 * kinds typed in December; and the deadline normalizer on relative and
 * recurring deadlines of documents (chrono where a phrase names one day).
 * Prints one JSON object with right answers and phrases per second for each.
 * `npm run bench:dates`.
 */
import { performance } from "node:perf_hooks";
import * as chronoVi from "chrono-node/vi";
import { isoWeekday, toIsoDate } from "../../src/domain/calendar/index.js";
import { parseDateInput } from "../../src/domain/date-input/index.js";
import { normalizeDeadline } from "../../src/domain/deadline/index.js";
import {
  type DocumentDeadlineItem,
  type DucklingItem,
  readDecemberTypedDates,
  readDocumentDeadlines,
  readDucklingCorpus,
  readTypedDates,
  type TypedDateItem,
} from "../support/fixtures.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);

/** The first day of the span of the given grain holding `date`: both answers are compared there. */
function truncate(date: string, grain: DucklingItem["grain"]): string {
  const [year, month] = date.split("-").map(Number) as [number, number];
  if (grain === "day") return date;
  if (grain === "week") {
    const [y, m, d] = date.split("-").map(Number) as [number, number, number];
    const monday = new Date(Date.UTC(y, m - 1, d - (isoWeekday(date) - 1)));
    return monday.toISOString().slice(0, 10);
  }
  if (grain === "month") return toIsoDate(year, month, 1);
  if (grain === "quarter") return toIsoDate(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
  return toIsoDate(year, 1, 1);
}

/** chrono answers an instant in the process's zone; the day read is its local calendar day. */
function chronoDay(text: string, reference: Date): string | null {
  const date = chronoVi.parseDate(text, reference);
  if (!date) return null;
  return toIsoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

function ours(text: string, reference: string): string | null {
  const result = parseDateInput(text, reference);
  return result.ok ? result.date : null;
}

function oursTyped(item: TypedDateItem, reference: string): boolean {
  const result = parseDateInput(item.text, reference);
  if ("due" in item) return result.ok && result.due === item.due;
  if ("ambiguous" in item)
    return (
      !result.ok && result.reason === "ambiguous" && result.choices.map((c) => c.due).join() === item.ambiguous.join()
    );
  return !result.ok && result.reason === item.error;
}

/** chrono gives one instant: right when it is the due day; for a phrase we must ask about or refuse, right when it gives none. */
function chronoTyped(item: TypedDateItem, reference: Date): boolean {
  const day = chronoDay(item.text, reference);
  if ("due" in item) return day === item.due;
  return day === null;
}

function phrasesPerSecond(texts: readonly string[], parse: (text: string) => unknown): number {
  for (const text of texts) parse(text);
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) for (const text of texts) parse(text);
  return Math.round((texts.length * ROUNDS) / ((performance.now() - started) / 1000));
}

/** Milliseconds per single parse at the 99th percentile: what a person typing a date waits. */
function p99Milliseconds(texts: readonly string[], parse: (text: string) => unknown): number {
  for (const text of texts) parse(text);
  const times = texts.map((text) => {
    const started = performance.now();
    parse(text);
    return performance.now() - started;
  });
  times.sort((a, b) => a - b);
  return Number((times[Math.floor(times.length * 0.99)] ?? 0).toFixed(3));
}

const duckling = readDucklingCorpus();
const duckRef = duckling.reference.slice(0, 10);
// Noon of the reference day, local: chrono's relative words then land on the same calendar day in any zone.
const duckRefDate = new Date(2017, 1, 2, 12, 0, 0);
const typed = readTypedDates();
const [ty, tm, td] = typed.reference.split("-").map(Number) as [number, number, number];
const typedRefDate = new Date(ty, tm - 1, td, 9, 0, 0);

const ducklingRight = (read: (text: string) => string | null) =>
  duckling.items.filter((item) => {
    const day = read(item.text);
    return day !== null && truncate(day, item.grain) === item.value;
  }).length;

const december = readDecemberTypedDates();
const [dy, dm, dd] = december.reference.split("-").map(Number) as [number, number, number];
const decemberRefDate = new Date(dy, dm - 1, dd, 9, 0, 0);

const documents = readDocumentDeadlines();

function oursDocument(item: DocumentDeadlineItem): boolean {
  const schedule = normalizeDeadline(item.text, item.context);
  return (
    schedule.kind === item.expected.kind &&
    schedule.milestones.map((m) => m.due).join() === item.expected.dues.join() &&
    (schedule.kind !== "unscheduled" || schedule.needsReview)
  );
}

/** chrono reads one instant from the day counted from: it applies to a phrase due one day, or to one with no date. */
const chronoApplies = (item: DocumentDeadlineItem) =>
  item.expected.kind !== "recurring" && item.expected.dues.length <= 1;

function chronoDocument(item: DocumentDeadlineItem): boolean {
  const from = item.context.receivedOn ?? item.context.issuedOn ?? `${item.context.planYear}-01-01`;
  const [y, m, d] = from.split("-").map(Number) as [number, number, number];
  const day = chronoDay(item.text, new Date(y, m - 1, d, 9, 0, 0));
  return item.expected.dues.length === 0 ? day === null : day === item.expected.dues[0];
}

const byKind = (right: (item: DocumentDeadlineItem) => boolean, items = documents) =>
  Object.fromEntries(
    ["dated", "recurring", "unscheduled"].map((kind) => {
      const ofKind = items.filter((i) => i.expected.kind === kind);
      return [kind, { items: ofKind.length, right: ofKind.filter(right).length }];
    }),
  );

const allTexts = [...duckling.items.map((i) => i.text), ...typed.items.map((i) => i.text)];

const report = {
  benchmark: "dates",
  duckling: {
    source: "Duckling/Time/VI/Corpus.hs, day to year items",
    reference: duckling.reference,
    items: duckling.items.length,
    nhacviec: { right: ducklingRight((text) => ours(text, duckRef)) },
    chrono: { right: ducklingRight((text) => chronoDay(text, duckRefDate)) },
  },
  typed: {
    reference: typed.reference,
    items: typed.items.length,
    nhacviec: { right: typed.items.filter((item) => oursTyped(item, typed.reference)).length },
    chrono: { right: typed.items.filter((item) => chronoTyped(item, typedRefDate)).length },
  },
  typedDecember: {
    reference: december.reference,
    items: december.items.length,
    nhacviec: { right: december.items.filter((item) => oursTyped(item, december.reference)).length },
    chrono: { right: december.items.filter((item) => chronoTyped(item, decemberRefDate)).length },
  },
  documentDeadlines: {
    items: documents.length,
    nhacviec: { right: documents.filter(oursDocument).length, byKind: byKind(oursDocument) },
    chrono: {
      applies: documents.filter(chronoApplies).length,
      right: documents.filter(chronoApplies).filter(chronoDocument).length,
      nhacviecOnTheSame: documents.filter(chronoApplies).filter(oursDocument).length,
    },
    normalizerPhrasesPerSecond: phrasesPerSecond(
      documents.map((d) => d.text),
      (text) => normalizeDeadline(text, { planYear: 2026, issuedOn: "2026-12-02" }),
    ),
  },
  phrasesPerSecond: {
    phrases: allTexts.length,
    rounds: ROUNDS,
    nhacviec: phrasesPerSecond(allTexts, (text) => parseDateInput(text, typed.reference)),
    chrono: phrasesPerSecond(allTexts, (text) => chronoVi.parseDate(text, typedRefDate)),
  },
  p99MillisecondsPerPhrase: {
    nhacviec: p99Milliseconds(allTexts, (text) => parseDateInput(text, typed.reference)),
    chrono: p99Milliseconds(allTexts, (text) => chronoVi.parseDate(text, typedRefDate)),
  },
  chronoNode: "chrono-node 2.10.3, locale vi",
  node: process.version,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
