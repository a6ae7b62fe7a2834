/** The `nhacviec` command: parses the command name and hands over to one file per subcommand. */
import { readFileSync } from "node:fs";
import { ConfigError, loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { runCalendar } from "./calendar.js";
import { runDeadline, runDeadlines } from "./deadline.js";
import { ImportError } from "../import/import-error.js";
import { runImport } from "./import.js";
import { runMigrate } from "./migrate.js";
import { runPreview } from "./preview.js";
import { runUnits } from "./units.js";
import { runExport } from "./export.js";
import { runReport } from "./report.js";
import { runInvite } from "./invite.js";
import { runParseDates } from "./parse-dates.js";
import { runStart } from "./start.js";
import { runStatus } from "./status.js";
import { runWorker } from "./worker.js";
import { UsageError } from "./usage-error.js";
import { MAX_PLAN_TASKS, PLAN_FILE_EXTENSIONS } from "../services/plans/import-plan-file.js";

const usage = `usage: nhacviec <command>
  deadline --year 2025 [--period 2025-07-01..2025-12-31] "<text>"   one Schedule as JSON
  deadlines --year 2025 [--period A..B] < cells                      one Schedule per line (JSON Lines)
  migrate                                                            apply migrations (DATABASE_URL, or the embedded database)
  preview <plan-id|file> [--now ISO] [--json]                        every reminder a plan will send, without sending
  start                                                              bot and reminder worker in one process (TELEGRAM_BOT_TOKEN)
  worker                                                             send reminders (TELEGRAM_BOT_TOKEN; DATABASE_URL, REDIS_URL optional)
  invite --org <slug> --role <role> [--unit <unit>] [--name "<n>"] [--org-name "<n>"] [--json]   a one-time link (7 days)
  status --org <slug> [--json] [--today YYYY-MM-DD]                  every milestone with its state and event log
  export --org <slug> --format xlsx|zip|pdf [--from D] [--to D] [--as-of D] [--source ID|NUMBER] [--out F]  results workbook (of one document with --source), or the evidence bundle
  report --org <slug> --period 2026-Q3|2026-H1|2026 [--format docx|pdf] [--as-of D] [--source ID|NUMBER] [--out F]  the CCHC results report (of one document with --source)
  parse-dates --ref <ISO datetime> < lines                           typed dates ("15/3", "thứ 6 tuần sau") as JSON Lines
  import <file> --org <slug> [--year Y] [--kind plan|directive] [--dry-run] [--json]  read a plan or a directive (${PLAN_FILE_EXTENSIONS.join(" ")}) and store it
         [--max-tasks N]                                             accept a plan of more than ${MAX_PLAN_TASKS} tasks
  units --org <slug> [--json]                                        units with their aliases and task counts
  units merge --org <slug> "<from>" "<into>"                         join two units (the first becomes an alias)
  units alias --org <slug> "<unit>" "<alias>"                        add another spelling of a unit ("VP-TK")
  calendar show <year> [--org <slug>] [--json]                       days off and make-up days, published or by rule
  calendar add-day-off <date> --name "<n>" [--org <slug>]            a day off for the deployment (or one organization)
  calendar add-working-day <date> --name "<n>" [--org <slug>]        a working day (a make-up Saturday) likewise
`;

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function run(command: string | undefined, args: string[]): Promise<void> {
  switch (command) {
    case "deadline":
      return runDeadline(args, out);
    case "deadlines":
      return runDeadlines(args, readFileSync(0, "utf8"), out);
    case "import": {
      const config = loadConfig(process.env);
      return runImport(args, config, createLogger(config.logLevel), out);
    }
    case "units": {
      const config = loadConfig(process.env);
      return runUnits(args, config, createLogger(config.logLevel), out);
    }
    case "calendar": {
      const config = loadConfig(process.env);
      return runCalendar(args, config, createLogger(config.logLevel), out);
    }
    case "preview": {
      const config = loadConfig(process.env);
      return runPreview(args, config, createLogger(config.logLevel), out);
    }
    case "parse-dates":
      return runParseDates(args, () => readFileSync(0, "utf8"), out);
    case "invite": {
      const config = loadConfig(process.env);
      return runInvite(args, config, createLogger(config.logLevel), out);
    }
    case "export": {
      const config = loadConfig(process.env);
      return runExport(args, config, createLogger(config.logLevel), out);
    }
    case "report": {
      const config = loadConfig(process.env);
      return runReport(args, config, createLogger(config.logLevel), out);
    }
    case "status": {
      const config = loadConfig(process.env);
      return runStatus(args, config, createLogger(config.logLevel), out);
    }
    case "start": {
      const config = loadConfig(process.env);
      return runStart(config, createLogger(config.logLevel));
    }
    case "worker": {
      const config = loadConfig(process.env);
      return runWorker(config, createLogger(config.logLevel));
    }
    case "migrate": {
      const config = loadConfig(process.env);
      return runMigrate(config, createLogger(config.logLevel));
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  }
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const [command, ...args] = process.argv.slice(2);
try {
  await run(command, args);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`nhacviec: ${message}\n`);
  if (error instanceof UsageError) process.stderr.write(usage);
  process.exitCode = error instanceof UsageError || error instanceof ConfigError ? 2 : 1;
  if (error instanceof ImportError && error.detail) process.stderr.write(`  (${error.detail})\n`);
}
