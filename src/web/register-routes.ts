/**
 * The register of assigned work on the web: /register lists the documents with
 * their tasks and completion, /register/workbook?source=<plan id> downloads the
 * results workbook of one document, and a coordinator sets or corrects a
 * document's day of receipt there. Those who see the whole organization only.
 */
import { type Context, Hono } from "hono";
import type { Database } from "../../db/client.js";
import { translatorFor } from "../i18n/i18n.js";
import { loadRegister } from "../services/plans/register.js";
import { loadPaperReport } from "../services/reports/paper-report.js";
import { buildReportWorkbook } from "../services/reports/report-workbook.js";
import { type RegisterForm, registerFilters, registerPage, type RegisterPageOptions } from "./pages/register-page.js";
import {
  attachment,
  field,
  isId,
  type PageRender,
  signedInRender,
  type SubjectRoutes,
  type WebEnv,
} from "./route-kit.js";
import { readReceiptField } from "./typed-receipt.js";
import { capabilitiesOf } from "../services/access.js";
import { setReceivedOn } from "../services/plans/received-on.js";
import type { SendSlot } from "../services/reminders/sync-reminders.js";
import { refusalStatus, refusalText } from "./refusals.js";

function formOf(c: Context<WebEnv>): RegisterForm {
  const query = (name: string) => (c.req.query(name) ?? "").trim().slice(0, 200);
  return { source: query("source"), unit: query("unit"), state: query("state"), from: query("from"), to: query("to") };
}

type Flash = RegisterPageOptions["flash"];

/** The register as filtered by the query (or `form`), with what was just done or refused on top. */
async function showRegister(
  deps: { db: Database },
  render: PageRender,
  c: Context<WebEnv>,
  status: number,
  extra: { form?: RegisterForm; flash?: Flash; receiptText?: RegisterPageOptions["receiptText"] } = {},
): Promise<Response> {
  const viewer = c.get("viewer");
  const today = c.get("today");
  const form = extra.form ?? formOf(c);
  const all = await loadRegister(deps.db, viewer, viewer.organizationSlug, {}, today);
  if (all.kind !== "ok") return render.notFound(c);
  const shown = await loadRegister(deps.db, viewer, viewer.organizationSlug, registerFilters(form), today);
  if (shown.kind !== "ok") return render.notFound(c);
  const t = c.get("t");
  const body = registerPage(
    t,
    {
      organizationName: viewer.organizationName,
      documents: shown.documents,
      sources: all.documents.map((d) => ({ planId: d.planId, name: d.name })),
      form,
    },
    {
      csrfToken: c.get("csrfToken"),
      coordinate: capabilitiesOf(viewer).coordinate,
      today,
      flash: extra.flash,
      receiptText: extra.receiptText,
    },
  );
  return render.page(c, status, t("web-nav-register"), body);
}

export function registerRoutes(
  deps: { db: Database; now: () => Date; scheduleSlots?: (slots: SendSlot[]) => Promise<void> },
  render: PageRender = signedInRender,
): SubjectRoutes {
  const app = new Hono<WebEnv>();
  app.get("/register", (c) => {
    const saved = c.req.query("saved") === "receipt";
    return showRegister(
      deps,
      render,
      c,
      200,
      saved ? { flash: { kind: "ok", text: c.get("t")("web-receipt-saved") } } : {},
    );
  });

  // A document's day of receipt, set or corrected: its tasks counted from it get their dates and reminders.
  app.post("/register/:id/received-on", async (c) => {
    const t = c.get("t");
    const planId = c.req.param("id");
    if (!isId(planId)) return render.notFound(c);
    const body = await c.req.parseBody();
    const text = field(body, "receivedOn", 100);
    const back = { form: { source: planId, unit: "", state: "", from: "", to: "" } };
    const read = readReceiptField(t, text, c.get("today"));
    if ("error" in read) {
      const flash = { kind: "error" as const, text: read.error };
      return showRegister(deps, render, c, 422, { ...back, flash, receiptText: { planId, text } });
    }
    const set = await setReceivedOn(deps.db, c.get("viewer"), { planId, receivedOn: read.day, now: deps.now() });
    if (set.kind === "not-found") return render.notFound(c);
    if (set.kind !== "received") {
      const flash = { kind: "error" as const, text: refusalText(t, set) };
      return showRegister(deps, render, c, refusalStatus(set), { ...back, flash, receiptText: { planId, text } });
    }
    if (set.slots.length > 0) await deps.scheduleSlots?.(set.slots);
    return c.redirect(`/register?source=${planId}&saved=receipt#doc-${planId}`, 303);
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
