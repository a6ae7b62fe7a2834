import { writeFile } from "node:fs/promises";
import { DateTime } from "luxon";
import { openMigratedDatabase } from "../../db/client.js";
import { translatorFor } from "../i18n/i18n.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { OPERATOR } from "../services/access.js";
import { loadPaperReport } from "../services/reports/paper-report.js";
import { sourcePlanId, sourceSlug } from "./source-option.js";
import { convertToPdf, PdfConversionError } from "../services/reports/pdf.js";
import { buildEvidenceZip, buildReportWorkbook } from "../services/reports/report-workbook.js";
import { pdfFailureWords, refusalError } from "./refusals.js";
import { UsageError } from "./usage-error.js";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `export --org <slug> --format xlsx|zip|pdf [--from D] [--to D] [--as-of D] [--source ID|NUMBER] [--out FILE]`:
 * the results report (for paper, or printed to PDF), or the evidence bundle
 * with the report as its index. `--as-of` (alias `--today`) judges lateness
 * on that day, so a past year's plan reads as it stood then. `--source`
 * (a plan id or a document number, "25/TB-UBND") keeps one document's tasks.
 */
export async function runExport(args: string[], config: Config, logger: Logger, out: (line: string) => void) {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!["--org", "--format", "--from", "--to", "--out", "--today", "--as-of", "--source"].includes(arg)) {
      throw new UsageError(`không hiểu tham số "${arg}"`);
    }
    const value = args[++i];
    if (value === undefined) throw new UsageError(`${arg} cần một giá trị`);
    options[arg === "--as-of" ? "today" : arg.slice(2)] = value;
  }
  const { org, format = "xlsx", from, to } = options;
  if (!org) throw new UsageError("export cần --org <slug>");
  if (format !== "xlsx" && format !== "zip" && format !== "pdf") throw new UsageError("--format là xlsx, zip hoặc pdf");
  for (const [name, value] of [
    ["--from", from],
    ["--to", to],
    ["--as-of", options.today],
  ] as const) {
    if (value !== undefined && !(ISO_DAY.test(value) && DateTime.fromISO(value).isValid)) {
      throw new UsageError(`${name} nhận một ngày YYYY-MM-DD`);
    }
  }
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    const planId = options.source === undefined ? undefined : await sourcePlanId(client.db, org, options.source);
    // Without --as-of the report is as of the organization's local day.
    const report = await loadPaperReport(client.db, OPERATOR, org, {
      ...(planId ? { planId } : {}),
      ...(options.today ? { today: options.today } : { now: new Date() }),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    if (report.kind !== "ok") throw refusalError(`tổ chức "${org}"`, report.kind);
    const today = report.asOf;
    const name = planId ? `${org}-${sourceSlug(options.source as string)}` : org;
    const workbookName = `bao-cao-cchc-${name}-${today}.xlsx`;
    const workbook = await buildReportWorkbook(report, translatorFor("vi"));
    const defaultName = {
      xlsx: workbookName,
      pdf: `bao-cao-cchc-${name}-${today}.pdf`,
      zip: `minh-chung-cchc-${name}-${today}.zip`,
    };
    const path = options.out ?? defaultName[format];
    const bytes =
      format === "xlsx"
        ? workbook
        : format === "pdf"
          ? await convertToPdf(workbook, "xlsx")
          : await buildEvidenceZip(report.rows, workbook, workbookName);
    await writeFile(path, bytes);
    out(path);
  } catch (error) {
    if (error instanceof PdfConversionError) throw new UsageError(pdfFailureWords(error));
    throw error;
  } finally {
    await client.close();
  }
}
