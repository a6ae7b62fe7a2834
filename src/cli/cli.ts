/**
 * The `nhacviec` command as a function: parses the command name and hands over
 * to one file per subcommand. The arguments, the environment and the streams
 * are given, so tests run a command in process; `main.ts` gives the process's.
 * Each subcommand is imported when it runs, so `import` does not pay for
 * loading the bot, the web app and the queues (a second of start).
 */
import { ConfigError, loadConfig } from "../config.js";
import { ImportError } from "../import/import-error.js";
import { SUPPORTED_EXTENSIONS as PLAN_FILE_EXTENSIONS } from "../import/read-document.js";
import { createLogger } from "../logger.js";
import { MAX_PLAN_TASKS } from "../services/plans/plan-limits.js";
import { UsageError } from "./usage-error.js";

export const USAGE = `usage: nhacviec <command>
  deadline [--year 2025] [--period 2025-07-01..2025-12-31] "<text>" one Schedule as JSON (the year from the text when --year is absent)
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
  import <file>... --org <slug> [--year Y] [--kind plan|directive] [--dry-run] [--json] [--explain]  read plans or directives (${PLAN_FILE_EXTENSIONS.join(" ")}) and store them
         [--max-tasks N]                                             accept a plan of more than ${MAX_PLAN_TASKS} tasks
         [--received-on D]                                           the day the document arrived ("05/12/2026"): deadlines counted "kể từ ngày nhận"
  org add <slug> --name "<n>" [--kind commune|province|department] [--parent <slug>] [--json]   an organization (under a province)
  org import <file.csv|xlsx> --parent <slug> [--out links.csv] [--json]   a province's communes with their coordinators' invite links (and groups: a "Nhóm" column)
  org group <province> ["<group>" [--add <slug>…] [--remove <slug>…]] [--json]   the province's groups of communes, or add to / take out of one
  fanout --org <province> [--plan ID|NUMBER] [--task ID] [--dry-run] [--json]   give the province's tasks led by the communes to each commune
  units --org <slug> [--json]                                        units with their aliases and task counts
  units merge --org <slug> "<from>" "<into>"                         join two units (the first becomes an alias)
  units alias --org <slug> "<unit>" "<alias>"                        add another spelling of a unit ("VP-TK")
  par import <file> --province <slug> --year Y [--dry-run] [--json] [--explain]   a PAR INDEX criteria set
  par --org <slug> --year Y [--format xlsx|zip|pdf] [--as-of D] [--out F]   the self-assessment (start|suggest|link|score|chase: see docs/par-index.md)
  calendar show <year> [--org <slug>] [--json]                       days off and make-up days, published or by rule
  calendar add-day-off <date> --name "<n>" [--org <slug>]            a day off for the deployment (or one organization)
  calendar add-working-day <date> --name "<n>" [--org <slug>]        a working day (a make-up Saturday) likewise
  email bounce < message                                             a mail server's bounce: its refused addresses stop getting mail
  help, --help, -h                                                   this text
`;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  /** Standard input, read whole when a command needs it. */
  stdin: () => string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

type Command = (args: string[], io: CliIo, out: (line: string) => void) => Promise<void> | void;

type ConfiguredRun = (
  args: string[],
  config: ReturnType<typeof loadConfig>,
  logger: ReturnType<typeof createLogger>,
  out: (line: string) => void,
) => Promise<void>;

/** The commands that need the configuration get it parsed from the environment they were given. */
const configured =
  (load: () => Promise<ConfiguredRun>): Command =>
  async (args, io, out) => {
    const config = loadConfig(io.env);
    return (await load())(args, config, createLogger(config.logLevel), out);
  };

const COMMANDS: Record<string, Command> = {
  deadline: async (args, _io, out) => (await import("./deadline.js")).runDeadline(args, out),
  deadlines: async (args, io, out) => (await import("./deadline.js")).runDeadlines(args, io.stdin(), out),
  "parse-dates": async (args, io, out) => (await import("./parse-dates.js")).runParseDates(args, io.stdin, out),
  import: configured(async () => (await import("./import.js")).runImport),
  units: configured(async () => (await import("./units.js")).runUnits),
  org: configured(async () => (await import("./org.js")).runOrg),
  fanout: configured(async () => (await import("./fanout.js")).runFanOut),
  calendar: configured(async () => (await import("./calendar.js")).runCalendar),
  preview: configured(async () => (await import("./preview.js")).runPreview),
  invite: configured(async () => (await import("./invite.js")).runInvite),
  export: configured(async () => (await import("./export.js")).runExport),
  report: configured(async () => (await import("./report.js")).runReport),
  par: configured(async () => (await import("./par.js")).runPar),
  status: configured(async () => (await import("./status.js")).runStatus),
  email: async (args, io, out) => {
    const config = loadConfig(io.env);
    return (await import("./email.js")).runEmail(args, io.stdin, config, createLogger(config.logLevel), out);
  },
  start: configured(async () => {
    const { runStart } = await import("./start.js");
    return (_args, config, logger) => runStart(config, logger);
  }),
  worker: configured(async () => {
    const { runWorker } = await import("./worker.js");
    return (_args, config, logger) => runWorker(config, logger);
  }),
  migrate: configured(async () => {
    const { runMigrate } = await import("./migrate.js");
    return (_args, config, logger) => runMigrate(config, logger);
  }),
};

const HELP = new Set(["help", "--help", "-h"]);

/** Runs one command line; the exit code (0 done, 1 failed or refused, 2 a command line it cannot run). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  const out = (line: string) => io.stdout(`${line}\n`);
  try {
    if (command !== undefined && HELP.has(command)) {
      io.stdout(USAGE);
      return 0;
    }
    const run = command === undefined ? undefined : COMMANDS[command];
    if (!run) throw new UsageError(command ? `không có lệnh "${command}"` : "chưa có lệnh");
    await run(args, io, out);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`nhacviec: ${message}\n`);
    if (error instanceof UsageError) io.stderr(USAGE);
    if (error instanceof ImportError && error.detail) io.stderr(`  (${error.detail})\n`);
    return error instanceof UsageError || error instanceof ConfigError ? 2 : 1;
  }
}
