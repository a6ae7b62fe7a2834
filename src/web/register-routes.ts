/**
 * The register of assigned work on the web: /register lists the documents with
 * their tasks and completion, /register/workbook?source=<plan id> downloads the
 * results workbook of one document. Those who see the whole organization only.
 */
import { type Context, Hono } from "hono";
import type { Database } from "../../db/client.js";
import { translatorFor } from "../i18n/i18n.js";
import { loadRegister } from "../services/plans/register.js";
import { loadPaperReport } from "../services/reports/paper-report.js";
import { buildReportWorkbook } from "../services/reports/report-workbook.js";
import { type RegisterForm, registerFilters, registerPage } from "./pages/register-page.js";
import { attachment, isId, type PageRender, signedInRender, type SubjectRoutes, type WebEnv } from "./route-kit.js";

function formOf(c: Context<WebEnv>): RegisterForm {
  const query = (name: string) => (c.req.query(name) ?? "").trim().slice(0, 200);
  return { source: query("source"), unit: query("unit"), state: query("state"), from: query("from"), to: query("to") };
}

export function registerRoutes(deps: { db: Database }, render: PageRender = signedInRender): SubjectRoutes {
  const app = new Hono<WebEnv>();
  app.get("/register", async (c) => {
    const viewer = c.get("viewer");
    const today = c.get("today");
    const form = formOf(c);
    const all = await loadRegister(deps.db, viewer, viewer.organizationSlug, {}, today);
    if (all.kind !== "ok") return render.notFound(c);
    const shown = await loadRegister(deps.db, viewer, viewer.organizationSlug, registerFilters(form), today);
    if (shown.kind !== "ok") return render.notFound(c);
    const t = c.get("t");
    return render.page(
      c,
      200,
      t("web-nav-register"),
      registerPage(t, {
        organizationName: viewer.organizationName,
        documents: shown.documents,
        sources: all.documents.map((d) => ({ planId: d.planId, name: d.name })),
        form,
      }),
    );
  });

  app.get("/register/workbook", async (c) => {
    const viewer = c.get("viewer");
    const planId = c.req.query("source");
    // Another organization's plan id finds no rows of this one: the report is refused as not found.
    if (!isId(planId)) return render.notFound(c);
    const report = await loadPaperReport(deps.db, viewer, viewer.organizationSlug, { today: c.get("today"), planId });
    if (report.kind !== "ok" || report.planTitles.length === 0) return render.notFound(c);
    const bytes = await buildReportWorkbook(report, translatorFor(viewer.locale, { office: viewer.officeName }));
    const fileName = `bao-cao-cchc-${viewer.organizationSlug}-${planId.slice(0, 8)}-${report.asOf}.xlsx`;
    return attachment(c, bytes, fileName, "xlsx");
  });
  return { routes: app };
}
