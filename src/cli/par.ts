/**
 * `par`: the PAR INDEX self-assessment from the shell.
 *
 *   par import <file> --province <slug> --year <Y> [--dry-run] [--json] [--explain]
 *   par start --org <slug> --year <Y> --province <slug> [--deadline YYYY-MM-DD]
 *   par suggest --org <slug> --year <Y> [--json]
 *   par link --org <slug> --year <Y> --criterion <code> --task <task id> [--reject]
 *   par score --org <slug> --year <Y> --criterion <code> --points <n> --justification "<text>"
 *   par chase --org <slug> --year <Y>
 *   par --org <slug> --year <Y> [--format xlsx|zip|pdf] [--as-of D] [--out F]
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { DateTime } from "luxon";
import { type Database, openMigratedDatabase } from "../../db/client.js";
import type { Config } from "../config.js";
import { formatPoints, flattenCriteria } from "../domain/par/index.js";
import { translatorFor } from "../i18n/i18n.js";
import type { ExplainedCriteriaRow } from "../import/par/interpret-criteria.js";
import type { Logger } from "../logger.js";
import { isRefused, OPERATOR } from "../services/access.js";
import { criteriaSetJson, importCriteriaSet, readCriteriaSet } from "../services/par/criteria-sets.js";
import { syncParChase } from "../services/par/par-chase.js";
import { loadParView } from "../services/par/par-view.js";
import { buildParBundle, buildParWorkbook } from "../services/par/par-workbook.js";
import {
  decideParLink,
  pendingLinkSuggestions,
  setParSelfScore,
  startParAssessment,
} from "../services/par/par-work.js";
import { convertToPdf, PdfConversionError } from "../services/reports/pdf.js";
import { pdfFailureWords, refusalError } from "./refusals.js";
import { UsageError } from "./usage-error.js";

const FLAGS = new Set(["--dry-run", "--json", "--explain", "--reject"]);
const VALUED = new Set([
  "--province",
  "--year",
  "--org",
  "--deadline",
  "--criterion",
  "--task",
  "--points",
  "--justification",
  "--format",
  "--as-of",
  "--out",
]);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

interface ParArgs {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

function parseArgs(args: string[]): ParArgs {
  const parsed: ParArgs = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (FLAGS.has(arg)) parsed.flags.add(arg);
    else if (VALUED.has(arg)) {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} cần một giá trị`);
      parsed.values.set(arg, value);
    } else if (arg.startsWith("--")) throw new UsageError(`không hiểu tham số "${arg}"`);
    else parsed.positional.push(arg);
  }
  return parsed;
}

function need(args: ParArgs, name: string): string {
  const value = args.values.get(name);
  if (value === undefined) throw new UsageError(`par needs ${name}`);
  return value;
}

function year(args: ParArgs): number {
  const value = need(args, "--year");
  if (!/^\d{4}$/.test(value)) throw new UsageError("--year takes a year such as 2026");
  return Number(value);
}

function day(args: ParArgs, name: string): string | undefined {
  const value = args.values.get(name);
  if (value !== undefined && !(ISO_DAY.test(value) && DateTime.fromISO(value).isValid)) {
    throw new UsageError(`${name} takes a day as YYYY-MM-DD`);
  }
  return value;
}

const ROLE_WORDS: Record<ExplainedCriteriaRow["role"], string> = {
  header: "dòng tiêu đề",
  "header-repeat": "tiêu đề lặp lại",
  "column-numbers": "dòng số thứ tự cột",
  criterion: "tiêu chí",
  continuation: "phần nối tiếp của tiêu chí",
  total: "dòng tổng",
  skipped: "bỏ qua",
};

function explainLine(row: ExplainedCriteriaRow): string {
  const where = `${row.source.page !== undefined ? `trang ${row.source.page}, ` : ""}${
    row.source.line !== undefined ? `dòng ${row.source.line}` : `hàng ${row.source.row ?? "?"}`
  }`;
  const what = `${ROLE_WORDS[row.role]}${row.code ? ` ${row.code}` : ""}${row.reason ? ` (${row.reason})` : ""}`;
  return `bảng ${row.table}, ${where}: ${what} | ${row.text}`;
}

/** `par import`: a dry run never opens the database. */
async function runImport(parsed: ParArgs, rest: string[], db: Database | null, out: (line: string) => void) {
  const file = rest[0];
  if (!file) throw new UsageError("par import needs a file");
  const request = {
    fileName: basename(file),
    bytes: await readFile(file),
    province: need(parsed, "--province"),
    year: year(parsed),
  };
  const result = db ? await importCriteriaSet(db, OPERATOR, request) : await readCriteriaSet(OPERATOR, request);
  if (result.kind === "not-allowed") throw refusalError("criteria set", result.kind);
  const { draft } = result;
  if (parsed.flags.has("--json")) {
    out(JSON.stringify(criteriaSetJson(draft), null, 2));
    return;
  }
  const all = flattenCriteria(draft.criteria);
  const max = draft.criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  out(
    `${result.kind === "read" ? "Đã đọc (chưa lưu)" : "Đã nhập"} bộ chỉ số "${draft.set.title}" – ${draft.set.province} ${draft.set.year}`,
  );
  out(
    `- ${draft.criteria.length} lĩnh vực, ${all.length} tiêu chí và tiêu chí thành phần, tổng điểm tối đa ${formatPoints(max)}`,
  );
  out(`- Nguồn: ${draft.set.source}`);
  if (result.kind === "stored") {
    out(
      result.unchanged ? `- Không đổi so với phiên bản ${result.version}` : `- Lưu thành phiên bản ${result.version}`,
    );
  }
  const skipped = draft.explanation.filter((e) => e.role === "skipped");
  if (skipped.length > 0) out(`- Bỏ qua ${skipped.length} dòng (xem --explain)`);
  for (const warning of draft.warnings) out(`- Cảnh báo: ${warning}`);
  if (parsed.flags.has("--explain")) for (const row of draft.explanation) out(explainLine(row));
  return;
}

/** Runs `par …`; the database is opened only by the subcommands that need it. */
export async function runPar(args: string[], config: Config, logger: Logger, out: (line: string) => void) {
  const parsed = parseArgs(args);
  const [sub, ...rest] = parsed.positional;
  if (sub === "import" && parsed.flags.has("--dry-run")) return runImport(parsed, rest, null, out);
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  const { db } = client;
  const now = new Date();
  try {
    if (sub === "import") return await runImport(parsed, rest, db, out);
    const org = need(parsed, "--org");
    const y = year(parsed);
    if (sub === "start") {
      const deadline = day(parsed, "--deadline");
      const result = await startParAssessment(db, OPERATOR, org, {
        year: y,
        province: need(parsed, "--province"),
        ...(deadline ? { deadline } : {}),
      });
      if (result.kind === "no-set")
        throw new UsageError(`chưa có bộ chỉ số của ${result.province} năm ${result.year}: chạy par import trước`);
      if (isRefused(result)) throw refusalError(`tổ chức "${org}"`, result.kind);
      out(`Đã bắt đầu tự đánh giá năm ${y} theo phiên bản ${result.setVersion} của bộ chỉ số`);
      return;
    }
    if (sub === "suggest") {
      const result = await pendingLinkSuggestions(db, OPERATOR, org, y, now);
      if (result.kind === "no-assessment")
        throw new UsageError(`chưa bắt đầu tự đánh giá năm ${y}: chạy par start trước`);
      if (isRefused(result)) throw refusalError(`tổ chức "${org}"`, result.kind);
      if (parsed.flags.has("--json")) out(JSON.stringify(result.suggestions, null, 2));
      else
        for (const s of result.suggestions)
          out(`${s.criterionCode}\t${s.taskNumber} ${s.taskTitle}\t${s.score}\t${s.taskId}`);
      return;
    }
    if (sub === "link") {
      const result = await decideParLink(db, OPERATOR, org, {
        year: y,
        criterionCode: need(parsed, "--criterion"),
        taskId: need(parsed, "--task"),
        decision: parsed.flags.has("--reject") ? "rejected" : "confirmed",
        now,
      });
      if (result.kind !== "ok") throw refusalError(`criterion or task`, result.kind);
      return;
    }
    if (sub === "score") {
      const result = await setParSelfScore(db, OPERATOR, org, {
        year: y,
        criterionCode: need(parsed, "--criterion"),
        points: need(parsed, "--points"),
        justification: parsed.values.get("--justification") ?? "",
        now,
      });
      if (result.kind === "invalid") {
        throw new UsageError(
          result.reason === "no-justification"
            ? "điểm tự chấm cần kèm giải trình (--justification)"
            : `điểm tự chấm phải là số từ 0 đến ${formatPoints(result.maxPoints)}`,
        );
      }
      if (result.kind !== "ok") throw refusalError(`criterion`, result.kind);
      return;
    }
    if (sub === "chase") {
      const result = await syncParChase(db, OPERATOR, org, y, now);
      if (result.kind === "no-deadline")
        throw new UsageError("chưa đặt hạn tự đánh giá: par start --deadline YYYY-MM-DD");
      if (result.kind === "no-assessment")
        throw new UsageError(`chưa bắt đầu tự đánh giá năm ${y}: chạy par start trước`);
      if (isRefused(result)) throw refusalError(`tổ chức "${org}"`, result.kind);
      out(`Đang đôn đốc ${result.chased.length} tiêu chí còn thiếu: ${result.chased.join(", ")}`);
      return;
    }
    if (sub !== undefined) throw new UsageError(`unknown par command "${sub}"`);
    await writeOutput(db, parsed, org, y, out);
  } catch (error) {
    if (error instanceof PdfConversionError) throw new UsageError(pdfFailureWords(error));
    throw error;
  } finally {
    await client.close();
  }
}

async function writeOutput(
  db: Parameters<typeof loadParView>[0],
  parsed: ParArgs,
  org: string,
  y: number,
  out: (line: string) => void,
): Promise<void> {
  const format = parsed.values.get("--format") ?? "xlsx";
  if (format !== "xlsx" && format !== "zip" && format !== "pdf") throw new UsageError("--format is xlsx, zip or pdf");
  const asOf = day(parsed, "--as-of");
  const view = await loadParView(db, OPERATOR, org, y, asOf ? { today: asOf } : { now: new Date() });
  if (view.kind === "no-assessment") throw new UsageError(`chưa bắt đầu tự đánh giá năm ${y}: chạy par start trước`);
  if (view.kind !== "ok") throw refusalError(`tổ chức "${org}"`, view.kind);
  const translator = translatorFor("vi");
  const workbook = await buildParWorkbook(view, translator);
  const workbookName = `tu-danh-gia-chi-so-cchc-${org}-${y}.xlsx`;
  const path = parsed.values.get("--out") ?? workbookName.replace(/\.xlsx$/, `.${format}`);
  const bytes =
    format === "xlsx"
      ? workbook
      : format === "pdf"
        ? await convertToPdf(workbook, "xlsx")
        : await buildParBundle(view, workbook, workbookName, translator);
  await writeFile(path, bytes);
  out(path);
}
