/**
 * Reports to download on the web, built by the same services and named as
 * the chat and the command line name them: the results workbook (.xlsx, or
 * PDF through LibreOffice) and the CCHC report of a period (.docx or PDF).
 * Coordinators and the chairman only; the services decide.
 */
import { type Context, Hono } from "hono";
import type { Database } from "../../db/client.js";
import { translatorFor } from "../i18n/i18n.js";
import type { Logger } from "../logger.js";
import {
  buildCchcReport,
  loadCchcReportInput,
  parseReportPeriod,
  reportPeriodsAround,
} from "../services/reports/cchc-report.js";
import { loadPaperReport } from "../services/reports/paper-report.js";
import { capabilitiesOf } from "../services/access.js";
import { refusalText } from "./refusals.js";
import { convertToPdf, PdfConversionError } from "../services/reports/pdf.js";
import { buildReportWorkbook } from "../services/reports/report-workbook.js";
import { reportsPage } from "./pages/reports-page.js";
import { type PageRender, signedInRender, type SubjectRoutes, type WebEnv, attachment } from "./route-kit.js";

export function reportRoutes(
  deps: { db: Database; logger: Logger },
  render: PageRender = signedInRender,
): SubjectRoutes {
  const app = new Hono<WebEnv>();
  const show = (c: Context<WebEnv>, status: number, error?: string) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    if (!capabilitiesOf(viewer).readOrganization) return render.notFound(c);
    return render.page(
      c,
      status,
      t("web-nav-reports"),
      reportsPage(t, {
        organizationName: viewer.organizationName,
        today: c.get("today"),
        periods: reportPeriodsAround(c.get("today")),
        error,
      }),
    );
  };
  const failed = (c: Context<WebEnv>, error: unknown) => {
    if (!(error instanceof PdfConversionError)) throw error;
    deps.logger.warn({ err: error, reason: error.reason }, "report PDF could not be made");
    const t = c.get("t");
    return show(c, 503, t("web-reports-failed", { error: t(`pdf-failed-${error.reason}`) }));
  };

  app.get("/reports", (c) => show(c, 200));

  app.get("/reports/workbook", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const format = c.req.query("format") === "pdf" ? "pdf" : "xlsx";
    const today = c.get("today");
    const report = await loadPaperReport(deps.db, viewer, viewer.organizationSlug, { today });
    if (report.kind !== "ok") return render.notFound(c);
    if (report.rows.length === 0) return show(c, 404, t("report-empty"));
    const workbook = await buildReportWorkbook(report, translatorFor(viewer.locale, { office: viewer.officeName }));
    const name = `bao-cao-cchc-${viewer.organizationSlug}-${today}`;
    if (format === "xlsx") return attachment(c, workbook, `${name}.xlsx`, "xlsx");
    try {
      return attachment(c, await convertToPdf(workbook, "xlsx"), `${name}.pdf`, "pdf");
    } catch (error) {
      return failed(c, error);
    }
  });

  app.get("/reports/cchc", async (c) => {
    const viewer = c.get("viewer");
    const format = c.req.query("format") === "pdf" ? "pdf" : "docx";
    const parsed = parseReportPeriod((c.req.query("period") ?? "").slice(0, 10));
    if (parsed.kind !== "ok") return show(c, 400, refusalText(c.get("t"), parsed));
    const { period } = parsed;
    const today = c.get("today");
    // A past period reads as it stood at its end; the current one as of today (as in the chat).
    const asOf = today < period.to ? today : period.to;
    const input = await loadCchcReportInput(deps.db, viewer, viewer.organizationSlug, period, asOf);
    if (input.kind !== "ok") return render.notFound(c);
    const document = await buildCchcReport(input);
    const name = `bao-cao-cchc-${viewer.organizationSlug}-${period.code}`;
    if (format === "docx") return attachment(c, document, `${name}.docx`, "docx");
    try {
      return attachment(c, await convertToPdf(document, "docx"), `${name}.pdf`, "pdf");
    } catch (error) {
      return failed(c, error);
    }
  });
  return { routes: app };
}
