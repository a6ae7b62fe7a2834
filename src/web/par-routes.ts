/**
 * The PAR INDEX on the web, for the office's coordinators (the chairman may
 * look and download): the province's set uploaded, the year started with its
 * deadline, suggestions confirmed, self-scores, files, references and
 * explanations entered, what is missing chased, the workbook and the bundle
 * downloaded.
 * The services decide who may do what; a refusal is a 404 here.
 */
import { type Context, Hono } from "hono";
import type { Database } from "../../db/client.js";
import { displayFileName } from "../domain/files/safe-file-name.js";
import { flattenCriteria } from "../domain/par/index.js";
import { translatorFor } from "../i18n/i18n.js";
import { ImportError } from "../import/import-error.js";
import type { Logger } from "../logger.js";
import {
  createFileEvidenceStore,
  type EvidenceStore,
  MAX_EVIDENCE_BYTES,
} from "../services/evidence/evidence-store.js";
import { importCriteriaSet } from "../services/par/criteria-sets.js";
import { syncParChase } from "../services/par/par-chase.js";
import { loadParView } from "../services/par/par-view.js";
import { buildParBundle, buildParWorkbook } from "../services/par/par-workbook.js";
import {
  addParEvidence,
  decideParLink,
  pendingLinkSuggestions,
  setParExplanation,
  setParSelfScore,
  startParAssessment,
} from "../services/par/par-work.js";
import type { SendSlot } from "../services/reminders/sync-reminders.js";
import { convertToPdf, PdfConversionError } from "../services/reports/pdf.js";
import { EVIDENCE_REQUEST_LIMIT_BYTES } from "./milestone-work-routes.js";
import { parPage } from "./pages/par-page.js";
import {
  attachment,
  field,
  isId,
  type PageRender,
  signedInRender,
  type SubjectRoutes,
  type WebEnv,
} from "./route-kit.js";

/** A reference is text: the store it would use for a file is never reached. */
const REFERENCES_ONLY: EvidenceStore = {
  put: () => Promise.reject(new Error("a document reference keeps no file")),
};

export interface ParRouteDeps {
  db: Database;
  now: () => Date;
  logger: Logger;
  scheduleSlots?: ((slots: SendSlot[]) => Promise<void>) | undefined;
  /** Where milestone evidence is kept: a criterion's own files go to the same store. */
  evidenceDir?: string | undefined;
}

/** The year a form or query names, else the office's current year. */
function yearOf(c: Context<WebEnv>, value: unknown): number {
  const text = typeof value === "string" ? value : "";
  return /^\d{4}$/.test(text) ? Number(text) : Number(c.get("today").slice(0, 4));
}

/** The self-assessment page of a year, with what was just done (or refused) on top. */
function parShower(deps: ParRouteDeps, render: PageRender) {
  return async (c: Context<WebEnv>, year: number, status = 200, message: { notice?: string; error?: string } = {}) => {
    const viewer = c.get("viewer");
    const t = c.get("t");
    let view = await loadParView(deps.db, viewer, viewer.organizationSlug, year, { today: c.get("today") });
    if (view.kind === "no-assessment") {
      view = await loadParView(deps.db, viewer, viewer.organizationSlug, year - 1, { today: c.get("today") });
    }
    if (view.kind === "not-found" || view.kind === "not-allowed") return render.notFound(c);
    const shown = view.kind === "ok" ? view : null;
    const pending = shown
      ? await pendingLinkSuggestions(deps.db, viewer, viewer.organizationSlug, shown.year, deps.now())
      : null;
    return render.page(
      c,
      status,
      t("web-par-title"),
      parPage(t, {
        csrfToken: c.get("csrfToken"),
        year: shown?.year ?? year,
        view: shown,
        suggestions: pending?.kind === "ok" ? pending.suggestions : [],
        uploads: deps.evidenceDir !== undefined,
        ...message,
      }),
    );
  };
}

/** The workbook or the evidence bundle of the year, as a download. */
function parDownloader(deps: ParRouteDeps, render: PageRender, show: ReturnType<typeof parShower>) {
  return async (c: Context<WebEnv>, kind: "workbook" | "bundle") => {
    const viewer = c.get("viewer");
    const year = yearOf(c, c.req.query("year"));
    const view = await loadParView(deps.db, viewer, viewer.organizationSlug, year, { today: c.get("today") });
    if (view.kind !== "ok") return render.notFound(c);
    const translator = translatorFor(viewer.locale);
    const name = `tu-danh-gia-chi-so-cchc-${viewer.organizationSlug}-${year}`;
    const workbook = await buildParWorkbook(view, translator);
    if (kind === "bundle") {
      const bundle = await buildParBundle(view, workbook, `${name}.xlsx`, translator);
      return attachment(c, bundle, `minh-chung-chi-so-cchc-${viewer.organizationSlug}-${year}.zip`, "zip");
    }
    if (c.req.query("format") !== "pdf") return attachment(c, workbook, `${name}.xlsx`, "xlsx");
    try {
      return attachment(c, await convertToPdf(workbook, "xlsx"), `${name}.pdf`, "pdf");
    } catch (error) {
      if (!(error instanceof PdfConversionError)) throw error;
      deps.logger.warn({ err: error }, "self-assessment PDF could not be made");
      return show(c, year, 503, { error: c.get("t")(`pdf-failed-${error.reason}`) });
    }
  };
}

/**
 * Files for a criterion itself, uploaded from its row: each held to the
 * milestone evidence's limit and kept by the same evidence store.
 */
/** A province's criteria set uploaded as a file: read by the importer's readers, stored as a new version. */
function criteriaSetUpload(deps: ParRouteDeps, render: PageRender, show: ReturnType<typeof parShower>) {
  return async (c: Context<WebEnv>) => {
    const form = await c.req.parseBody();
    const t = c.get("t");
    const file = form.file;
    const province = field(form, "province", 60);
    const year = yearOf(c, form.year);
    if (!(file instanceof File) || file.size === 0 || !/^[a-z0-9-]+$/.test(province)) {
      return show(c, year, 400, { error: t("web-par-import-failed", { error: t("web-import-no-file") }) });
    }
    try {
      const result = await importCriteriaSet(deps.db, c.get("viewer"), {
        fileName: file.name,
        bytes: Buffer.from(await file.arrayBuffer()),
        province,
        year,
      });
      if (result.kind !== "stored") return render.notFound(c);
      const count = flattenCriteria(result.draft.criteria).length;
      return show(c, year, 200, {
        notice: t("web-par-imported", { title: result.draft.set.title, count, version: result.version }),
      });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      return show(c, year, 400, { error: t("web-par-import-failed", { error: error.message }) });
    }
  };
}

function criterionFileUpload(deps: ParRouteDeps, render: PageRender, show: ReturnType<typeof parShower>) {
  return async (c: Context<WebEnv>) => {
    const t = c.get("t");
    const form = await c.req.parseBody({ all: true });
    const year = yearOf(c, form.year);
    const code = field(form, "code", 20);
    const files = [form.files ?? []].flat().filter((f): f is File => f instanceof File && f.size > 0);
    if (files.length === 0) return show(c, year, 422, { error: t("web-work-no-file") });
    // Held to the same limit as a milestone's evidence, in the chat and on the web.
    const tooLarge = files.find((f) => f.size > MAX_EVIDENCE_BYTES);
    if (tooLarge)
      return show(c, year, 413, { error: t("web-work-too-large", { file: displayFileName(tooLarge.name) }) });
    if (!deps.evidenceDir) return show(c, year, 503, { error: t("web-work-no-store") });
    const store = createFileEvidenceStore(deps.evidenceDir);
    const saved: string[] = [];
    for (const file of files) {
      const fileName = displayFileName(file.name);
      const result = await addParEvidence(deps.db, c.get("viewer"), store, c.get("viewer").organizationSlug, {
        year,
        criterionCode: code,
        evidence: { file: { fileName, bytes: Buffer.from(await file.arrayBuffer()) } },
        now: deps.now(),
      });
      if (result.kind !== "ok") return render.notFound(c);
      saved.push(fileName);
    }
    return show(c, year, 200, {
      notice: t("web-par-files-saved", { code, files: saved.join(", "), count: saved.length }),
    });
  };
}

/** A criteria set is a Word, Excel or PDF file: larger than a form, far under an upload of a plan. */
const CRITERIA_SET_LIMIT_BYTES = 20 * 1024 * 1024;

/** The forms that carry files: a criteria set, and a criterion's evidence (a few files, each within the chat's limit). */
const PAR_UPLOADS: SubjectRoutes["uploads"] = [
  { method: "POST", path: "/par/import", maxSize: CRITERIA_SET_LIMIT_BYTES },
  { method: "POST", path: "/par/file", maxSize: EVIDENCE_REQUEST_LIMIT_BYTES },
];

export function parRoutes(deps: ParRouteDeps, render: PageRender = signedInRender): SubjectRoutes {
  const app = new Hono<WebEnv>();
  const show = parShower(deps, render);
  const back = (c: Context<WebEnv>, year: number) => c.redirect(`/par?year=${year}`, 303);

  app.get("/par", (c) => show(c, yearOf(c, c.req.query("year"))));

  app.post("/par/import", criteriaSetUpload(deps, render, show));

  app.post("/par/start", async (c) => {
    const form = await c.req.parseBody();
    const year = yearOf(c, form.year);
    const deadline = field(form, "deadline", 10);
    const result = await startParAssessment(deps.db, c.get("viewer"), c.get("viewer").organizationSlug, {
      year,
      province: field(form, "province", 60),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(deadline) ? { deadline } : {}),
    });
    if (result.kind === "no-set") {
      return show(c, year, 400, { error: c.get("t")("web-par-no-set", { province: result.province, year }) });
    }
    if (result.kind !== "ok") return render.notFound(c);
    return back(c, year);
  });

  app.post("/par/link", async (c) => {
    const form = await c.req.parseBody();
    const year = yearOf(c, form.year);
    const taskId = field(form, "task", 40);
    if (!isId(taskId)) return render.notFound(c);
    const result = await decideParLink(deps.db, c.get("viewer"), c.get("viewer").organizationSlug, {
      year,
      criterionCode: field(form, "code", 20),
      taskId,
      decision: field(form, "decision", 10) === "confirmed" ? "confirmed" : "rejected",
      now: deps.now(),
    });
    return result.kind === "ok" ? back(c, year) : render.notFound(c);
  });

  app.post("/par/score", async (c) => {
    const form = await c.req.parseBody();
    const year = yearOf(c, form.year);
    const code = field(form, "code", 20);
    const result = await setParSelfScore(deps.db, c.get("viewer"), c.get("viewer").organizationSlug, {
      year,
      criterionCode: code,
      points: field(form, "points", 10),
      justification: field(form, "justification", 2000),
      now: deps.now(),
    });
    if (result.kind === "invalid") {
      return show(c, year, 400, {
        error: c.get("t")("web-par-score-invalid", { code, max: String(result.maxPoints).replace(".", ",") }),
      });
    }
    return result.kind === "ok" ? back(c, year) : render.notFound(c);
  });

  app.post("/par/explanation", async (c) => {
    const form = await c.req.parseBody();
    const year = yearOf(c, form.year);
    const result = await setParExplanation(deps.db, c.get("viewer"), c.get("viewer").organizationSlug, {
      year,
      criterionCode: field(form, "code", 20),
      text: field(form, "text", 4000),
      now: deps.now(),
    });
    return result.kind === "ok" ? back(c, year) : render.notFound(c);
  });

  app.post("/par/reference", async (c) => {
    const form = await c.req.parseBody();
    const year = yearOf(c, form.year);
    const result = await addParEvidence(deps.db, c.get("viewer"), REFERENCES_ONLY, c.get("viewer").organizationSlug, {
      year,
      criterionCode: field(form, "code", 20),
      evidence: { reference: field(form, "reference", 1000) },
      now: deps.now(),
    });
    if (result.kind === "bad-reference") return show(c, year, 400, { error: c.get("t")("web-par-reference-bad") });
    return result.kind === "ok" ? back(c, year) : render.notFound(c);
  });

  app.post("/par/file", criterionFileUpload(deps, render, show));

  app.post("/par/chase", async (c) => {
    const form = await c.req.parseBody();
    const year = yearOf(c, form.year);
    const result = await syncParChase(deps.db, c.get("viewer"), c.get("viewer").organizationSlug, year, deps.now());
    if (result.kind === "no-deadline") return show(c, year, 400, { error: c.get("t")("par-no-deadline") });
    if (result.kind !== "ok") return render.notFound(c);
    await deps.scheduleSlots?.(result.slots);
    return back(c, year);
  });

  const download = parDownloader(deps, render, show);
  app.get("/par/workbook", (c) => download(c, "workbook"));
  app.get("/par/bundle", (c) => download(c, "bundle"));
  return { routes: app, uploads: PAR_UPLOADS };
}
