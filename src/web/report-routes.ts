/**
 * Reports to download on the web, built by the same services and named as
 * the chat and the command line name them: the results workbook (.xlsx, or
 * PDF through LibreOffice), the CCHC report of a period (.docx or PDF) and a
 * province's report on its communes (the same, asked from /province).
 * Word and PDF files are built by a job (jobs/report-worker.ts): the request
 * records the build and the person waits on its page ("đang tạo…") for the
 * download. Coordinators and the chairman only; the services decide.
 */
import { type Context, Hono } from "hono";
import type { Database } from "../../db/client.js";
import { translatorFor } from "../i18n/i18n.js";
import type { Logger } from "../logger.js";
import { reportPeriodsAround } from "../services/reports/cchc-report.js";
import { loadPaperReport } from "../services/reports/paper-report.js";
import {
  type EnqueueReportBuild,
  findReportBuild,
  type ReportBuildRequest,
  requestReportBuild,
  runReportBuildsInProcess,
} from "../services/reports/report-builds.js";
import { buildReportWorkbook } from "../services/reports/report-workbook.js";
import { capabilitiesOf } from "../services/access.js";
import { refusalText } from "./refusals.js";
import { reportBuildPage, reportsPage } from "./pages/reports-page.js";
import { type PageRender, signedInRender, type SubjectRoutes, type WebEnv, attachment } from "./route-kit.js";

export function reportRoutes(
  deps: { db: Database; logger: Logger; now: () => Date; enqueueReportBuild?: EnqueueReportBuild | undefined },
  render: PageRender = signedInRender,
): SubjectRoutes {
  const app = new Hono<WebEnv>();
  // Without a queue (no Redis: tests, the demo) the build runs in this process after the answer.
  const enqueue = deps.enqueueReportBuild ?? runReportBuildsInProcess(deps);
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

  app.get("/reports", (c) => show(c, 200));

  /** A Word or PDF file: recorded as a build for the job, and the person waits on its page. */
  const startBuild = async (c: Context<WebEnv>, request: ReportBuildRequest) => {
    const viewer = c.get("viewer");
    const result = await requestReportBuild(deps.db, viewer, request, c.get("today"), deps.now());
    // No such report for this organization (a commune asking for the province's): as any unknown page.
    if (result.kind === "not-allowed" || (result.kind === "not-found" && !result.reason)) return render.notFound(c);
    if (result.kind !== "ok") return show(c, 400, refusalText(c.get("t"), result));
    await enqueue(result.id);
    return c.redirect(`/reports/builds/${result.id}`, 303);
  };

  app.get("/reports/workbook", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    if (c.req.query("format") === "pdf") return startBuild(c, { kind: "workbook", format: "pdf" });
    const today = c.get("today");
    // The workbook itself is quick to build (no LibreOffice): served at once.
    const report = await loadPaperReport(deps.db, viewer, viewer.organizationSlug, { today });
    if (report.kind !== "ok") return render.notFound(c);
    if (report.rows.length === 0) return show(c, 404, t("report-empty"));
    const workbook = await buildReportWorkbook(report, translatorFor(viewer.locale, { office: viewer.officeName }));
    return attachment(c, workbook, `bao-cao-cchc-${viewer.organizationSlug}-${today}.xlsx`, "xlsx");
  });

  app.get("/reports/cchc", (c) =>
    startBuild(c, {
      kind: "cchc",
      format: c.req.query("format") === "pdf" ? "pdf" : "docx",
      period: (c.req.query("period") ?? "").slice(0, 10),
    }),
  );

  /** The province's report on its communes, offered on /province; a commune is answered 404. */
  app.get("/reports/province", (c) =>
    startBuild(c, {
      kind: "province",
      format: c.req.query("format") === "pdf" ? "pdf" : "docx",
      period: (c.req.query("period") ?? "").slice(0, 10),
    }),
  );

  app.get("/reports/builds/:id", async (c) => {
    const t = c.get("t");
    const build = await findReportBuild(deps.db, c.get("viewer"), c.req.param("id"));
    if (!build) return render.notFound(c);
    const status = build.state === "failed" ? 503 : 200;
    return render.page(c, status, t("web-nav-reports"), reportBuildPage(t, build));
  });

  app.get("/reports/builds/:id/file", async (c) => {
    const build = await findReportBuild(deps.db, c.get("viewer"), c.req.param("id"));
    if (!build) return render.notFound(c);
    if (build.state !== "ready" || !build.bytes) return c.redirect(`/reports/builds/${build.id}`, 303);
    return attachment(c, build.bytes, build.fileName, build.format);
  });
  return { routes: app };
}
