import { writeFile } from "node:fs/promises";
import { DateTime } from "luxon";
import { openMigratedDatabase } from "../../db/client.js";
import { translatorFor } from "../i18n/i18n.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { loadReportRows, ReportError } from "../services/reports/report-rows.js";
import { buildEvidenceZip, buildReportWorkbook } from "../services/reports/report-workbook.js";
import { UsageError } from "./usage-error.js";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `export --org <slug> --format xlsx|zip [--from D] [--to D] [--out FILE]`:
 * the results report, or the evidence bundle with the report as its index.
 */
export async function runExport(args: string[], config: Config, logger: Logger, out: (line: string) => void) {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!["--org", "--format", "--from", "--to", "--out", "--today"].includes(arg)) {
      throw new UsageError(`unknown argument "${arg}"`);
    }
    const value = args[++i];
    if (value === undefined) throw new UsageError(`${arg} needs a value`);
    options[arg.slice(2)] = value;
  }
  const { org, format = "xlsx", from, to } = options;
  if (!org) throw new UsageError("export needs --org <slug>");
  if (format !== "xlsx" && format !== "zip") throw new UsageError("--format is xlsx or zip");
  for (const [name, value] of [
    ["--from", from],
    ["--to", to],
    ["--today", options.today],
  ] as const) {
    if (value !== undefined && !(ISO_DAY.test(value) && DateTime.fromISO(value).isValid)) {
      throw new UsageError(`${name} takes a day as YYYY-MM-DD`);
    }
  }
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    // Without --today the report is as of the organization's local day.
    const { rows, today } = await loadReportRows(client.db, org, {
      ...(options.today ? { today: options.today } : { now: new Date() }),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    const workbookName = `bao-cao-cchc-${org}-${today}.xlsx`;
    const workbook = await buildReportWorkbook(rows, translatorFor("vi"));
    const path = options.out ?? (format === "xlsx" ? workbookName : `minh-chung-cchc-${org}-${today}.zip`);
    await writeFile(path, format === "xlsx" ? workbook : await buildEvidenceZip(rows, workbook, workbookName));
    out(path);
  } catch (error) {
    if (error instanceof ReportError) throw new UsageError(error.message);
    throw error;
  } finally {
    await client.close();
  }
}
