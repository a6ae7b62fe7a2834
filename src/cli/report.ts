import { writeFile } from "node:fs/promises";
import { DateTime } from "luxon";
import { openMigratedDatabase } from "../../db/client.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { translatorFor } from "../i18n/i18n.js";
import { parseReportPeriod } from "../services/reports/cchc-report.js";
import { buildPeriodReport } from "../services/reports/period-report.js";
import { convertToPdf, PdfConversionError } from "../services/reports/pdf.js";
import { OPERATOR } from "../services/access.js";
import { organizationToday } from "../services/planning/planning-context.js";
import { pdfFailureWords, refusalError, refusalWords } from "./refusals.js";
import { sourcePlanId, sourceSlug } from "./source-option.js";
import { UsageError } from "./usage-error.js";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `report --org <slug> --period 2026-Q3|2026-H1|2026 [--format docx|pdf] [--as-of D] [--source ID|NUMBER] [--out FILE]`:
 * the CCHC results report of a period as a Word document (or its PDF) for the office to finish and sign,
 * a commune's own or, for a province or a department, the report on its communes;
 * `--source` (a plan id or a document number) reports one document's tasks.
 */
export async function runReport(args: string[], config: Config, logger: Logger, out: (line: string) => void) {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!["--org", "--period", "--format", "--out", "--as-of", "--source"].includes(arg)) {
      throw new UsageError(`không hiểu tham số "${arg}"`);
    }
    const value = args[++i];
    if (value === undefined) throw new UsageError(`${arg} cần một giá trị`);
    options[arg.slice(2)] = value;
  }
  const { org, format = "docx" } = options;
  if (!org) throw new UsageError("report cần --org <slug>");
  if (!options.period) throw new UsageError("report cần --period 2026-Q3|2026-H1|2026");
  if (format !== "docx" && format !== "pdf") throw new UsageError("--format là docx hoặc pdf");
  const asOfOption = options["as-of"];
  if (asOfOption !== undefined && !(ISO_DAY.test(asOfOption) && DateTime.fromISO(asOfOption).isValid)) {
    throw new UsageError("--as-of nhận một ngày YYYY-MM-DD");
  }
  const parsed = parseReportPeriod(options.period);
  if (parsed.kind !== "ok") throw new UsageError(refusalWords(parsed));
  const { period } = parsed;
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    const today = await organizationToday(client.db, org, new Date());
    // A past period reads as it stood at its end; the current one as of today.
    const asOf = asOfOption ?? (today < period.to ? today : period.to);
    const planId = options.source === undefined ? undefined : await sourcePlanId(client.db, org, options.source);
    const report = await buildPeriodReport(client.db, OPERATOR, org, period, asOf, {
      planId,
      translator: translatorFor("vi"),
    });
    if (report.kind !== "ok") throw refusalError(`tổ chức "${org}"`, report.kind);
    const { document } = report;
    const name = planId ? `${org}-${sourceSlug(options.source as string)}` : org;
    const path = options.out ?? `bao-cao-cchc-${name}-${period.code}.${format}`;
    await writeFile(path, format === "pdf" ? await convertToPdf(document, "docx") : document);
    out(path);
  } catch (error) {
    if (error instanceof PdfConversionError) throw new UsageError(pdfFailureWords(error));
    throw error;
  } finally {
    await client.close();
  }
}
