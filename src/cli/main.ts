/**
 * The `nhacviec` command: parses the command name and hands over to one file
 * per subcommand. Each subcommand is imported when it runs, so `import` does
 * not pay for loading the bot, the web app and the queues (a second of start).
 */
import { readFileSync } from "node:fs";
import { ConfigError, loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { ImportError } from "../import/import-error.js";
import { SUPPORTED_EXTENSIONS as PLAN_FILE_EXTENSIONS } from "../import/read-document.js";
import { MAX_PLAN_TASKS } from "../services/plans/plan-limits.js";
import { UsageError } from "./usage-error.js";

const usage = `usage: nhacviec <command>
  deadline --year 2025 [--period 2025-07-01..2025-12-31] "<text>"   one Schedule as JSON
  deadlines --year 2025 [--period A..B] < cells                      one Schedule per line (JSON Lines)
  migrate                                                            apply migrations (DATABASE_URL, or the embedded database)
  preview <plan-id|file> [--now ISO] [--json]                        every reminder a plan will send, without sending
  start                                                              bot and reminder worker in one process (TELEGRAM_BOT_TOKEN)
  worker                                                             send reminders (TELEGRAM_BOT_TOKEN; DATABASE_URL, REDIS_URL optional)
  invite --org <slug> --role <role> [--unit <unit>] [--name "<n>"] [--org-name "<n>"] [--json]   a one-time link (7 days)
  status --org <slug> [--json] [--today YYYY-MM-DD]                  every milestone with its state and event log
  export --org <slug> --format xlsx|zip|pdf [--from D] [--to D] [--as-of D] [--out F]  results workbook, or the evidence bundle
  report --org <slug> --period 2026-Q3|2026-H1|2026 [--format docx|pdf] [--as-of D] [--out F]  the CCHC results report
  parse-dates --ref <ISO datetime> < lines                           typed dates ("15/3", "thứ 6 tuần sau") as JSON Lines
  import <file>... --org <slug> [--year Y] [--kind plan|directive] [--dry-run] [--json]  read plans or directives (${PLAN_FILE_EXTENSIONS.join(" ")}) and store them
         [--max-tasks N]                                             accept a plan of more than ${MAX_PLAN_TASKS} tasks
  units --org <slug> [--json]                                        units with their aliases and task counts
  units merge --org <slug> "<from>" "<into>"                         join two units (the first becomes an alias)
  units alias --org <slug> "<unit>" "<alias>"                        add another spelling of a unit ("VP-TK")
  par import <file> --province <slug> --year Y [--dry-run] [--json] [--explain]   a PAR INDEX criteria set
  par --org <slug> --year Y [--format xlsx|zip|pdf] [--as-of D] [--out F]   the self-assessment (start|suggest|link|score|chase: see docs/par-index.md)
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
      return (await import("./deadline.js")).runDeadline(args, out);
    case "deadlines":
      return (await import("./deadline.js")).runDeadlines(args, readFileSync(0, "utf8"), out);
    case "import": {
      const config = loadConfig(process.env);
      const { runImport } = await import("./import.js");
      return runImport(args, config, createLogger(config.logLevel), out);
    }
    case "units": {
      const config = loadConfig(process.env);
      const { runUnits } = await import("./units.js");
      return runUnits(args, config, createLogger(config.logLevel), out);
    }
    case "calendar": {
      const config = loadConfig(process.env);
      const { runCalendar } = await import("./calendar.js");
      return runCalendar(args, config, createLogger(config.logLevel), out);
    }
    case "preview": {
      const config = loadConfig(process.env);
      const { runPreview } = await import("./preview.js");
      return runPreview(args, config, createLogger(config.logLevel), out);
    }
    case "parse-dates":
      return (await import("./parse-dates.js")).runParseDates(args, () => readFileSync(0, "utf8"), out);
    case "invite": {
      const config = loadConfig(process.env);
      const { runInvite } = await import("./invite.js");
      return runInvite(args, config, createLogger(config.logLevel), out);
    }
    case "export": {
      const config = loadConfig(process.env);
      const { runExport } = await import("./export.js");
      return runExport(args, config, createLogger(config.logLevel), out);
    }
    case "report": {
      const config = loadConfig(process.env);
      const { runReport } = await import("./report.js");
      return runReport(args, config, createLogger(config.logLevel), out);
    }
    case "par": {
      const config = loadConfig(process.env);
      const { runPar } = await import("./par.js");
      return runPar(args, config, createLogger(config.logLevel), out);
    }
    case "status": {
      const config = loadConfig(process.env);
      const { runStatus } = await import("./status.js");
      return runStatus(args, config, createLogger(config.logLevel), out);
    }
    case "start": {
      const config = loadConfig(process.env);
      const { runStart } = await import("./start.js");
      return runStart(config, createLogger(config.logLevel));
    }
    case "worker": {
      const config = loadConfig(process.env);
      const { runWorker } = await import("./worker.js");
      return runWorker(config, createLogger(config.logLevel));
    }
    case "migrate": {
      const config = loadConfig(process.env);
      const { runMigrate } = await import("./migrate.js");
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
