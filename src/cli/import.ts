import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { eq } from "drizzle-orm";
import { openMigratedDatabase } from "../../db/client.js";
import { organizations } from "../../db/schema.js";
import type { Config } from "../config.js";
import { ImportError } from "../import/import-error.js";
import { readPlanFile } from "../import/read-plan-file.js";
import type { DocumentReading } from "../import/directive/read-directive.js";
import type { ExplainedRow, PlanDraft } from "../import/plan-draft.js";
import type { Logger } from "../logger.js";
import { OPERATOR } from "../services/access.js";
import {
  importPlanFile,
  isPlanFileName,
  MAX_PLAN_TASKS,
  PLAN_FILE_EXTENSIONS,
  readPlanDocument,
} from "../services/plans/import-plan-file.js";
import { formatImportSummary } from "./import-summary-text.js";
import { refusalError } from "./refusals.js";
import { UsageError } from "./usage-error.js";

interface ImportArgs {
  file: string;
  org: string | undefined;
  year: number | undefined;
  maxTasks: number;
  dryRun: boolean;
  json: boolean;
  explain: boolean;
  /** `--kind plan|directive`: overrides what the document's own kind says. */
  kind: DocumentReading | undefined;
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
  // Prose (a plan without a table, a directive) has no table: its lines are cited alone.
  return `${row.table === 0 ? "văn bản" : `bảng ${row.table}`}, ${where}: ${what} | ${row.text}`;
}

function parseImportArgs(args: string[]): ImportArgs {
  const parsed: ImportArgs = {
    file: "",
    org: undefined,
    year: undefined,
    maxTasks: MAX_PLAN_TASKS,
    dryRun: false,
    json: false,
    explain: false,
    kind: undefined,
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
    } else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else if (parsed.file === "") parsed.file = arg;
    else throw new UsageError(`one file at a time; got "${parsed.file}" and "${arg}"`);
  }
  if (parsed.file === "") throw new UsageError("import needs a file: import <file> --org <slug>");
  if (!parsed.dryRun && !parsed.org) throw new UsageError("import needs --org <slug> (or --dry-run)");
  if (parsed.org !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(parsed.org)) {
    throw new UsageError("--org is a short name of lower-case letters, digits and dashes, e.g. gio-son");
  }
  return parsed;
}

/**
 * `import <file> --org <slug> [--year] [--kind plan|directive] [--max-tasks N] [--dry-run] [--json] [--explain]`.
 * The file is read in a child process with limits, as in the chat and on the web.
 */
export async function runImport(
  args: string[],
  config: Config,
  logger: Logger,
  out: (line: string) => void,
): Promise<void> {
  const options = parseImportArgs(args);
  let bytes: Buffer;
  try {
    bytes = await readFile(options.file);
  } catch (error) {
    throw new ImportError("không mở được tệp", basename(options.file), {}, String(error));
  }
  const fileName = basename(options.file);
  const request = {
    fileName,
    bytes,
    now: new Date(),
    // A hostile file costs a child process that is stopped at the time and memory limits, never a hung CLI.
    reader: readPlanFile,
    ...(options.year ? { year: options.year } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
  };
  if (!isPlanFileName(fileName)) {
    throw new UsageError(`"${fileName}" is not a plan file; plans are read from ${PLAN_FILE_EXTENSIONS.join(" ")}`);
  }
  if (options.dryRun) {
    const { draft, yearAssumed } = await readPlanDocument(request);
    if (options.explain && !options.json) for (const row of draft.explanation) out(explainLine(row));
    if (options.json) out(JSON.stringify(draft, null, 2));
    else {
      const needsDate = draft.tasks.filter((t) => t.schedule.needsReview).length;
      out(readAsLine(draft));
      if (yearAssumed) out(yearAssumedLine(draft.plan.year));
      out(`- ${draft.sections.length} mục, ${draft.tasks.length} nhiệm vụ, ${needsDate} cần xem lại thời hạn`);
      if (draft.tasks.length > options.maxTasks) out(`- ${tooManyTasksReason(draft.tasks.length, options.maxTasks)}`);
      for (const warning of draft.warnings) out(`- ${warning}`);
      out("(chạy thử: chưa ghi gì vào cơ sở dữ liệu)");
    }
    return;
  }
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    const result = await importPlanFile(client.db, OPERATOR, {
      ...request,
      mode: "apply",
      organizationSlug: options.org as string,
      maxTasks: options.maxTasks,
    });
    if (result.kind === "too-many-tasks")
      throw new ImportError(tooManyTasksReason(result.tasks, result.limit), fileName);
    if (result.kind === "not-allowed" || result.kind === "stale") {
      throw refusalError(`import into "${options.org}"`, result.kind);
    }
    if (result.kind !== "applied") throw new UsageError(`"${fileName}" is not a plan file`);
    const { summary, draft, slots } = result;
    if (options.explain && !options.json) for (const row of draft.explanation) out(explainLine(row));
    // The reminder rows are planned now; the worker's reconciler queues them (at start and every 5 minutes).
    logger.info({ planId: summary.planId, tasks: summary.tasks, sendTimes: slots.length }, "plan imported");
    if (options.json) out(JSON.stringify(summary, null, 2));
    else {
      const [organization] = await client.db
        .select({ name: organizations.name, slug: organizations.slug })
        .from(organizations)
        .where(eq(organizations.id, summary.organizationId));
      if (result.yearAssumed) out(yearAssumedLine(draft.plan.year));
      out(
        formatImportSummary(summary, {
          title: draft.plan.title,
          organizationName: `${organization?.name ?? options.org} (${options.org})`,
        }),
      );
    }
  } finally {
    await client.close();
  }
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
