import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Database } from "../../db/client.js";
import type { Config } from "../config.js";
import { displayFileName } from "../domain/files/safe-file-name.js";
import { ImportError } from "../import/import-error.js";
import { readPlanFile } from "../import/read-plan-file.js";
import type { DocumentReading } from "../import/directive/read-directive.js";
import type { ExplainedRow, PlanDraft } from "../import/plan-draft.js";
import type { Logger } from "../logger.js";
import { MAX_PLAN_TASKS } from "../services/plans/plan-limits.js";
import {
  isPlanFileName,
  PLAN_FILE_EXTENSIONS,
  type PlanReader,
  readPlanDocument,
} from "../services/plans/read-plan-document.js";
import { formatVietnameseDate, type IsoDate } from "../domain/calendar/index.js";
import { awaitsReceipt, countsFromReceipt, receiptProblem } from "../domain/deadline/index.js";
import { readTypedReceipt } from "../domain/date-input/index.js";
import { DEFAULT_TIME_ZONE, localDay } from "../domain/planning/index.js";
import { translatorFor } from "../i18n/i18n.js";
import { receiptRefusalWords } from "../i18n/typed-receipt.js";
import { refusedFor } from "../services/access.js";
import { RefusalError, refusalError } from "./refusals.js";
import { UsageError } from "./usage-error.js";

interface ImportArgs {
  files: string[];
  org: string | undefined;
  year: number | undefined;
  maxTasks: number;
  dryRun: boolean;
  json: boolean;
  explain: boolean;
  /** `--kind plan|directive`: overrides what the document's own kind says. */
  kind: DocumentReading | undefined;
  /** `--received-on`, as typed ("05/12/2026", "hôm qua"): the day the documents reached the office. */
  receivedOnText: string | undefined;
}

const ROLE_WORDS: Record<ExplainedRow["role"], string> = {
  header: "tiêu đề bảng",
  "header-repeat": "tiêu đề lặp lại (sang trang)",
  "column-numbers": "hàng số thứ tự cột",
  section: "mục",
  group: "nhóm (không phải nhiệm vụ)",
  task: "nhiệm vụ",
  activity: "hoạt động của nhiệm vụ",
  continuation: "phần nối tiếp của hàng trên",
  subheading: "tiêu đề phụ",
  skipped: "bỏ qua",
};

/** One line per source row: where it is, what it became, and its first words. */
function explainLine(row: ExplainedRow): string {
  const where = `${row.source.page !== undefined ? `trang ${row.source.page}, ` : ""}${
    row.source.line !== undefined ? `dòng ${row.source.line}` : `hàng ${row.source.row ?? "?"}`
  }`;
  const what = `${ROLE_WORDS[row.role]}${row.target ? ` ${row.target}` : ""}${row.reason ? ` (${row.reason})` : ""}`;
  // Prose (a plan without a table, a directive) and lines outside a PDF's table have no table: cited alone.
  return `${row.table === 0 ? "văn bản" : `bảng ${row.table}`}, ${where}: ${what} | ${row.text}`;
}

function parseImportArgs(args: string[]): ImportArgs {
  const parsed: ImportArgs = {
    files: [],
    org: undefined,
    year: undefined,
    maxTasks: MAX_PLAN_TASKS,
    dryRun: false,
    json: false,
    explain: false,
    kind: undefined,
    receivedOnText: undefined,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--org") parsed.org = args[++i];
    else if (arg === "--year") {
      parsed.year = Number(args[++i]);
      if (!Number.isInteger(parsed.year) || parsed.year < 2000 || parsed.year > 2100) {
        throw new UsageError("--year takes a year such as 2025");
      }
    } else if (arg === "--max-tasks") {
      parsed.maxTasks = Number(args[++i]);
      if (!Number.isInteger(parsed.maxTasks) || parsed.maxTasks < 1) {
        throw new UsageError("--max-tasks takes the largest number of tasks to accept, such as 3000");
      }
    } else if (arg === "--dry-run") parsed.dryRun = true;
    else if (arg === "--json") parsed.json = true;
    else if (arg === "--explain") parsed.explain = true;
    else if (arg === "--kind") {
      const kind = args[++i];
      if (kind !== "plan" && kind !== "directive") throw new UsageError("--kind takes plan or directive");
      parsed.kind = kind;
    } else if (arg === "--received-on") {
      parsed.receivedOnText = args[++i];
      if (parsed.receivedOnText === undefined)
        throw new UsageError("--received-on takes the day the document was received, e.g. 05/12/2026");
    } else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else parsed.files.push(arg);
  }
  if (parsed.files.length === 0) throw new UsageError("import needs a file: import <file>... --org <slug>");
  if (!parsed.dryRun && !parsed.org) throw new UsageError("import needs --org <slug> (or --dry-run)");
  if (parsed.org !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(parsed.org)) {
    throw new UsageError("--org is a short name of lower-case letters, digits and dashes, e.g. gio-son");
  }
  return parsed;
}

type Out = (line: string) => void;

/**
 * The day typed after --received-on, read as the chat and the web read one
 * (readTypedReceipt, looking back from today where offices are); why not, in
 * the chat's words. The service checks it again against the document's date.
 */
function receiptDayOf(text: string, today: IsoDate): IsoDate {
  const read = readTypedReceipt(text, today);
  if (read.kind === "ok") return read.day;
  throw new RefusalError(`--received-on: ${receiptRefusalWords(translatorFor("vi").t, text, read)}`);
}

/** One plan file of the run: its name as shown (control and bidi characters removed) and its bytes. */
interface PlanFile {
  path: string;
  fileName: string;
  bytes: Buffer;
}

async function readPlanBytes(path: string): Promise<PlanFile> {
  const fileName = displayFileName(basename(path));
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ImportError("không mở được tệp", fileName, {}, String(error));
  }
  if (!isPlanFileName(fileName)) {
    throw new UsageError(`"${fileName}" is not a plan file; plans are read from ${PLAN_FILE_EXTENSIONS.join(" ")}`);
  }
  return { path, fileName, bytes };
}

/**
 * Reads each file in a child process (`readPlanFile`), the next one while the
 * current one is written: a province importing a hundred plans waits for the
 * database, not for a reader process to start.
 */
function prefetchingReader(
  kind?: DocumentReading,
  receivedOn?: IsoDate,
): {
  reader: PlanReader;
  prefetch: (file: PlanFile, year?: number) => void;
} {
  const started = new Map<string, Promise<PlanDraft>>();
  const key = (fileName: string, bytes: Buffer, year?: number): string => `${fileName}|${bytes.length}|${year ?? ""}`;
  const reader: PlanReader = (fileName, bytes, options) => {
    const id = key(fileName, bytes, options.year);
    const early = started.get(id);
    started.delete(id);
    return early ?? readPlanFile(fileName, bytes, options);
  };
  const prefetch = (file: PlanFile, year?: number): void => {
    const promise = readPlanFile(file.fileName, file.bytes, {
      ...(year !== undefined ? { year } : {}),
      ...(kind !== undefined ? { kind } : {}),
      ...(receivedOn !== undefined ? { receivedOn } : {}),
    });
    // A failure is reported when the file's turn comes, not as an unhandled rejection now.
    promise.catch(() => undefined);
    started.set(key(file.fileName, file.bytes, year), promise);
  };
  return { reader, prefetch };
}

/**
 * `import <file>... --org <slug> [--year] [--max-tasks N] [--dry-run] [--json] [--explain]`.
 * Each file is read in a child process with limits, as in the chat and on the
 * web; several files share one database connection and one migration check,
 * and each gets its own summary. A file that fails does not stop the others;
 * the command fails at the end if any did.
 */
export async function runImport(args: string[], config: Config, logger: Logger, out: Out): Promise<void> {
  const options = parseImportArgs(args);
  // Today where the offices are: a day of receipt is not after it (the import checks it again in the office's zone).
  const today = localDay(new Date(), DEFAULT_TIME_ZONE);
  const receivedOn = options.receivedOnText === undefined ? undefined : receiptDayOf(options.receivedOnText, today);
  const several = options.files.length > 1;
  const { reader, prefetch } = prefetchingReader(options.kind, receivedOn);
  const failures: Array<{ fileName: string; error: unknown }> = [];
  // The database is opened (and migrated) once for the whole run, and only when something is stored.
  const client = options.dryRun
    ? null
    : await (await import("../../db/client.js")).openMigratedDatabase(config, logger, { max: 2 });
  try {
    const files: Array<PlanFile | null> = [];
    for (const path of options.files) {
      try {
        files.push(await readPlanBytes(path));
      } catch (error) {
        if (!several) throw error;
        failures.push({ fileName: displayFileName(basename(path)), error });
        files.push(null);
      }
    }
    const pending = files.filter((f): f is PlanFile => f !== null);
    pending.slice(0, 2).forEach((file) => prefetch(file, options.year));
    for (const [i, file] of pending.entries()) {
      if (several && !options.json) out(`== ${file.fileName} ==`);
      try {
        if (client) await importOne(file, options, { db: client.db, reader, logger, out, receivedOn });
        else await previewOne(file, options, reader, out, { receivedOn, today });
      } catch (error) {
        if (!several) throw error;
        failures.push({ fileName: file.fileName, error });
        out(`- Lỗi: ${error instanceof Error ? error.message : String(error)}`);
      }
      const next = pending[i + 2];
      if (next) prefetch(next, options.year);
    }
  } finally {
    await client?.close();
  }
  if (failures.length > 0) {
    const names = failures.map((f) => f.fileName).join(", ");
    throw new ImportError(`${failures.length}/${options.files.length} tệp không nhập được`, names);
  }
}

function requestOf(file: PlanFile, options: ImportArgs, reader: PlanReader, receivedOn: IsoDate | undefined) {
  return {
    fileName: file.fileName,
    bytes: file.bytes,
    now: new Date(),
    // A hostile file costs a child process that is stopped at the time and memory limits, never a hung CLI.
    reader,
    ...(options.year ? { year: options.year } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
    ...(receivedOn ? { receivedOn } : {}),
  };
}

function explainDraft(draft: PlanDraft, out: Out): void {
  if (draft.textFormat?.encoding || draft.textFormat?.separator) out(textFormatLine(draft.textFormat));
  for (const row of draft.explanation) out(explainLine(row));
}

/** "- Bảng mã: Windows-1258; phân cách: ;" for a text or CSV file. */
function textFormatLine(format: NonNullable<PlanDraft["textFormat"]>): string {
  const separator = format.separator === "\t" ? "tab" : format.separator;
  return `- Tệp văn bản: bảng mã ${format.encoding ?? "UTF-8"}${separator ? `, phân cách "${separator}"` : ""}`;
}

async function previewOne(
  file: PlanFile,
  options: ImportArgs,
  reader: PlanReader,
  out: Out,
  { receivedOn, today }: { receivedOn: IsoDate | undefined; today: IsoDate },
): Promise<void> {
  const { draft, yearAssumed } = await readPlanDocument(requestOf(file, options, reader, receivedOn));
  // The check the import makes (importPlanFile), so a dry run refuses what the import would; a day not come
  // yet was refused when the flag was read.
  const issuedOn = draft.plan.issuedOn ?? null;
  if (receivedOn && receiptProblem(receivedOn, issuedOn, today) === "before-issued")
    throw refusalError(
      `"${file.fileName}"`,
      refusedFor("received-before-issued", formatVietnameseDate(issuedOn as IsoDate)),
    );
  if (options.explain && !options.json) explainDraft(draft, out);
  if (options.json) {
    out(JSON.stringify(draft, null, 2));
    return;
  }
  const needsDate = draft.tasks.filter((t) => t.schedule.needsReview).length;
  out(readAsLine(draft));
  if (yearAssumed) out(yearAssumedLine(draft.plan.year));
  if (draft.textFormat && !options.explain) out(textFormatLine(draft.textFormat));
  out(`- ${draft.sections.length} mục, ${draft.tasks.length} nhiệm vụ, ${needsDate} cần xem lại thời hạn`);
  if (draft.tasks.length > options.maxTasks) out(`- ${tooManyTasksReason(draft.tasks.length, options.maxTasks)}`);
  const receipt = receiptLine(draft, receivedOn);
  if (receipt) out(receipt);
  for (const warning of draft.warnings) out(`- ${warning}`);
  out("(chạy thử: chưa ghi gì vào cơ sở dữ liệu)");
}

async function importOne(
  file: PlanFile,
  options: ImportArgs,
  deps: { db: Database; reader: PlanReader; logger: Logger; out: Out; receivedOn: IsoDate | undefined },
): Promise<void> {
  const { db, out } = deps;
  const { fileName } = file;
  // The database layer is loaded only when something is stored: --dry-run starts without it.
  const [{ eq }, { organizations }, { OPERATOR }, { importPlanFile }, { formatImportSummary }] = await Promise.all([
    import("drizzle-orm"),
    import("../../db/schema.js"),
    import("../services/access.js"),
    import("../services/plans/import-plan-file.js"),
    import("./import-summary-text.js"),
  ]);
  const result = await importPlanFile(db, OPERATOR, {
    ...requestOf(file, options, deps.reader, deps.receivedOn),
    mode: "apply",
    organizationSlug: options.org as string,
    maxTasks: options.maxTasks,
  });
  if (result.kind === "too-many-tasks") throw new ImportError(tooManyTasksReason(result.tasks, result.limit), fileName);
  if (result.kind === "not-allowed" || result.kind === "stale") {
    // A refusal with a reason (a day of receipt before the document's date) says it; others name the organization.
    throw refusalError(result.reason ? `"${fileName}"` : `tổ chức "${options.org}"`, result);
  }
  if (result.kind !== "applied") throw new UsageError(`"${fileName}" is not a plan file`);
  const { summary, draft, slots } = result;
  if (options.explain && !options.json) explainDraft(draft, out);
  // The reminder rows are planned now; the worker's reconciler queues them (at start and every 5 minutes).
  deps.logger.info({ planId: summary.planId, tasks: summary.tasks, sendTimes: slots.length }, "plan imported");
  if (options.json) {
    out(JSON.stringify(summary, null, 2));
    return;
  }
  const [organization] = await db
    .select({ name: organizations.name, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, summary.organizationId));
  if (result.yearAssumed) out(yearAssumedLine(draft.plan.year));
  if (draft.textFormat) out(textFormatLine(draft.textFormat));
  const receipt = receiptLine(draft, draft.plan.receivedOn ?? undefined);
  if (receipt) out(receipt);
  out(
    formatImportSummary(summary, {
      title: draft.plan.title,
      organizationName: `${organization?.name ?? options.org} (${options.org})`,
    }),
  );
}

/** What the document was read as: a plan, or a directive with its identity ("Thông báo số 25/TB-UBND ngày …"). */
function readAsLine(draft: PlanDraft): string {
  const { plan } = draft;
  const issuer = plan.issuer ?? "chưa rõ cơ quan ban hành";
  if (plan.kind === undefined || plan.kind === "Kế hoạch") {
    return `Kế hoạch "${plan.title}" (${issuer}, năm ${plan.year})`;
  }
  const date = plan.issuedOn ? ` ngày ${plan.issuedOn.split("-").reverse().join("/")}` : "";
  return (
    `Đọc như văn bản giao việc (dùng --kind plan để đọc như kế hoạch): ${plan.kind}` +
    `${plan.number ? ` số ${plan.number}` : ""}${date} của ${issuer}: "${plan.title}"`
  );
}

/**
 * Tasks counted "kể từ ngày nhận": the day they count from, or that they wait
 * for one (and how to give it). Nothing when the document has none.
 */
function receiptLine(draft: PlanDraft, receivedOn: string | undefined): string | null {
  if (receivedOn) {
    const counted = draft.tasks.filter((task) => countsFromReceipt(task.schedule)).length;
    return counted === 0
      ? null
      : `- Ngày nhận văn bản ${formatVietnameseDate(receivedOn)}: ${counted} nhiệm vụ tính hạn từ ngày này`;
  }
  const waiting = draft.tasks.filter((task) => awaitsReceipt(task.schedule)).length;
  if (waiting === 0) return null;
  return (
    `- ${waiting} nhiệm vụ tính hạn kể từ ngày nhận văn bản, chưa có ngày nhận: ` +
    `dùng --received-on, ví dụ --received-on 05/12/2026`
  );
}

/** The one year rule said aloud: the title names no year, so the plan is this year's unless --year says otherwise. */
function yearAssumedLine(year: number): string {
  return `- Tiêu đề kế hoạch không ghi năm: đọc là năm ${year} (dùng --year để chỉ định năm khác)`;
}

/** Why a plan of `tasks` tasks is refused, and the flag that lets it through. */
function tooManyTasksReason(tasks: number, limit: number): string {
  const count = (n: number) => n.toLocaleString("vi-VN");
  return (
    `kế hoạch có ${count(tasks)} nhiệm vụ, quá giới hạn ${count(limit)} nhiệm vụ (thường là tệp bị đọc sai: ` +
    `xem lại bằng --dry-run --explain); nếu đúng là vậy, chạy lại với --max-tasks ${tasks}`
  );
}
